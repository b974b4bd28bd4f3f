import zlib from 'node:zlib';
import * as esbuild from 'esbuild';
const [entry, view, ...cutArgs] = process.argv.slice(2);
const cut = cutArgs.map((s) => new RegExp(s));
const plugin = { name: 'cut', setup(b) { b.onResolve({ filter: /.*/ }, (a) => {
  if (a.kind === 'dynamic-import' && a.path.includes(view)) return undefined;
  if (a.kind === 'dynamic-import' || cut.some((r) => r.test(a.path))) return { path: a.path, external: true };
}); } };
const r = await esbuild.build({ entryPoints: [entry], bundle: true, format: 'esm', write: false, minify: true, external: ['@microsoft/sp-*', 'PstStrings', 'react', 'react-dom'], define: { 'process.env.NODE_ENV': '"production"' }, logLevel: 'error', plugins: [plugin], metafile: true });
const b = r.outputFiles[0].contents;
console.log('raw', (b.length/1024).toFixed(1), 'gzip', (zlib.gzipSync(b, { level: 9 }).length/1024).toFixed(1));
if (process.env.TOP) { const out = Object.values(r.metafile.outputs)[0]; for (const [k, v] of Object.entries(out.inputs).sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput).slice(0, Number(process.env.TOP))) console.log((v.bytesInOutput/1024).toFixed(1).padStart(6), k); }
