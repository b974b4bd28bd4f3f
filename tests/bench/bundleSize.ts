/**
 * `npm run bench:bundle` (after `npm run build`): what the solution's ship build makes a
 * page download, gzipped (as the CDN serves it). First each file of release/assets; then,
 * per page type, measured in Chromium on the SPFx workbench page of `npm start` (the
 * framework's own loader decides what it fetches): the solution's files requested before
 * the content first shows, those the page preloads by itself after it, and those fetched
 * on demand when an action's panel is opened. The
 * framework's own files are not counted: SharePoint serves them to every page.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium, startLocalIntranet } from '../node/local/intranetSupport';

// SPFx 1.23 writes the ship bundles to release/assets.
const ASSETS = path.resolve(__dirname, '../../release/assets');
const TARGET_KB = 150;
const RELEASE_FILE = /\/_workbench\/release\/([^?]+\.js)/;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1).replace('.', ',')} Ko`;
const gzipOf = new Map<string, number>();
function gzipSize(file: string): number {
  if (!gzipOf.has(file)) gzipOf.set(file, gzipSync(fs.readFileSync(path.join(ASSETS, file)), { level: 9 }).length);
  return gzipOf.get(file)!;
}
const total = (files: Iterable<string>) => [...files].reduce((sum, f) => sum + gzipSize(f), 0);

function printFiles(): void {
  const rows = fs
    .readdirSync(ASSETS)
    .filter((f) => f.endsWith('.js'))
    .map((file) => ({ file, raw: fs.statSync(path.join(ASSETS, file)).size, gzip: gzipSize(file) }))
    .sort((a, b) => b.raw - a.raw);
  const width = Math.max(...rows.map((r) => r.file.length));
  console.log(`${'fichier'.padEnd(width)}  ${'brut'.padStart(10)}  ${'gzip'.padStart(10)}`);
  for (const r of rows) console.log(`${r.file.padEnd(width)}  ${kb(r.raw).padStart(10)}  ${kb(r.gzip).padStart(10)}`);
}

const PAGES: { name: string; webparts: string; content: string; action: string }[] = [
  { name: 'Arbre des objectifs seul', webparts: 'tree', content: '[data-webpart="tree"] [role="treeitem"]', action: '' },
  { name: 'Fiches projets seules', webparts: 'cards', content: '[data-webpart="cards"] article', action: '[data-webpart="cards"] article button' },
  { name: 'Tableau de bord seul', webparts: 'dashboard', content: '[data-webpart="dashboard"] .pst-kpi', action: '' },
  { name: 'Les trois parties', webparts: 'tree,cards,dashboard', content: '[data-webpart="dashboard"] .pst-kpi', action: '[data-webpart="cards"] article button' },
];

async function measurePages(): Promise<void> {
  const intranet = await startLocalIntranet('pst-bundle-');
  const browser = await launchChromium();
  try {
    console.log(`\nPar type de page (page SPFx locale, gzip ; cible ≤ ${TARGET_KB} Ko avant le premier rendu d'une page à une partie) :`);
    console.log('| page | avant le premier rendu | après le premier rendu (préchargé) | panneau d’une action (à la demande) | jamais chargé ici (import, rapports, autres vues) |');
    console.log('| --- | --- | --- | --- | --- |');
    const all = fs.readdirSync(ASSETS).filter((f) => f.endsWith('.js'));
    for (const pageType of PAGES) {
      const context = await browser.newContext({ viewport: { width: 1500, height: 1000 } });
      await context.addCookies([{ name: 'pst-session', value: intranet.sessionKey, url: intranet.baseUrl }]);
      const page = await context.newPage();
      const fetched: string[] = [];
      page.on('request', (request) => {
        const match = RELEASE_FILE.exec(request.url());
        if (match && !fetched.includes(match[1])) fetched.push(match[1]);
      });
      // The time the content first shows, noted in the page, so that only what was requested
      // before it counts: what a web part fetches once it has rendered does not delay the render.
      // tsx (esbuild, keepNames) wraps named functions in `__name(…)`: the page needs it too.
      await page.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
      await page.addInitScript((selector: string) => {
        const win = window as unknown as { __pstShownAt?: number };
        const check = (): void => {
          if (document.querySelector(selector)) win.__pstShownAt = performance.now();
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }, pageType.content);
      await page.goto(`${intranet.baseUrl}/sites/pst/_layouts/15/workbench.aspx?webparts=${pageType.webparts}`);
      await page.waitForSelector(pageType.content, { timeout: 180_000 });
      const requestedBeforeRender = await page.evaluate((pattern: string) => {
        const shownAt = (window as unknown as { __pstShownAt: number }).__pstShownAt;
        return performance
          .getEntriesByType('resource')
          .filter((entry) => entry.startTime <= shownAt)
          .map((entry) => new RegExp(pattern).exec(entry.name)?.[1])
          .filter((file): file is string => !!file);
      }, RELEASE_FILE.source);
      const initial = fetched.filter((file) => requestedBeforeRender.includes(file));
      // what the page fetches by itself once shown (code preloaded for the next interactions)
      await page.waitForTimeout(2000);
      const afterRender = fetched.filter((file) => !initial.includes(file));
      let onDemand: string[] = [];
      if (pageType.action) {
        await page.locator(pageType.action).first().click();
        await page.getByRole('dialog').getByRole('heading').first().waitFor({ timeout: 60_000 });
        await page.waitForTimeout(1000);
        onDemand = fetched.filter((f) => !initial.includes(f) && !afterRender.includes(f));
      }
      const never = all.filter((f) => !fetched.includes(f));
      const list = (files: string[]) => (files.length ? `${kb(total(files))} (${files.length} fichier(s))` : '–');
      console.log(`| ${pageType.name} | ${list(initial)} | ${list(afterRender)} | ${list(onDemand)} | ${list(never)} |`);
      // `--detail`: which files, to see what a first render pulls in.
      if (process.argv.includes('--detail')) for (const file of initial) console.log(`|   ${file} | ${kb(gzipSize(file))} | | | |`);
      await context.close();
    }
  } finally {
    await browser.close();
    intranet.stop();
  }
}

async function main(): Promise<void> {
  if (!fs.existsSync(ASSETS)) {
    console.error('Pas de build : lancez d’abord `npm run build`.');
    process.exit(1);
  }
  printFiles();
  if (!process.argv.includes('--files')) await measurePages();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
