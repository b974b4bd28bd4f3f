/**
 * The SPFx workbench of the local intranet: `/sites/pst/_layouts/15/workbench.aspx`
 * (`?webparts=tree,cards,dashboard`, `&lang=en`, `&theme=teamsDark`). It answers inside the
 * intranet's own server, so it listens on 127.0.0.1 and sits behind the same sign-in.
 * The framework's files are served verbatim from node_modules, the solution's from release/.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HOST_THEMES, HostTheme } from '../../../components/ui/themes';
import { USER_COOKIE } from '../../store';
import type { LocalUser } from '../samplePst';
import { fluentBundle, FluentBundle } from './fluentBundles';
import { ComponentManifest, MICROSOFT_PACKAGES, pageManifests, RELEASE, REPO_ROOT, ROUTES, solutionManifests } from './manifests';
import { SHIM_SOURCES, shimFor, sliceModuleSource, UnknownComponentError } from './shims';
import { WORKBENCH_APP_SOURCE } from './workbenchApp';
import { noBuildPage, WEB_PART_KEYS, workbenchPage, WorkbenchLang } from './workbenchPage';

export const WORKBENCH_PATH = '/sites/pst/_layouts/15/workbench.aspx';
/** Where SPFx's loader asks for manifests it was not given with the page (`ManifestProvider`). */
export const CLIENT_SIDE_COMPONENTS_PATH = '/sites/pst/_api/web/getclientsidecomponents';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): true {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' });
  res.end(body);
  return true;
}

/** A file strictly inside `folder`, or undefined (no `..` escapes). */
function fileInside(folder: string, relative: string): string | undefined {
  const file = path.resolve(folder, relative);
  if (!file.startsWith(folder + path.sep)) return undefined;
  return fs.existsSync(file) && fs.statSync(file).isFile() ? file : undefined;
}

function sendFile(res: ServerResponse, file: string | undefined): true {
  if (!file) return send(res, 404, 'text/plain; charset=utf-8', 'not found');
  res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' });
  fs.createReadStream(file).pipe(res);
  return true;
}

/** A framework file: its package's dist, else any package's (the loader assembly inlines several packages whose chunks resolve against its own URL). */
function frameworkFile(pkg: string, relative: string): string | undefined {
  const own = fileInside(path.join(MICROSOFT_PACKAGES, pkg, 'dist'), relative);
  if (own) return own;
  for (const other of fs.readdirSync(MICROSOFT_PACKAGES)) {
    const found = fileInside(path.join(MICROSOFT_PACKAGES, other, 'dist'), relative);
    if (found) return found;
  }
  return undefined;
}

function cookieOf(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.substring(0, at).trim() === name) return decodeURIComponent(part.substring(at + 1).trim());
  }
  return undefined;
}

async function serveShim(res: ServerResponse, name: string): Promise<true> {
  if (name === 'sp-application-base.js') return send(res, 200, TYPES['.js'], WORKBENCH_APP_SOURCE);
  if (name === 'empty.js') return send(res, 200, TYPES['.js'], 'define([], function () { return {}; });\n');
  if (name === 'npm/react.js') return sendFile(res, path.join(REPO_ROOT, 'node_modules', 'react', 'umd', 'react.production.min.js'));
  if (name === 'npm/react-dom.js') return sendFile(res, path.join(REPO_ROOT, 'node_modules', 'react-dom', 'umd', 'react-dom.production.min.js'));
  const bundle = /^(fluent8|fluent9|icons|graphClient)\.js$/.exec(name)?.[1] as FluentBundle | undefined;
  if (bundle) return send(res, 200, TYPES['.js'], await fluentBundle(bundle));
  const shim = shimFor(name.replace(/\.js$/, ''));
  if (shim?.answer === 'source') return send(res, 200, TYPES['.js'], SHIM_SOURCES[shim.alias]);
  if (shim && shim.answer !== 'assembly' && shim.answer !== 'npm') return send(res, 200, TYPES['.js'], sliceModuleSource(shim));
  // An id the table maps to the loader assembly or to npm is never fetched here: say so loudly.
  console.error(`[workbench] shim demandé sans réponse (shim requested without an answer): ${name}`);
  return send(res, 404, 'text/plain; charset=utf-8', `no shim ${name}`);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * `POST …/_api/web/GetClientSideComponents`: the framework asks, at run time, for components
 * whose manifests the page did not preload. Those the page knows are answered as SharePoint
 * does (`Status` 0 and the manifest); any other id is one the shim table lacks: 501 with a
 * message naming it, also written to the server's console and shown by the page.
 */
async function answerComponentRequest(req: IncomingMessage, res: ServerResponse, known: readonly ComponentManifest[]): Promise<true> {
  let asked: { id?: unknown; version?: unknown }[] = [];
  try {
    const body = JSON.parse(await readBody(req)) as { components?: unknown };
    if (Array.isArray(body.components)) asked = body.components as { id?: unknown; version?: unknown }[];
  } catch {
    // An unreadable body asks for nothing: answered below as an empty list.
  }
  const ids = asked.map((c) => String(c.id ?? '').toLowerCase()).filter((id) => id !== '');
  const byId = new Map(known.map((m) => [m.id.toLowerCase(), m]));
  const missing = ids.filter((id) => !byId.has(id));
  if (missing.length > 0) {
    const error = new UnknownComponentError(missing);
    console.error(`[workbench] ${error.message}`);
    return send(res, 501, 'application/json; charset=utf-8', JSON.stringify({ 'odata.error': { code: '-1, UnknownComponentError', message: { lang: 'fr-FR', value: error.message } } }));
  }
  const value = ids.map((id) => ({ Id: id, Status: 0, Manifest: JSON.stringify(byId.get(id)) }));
  return send(res, 200, 'application/json; charset=utf-8', JSON.stringify({ value }));
}

export interface Workbench {
  /** True when the request was the workbench's. */
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean>;
  /** The site API requests the workbench answers before the store (GetClientSideComponents). */
  handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean>;
}

export function createWorkbench(users: readonly LocalUser[], siteTitle = 'PST'): Workbench {
  return {
    async handleApi(req, res, url) {
      if (url.pathname.toLowerCase() !== CLIENT_SIDE_COMPONENTS_PATH || req.method !== 'POST') return false;
      const origin = `http://${req.headers.host ?? 'localhost'}`;
      return answerComponentRequest(req, res, pageManifests(origin, solutionManifests(origin) ?? []));
    },
    async handle(req, res, url) {
      const pathname = decodeURIComponent(url.pathname);
      if (pathname === WORKBENCH_PATH) {
        const origin = `http://${req.headers.host ?? 'localhost'}`;
        const solution = solutionManifests(origin);
        if (!solution) return send(res, 503, 'text/html; charset=utf-8', noBuildPage());
        const wanted = (url.searchParams.get('webparts') ?? 'tree,cards,dashboard').split(',').filter((key) => WEB_PART_KEYS[key]);
        const lang: WorkbenchLang = url.searchParams.get('lang') === 'en' ? 'en' : 'fr';
        const themeParam = url.searchParams.get('theme') as HostTheme | null;
        const theme: HostTheme = themeParam && HOST_THEMES.includes(themeParam) ? themeParam : 'sharepoint';
        const user = users.find((u) => u.email === cookieOf(req, USER_COOKIE)) ?? users[0];
        let manifests;
        try {
          manifests = pageManifests(origin, solution);
        } catch (error) {
          if (error instanceof UnknownComponentError) console.error(`[workbench] ${error.message}`);
          throw error;
        }
        const html = workbenchPage({ origin, manifests, solution, webParts: wanted.length ? wanted : ['tree', 'cards', 'dashboard'], lang, theme, user, users, siteTitle });
        res.writeHead(200, {
          'Content-Type': 'text/html; charset=utf-8',
          'Cache-Control': 'no-store',
          // The store reads who acts from this cookie, as the local page's switcher sets it.
          'Set-Cookie': `${USER_COOKIE}=${encodeURIComponent(user.email)}; Path=/; SameSite=Strict`,
        });
        res.end(html);
        return true;
      }
      if (pathname.startsWith(ROUTES.framework)) {
        const [pkg, ...rest] = pathname.substring(ROUTES.framework.length).split('/');
        return sendFile(res, frameworkFile(pkg, rest.join('/')));
      }
      if (pathname.startsWith(ROUTES.release)) return sendFile(res, fileInside(path.join(RELEASE, 'assets'), pathname.substring(ROUTES.release.length)));
      if (pathname.startsWith(ROUTES.shims)) return serveShim(res, pathname.substring(ROUTES.shims.length));
      if (pathname === '/_workbench/telemetry') {
        req.resume();
        res.writeHead(204);
        res.end();
        return true;
      }
      return false;
    },
  };
}
