// jsdom without Node's fetch API and TextDecoder: components that talk to an in-memory
// SharePoint through PnPjs (and the importer's readers) need them, as a browser has them.
const JsdomEnvironment = require('jest-environment-jsdom').TestEnvironment;

class JsdomEnvironmentWithFetch extends JsdomEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of ['fetch', 'Headers', 'Request', 'Response', 'TextDecoder', 'TextEncoder']) {
      this.global[name] = globalThis[name];
    }
  }
}

module.exports = JsdomEnvironmentWithFetch;
