/**
 * The local intranet in one process: the embedded SharePoint-compatible store
 * (`/sites/pst/_api/...`) with SharePoint's permission model, the local Graph
 * (`/graph/v1.0/...`, with an outbox), the page that shows the web parts (Vite), and the
 * local directory of users, and the SPFx workbench page (workbench/). On an empty data file the sample PST is loaded. Everything
 * listens on 127.0.0.1 only and answers only with the local sign-in key (localSession.ts).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { startEmbeddedStore, roleBasedAuthorizer, EmbeddedStore } from '../store';
import { isoDateOfLocalDay, IsoDate } from '../../domain/model';
import { createPageServer, servePage } from './pageServer';
import { LOCAL_REMINDER_MAILBOX, SAMPLE_USERS } from './samplePst';
import { seedSamplePst, SeedReport } from './seed';
import { LocalGraph } from './localGraph';
import { LocalSession } from './localSession';
import { createWorkbench, WORKBENCH_PATH } from './workbench/workbench';

const REPO_ROOT = path.resolve(__dirname, '../../..');
const ICON_FONTS = path.join(REPO_ROOT, 'node_modules', '@fluentui', 'font-icons-mdl2', 'fonts');

export interface LocalIntranetOptions {
  readonly dataFile: string;
  /** 0 = a free port. */
  readonly port: number;
  /** The day the sample PST is built around (default: today). */
  readonly today?: IsoDate;
}

export interface LocalIntranet {
  /** `http://localhost:<port>` */
  readonly url: string;
  /** The SPFx workbench page (framework runtime + ship build), `${url}${WORKBENCH_PATH}`. */
  readonly workbenchUrl: string;
  /** The local sign-in of this start (its key, the key file, the sign-in link). */
  readonly session: LocalSession;
  readonly store: EmbeddedStore;
  readonly graph: LocalGraph;
  /** Set when this start loaded the sample PST. */
  readonly seeded: SeedReport | null;
  close(): Promise<void>;
}

/** Fluent's icon fonts, served locally: the page must work without Microsoft's CDN. */
export function serveIconFont(res: ServerResponse, name: string): boolean {
  const file = path.join(ICON_FONTS, path.basename(name));
  if (!file.endsWith('.woff') || !fs.existsSync(file)) return false;
  res.writeHead(200, { 'Content-Type': 'font/woff', 'Cache-Control': 'public, max-age=86400' });
  res.end(fs.readFileSync(file));
  return true;
}

function json(res: ServerResponse, value: unknown): boolean {
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(value));
  return true;
}

export async function startLocalIntranet(options: LocalIntranetOptions): Promise<LocalIntranet> {
  fs.mkdirSync(path.dirname(options.dataFile), { recursive: true });
  const firstStart = options.dataFile === ':memory:' || !fs.existsSync(options.dataFile);
  const memory = options.dataFile === ':memory:';
  const session = LocalSession.start(memory ? path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pst-local-')), 'pst.sqlite') : options.dataFile);
  const workbench = createWorkbench(SAMPLE_USERS);
  const page = await createPageServer('fr-fr', memory ? undefined : path.dirname(path.resolve(options.dataFile)));
  const store = await startEmbeddedStore({
    dataFile: options.dataFile,
    port: options.port,
    authorize: roleBasedAuthorizer,
    // Every request needs the key of this start (localSession.ts): /_api answers 401 without it.
    resolveUser: (req) => session.callerOf(req),
    // Signed-in callers only; anyone else reaches the store, which refuses them.
    hostApiRoutes: async (req: IncomingMessage, res: ServerResponse, url: URL) => session.isSignedIn(req) && (await workbench.handleApi(req, res, url)),
    extraRoutes: async (req: IncomingMessage, res: ServerResponse, url: URL) => {
      if (await session.handleSignIn(req, res, url)) return true;
      if (!session.isSignedIn(req)) {
        session.refuse(res, url);
        return true;
      }
      if (url.pathname === '/local/users') return json(res, SAMPLE_USERS);
      if (url.pathname === '/local/outbox') return json(res, graph.outbox());
      if (url.pathname === '/local/activity') return json(res, graph.activityFeed());
      if (url.pathname.startsWith('/local/fonts/')) return serveIconFont(res, url.pathname);
      if (await graph.handle(req, res, url)) return true;
      if (await workbench.handle(req, res, url)) return true;
      if (url.pathname.includes('/_api/')) return false;
      return servePage(page, req, res);
    },
  });
  // Opened after the store so that the store creates the file and its schema first.
  const graph = new LocalGraph(options.dataFile, () => SAMPLE_USERS, (req) => session.callerOf(req));
  for (const user of SAMPLE_USERS) store.db.ensureUser({ email: user.email, title: user.displayName, isSiteAdmin: user.role === 'coordinator' });
  // `npm run reminders` signs in as the mailbox's app identity, which may read and write the site.
  store.db.ensureUser({ email: LOCAL_REMINDER_MAILBOX, title: 'PST (rappels)', isSiteAdmin: true });
  const seeded = firstStart ? await seedSamplePst(store.siteUrl, options.today ?? isoDateOfLocalDay(new Date()), session.key) : null;
  const url = store.url.replace('127.0.0.1', 'localhost');
  return {
    url,
    workbenchUrl: `${url}${WORKBENCH_PATH}`,
    session,
    store,
    graph,
    seeded,
    async close() {
      await store.close();
      graph.close();
      await page.close();
      session.close();
    },
  };
}
