/**
 * First render on the SPFx workbench page, with the production ship bundle (release/,
 * React production mode) run by SharePoint Framework's own runtime, against an embedded
 * store holding a generated plan. `npm run bench:render -- --spfx` calls it (renderTime.ts).
 * Where the time goes, per web part (median of the runs, from navigation):
 * - framework: until the page's first REST request (loader, manifests, web part onInit);
 * - data: until the snapshot's $batch has answered (SharePoint REST, the store);
 * - render: from there to the web part's content (domain: roll-up, filters; React render).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { startEmbeddedStore, roleBasedAuthorizer } from '../../src/node/store';
import { ensurePstLists } from '../../src/data/provisioning';
import { createNodeSp } from '../../src/node/sp/nodeSp';
import { SAMPLE_USERS } from '../../src/node/local/samplePst';
import { createWorkbench, WORKBENCH_PATH } from '../../src/node/local/workbench/workbench';
import { insertGeneratedPlan } from './generatedPlan';
import { launchChromium } from '../node/local/intranetSupport';

const REPO = path.resolve(__dirname, '../..');
const ICON_FONTS = path.join(REPO, 'node_modules', '@fluentui', 'font-icons-mdl2', 'fonts');

export interface SpfxRenderFigures {
  readonly actions: number;
  readonly runs: number;
  /** Milliseconds from navigation, medians, per web part. */
  readonly webParts: Record<'tree' | 'cards' | 'dashboard', { framework: number; data: number; render: number; total: number }>;
}

const CONTENT: Record<'tree' | 'cards' | 'dashboard', string> = {
  tree: '[data-webpart="tree"] [role="treeitem"]',
  cards: '[data-webpart="cards"] article',
  dashboard: '[data-webpart="dashboard"] .pst-kpi',
};

const median = (values: number[]): number => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function measureSpfxPageRender(actions: number, runs: number): Promise<SpfxRenderFigures> {
  if (!fs.existsSync(path.join(REPO, 'release', 'manifests'))) throw new Error('Pas de build de livraison : lancez d’abord `npm run build`.');
  const coordinator = SAMPLE_USERS[0];
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pst-render-spfx-'));
  const workbench = createWorkbench(SAMPLE_USERS);
  const store = await startEmbeddedStore({
    dataFile: path.join(folder, 'render.sqlite'),
    authorize: roleBasedAuthorizer,
    extraRoutes: async (req: IncomingMessage, res: ServerResponse, url: URL) => {
      if (url.pathname.startsWith('/local/fonts/')) {
        const file = path.join(ICON_FONTS, path.basename(url.pathname));
        if (!fs.existsSync(file)) return false;
        res.writeHead(200, { 'Content-Type': 'font/woff' });
        res.end(fs.readFileSync(file));
        return true;
      }
      return workbench.handle(req, res, url);
    },
  });
  const browser = await launchChromium();
  try {
    const admin = store.db.ensureUser({ email: coordinator.email, title: coordinator.displayName, isSiteAdmin: true });
    const report = await ensurePstLists(createNodeSp(store.siteUrl, async () => `local:${coordinator.email}`), '/sites/pst');
    insertGeneratedPlan(store, report.listIds, admin.id, { os: actions / 100, oo: actions / 10, actions, checkIns: actions * 2 }, '2026-11-23');
    const origin = store.url.replace('127.0.0.1', 'localhost');
    const samples: Record<string, { framework: number[]; data: number[]; render: number[]; total: number[] }> = {};
    for (const key of Object.keys(CONTENT) as (keyof typeof CONTENT)[]) {
      samples[key] = { framework: [], data: [], render: [], total: [] };
      // One web part per page, as the bundle's target is stated; run 0 warms the server's caches.
      for (let run = 0; run <= runs; run++) {
        const context = await browser.newContext({ viewport: { width: 1600, height: 1100 } });
        await context.addCookies([{ name: 'pst-user', value: encodeURIComponent(coordinator.email), url: origin }]);
        const tab = await context.newPage();
        await tab.goto(`${origin}${WORKBENCH_PATH}?webparts=${key}`);
        await tab.waitForSelector(CONTENT[key], { timeout: 300_000 });
        const times = await tab.evaluate(() => {
          const api = performance.getEntriesByType('resource').filter((e) => e.name.includes('/_api/')) as PerformanceResourceTiming[];
          const batches = api.filter((e) => e.name.endsWith('/_api/$batch'));
          return { firstApi: Math.min(...api.map((e) => e.startTime)), dataDone: Math.max(...batches.map((e) => e.responseEnd)), now: performance.now() };
        });
        if (run > 0) {
          samples[key].framework.push(times.firstApi);
          samples[key].data.push(times.dataDone - times.firstApi);
          samples[key].render.push(times.now - times.dataDone);
          samples[key].total.push(times.now);
        }
        await context.close();
      }
    }
    const figure = (key: string) => ({ framework: median(samples[key].framework), data: median(samples[key].data), render: median(samples[key].render), total: median(samples[key].total) });
    return { actions, runs, webParts: { tree: figure('tree'), cards: figure('cards'), dashboard: figure('dashboard') } };
  } finally {
    await browser.close();
    await store.close();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

export function printSpfxRenderFigures(figures: SpfxRenderFigures): void {
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  console.log(`Premier rendu de ${figures.actions} actions sur la page SPFx (build de livraison, React en production, médiane de ${figures.runs} chargements, une partie par page) :`);
  console.log('| web part | moteur SPFx | données | rendu | total |');
  console.log('| --- | --- | --- | --- | --- |');
  const names = { tree: 'Arbre des objectifs', cards: 'Fiches projets', dashboard: 'Tableau de bord du PST' };
  for (const key of ['tree', 'cards', 'dashboard'] as const) {
    const f = figures.webParts[key];
    console.log(`| ${names[key]} | ${ms(f.framework)} | ${ms(f.data)} | ${ms(f.render)} | ${ms(f.total)} |`);
  }
}
