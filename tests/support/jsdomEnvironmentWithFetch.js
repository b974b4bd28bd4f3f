// jsdom with Node's fetch API and TextDecoder: components that talk to an in-memory
// SharePoint through PnPjs (and the importer's readers) need them, as a browser has them.
// Its teardown first lets pending work settle (a lazy chunk that resolves, React's
// act() flushing on a real setImmediate): run after jsdom is gone, such work throws
// "The `document` global was defined when React was initialized…" and kills the worker.
const JsdomEnvironment = require('jest-environment-jsdom').TestEnvironment;

class JsdomEnvironmentWithFetch extends JsdomEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of ['fetch', 'Headers', 'Request', 'Response', 'TextDecoder', 'TextEncoder']) {
      this.global[name] = globalThis[name];
    }
  }

  async teardown() {
    for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve));
    await super.teardown();
  }
}

module.exports = JsdomEnvironmentWithFetch;
