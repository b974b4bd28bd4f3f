/** Reads an SPFx AMD string file (`define([], function () { return {...}; })`) into an object. */
export function readAmdStrings(source: string): Record<string, string> {
  let strings: Record<string, string> = {};
  const define = (_deps: unknown, factory: () => Record<string, string>): void => {
    strings = factory();
  };
  new Function('define', source)(define);
  return strings;
}
