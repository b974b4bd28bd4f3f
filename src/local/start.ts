/**
 * `npm start`: the local intranet. One process serves the embedded SharePoint-compatible
 * store (`/sites/pst/_api/...`), the local Graph (`/graph/v1.0/...`, with an outbox), the
 * page that shows the web parts, and the local directory of users. The data lives in
 * `data/pst.sqlite` (ignored by git); on first start the sample PST is loaded.
 * `npm start -- --reset` starts again from the sample; `--port` changes the port.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { startEmbeddedStore, roleBasedAuthorizer } from '../store';
import { isoDateOfLocalDay } from '../domain/model';
import { createPageServer, servePage } from './pageServer';
import { SAMPLE_USERS } from './samplePst';
import { seedSamplePst } from './seed';
import { LocalGraph } from './localGraph';

const REPO_ROOT = path.resolve(__dirname, '../..');

const ICON_FONTS = path.join(REPO_ROOT, 'node_modules', '@fluentui', 'font-icons-mdl2', 'fonts');

/** Fluent's icon fonts, served locally: the page must work without Microsoft's CDN. */
function serveIconFont(res: ServerResponse, name: string): boolean {
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

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env.PORT ?? '4321' },
      data: { type: 'string', default: path.join(REPO_ROOT, 'data', 'pst.sqlite') },
      reset: { type: 'boolean', default: false },
    },
  });
  const dataFile = values.data!;
  fs.mkdirSync(path.dirname(dataFile), { recursive: true });
  if (values.reset) for (const suffix of ['', '-wal', '-shm']) fs.rmSync(dataFile + suffix, { force: true });
  const firstStart = !fs.existsSync(dataFile);

  const page = await createPageServer();
  const graph = new LocalGraph(dataFile, () => SAMPLE_USERS);
  const store = await startEmbeddedStore({
    dataFile,
    port: Number(values.port),
    authorize: roleBasedAuthorizer,
    extraRoutes: async (req: IncomingMessage, res: ServerResponse, url: URL) => {
      if (url.pathname === '/local/users') return json(res, SAMPLE_USERS);
      if (url.pathname === '/local/outbox') return json(res, graph.outbox());
      if (url.pathname.startsWith('/local/fonts/')) return serveIconFont(res, url.pathname);
      if (await graph.handle(req, res, url)) return true;
      if (url.pathname.includes('/_api/')) return false;
      return servePage(page, req, res);
    },
  });
  for (const user of SAMPLE_USERS) store.db.ensureUser({ email: user.email, title: user.displayName, isSiteAdmin: user.role === 'coordinator' });

  if (firstStart) {
    const today = isoDateOfLocalDay(new Date());
    console.log(`Premier démarrage : chargement du PST d'exemple dans ${path.relative(REPO_ROOT, dataFile)}…`);
    const report = await seedSamplePst(store.siteUrl, today);
    console.log(`PST d'exemple chargé : ${report.actions} actions, ${report.checkIns} suivis.`);
  }
  const shownUrl = store.url.replace('127.0.0.1', 'localhost');
  console.log(`\nIntranet local du PST : ${shownUrl}/\n`);

  const stop = async (): Promise<void> => {
    await store.close();
    graph.close();
    await page.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`Le démarrage a échoué : ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
