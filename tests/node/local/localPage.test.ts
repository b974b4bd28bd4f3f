/**
 * Browser tests of the local intranet: the real `npm start` entry on a free port and a
 * fresh data file, driven in Debian's Chromium by playwright-core. Screenshots go to
 * temp/screenshots/ (look at them). Accessibility is checked with axe-core.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { barCommand, launchChromium, LocalIntranet, REPO, startLocalIntranet } from './intranetSupport';
import { asWordParagraphs, makeDocx } from '../../import/support/makeDocuments';

jest.setTimeout(240_000);

const SHOTS = path.join(REPO, 'temp', 'screenshots');
const COORDINATOR = 'anne.dupont@cpas.example';
const LEAD = 'julien.leclercq@cpas.example';
const READER = 'lucie.moreau@cpas.example';

let intranet: LocalIntranet | undefined;
let baseUrl: string;
let browser: Browser;
let sessionKey: string;

async function openAs(email: string, theme = 'sharepoint', width = 1600): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 1100 } });
  // Signed in as a test does (the key file of the data folder), then as the chosen account.
  await context.addCookies([
    { name: 'pst-session', value: sessionKey, url: baseUrl },
    { name: 'pst-user', value: encodeURIComponent(email), url: baseUrl },
  ]);
  await context.addInitScript((t) => window.localStorage.setItem('pst-theme', t), theme);
  const page = await context.newPage();
  await page.goto(`${baseUrl}/`);
  await page.getByRole('tree').first().waitFor({ timeout: 60_000 });
  return page;
}

function webPart(page: Page, title: string) {
  return page.locator(`section[aria-label="${title}"]`);
}

async function axeViolations(page: Page): Promise<{ id: string; impact: string; nodes: number }[]> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
}

async function axeDetails(page: Page): Promise<unknown> {
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[]; failureSummary: string }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.slice(0, 4).map((n) => ({ target: n.target.join(' '), summary: n.failureSummary.slice(0, 300) })) }));
  });
}

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  intranet = await startLocalIntranet('pst-browser-');
  ({ baseUrl, sessionKey } = intranet);
  expect((fs.statSync(intranet.keyFile).mode & 0o777).toString(8)).toBe('600');
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  intranet?.stop();
});

describe('the local intranet in Chromium', () => {
  it('signs a browser in through the link npm start prints, and shows the sign-in page without it', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`);
    await page.getByRole('heading', { name: 'Connexion locale' }).waitFor();
    expect(await page.evaluate(async () => (await fetch('/local/outbox')).status)).toBe(401);
    await page.goto(`${baseUrl}/local/signin?cle=${encodeURIComponent(sessionKey)}`);
    await page.getByRole('tree').first().waitFor({ timeout: 60_000 });
    expect(new URL(page.url()).pathname).toBe('/');
    // HttpOnly: the page's scripts never see the key.
    expect(await page.evaluate(() => document.cookie)).not.toContain('pst-session');
    expect(await page.evaluate(async () => (await fetch('/local/outbox')).status)).toBe(200);
    await context.close();
  });

  it('shows the three web parts with the sample PST, and expands the whole tree', async () => {
    const page = await openAs(COORDINATOR);
    const tree = webPart(page, 'Arbre des objectifs');
    const rowsHeight = () => tree.getByRole('tree').evaluate((element) => element.getBoundingClientRect().height);
    const before = await rowsHeight();
    await tree.getByRole('button', { name: 'Tout déplier' }).click();
    await page.waitForTimeout(500);
    // the list of rows is as high as all the rows shown, rendered or not
    expect(await rowsHeight()).toBeGreaterThan(before);
    const rendered = await tree.getByRole('treeitem').count();
    // The tree renders the rows in view only: scroll its own container from top to bottom
    // and collect the rows met. Every action of the sample is there (47, some twice when shared).
    const met = await tree.locator('[data-pst-tree-viewport]').evaluate(async (viewport) => {
      const seen = new Set<string>();
      for (let top = 0; top <= viewport.scrollHeight; top += viewport.clientHeight / 2) {
        viewport.scrollTop = top;
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
        viewport.querySelectorAll('[role="treeitem"]').forEach((item) => seen.add(item.getAttribute('data-key') as string));
      }
      return Array.from(seen);
    });
    expect(met.filter((key) => /action-\d+$/.test(key)).length).toBeGreaterThanOrEqual(47);
    expect(rendered).toBeLessThan(met.length);
    await webPart(page, 'Tableau de bord du PST').getByText('Taux de réalisation').waitFor();
    await page.screenshot({ path: path.join(SHOTS, '01-coordinatrice.png') });
    await page.context().close();
  });

  it('filters the cards by code through the search box', async () => {
    const page = await openAs(COORDINATOR);
    const cards = webPart(page, 'Fiches projets');
    await cards.getByRole('searchbox').fill('1.1.1.1.1');
    await page.waitForTimeout(800);
    expect(await cards.getByRole('listitem').count()).toBe(1);
    expect(await cards.getByText('1 fiche(s)').count()).toBe(1);
    await page.context().close();
  });

  it('lets a lead add a check-in from the panel, and the dashboard changes without the plan being loaded again', async () => {
    // The snapshot is the only $batch that reads the plans list: count those requests.
    const context = await browser.newContext({ viewport: { width: 1600, height: 1100 } });
    await context.addCookies([
      { name: 'pst-session', value: sessionKey, url: baseUrl },
      { name: 'pst-user', value: encodeURIComponent(LEAD), url: baseUrl },
    ]);
    const page = await context.newPage();
    const snapshotLoads: string[] = [];
    const apiRequests: string[] = [];
    page.on('request', (request) => {
      if (!request.url().includes('/_api/')) return;
      apiRequests.push(`${request.method()} ${request.url()}`);
      if (request.url().endsWith('/_api/$batch') && /Lists(%2F|\/)PstPlans/.test(request.postData() ?? '')) snapshotLoads.push(request.url());
    });
    await page.goto(`${baseUrl}/`);
    await page.getByRole('tree').first().waitFor({ timeout: 60_000 });
    const dashboard = webPart(page, 'Tableau de bord du PST');
    await dashboard.locator('.pst-kpi').first().waitFor();
    // the three web parts of the page share one load
    expect(snapshotLoads).toHaveLength(1);
    const progressBefore = await dashboard.locator('.pst-kpi').nth(3).innerText();
    const cards = webPart(page, 'Fiches projets');
    // a project lead starts on « Mes actions » (issue 15): no click needed
    expect(await cards.getByRole('switch', { name: 'Mes actions' }).isChecked()).toBe(true);
    const mine = cards.getByRole('listitem');
    expect(await mine.count()).toBeGreaterThan(0);
    // one of the lead's actions that is not finished
    const open = mine.filter({ hasNotText: 'Terminé' }).first();
    await open.getByRole('button').first().click();
    const panel = page.getByRole('dialog');
    await panel.getByRole('heading', { name: 'Ajouter un suivi' }).waitFor();
    await panel.getByLabel('Avancement (%)').fill('99');
    await panel.getByLabel('Commentaire').fill('Réception provisoire signée, reste la formation des agents.');
    const requestsBeforeSave = apiRequests.length;
    await panel.getByRole('button', { name: 'Enregistrer le suivi' }).click();
    await panel.getByText('Suivi enregistré.').waitFor({ timeout: 20_000 });
    await panel.getByText('Réception provisoire signée, reste la formation des agents.').first().waitFor();
    await page.screenshot({ path: path.join(SHOTS, '02-chef-de-projet-suivi.png') });
    await page.keyboard.press('Escape');
    await page.waitForTimeout(1500);
    const progressAfter = await dashboard.locator('.pst-kpi').nth(3).innerText();
    expect(progressAfter).not.toBe(progressBefore);
    // the save wrote the action and the check-in; no web part read the plan again
    expect(snapshotLoads).toHaveLength(1);
    expect(apiRequests.length - requestsBeforeSave).toBeGreaterThan(0);
    await page.context().close();
  });

  it('does not let a reader edit: the sheet is read-only and the store refuses the write', async () => {
    const page = await openAs(READER);
    const cards = webPart(page, 'Fiches projets');
    await cards.getByRole('listitem').first().getByRole('button').first().click();
    const panel = page.getByRole('dialog');
    await panel.getByText('Seul le chef de projet ou le coordinateur peut mettre à jour cette action.').waitFor();
    expect(await panel.getByRole('button', { name: 'Enregistrer le suivi' }).count()).toBe(0);
    // and the server says no, whatever the page shows
    const status = await page.evaluate(async () => {
      const response = await fetch("/sites/pst/_api/web/getList('/sites/pst/Lists/PstActions')/items(1)", {
        method: 'POST',
        headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'X-HTTP-Method': 'MERGE', 'IF-MATCH': '*' },
        body: JSON.stringify({ PstProgress: 100 }),
      });
      return response.status;
    });
    expect(status).toBe(403);
    await page.screenshot({ path: path.join(SHOTS, '03-lecteur.png') });
    await page.context().close();
  });

  it('switches to the Teams dark theme', async () => {
    const page = await openAs(COORDINATOR, 'teamsDark');
    const background = await page.evaluate(() => getComputedStyle(document.querySelector('main')!.parentElement!.parentElement!).backgroundColor);
    expect(background).toBe('rgb(31, 31, 31)');
    await page.screenshot({ path: path.join(SHOTS, '04-teams-sombre.png') });
    await page.context().close();
  });

  it('has no serious or critical accessibility violation (axe-core), in SharePoint and Teams high contrast', async () => {
    for (const theme of ['sharepoint', 'teamsContrast']) {
      const page = await openAs(COORDINATOR, theme);
      await page.waitForTimeout(1000);
      const violations = (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
      if (violations.length > 0) console.log(JSON.stringify(await axeDetails(page), null, 1));
      expect({ theme, violations }).toEqual({ theme, violations: [] });
      await page.screenshot({ path: path.join(SHOTS, `05-${theme}.png`) });
      await page.context().close();
    }
  });

  it('fits a phone screen', async () => {
    const page = await openAs(LEAD, 'teamsDefault', 390);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(SHOTS, '06-mobile.png'), fullPage: false });
    await page.context().close();
  });
  it('lets the coordinator give an action to another lead, who is told by mail', async () => {
    const page = await openAs(COORDINATOR);
    const cards = webPart(page, 'Fiches projets');
    const card = cards.getByRole('listitem').filter({ hasNotText: 'Claire Renard' }).first();
    const title = (await card.getAttribute('aria-label')) as string;
    await card.getByRole('button').first().click();
    const panel = page.getByRole('dialog');
    await panel.getByRole('button', { name: /Changer le chef de projet|Désigner un chef de projet/ }).click();
    await panel.getByRole('combobox', { name: 'Nouveau chef de projet' }).pressSequentially('claire ren', { delay: 30 });
    await page.getByRole('option', { name: /Claire Renard/ }).first().click();
    await panel.getByRole('button', { name: 'Désigner', exact: true }).click();
    await panel.getByText("Claire Renard est désormais chef de projet de cette action. Un e-mail l'en a informé.").waitFor({ timeout: 20_000 });
    const outbox = await page.evaluate(async () => (await (await fetch('/local/outbox')).json()) as { to: string[]; subject: string; text: string; sender: string }[]);
    const mail = outbox.find((m) => m.to.some((t) => t.includes('claire.renard')));
    expect(mail).toBeDefined();
    expect(mail!.sender).toContain('anne.dupont');
    expect(mail!.text).toContain(title.replace(/^\S+\s/, ''));
    await page.screenshot({ path: path.join(SHOTS, '10-chef-de-projet-designe.png') });
    await page.context().close();
  });

  // Last: it adds a plan to the site.
  it('lets the coordinator import a PST from a Word document: report and tree first, written on confirmation', async () => {
    const page = await openAs(COORDINATOR);
    const tree = webPart(page, 'Arbre des objectifs');
    await barCommand(page, tree, ['Plan', 'Importer un PST']);
    const dialog = page.getByRole('dialog', { name: 'Importer un PST' });
    const samples = path.resolve(REPO, '../shared/samples');
    const binche = fs.readdirSync(samples).find((f) => f.startsWith('002') && f.endsWith('.txt')) as string;
    const docx = Buffer.from(makeDocx(asWordParagraphs(fs.readFileSync(path.join(samples, binche), 'utf8'))));
    const file = { name: 'PST-Binche-2019-2024.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: docx };
    await dialog.locator('input[type="file"]').setInputFiles(file);
    // The sample on the site is the 2025-2030 plan: the 2019-2024 document is another legislature.
    await dialog.getByText("Aucun plan de ce site ne correspond à ce document : l'import créera un nouveau plan.").waitFor({ timeout: 60_000 });
    const figures = await dialog.locator('dl').first().innerText();
    expect(figures.replace(/\s+/g, ' ')).toMatch(/Objectifs stratégiques 9 Objectifs opérationnels 23 Actions 47/);
    expect(await dialog.getByRole('tree').getByRole('treeitem').count()).toBeGreaterThanOrEqual(9);
    const violations = (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
    if (violations.length > 0) console.log(JSON.stringify(await axeDetails(page), null, 1));
    expect(violations).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, '07-import-apercu.png') });

    await dialog.getByRole('button', { name: 'Importer dans le site' }).click();
    await dialog.getByText(/Import terminé : nouveau plan créé avec 9 objectif\(s\) stratégique\(s\), 23 objectif\(s\) opérationnel\(s\) et 47 action\(s\)/).waitFor({ timeout: 60_000 });
    // The same document again: a version of the plan just written, nothing left to import.
    await dialog.getByRole('button', { name: 'Choisir un autre fichier' }).click();
    await dialog.locator('input[type="file"]').setInputFiles(file);
    await dialog.getByText('Le site contient déjà ce plan tel quel : rien à importer.').waitFor({ timeout: 60_000 });
    expect(await dialog.getByRole('button', { name: 'Importer dans le site' }).isDisabled()).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, '08-import-rien-a-faire.png') });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    // The views keep showing the running plan; the imported one is a choice away
    // (with the keyboard; the closing panel gives the focus back to its button a moment later).
    const planChoice = tree.getByRole('combobox', { name: /^PST affiché/ });
    await planChoice.waitFor({ timeout: 20_000 });
    expect(await planChoice.innerText()).toContain('2025-2030');
    const imported = tree.getByRole('combobox', { name: /^PST affiché.*2019-2024/ });
    for (let attempt = 0; attempt < 5 && !(await imported.isVisible()); attempt++) {
      await planChoice.focus();
      await page.keyboard.press('ArrowDown');
      await imported.waitFor({ timeout: 2_000 }).catch(() => undefined);
    }
    await imported.waitFor({ timeout: 5_000 });
    await tree.getByRole('treeitem', { name: /Améliorer l’offre de services/ }).first().waitFor();
    const headings = (await tree.locator('h2').allInnerTexts()).join(' | ');
    expect(headings).not.toContain('PST 2025-2030 (exemple)');
    await page.screenshot({ path: path.join(SHOTS, '09-plan-importe.png') });
    await page.context().close();
  });
});
