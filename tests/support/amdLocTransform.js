// SPFx string files are AMD modules (`define([], function () { return {...}; })`):
// Jest runs them as CommonJS by giving them a `define` that exports the factory's result.
module.exports = {
  process(source) {
    return { code: `const define = (deps, factory) => { module.exports = factory(); };\n${source}` };
  },
};
