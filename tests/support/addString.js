#!/usr/bin/env node
// Adds (or replaces) one string in src/strings/loc/fr-fr.js, en-us.js and mystrings.d.ts, under a
// lock so that several people editing at once do not overwrite each other.
// Usage: node tests/support/addString.js Key "texte français" "English text"
const fs = require('fs');
const path = require('path');

const [key, fr, en] = process.argv.slice(2);
if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key || '') || fr === undefined || en === undefined) {
  console.error('usage: addString.js Key "français" "English"');
  process.exit(2);
}
const loc = path.resolve(__dirname, '../../src/strings/loc');
const lock = path.join(loc, '.lock');
const deadline = Date.now() + 10000;
for (;;) {
  try { fs.mkdirSync(lock); break; } catch (e) {
    if (Date.now() > deadline) { console.error('src/strings/loc is locked (remove src/strings/loc/.lock if stale)'); process.exit(1); }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
  }
}
try {
  const read = (file) => { let o; const define = (d, f) => { o = f(); }; new Function('define', fs.readFileSync(file, 'utf8'))(define); return o; };
  const write = (file, strings) => {
    const body = Object.keys(strings).map((k) => `    ${k}: ${JSON.stringify(strings[k])}`).join(',\n');
    fs.writeFileSync(file, `define([], function () {\n  return {\n${body}\n  };\n});\n`);
  };
  const frFile = path.join(loc, 'fr-fr.js');
  const enFile = path.join(loc, 'en-us.js');
  const frStrings = read(frFile); frStrings[key] = fr; write(frFile, frStrings);
  const enStrings = read(enFile); enStrings[key] = en; write(enFile, enStrings);
  const keys = Object.keys(frStrings);
  fs.writeFileSync(path.join(loc, 'mystrings.d.ts'),
    `declare interface IPstStrings {\n${keys.map((k) => `  ${k}: string;`).join('\n')}\n}\n\ndeclare module 'PstStrings' {\n  const strings: IPstStrings;\n  export = strings;\n}\n`);
} finally {
  fs.rmdirSync(lock);
}
