/**
 * `npm run bench:render -- ACTIONS [RUNS]`: the render of the local page (the three web parts,
 * the components SharePoint runs) on a generated plan, from a PRODUCTION build, in Debian's
 * Chromium, against the embedded store; and, in the same browser run, a plain virtualised
 * list of the same rows (the baseline). Prints a table, then one JSON line:
 * `{"actions","firstRenderMs","baselineMs","expandAllMs","worstKeystrokeMs"}` (medians).
 *
 * - firstRenderMs / baselineMs: client work from the arrival of the data (the last `/_api/`
 *   response before the content) until every web part (the list) shows rows and the frame
 *   after it is painted; the network and the store do not count.
 * - expandAllMs: « Tout déplier » clicked until the frame after is painted.
 * - worstKeystrokeMs: typing a search matching every action, one key at a time, the slowest
 *   key from the key to the frame after its result, the search box's own delay left out.
 *   The table also gives the slowest key of a search that keeps fewer actions at each key
 *   (NARROW_SEARCH, typed after the first was cleared): there the figures change every time.
 *
 * `measureLoadedPage` and `measureTreeInteractions` take any page URL, so another page
 * (e.g. the SPFx workbench) can be measured by the same code.
 *
 * `RENDER_PROFILE=1 npm run bench:render -- 5000 1`: an unminified build, and the functions
 * that took the most time (CPU profile of the last run) printed before the figures;
 * `RENDER_PROFILE=load` or `keys`: the profile of the load or of the interactions only.
 * `RENDER_TRACE=1 npm run bench:render -- 5000 1`: where the main thread spent the last load,
 * from the data to the last web part painted (script, style, layout, paint, idle), from a
 * Chromium trace (traceBreakdown.ts); `RENDER_TOP=N` lists N page functions instead of 40.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startEmbeddedStore, roleBasedAuthorizer } from '../../src/node/store';
import { ensurePstLists } from '../../src/data/provisioning';
import { createNodeSp } from '../../src/node/sp/nodeSp';
import { buildPage } from '../../src/node/local/pageServer';
import { serveIconFont } from '../../src/node/local/intranet';
import { SAMPLE_USERS } from '../../src/node/local/samplePst';
import { insertGeneratedPlan } from './generatedPlan';
import { launchChromium } from '../node/local/intranetSupport';
import { measureSpfxPageRender, printSpfxRenderFigures } from './renderSpfxPage';
import { TRACE_CATEGORIES, TRACE_ORIGIN_MARK, breakDownTrace, printTraceBreakdown } from './traceBreakdown';

// `--spfx`: the SPFx workbench page with the ship build instead (renderSpfxPage.ts).
const SPFX_PAGE = process.argv.includes('--spfx');
/** `--webparts=tree,cards`: the local page with those web parts only (all three by default). */
const WEB_PARTS_ARG = process.argv.find((arg) => arg.startsWith('--webparts='))?.slice('--webparts='.length);
const NUMBERS = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const ACTIONS = Number(NUMBERS[0] ?? 5000);
const RUNS = Number(NUMBERS[1] ?? 5);
const COORDINATOR = SAMPLE_USERS[0];
/** Matches every generated action (« … amélioration de l'accueil … »); its first letter matches everything. */
const BROAD_SEARCH = 'accueil';
/** Keeps fewer generated actions as its number grows: « action » 5,000, « action 1 » 3,016, « action 12 » 319, « action 123 » 24. */
const NARROW_SEARCH = 'action 123';
/** The search box's delay (FilterBar's default): left out of the keystroke figure. */
const SEARCH_DELAY_MS = 250;
/** `1`: profile the load and the interactions; `load` or `keys`: one of them. */
const PROFILE = ['1', 'load', 'keys'].includes(process.env.RENDER_PROFILE ?? '');
const PROFILE_KEYS_ONLY = process.env.RENDER_PROFILE === 'keys';
const PROFILE_LOAD_ONLY = process.env.RENDER_PROFILE === 'load';
/** `1`: a Chromium trace of the last load, broken down from the data's arrival to the last web part painted; `keys`: of the slowest keys. */
const TRACE = process.env.RENDER_TRACE === '1';
const TRACE_KEYS = process.env.RENDER_TRACE === 'keys';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}

type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number };

/** The profile's samples inside `[from, to]` (µs, the trace's clock) only. */
function profileWindow(profile: CpuProfile, [from, to]: readonly [number, number]): CpuProfile {
  const samples: number[] = [];
  const timeDeltas: number[] = [];
  let at = profile.startTime;
  profile.samples.forEach((id, index) => {
    at += profile.timeDeltas[index];
    if (at < from || at > to) return;
    samples.push(id);
    timeDeltas.push(profile.timeDeltas[index]);
  });
  return { ...profile, samples, timeDeltas };
}

const frameName = (node: ProfileNode): string =>
  `${node.callFrame.functionName || '(anonyme)'} ${node.callFrame.url.split('/').pop() ?? ''}:${node.callFrame.lineNumber + 1}`;

const sortedLines = (times: Map<string, number>, count: number): string[] =>
  Array.from(times.entries())
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, ms]) => `${ms.toFixed(0).padStart(6)} ms  ${name}`);

/** Self time per function of a CPU profile, the heaviest first. */
function heaviestFunctions(profile: CpuProfile, count: number): string[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const name = frameName(byId.get(id)!);
    self.set(name, (self.get(name) ?? 0) + profile.timeDeltas[index] / 1000);
  });
  return sortedLines(self, count);
}

/** Total time (self and callees, each function once per sample) of the functions of the page's own code. */
function heaviestOwnCallers(profile: CpuProfile, count: number): string[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const total = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const names = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
      const node = byId.get(at)!;
      // the page's chunks, not the shared libraries' (Fluent, React in the locale chunk and index)
      if (node.callFrame.functionName && !/fr-fr|react-dom/.test(node.callFrame.url) && node.callFrame.url !== '') names.add(frameName(node));
    }
    for (const name of names) total.set(name, (total.get(name) ?? 0) + profile.timeDeltas[index] / 1000);
  });
  return sortedLines(total, count);
}

interface Traced {
  readonly trace: string;
  readonly cpu: CpuProfile;
}

/** A Chromium trace and a CPU profile of `tab`, taken together (they share a clock); the function returned stops both. */
async function startTraceAndProfile(browser: Browser, context: BrowserContext, tab: Page): Promise<() => Promise<Traced>> {
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await browser.startTracing(tab, { categories: TRACE_CATEGORIES });
  await cdp.send('Profiler.start');
  return async () => {
    const cpu = (await cdp.send('Profiler.stop')).profile as unknown as CpuProfile;
    return { cpu, trace: (await browser.stopTracing()).toString('utf8') };
  };
}

/** The innermost three of the page's own functions under a sample, outermost first (the libraries' left out). */
function ownStackOf(sample: number, byId: ReadonlyMap<number, ProfileNode>, parentOf: ReadonlyMap<number, number>): string {
  const names: string[] = [];
  for (let at: number | undefined = sample; at !== undefined; at = parentOf.get(at)) {
    const node = byId.get(at)!;
    if (node.callFrame.functionName && node.callFrame.url !== '' && !/lib-|react-dom/.test(node.callFrame.url)) names.push(node.callFrame.functionName);
  }
  return names.length ? names.slice(0, 3).reverse().join('>') : byId.get(sample)!.callFrame.functionName || '?';
}

/** `RENDER_TIMELINE=1`: the window in 20 ms slices, each with the three stacks of the page's code that took most of it. */
function printTimeline(profile: CpuProfile, [from, to]: readonly [number, number]): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const slices = new Map<number, Map<string, number>>();
  let at = profile.startTime;
  profile.samples.forEach((id, index) => {
    at += profile.timeDeltas[index];
    if (at < from || at > to) return;
    const slice = Math.floor((at - from) / 20_000) * 20;
    const times = slices.get(slice) ?? new Map<string, number>();
    const stack = ownStackOf(id, byId, parentOf);
    times.set(stack, (times.get(stack) ?? 0) + profile.timeDeltas[index] / 1000);
    slices.set(slice, times);
  });
  console.error('  timeline (ms after the window\'s start: the page code that took the most of each 20 ms):');
  for (const [slice, times] of Array.from(slices.entries()).sort((a, b) => a[0] - b[0])) {
    const top = Array.from(times.entries()).sort((a, b) => b[1] - a[1]).slice(0, 3);
    console.error(`  +${slice}: ${top.map(([stack, ms]) => `${stack} ${ms.toFixed(0)}`).join(' ; ')}`);
  }
}

/** Where the main thread spent `[fromMs, toMs]` (the page's performance.now()), and the page's functions in that window. */
function printTracedWindow(title: string, traced: Traced, originMs: number, fromMs: number, toMs: number, withSelfTimes: boolean): void {
  const breakdown = breakDownTrace(traced.trace, originMs, fromMs, toMs);
  printTraceBreakdown(title, breakdown);
  if (!breakdown) return;
  const inWindow = profileWindow(traced.cpu, breakdown.traceWindowUs);
  if (withSelfTimes) {
    console.error('  functions in that window (self):');
    console.error(heaviestFunctions(inWindow, 30).join('\n'));
  }
  console.error('  page code in that window (self and callees):');
  console.error(heaviestOwnCallers(inWindow, Number(process.env.RENDER_TOP ?? 40)).join('\n'));
  for (const [at, ms] of breakdown.longTasks) {
    const start = breakdown.traceWindowUs[0] + at * 1000;
    console.error(`  task at +${at.toFixed(0)} ms (${ms.toFixed(0)} ms), page code (self and callees):`);
    console.error(heaviestOwnCallers(profileWindow(traced.cpu, [start, start + ms * 1000]), 15).join('\n'));
  }
  if (process.env.RENDER_TIMELINE === '1') printTimeline(traced.cpu, breakdown.traceWindowUs);
}

/** What the page must show before it counts as rendered: a name and a CSS selector. */
export type ContentSelectors = Readonly<Record<string, string>>;

export const LOCAL_PAGE_CONTENT: ContentSelectors = {
  tree: 'section[aria-label="Arbre des objectifs"] [role="treeitem"]',
  cards: 'section[aria-label="Fiches projets"] article',
  dashboard: 'section[aria-label="Tableau de bord du PST"] .pst-kpi',
};

export const BASELINE_CONTENT: ContentSelectors = { list: '[data-baseline-row]' };

/**
 * Installed before the page's scripts: notes, for each selector, when it first matches and
 * when the frame after it has been painted; and gives `window.__pstSettle()`, which resolves
 * once React's pending work (scheduled by message) and the next painted frame are done.
 */
function instrument({ selectors, originMark }: { selectors: Record<string, string>; originMark: string }): void {
  performance.mark(originMark);
  const seen: Record<string, number> = {};
  const appeared: Record<string, number> = {};
  const win = window as unknown as Record<string, unknown>;
  const message = (): Promise<void> =>
    new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    });
  win.__pstSettle = async (): Promise<number> => {
    await message();
    await message();
    await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    return performance.now();
  };
  win.__pstSeen = seen;
  win.__pstAppeared = appeared;
  const check = (): void => {
    for (const name of Object.keys(selectors)) {
      if (name in appeared || !document.querySelector(selectors[name])) continue;
      appeared[name] = performance.now();
      requestAnimationFrame(() => setTimeout(() => (seen[name] = performance.now()), 0));
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
}

export interface LoadFigures {
  /** From navigation to the last web part painted. */
  readonly fromNavigationMs: number;
  /** From the data's arrival to the last web part painted. */
  readonly afterDataMs: number;
  readonly perContentMs: Readonly<Record<string, number>>;
  /** performance.now() of the origin mark, of the data's arrival and of the last web part painted (for a trace). */
  readonly clock: { readonly originMs: number; readonly dataMs: number; readonly doneMs: number };
}

/** Opens `url` in a new tab of `context` (or in `tab`) and waits for every selector; the tab stays open. */
export async function measureLoadedPage(context: BrowserContext, url: string, selectors: ContentSelectors, given?: Page): Promise<{ tab: Page; figures: LoadFigures }> {
  const tab = given ?? (await context.newPage());
  // tsx (esbuild, keepNames) wraps named functions in `__name(…)`: the page needs it too.
  await tab.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
  await tab.addInitScript(instrument, { selectors: { ...selectors }, originMark: TRACE_ORIGIN_MARK });
  await tab.goto(url);
  await tab.waitForFunction((names: string[]) => {
    const seen = (window as unknown as { __pstSeen: Record<string, number> }).__pstSeen;
    return names.every((name) => name in seen);
  }, Object.keys(selectors), { timeout: 300_000, polling: 100 });
  const figures = await tab.evaluate((originMark: string) => {
    const win = window as unknown as { __pstSeen: Record<string, number>; __pstAppeared: Record<string, number> };
    const done = Math.max(...Object.values(win.__pstSeen));
    const firstShown = Math.min(...Object.values(win.__pstAppeared));
    const dataAt = Math.max(
      0,
      ...performance
        .getEntriesByType('resource')
        .filter((entry) => entry.name.includes('/_api/') && (entry as PerformanceResourceTiming).responseEnd <= firstShown)
        .map((entry) => (entry as PerformanceResourceTiming).responseEnd),
    );
    const originMs = performance.getEntriesByName(originMark)[0]?.startTime ?? 0;
    return { fromNavigationMs: done, afterDataMs: done - dataAt, perContentMs: { ...win.__pstSeen }, clock: { originMs, dataMs: dataAt, doneMs: done } };
  }, TRACE_ORIGIN_MARK);
  return { tab, figures };
}

export interface TreeInteractionFigures {
  readonly expandAllMs: number;
  readonly keystrokesMs: readonly number[];
  /** The narrowing search typed after the broad one was cleared (each key keeps fewer actions). */
  readonly narrowKeystrokesMs: readonly number[];
  /** performance.now() at each key of the broad search, then of the narrowing one (for a trace). */
  readonly keyStartsMs: readonly number[];
}

/** Expand all, collapse all, then a broad search typed key by key, in the tree of `scope`. */
export async function measureTreeInteractions(tab: Page, scope: string, search: string, searchDelayMs: number, narrowSearch = NARROW_SEARCH): Promise<TreeInteractionFigures> {
  return tab.evaluate(
    async ({ scope: scopeSelector, search: text, narrow, delay }) => {
      const settle = (window as unknown as { __pstSettle: () => Promise<number> }).__pstSettle;
      const root = document.querySelector(scopeSelector);
      if (!root) throw new Error(`no ${scopeSelector}`);
      const button = (label: string): HTMLButtonElement => {
        const found = Array.from(root.querySelectorAll('button')).find((b) => (b.textContent ?? '').includes(label));
        if (!found) throw new Error(`no button « ${label} »`);
        return found;
      };
      let start = performance.now();
      button('Tout déplier').click();
      const expandAllMs = (await settle()) - start;
      if (!root.querySelector('[role="treeitem"][aria-level="4"], [role="treeitem"][data-node-id^="action-"]')) throw new Error('expand all showed no action');
      button('Tout replier').click();
      await settle();

      const input = root.querySelector('input[placeholder]') as HTMLInputElement | null;
      if (!input) throw new Error('no search box');
      const setValue = (Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value') as PropertyDescriptor).set as (v: string) => void;
      input.focus();
      const keyStartsMs: number[] = [];
      const typeKeys = async (typed: string, from: number, noted = true): Promise<number[]> => {
        const times: number[] = [];
        for (let i = from; i <= typed.length; i++) {
          start = performance.now();
          if (noted) keyStartsMs.push(start);
          setValue.call(input, typed.slice(0, i));
          input.dispatchEvent(new Event('input', { bubbles: true }));
          // registered after the search box's own timer: fires once the search has been applied
          await new Promise((resolve) => setTimeout(resolve, delay));
          times.push((await settle()) - start - delay);
        }
        return times;
      };
      const keystrokesMs = await typeKeys(text, 1);
      if (!root.querySelector('mark')) throw new Error('the search highlighted nothing');
      // the box emptied (all actions back), then a search that keeps fewer actions at each key
      await typeKeys('', 0, false);
      const narrowKeystrokesMs = await typeKeys(narrow, 1);
      if (!root.querySelector('mark')) throw new Error('the narrowing search highlighted nothing');
      return { expandAllMs, keystrokesMs, narrowKeystrokesMs, keyStartsMs };
    },
    { scope, search, narrow: narrowSearch, delay: searchDelayMs },
  );
}

function serveStatic(folder: string, req: IncomingMessage, res: ServerResponse, url: URL): boolean {
  const relative = decodeURIComponent(url.pathname).replace(/^\/+/, '');
  let file = path.resolve(folder, relative);
  if (!file.startsWith(path.resolve(folder))) return false;
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(file.endsWith('.html') ? path.dirname(file) : file, 'index.html');
  if (!fs.existsSync(file)) return false;
  const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.woff': 'font/woff', '.woff2': 'font/woff2' };
  res.writeHead(200, { 'Content-Type': types[path.extname(file)] ?? 'application/octet-stream' });
  res.end(fs.readFileSync(file));
  return true;
}

const median = (values: readonly number[]): number => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<void> {
  if (SPFX_PAGE) return printSpfxRenderFigures(await measureSpfxPageRender(ACTIONS, RUNS));
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pst-render-'));
  const built = path.join(folder, 'www');
  await buildPage(built, { minify: !PROFILE && !TRACE && !TRACE_KEYS });
  await buildPage(path.join(built, 'baseline'), { root: path.join(__dirname, 'renderBaseline'), base: '/baseline/' });
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
      // the icons, as the local intranet serves them: the page measured is the one people see
      if (url.pathname.startsWith('/local/fonts/')) return serveIconFont(res, url.pathname);
      return serveStatic(built, req, res, url);
    },
  });
  const browser: Browser = await launchChromium();
  try {
    const admin = store.db.ensureUser({ email: COORDINATOR.email, title: COORDINATOR.displayName, isSiteAdmin: true });
    const report = await ensurePstLists(createNodeSp(store.siteUrl, async () => `local:${COORDINATOR.email}`), '/sites/pst');
    insertGeneratedPlan(store, report.listIds, admin.id, { os: ACTIONS / 100, oo: ACTIONS / 10, actions: ACTIONS, checkIns: ACTIONS * 2 }, '2026-11-23');

    const url = store.url.replace('127.0.0.1', 'localhost');
    const pageContent = WEB_PARTS_ARG ? Object.fromEntries(Object.entries(LOCAL_PAGE_CONTENT).filter(([name]) => WEB_PARTS_ARG.split(',').includes(name))) : LOCAL_PAGE_CONTENT;
    const runs: { page: LoadFigures; baseline: LoadFigures; interactions: TreeInteractionFigures; heapMb: number }[] = [];
    // run 0 warms the store's and the browser's caches; the others are measured
    for (let run = 0; run <= RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 1600, height: 1100 } });
      await context.addCookies([{ name: 'pst-user', value: encodeURIComponent(COORDINATOR.email), url }]);
      const baseline = await measureLoadedPage(context, `${url}/baseline/`, BASELINE_CONTENT);
      await baseline.tab.close();
      const profiled = PROFILE && run === RUNS;
      const profiledTab = profiled ? await context.newPage() : undefined;
      const cdp = profiledTab ? await context.newCDPSession(profiledTab) : null;
      if (cdp) await cdp.send('Profiler.enable');
      if (cdp && !PROFILE_KEYS_ONLY) await cdp.send('Profiler.start');
      const tracedTab = TRACE && run === RUNS ? (profiledTab ?? (await context.newPage())) : undefined;
      const stopTrace = tracedTab ? await startTraceAndProfile(browser, context, tracedTab) : null;
      const loaded = await measureLoadedPage(context, `${url}/${WEB_PARTS_ARG ? `?webparts=${WEB_PARTS_ARG}` : ''}`, pageContent, tracedTab ?? profiledTab);
      if (stopTrace) {
        const { originMs, dataMs, doneMs } = loaded.figures.clock;
        printTracedWindow('trace, from the data to the last web part painted', await stopTrace(), originMs, dataMs, doneMs, true);
      }
      const heapMb = await loaded.tab.evaluate(() => ((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0) / 1048576);
      if (cdp && PROFILE_KEYS_ONLY) await cdp.send('Profiler.start');
      const loadProfile = cdp && PROFILE_LOAD_ONLY ? (await cdp.send('Profiler.stop')).profile : null;
      const traceKeys = TRACE_KEYS && run === RUNS && 'tree' in pageContent;
      const stopKeysTrace = traceKeys ? await startTraceAndProfile(browser, context, loaded.tab) : null;
      // the page's first mark was set before this trace: a new one ties its clock
      if (stopKeysTrace) await loaded.tab.evaluate((mark: string) => void performance.mark(mark), TRACE_ORIGIN_MARK);
      // without the tree (--webparts), nothing to interact with
      const interactions: TreeInteractionFigures =
        'tree' in pageContent
          ? await measureTreeInteractions(loaded.tab, 'section[aria-label="Arbre des objectifs"]', BROAD_SEARCH, SEARCH_DELAY_MS)
          : { expandAllMs: NaN, keystrokesMs: [NaN], narrowKeystrokesMs: [NaN], keyStartsMs: [] };
      if (stopKeysTrace) {
        const traced = await stopKeysTrace();
        const originMs = await loaded.tab.evaluate((mark: string) => performance.getEntriesByName(mark).pop()?.startTime ?? 0, TRACE_ORIGIN_MARK);
        const keys = [...interactions.keystrokesMs, ...interactions.narrowKeystrokesMs].map((ms, index) => ({ ms, index, start: interactions.keyStartsMs[index] + SEARCH_DELAY_MS }));
        const typed = BROAD_SEARCH + NARROW_SEARCH;
        for (const key of keys.sort((a, b) => b.ms - a.ms).slice(0, 2)) {
          printTracedWindow(`trace of key ${key.index + 1} (« ${typed[key.index]} »)`, traced, originMs, key.start, key.start + key.ms, false);
        }
      }
      if (cdp) {
        const profile = loadProfile ?? (await cdp.send('Profiler.stop')).profile;
        console.error(heaviestFunctions(profile as unknown as CpuProfile, 30).join('\n'));
        console.error('total (self and callees):');
        console.error(heaviestOwnCallers(profile as unknown as CpuProfile, 40).join('\n'));
      }
      await context.close();
      if (run > 0) runs.push({ page: loaded.figures, baseline: baseline.figures, interactions, heapMb });
      console.error(
        `run ${run}: page ${loaded.figures.afterDataMs.toFixed(0)} ms after data (${loaded.figures.fromNavigationMs.toFixed(0)} from navigation), baseline ${baseline.figures.afterDataMs.toFixed(0)} ms, ` +
          `expand all ${interactions.expandAllMs.toFixed(0)} ms, keys ${interactions.keystrokesMs.map((k) => k.toFixed(0)).join(' ')} ms, ` +
          `narrowing keys ${interactions.narrowKeystrokesMs.map((k) => k.toFixed(0)).join(' ')} ms`,
      );
    }
    const m = (pick: (r: (typeof runs)[number]) => number): number => Math.round(median(runs.map(pick)));
    const result = {
      actions: ACTIONS,
      firstRenderMs: m((r) => r.page.afterDataMs),
      baselineMs: m((r) => r.baseline.afterDataMs),
      expandAllMs: m((r) => r.interactions.expandAllMs),
      worstKeystrokeMs: m((r) => Math.max(...r.interactions.keystrokesMs)),
    };
    console.log(`Rendu de ${ACTIONS} actions dans Chromium, build de production (médiane de ${RUNS} chargements) :`);
    console.log('| mesure | ms |');
    console.log('| --- | --- |');
    console.log(`| page (${Object.keys(pageContent).join(', ')}), depuis l'arrivée des données | ${result.firstRenderMs} |`);
    console.log(`| liste virtualisée simple (référence), depuis l'arrivée des données | ${result.baselineMs} |`);
    for (const name of Object.keys(pageContent)) console.log(`| ${name}, depuis la navigation | ${m((r) => r.page.perContentMs[name])} |`);
    console.log(`| référence, depuis la navigation | ${m((r) => r.baseline.fromNavigationMs)} |`);
    console.log(`| Tout déplier | ${result.expandAllMs} |`);
    console.log(`| pire frappe de la recherche « ${BROAD_SEARCH} » | ${result.worstKeystrokeMs} |`);
    console.log(`| pire frappe de la recherche qui se resserre « ${NARROW_SEARCH} » | ${m((r) => Math.max(...r.interactions.narrowKeystrokesMs))} |`);
    console.log(`Tas JavaScript de la page : ${m((r) => r.heapMb)} Mo`);
    console.log(JSON.stringify(result));
  } finally {
    await browser.close();
    await store.close();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
