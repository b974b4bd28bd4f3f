/**
 * Serves the local page with Vite in middleware mode, inside the store's own HTTP server:
 * one process, one URL, and `/_api` on the same origin as in SharePoint.
 */
import * as path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, Plugin, ViteDevServer } from 'vite';
import { readAmdStrings } from './amdStrings';

const REPO_ROOT = path.resolve(__dirname, '../../..');
const LOC_FOLDER = path.join(REPO_ROOT, 'src', 'strings', 'loc');

/** SPFx string files become ES modules with one named export per string, as `import * as strings` expects. */
function spfxStrings(locale: string): Plugin {
  const id = 'PstStrings';
  const file = path.join(LOC_FOLDER, `${locale}.js`);
  return {
    name: 'spfx-strings',
    enforce: 'pre',
    resolveId: (source) => (source === id ? file : undefined),
    transform(code, moduleId) {
      if (moduleId !== file) return undefined;
      const strings = readAmdStrings(code);
      return Object.keys(strings)
        .map((key) => `export const ${key} = ${JSON.stringify(strings[key])};`)
        .join('\n');
    },
  };
}

/**
 * Vite reaches `src/` and `node_modules/` only (not the repository root, so not `data/`),
 * and never the data folder of this start (`dataFolder`), a SQLite file or a key file.
 */
export async function createPageServer(locale = 'fr-fr', dataFolder?: string): Promise<ViteDevServer> {
  const deny = ['.env', '.env.*', '*.{crt,pem,key}', '**/.git/**', '**/*.sqlite', '**/*.sqlite-*'];
  if (dataFolder) deny.push(`${path.resolve(dataFolder).replace(/\\/g, '/')}/**`);
  return createServer({
    configFile: false,
    root: path.join(REPO_ROOT, 'src', 'node', 'local', 'page'),
    appType: 'spa',
    logLevel: 'warn',
    plugins: [spfxStrings(locale)],
    // ws: false: no WebSocket server (with hmr: false Vite still opened one on port 24678, on every interface).
    server: { middlewareMode: true, hmr: false, ws: false, fs: { strict: true, allow: [path.join(REPO_ROOT, 'src'), path.join(REPO_ROOT, 'node_modules')], deny } },
  });
}

/** Hands a request to Vite; resolves true when Vite answered it. */
export function servePage(vite: ViteDevServer, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  return new Promise((resolve) => {
    vite.middlewares(req, res, () => resolve(false));
    res.on('finish', () => resolve(true));
  });
}

/**
 * A production build of a page (minified, React in production mode), as SharePoint serves
 * the web parts: what the render benchmark measures. `root` holds the page's index.html
 * (default: the local intranet page); the files are written to `outDir`, for `base`.
 */
export async function buildPage(outDir: string, options: { root?: string; base?: string; locale?: string; minify?: boolean } = {}): Promise<void> {
  // Vite as an ES module: loaded through require() (tsx runs this file as CommonJS), its build
  // leaves out the preload of a lazy chunk's own imports, so they were fetched level after level.
  const { build } = (await new Function('specifier', 'return import(specifier)')('vite')) as typeof import('vite');
  await build({
    configFile: false,
    root: options.root ?? path.join(REPO_ROOT, 'src', 'node', 'local', 'page'),
    base: options.base ?? '/',
    logLevel: 'error',
    plugins: [spfxStrings(options.locale ?? 'fr-fr')],
    // no module-preload polyfill: every browser the web parts support has modulepreload
    build: { outDir, emptyOutDir: true, reportCompressedSize: false, modulePreload: { polyfill: false }, minify: options.minify ?? true },
  });
}
