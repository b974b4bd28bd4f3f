/**
 * `npm run bench:bundle` (after `npm run build`): the size of each web part's bundle in
 * the ship build, raw and gzipped (what the browser downloads from the CDN).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';

// SPFx 1.23 writes the ship bundles to release/assets.
const deploy = path.resolve(__dirname, '../../release/assets');
if (!fs.existsSync(deploy)) {
  console.error('Pas de build : lancez d’abord `npm run build`.');
  process.exit(1);
}
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1).replace('.', ',')} Ko`;
const rows = fs
  .readdirSync(deploy)
  .filter((f) => f.endsWith('.js'))
  .map((file) => {
    const content = fs.readFileSync(path.join(deploy, file));
    return { file, raw: content.length, gzip: gzipSync(content, { level: 9 }).length };
  })
  .sort((a, b) => b.raw - a.raw);
const width = Math.max(...rows.map((r) => r.file.length));
console.log(`${'fichier'.padEnd(width)}  ${'brut'.padStart(10)}  ${'gzip'.padStart(10)}`);
for (const r of rows) console.log(`${r.file.padEnd(width)}  ${kb(r.raw).padStart(10)}  ${kb(r.gzip).padStart(10)}`);
