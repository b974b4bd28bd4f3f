/**
 * `npm run bench:render`: time to first render of the three web parts on a plan of 5,000
 * actions, in Debian's Chromium, on the local page (same components as in SharePoint),
 * against the embedded store. Prints milliseconds from navigation to each web part's
 * content, and the page's JS heap.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { startEmbeddedStore, roleBasedAuthorizer } from '../../src/node/store';
import { ensurePstLists } from '../../src/data/provisioning';
import { createNodeSp } from '../../src/node/sp/nodeSp';
import { createPageServer, servePage } from '../../src/node/local/pageServer';
import { SAMPLE_USERS } from '../../src/node/local/samplePst';
import { insertGeneratedPlan } from './generatedPlan';
import { launchChromium } from '../node/local/intranetSupport';
import { measureSpfxPageRender, printSpfxRenderFigures } from './renderSpfxPage';

// `--spfx`: the SPFx workbench page with the ship build instead (renderSpfxPage.ts).
const SPFX_PAGE = process.argv.includes('--spfx');
const ACTIONS = Number(process.argv.slice(2).find((arg) => !arg.startsWith('--')) ?? 5000);
const COORDINATOR = SAMPLE_USERS[0];
const RUNS = 3;

async function main(): Promise<void> {
  if (SPFX_PAGE) return printSpfxRenderFigures(await measureSpfxPageRender(ACTIONS, RUNS));
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pst-render-'));
  const page = await createPageServer();
  const store = await startEmbeddedStore({
    dataFile: path.join(folder, 'render.sqlite'),
    authorize: roleBasedAuthorizer,
    extraRoutes: async (req: IncomingMessage, res: ServerResponse, url: URL) => {
      if (url.pathname === '/local/users') {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(SAMPLE_USERS));
        return true;
      }
      if (url.pathname.includes('/_api/') || url.pathname.startsWith('/graph/')) return false;
      return servePage(page, req, res);
    },
  });
  const browser = await launchChromium();
  try {
    const admin = store.db.ensureUser({ email: COORDINATOR.email, title: COORDINATOR.displayName, isSiteAdmin: true });
    const report = await ensurePstLists(createNodeSp(store.siteUrl, async () => `local:${COORDINATOR.email}`), '/sites/pst');
    insertGeneratedPlan(store, report.listIds, admin.id, { os: ACTIONS / 100, oo: ACTIONS / 10, actions: ACTIONS, checkIns: ACTIONS * 2 }, '2026-11-23');

    const url = store.url.replace('127.0.0.1', 'localhost');
    const results: Record<string, number[]> = { tree: [], cards: [], dashboard: [], heapMb: [] };
    for (let run = 0; run <= RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 1600, height: 1100 } });
      await context.addCookies([{ name: 'pst-user', value: encodeURIComponent(COORDINATOR.email), url }]);
      const tab = await context.newPage();
      await tab.goto(`${url}/`);
      const since = async (selector: string): Promise<number> => {
        await tab.waitForSelector(selector, { timeout: 120_000 });
        return tab.evaluate(() => performance.now());
      };
      const [tree, cards, dashboard] = await Promise.all([
        since('section[aria-label="Arbre des objectifs"] [role="treeitem"]'),
        since('section[aria-label="Fiches projets"] article'),
        since('section[aria-label="Tableau de bord du PST"] .pst-kpi'),
      ]);
      const heap = await tab.evaluate(() => ((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0) / 1048576);
      if (run > 0) {
        // run 0 warms Vite's transform cache; the others are measured
        results.tree.push(tree);
        results.cards.push(cards);
        results.dashboard.push(dashboard);
        results.heapMb.push(heap);
      }
      await context.close();
    }
    const median = (values: number[]) => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)];
    console.log(`Premier rendu de ${ACTIONS} actions dans Chromium (médiane de ${RUNS} chargements, depuis la navigation, page locale en mode développement) :`);
    console.log('| web part | premier rendu |');
    console.log('| --- | --- |');
    console.log(`| Arbre des objectifs | ${median(results.tree).toFixed(0)} ms |`);
    console.log(`| Fiches projets | ${median(results.cards).toFixed(0)} ms |`);
    console.log(`| Tableau de bord du PST | ${median(results.dashboard).toFixed(0)} ms |`);
    console.log(`Tas JavaScript de la page : ${median(results.heapMb).toFixed(0)} Mo`);
  } finally {
    await browser.close();
    await store.close();
    await page.close();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
