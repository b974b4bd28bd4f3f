/**
 * Browser tests of the dashboard on the local intranet (issue 15): the key figures filter
 * every web part of the page, the charts have text alternatives, the tables keep their
 * columns at every width, a project lead starts on « Mes actions »; axe-core in the
 * SharePoint theme and Teams' three themes. Screenshots go to temp/screenshots/dashboard-*.png
 * at 1440 px (the dashboard given the whole width), in a one-third column of a 1440 px page
 * (the local page's three web parts side by side, ~450 px) and at 390 px (a phone).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, LocalIntranet, REPO, startLocalIntranet } from './intranetSupport';

jest.setTimeout(300_000);

const SHOTS = path.join(REPO, 'temp', 'screenshots');
const COORDINATOR = 'anne.dupont@cpas.example';
const LEAD = 'julien.leclercq@cpas.example';
const DASHBOARD = 'Tableau de bord du PST';
const THEMES = (process.env.PST_DASHBOARD_THEMES ?? 'sharepoint,teamsDefault,teamsDark,teamsContrast').split(',');

let intranet: LocalIntranet | undefined;
let baseUrl: string;
let browser: Browser;
/** The local sign-in key `npm start` writes next to its data file. */
let sessionKey: string;

async function openAs(email: string, theme: string, width: number, query = ''): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 1000 } });
  await context.addCookies([
    { name: 'pst-session', value: sessionKey, url: baseUrl },
    { name: 'pst-user', value: encodeURIComponent(email), url: baseUrl },
  ]);
  await context.addInitScript((t) => window.localStorage.setItem('pst-theme', t), theme);
  const page = await context.newPage();
  await page.goto(`${baseUrl}/${query}`);
  await dashboard(page).getByRole('list', { name: 'Chiffres clés' }).waitFor({ timeout: 60_000 });
  // the blocks below the first screen are drawn once it is painted and the page is idle
  await dashboard(page).locator('section[aria-labelledby="pst-dash-services"]').waitFor({ timeout: 60_000 });
  return page;
}

const dashboard = (page: Page) => page.locator(`section[aria-label="${DASHBOARD}"]`);
const webPart = (page: Page, title: string) => page.locator(`section[aria-label="${title}"]`);

/** The dashboard on its own row, the whole width of the page (a full-width section of a SharePoint page). */
async function fullWidth(page: Page): Promise<void> {
  await page.addStyleTag({ content: `section[aria-label="${DASHBOARD}"] { flex: 1 1 100% !important; order: -1; }` });
  await page.waitForTimeout(300);
}

async function seriousViolations(page: Page, selector: string): Promise<unknown[]> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  return page.evaluate(async (sel) => {
    const axe = (window as unknown as { axe: { run: (ctx: Element, opts: object) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[]; failureSummary: string }[] }[] }> } }).axe;
    const result = await axe.run(document.querySelector(sel)!, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.slice(0, 4).map((n) => ({ target: n.target.join(' '), summary: n.failureSummary.slice(0, 300) })) }));
  }, selector);
}

/** Waits until the blocked table has read its reasons. */
async function reasonsRead(page: Page): Promise<void> {
  await page.waitForFunction((title) => !document.querySelector(`section[aria-label="${title}"]`)!.textContent!.includes('Chargement…'), DASHBOARD, { timeout: 30_000 });
}

const tileCount = async (page: Page, name: RegExp): Promise<number> => Number((await dashboard(page).getByRole('button', { name }).innerText()).split('\n')[0]);

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  intranet = await startLocalIntranet('pst-dashboard-');
  ({ baseUrl, sessionKey } = intranet);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  intranet?.stop();
});

describe('the dashboard in Chromium', () => {
  it('has no serious or critical axe-core violation in SharePoint and in the three Teams themes, at 1440 px, in a third of it and at 390 px', async () => {
    for (const theme of THEMES) {
      for (const [label, width] of [['1440', 1440], ['tiers', 1440], ['390', 390]] as const) {
        const page = await openAs(COORDINATOR, theme, width);
        if (label === '1440') await fullWidth(page);
        await reasonsRead(page);
        // the first OS opened on its OO, so that the drill-down is checked too
        await dashboard(page).locator('.pst-dash-os button').first().click();
        const violations = await seriousViolations(page, `section[aria-label="${DASHBOARD}"]`);
        expect({ theme, label, violations }).toEqual({ theme, label, violations: [] });
        await dashboard(page).screenshot({ path: path.join(SHOTS, `dashboard-${theme}-${label}.png`) });
        // the same in parts that can be looked at (the whole dashboard is long)
        const box = (await dashboard(page).boundingBox())!;
        const scrollY = await page.evaluate(() => window.scrollY);
        for (const [part, top] of [['a', 0], ['b', 1500], ['c', 3000]] as const) {
          if (top >= box.height) break;
          const clip = { x: box.x, y: box.y + scrollY + top, width: box.width, height: Math.min(1500, box.height - top) };
          await page.screenshot({ path: path.join(SHOTS, `dashboard-${theme}-${label}-${part}.png`), fullPage: true, clip });
        }
        await page.context().close();
      }
    }
  });

  it('filters every web part of the page from a key figure, keeps it in the URL, and removes it on a second click', async () => {
    const page = await openAs(COORDINATOR, 'sharepoint', 1440);
    const late = dashboard(page).getByRole('button', { name: /En retard/ });
    const lateCount = await tileCount(page, /En retard/);
    expect(lateCount).toBeGreaterThan(0);
    expect(await late.getAttribute('aria-pressed')).toBe('false');
    await late.click();
    await page.waitForTimeout(800);
    expect(await late.getAttribute('aria-pressed')).toBe('true');
    expect(page.url()).toContain('pst-echeance=retard');
    // the cards web part shows the late actions only, and so does the dashboard's count
    expect(await webPart(page, 'Fiches projets').getByText(`${lateCount} fiche(s)`).count()).toBe(1);
    expect(await tileCount(page, /^\d+\s+Actions/)).toBe(lateCount);
    // the tree, too: its filter bar counts the criterion
    expect(await webPart(page, 'Arbre des objectifs').getByRole('button', { name: 'Filtres (1)' }).count()).toBe(1);

    // « Bloquées » replaces « En retard »
    const blocked = dashboard(page).getByRole('button', { name: /Bloquées/ });
    const blockedCount = await tileCount(page, /Bloquées/);
    await blocked.click();
    await page.waitForTimeout(800);
    expect(await late.getAttribute('aria-pressed')).toBe('false');
    expect(await blocked.getAttribute('aria-pressed')).toBe('true');
    expect(page.url()).toContain('pst-bloque=1');
    expect(page.url()).not.toContain('pst-echeance');
    await page.screenshot({ path: path.join(SHOTS, 'dashboard-tuile-bloquees.png') });
    // a second click: back to everything
    await blocked.click();
    await page.waitForTimeout(800);
    expect(await blocked.getAttribute('aria-pressed')).toBe('false');
    expect(page.url()).not.toContain('pst-bloque');
    expect(await tileCount(page, /Bloquées/)).toBeGreaterThanOrEqual(blockedCount);
    await page.context().close();

    // the URL filter is read back by every web part
    const shared = await openAs(COORDINATOR, 'sharepoint', 1440, '?pst-echeance=retard');
    expect(await shared.getByRole('button', { name: /En retard/ }).getAttribute('aria-pressed')).toBe('true');
    expect(await webPart(shared, 'Fiches projets').getByText(`${lateCount} fiche(s)`).count()).toBe(1);
    await shared.context().close();
  });

  it('gives each chart a text alternative and opens an OS on its OO with the keyboard', async () => {
    const page = await openAs(COORDINATOR, 'teamsDark', 1440);
    const board = dashboard(page);
    // hidden tables of the status and quarter charts
    expect(await board.locator('table caption', { hasText: 'Répartition par statut' }).count()).toBe(1);
    expect(await board.locator('table caption', { hasText: 'Échéances par trimestre' }).count()).toBe(1);
    expect(await board.locator('table', { hasText: 'Répartition par statut' }).locator('tbody tr').count()).toBe(7);
    // one button per OS whose name says its progress, and its late and blocked counts when it has some
    const rows = board.locator('.pst-dash-os > button');
    expect(await board.getByRole('button', { name: /Avancement (\d+\s%|sans objet)/ }).count()).toBe(9);
    expect(await board.getByRole('button', { name: /Avancement \d+\s%\s*\d+ en retard/ }).count()).toBeGreaterThan(0);
    expect(await rows.count()).toBe(9);
    const first = rows.first();
    await first.focus();
    await page.keyboard.press('Enter');
    expect(await first.getAttribute('aria-expanded')).toBe('true');
    const controlled = (await first.getAttribute('aria-controls')) as string;
    expect(await page.locator(`[id="${controlled}"] li`).count()).toBeGreaterThan(0);
    await page.keyboard.press('Space');
    expect(await first.getAttribute('aria-expanded')).toBe('false');
    // the percentage is on the same line as the bar
    const box = async (selector: string) => (await board.locator('.pst-dash-os').first().locator(selector).first().boundingBox())!;
    const bar = await box('svg');
    const pct = await box('text=/\\d+\\s%$/');
    expect(Math.abs(bar.y + bar.height / 2 - (pct.y + pct.height / 2))).toBeLessThan(12);
    await page.context().close();
  });

  it('draws the progress over time from the check-in history, with its table, and one OS on demand', async () => {
    const page = await openAs(COORDINATOR, 'teamsDark', 1440);
    const board = dashboard(page);
    const trend = board.locator('section[aria-labelledby="pst-dash-trend"]');
    await trend.locator('table caption').waitFor({ state: 'attached', timeout: 60_000 });
    expect(await trend.locator('table caption').innerText()).toContain('Tout le plan');
    const rows = trend.locator('table tbody tr');
    expect(await rows.count()).toBeGreaterThan(1);
    // months in order, each with a percentage (the sample's history moves the plan forward)
    const cells = await rows.evaluateAll((trs) => trs.map((tr) => Array.from(tr.children).map((c) => (c.textContent ?? '').replace(/\u00a0/g, ' '))));
    for (const row of cells) expect(row[0]).toMatch(/^\d{2}\/\d{4}$/);
    expect(cells.some((row) => /^\d+ %$/.test(row[1]))).toBe(true);
    expect(await trend.locator('svg polyline').count()).toBe(3);
    // the charts take the width of their column (here a third of the page), no wider
    const sectionWidth = (await trend.boundingBox())!.width;
    for (const svg of await trend.locator('svg[viewBox]').all()) expect((await svg.boundingBox())!.width).toBeLessThanOrEqual(sectionWidth + 1);
    await trend.getByRole('combobox', { name: /^Objectif/ }).click();
    await page.getByRole('option').nth(1).click();
    expect(await trend.locator('table caption').innerText()).not.toContain('Tout le plan');
    await trend.screenshot({ path: path.join(SHOTS, 'dashboard-trend-teamsDark-1440.png') });
    await page.context().close();
  });

  it('lists blocked actions with their reason, lead and date, and keeps lead, deadline and delay of late ones on a phone', async () => {
    const page = await openAs(COORDINATOR, 'teamsDefault', 390);
    await reasonsRead(page);
    const board = dashboard(page);
    const blocked = board.locator('section[aria-labelledby="pst-dash-blocked"] li');
    expect(await blocked.count()).toBeGreaterThan(0);
    const firstBlocked = await blocked.first().innerText();
    expect(firstBlocked).toMatch(/(Bloquée|À risque) · (depuis le \d\d\/\d\d\/\d{4}|date inconnue) · \S+/);
    expect(firstBlocked).toMatch(/« .+ »/);
    const late = board.locator('section[aria-labelledby="pst-dash-late"] li');
    expect(await late.count()).toBeGreaterThan(0);
    for (const text of await late.allInnerTexts()) expect(text).toMatch(/\d+ j de retard · échéance \d\d\/\d\d\/\d{4} · \S+/);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.context().close();

    // wide: real tables with their headers
    const wide = await openAs(COORDINATOR, 'sharepoint', 1440);
    await fullWidth(wide);
    await reasonsRead(wide);
    const headers = await dashboard(wide).locator('section[aria-labelledby="pst-dash-blocked"] th').allInnerTexts();
    expect(headers).toEqual(['Action', 'État', 'Motif (dernier suivi)', 'Chef de projet', 'Depuis']);
    expect(await dashboard(wide).locator('section[aria-labelledby="pst-dash-late"] th').allInnerTexts()).toEqual(['Action', 'Chef de projet', 'Échéance', 'Retard']);
    await wide.context().close();
  });

  it('starts a project lead on « Mes actions », most urgent first, with what needs doing', async () => {
    const page = await openAs(LEAD, 'sharepoint', 1440);
    const cards = webPart(page, 'Fiches projets');
    expect(await cards.getByRole('switch', { name: 'Mes actions' }).isChecked()).toBe(true);
    const agenda = dashboard(page).locator('section[aria-labelledby="pst-dash-agenda"]');
    await agenda.getByRole('heading', { name: 'Mes actions à traiter' }).waitFor();
    expect(await agenda.innerText()).toMatch(/À faire : |Rien d'urgent/);
    const lines = await agenda.locator('li').allInnerTexts();
    // late ones first, then due soon, then without check-in
    const rank = (text: string) => (/j de retard/.test(text) ? 0 : /échéance (dans|aujourd)/.test(text) ? 1 : 2);
    const ranks = lines.map(rank);
    expect(ranks).toEqual(ranks.slice().sort());
    await page.screenshot({ path: path.join(SHOTS, 'dashboard-chef-de-projet.png') });
    await page.context().close();
  });
});
