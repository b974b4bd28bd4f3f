// Jest 29's node environment hides Node's fetch API from tests; PnPjs and the tests need it.
const NodeEnvironment = require('jest-environment-node').TestEnvironment;

class NodeEnvironmentWithFetch extends NodeEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of ['fetch', 'Headers', 'Request', 'Response', 'FormData', 'AbortController', 'AbortSignal']) {
      this.global[name] = globalThis[name];
    }
  }
}

module.exports = NodeEnvironmentWithFetch;
