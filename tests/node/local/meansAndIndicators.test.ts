/**
 * Issue 13 points 3 and 4 in Chromium on the local intranet (`npm start` on a fresh data
 * file): the coordinator edits an action's means lines and gives it an indicator; its lead
 * then enters the indicator's value with the check-in form and cannot write the means; the
 * dashboard's means view sums the lines. Screenshots go to temp/screenshots/.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, LocalIntranet, REPO, startLocalIntranet } from './intranetSupport';

jest.setTimeout(300_000);

const SHOTS = path.join(REPO, 'temp', 'screenshots');
const COORDINATOR = 'anne.dupont@cpas.example';
const LEAD = 'julien.leclercq@cpas.example';

let intranet: LocalIntranet | undefined;
let browser: Browser;

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  intranet = await startLocalIntranet('pst-means-');
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  intranet?.stop();
});

/** An action the lead leads, read from the store as the coordinator (REST, bearer token). */
async function actionLedBy(email: string): Promise<{ id: number; title: string }> {
  const url = `${intranet!.baseUrl}/sites/pst/_api/web/getList('/sites/pst/Lists/PstActions')/items?$select=Id,Title,PstStatus,PstProjectLead/EMail&$expand=PstProjectLead&$top=5000`;
  const response = await fetch(url, { headers: { Accept: 'application/json;odata=nometadata', Authorization: `Bearer local:${intranet!.sessionKey}:${COORDINATOR}` } });
  const body = (await response.json()) as { value: { Id: number; Title: string; PstStatus: string | null; PstProjectLead?: { EMail?: string } }[] };
  const led = body.value.filter((a) => a.PstProjectLead?.EMail === email && a.PstStatus !== 'TERMINE');
  if (led.length === 0) throw new Error(`no open action led by ${email}`);
  return { id: led[0].Id, title: led[0].Title };
}

/** The open panel (Fluent renders it in a layer at the end of the body; the closed ones are not there). */
const panelOf = (page: Page) => page.getByRole('dialog').filter({ hasText: 'Ajouter un suivi' });

async function openPanel(email: string, action: { id: number; title: string }): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1100 } });
  await context.addCookies([
    { name: 'pst-session', value: intranet!.sessionKey, url: intranet!.baseUrl },
    { name: 'pst-user', value: encodeURIComponent(email), url: intranet!.baseUrl },
  ]);
  const page = await context.newPage();
  await page.goto(`${intranet!.baseUrl}/`);
  const cards = page.locator('section[aria-label="Fiches projets"]');
  await cards.getByRole('listitem').first().waitFor({ timeout: 60_000 });
  await cards.getByRole('searchbox').first().fill(action.title.slice(0, 40));
  await cards.getByRole('listitem').filter({ hasText: action.title }).first().getByRole('button').first().click();
  try {
    await panelOf(page).getByRole('heading', { name: 'Moyens par année' }).waitFor({ timeout: 60_000 });
  } catch (error) {
    await page.screenshot({ path: path.join(SHOTS, 'failed-open-panel.png') });
    throw error;
  }
  return page;
}

describe('means and indicators in Chromium', () => {
  it('the coordinator edits a means line and adds an indicator; the lead enters its value and cannot touch the means', async () => {
    const action = await actionLedBy(LEAD);

    const coordinator = await openPanel(COORDINATOR, action);
    const panel = panelOf(coordinator);
    await panel.getByRole('button', { name: 'Modifier les moyens' }).click();
    await panel.getByRole('button', { name: 'Ajouter une ligne' }).click();
    const row = panel.getByTestId('means-row').last();
    await row.getByLabel('Année').fill('2027');
    await row.getByLabel('Prévu (€)').fill('12 345,5');
    await row.getByLabel('Article budgétaire').fill('844/124-48');
    await panel.getByRole('button', { name: 'Enregistrer les moyens' }).click();
    await panel.getByText('Moyens enregistrés.').waitFor({ timeout: 30_000 });
    const perYear = panel.getByTestId('means-per-year');
    await perYear.getByRole('row', { name: /Total 2027/ }).waitFor();
    expect(await perYear.getByRole('row', { name: /Total 2027/ }).innerText()).toContain('12\u00a0345,50\u00a0€');

    await panel.getByRole('button', { name: 'Modifier les indicateurs' }).click();
    await panel.getByRole('button', { name: 'Ajouter un indicateur' }).click();
    const indicator = panel.getByTestId('indicator-row').last();
    await indicator.getByLabel(/^Indicateur/).fill('Usagers accueillis');
    await indicator.getByLabel('Cible').fill('120');
    await panel.getByRole('button', { name: 'Enregistrer les indicateurs' }).click();
    await panel.getByText('Indicateurs enregistrés.').waitFor({ timeout: 30_000 });
    await coordinator.screenshot({ path: path.join(SHOTS, '20-coordinateur-moyens-indicateurs.png'), fullPage: true });
    await coordinator.context().close();

    const lead = await openPanel(LEAD, action);
    const leadPanel = panelOf(lead);
    // The lead sees the means, without the command to change them.
    await leadPanel.getByTestId('means-per-year').waitFor();
    expect(await leadPanel.getByRole('button', { name: 'Modifier les moyens' }).count()).toBe(0);
    expect(await leadPanel.getByRole('button', { name: 'Modifier les indicateurs' }).count()).toBe(0);
    const values = leadPanel.getByTestId('indicator-values');
    await values.getByLabel('Valeur : Usagers accueillis').fill('42');
    await values.getByRole('button', { name: 'Enregistrer les valeurs' }).click();
    await values.getByText('Valeurs des indicateurs enregistrées.').waitFor({ timeout: 30_000 });
    await leadPanel.getByTestId('indicator-chart').waitFor();
    expect(await leadPanel.getByRole('table', { name: "Évolution de l'indicateur « Usagers accueillis »" }).innerText()).toContain('42');
    await lead.screenshot({ path: path.join(SHOTS, '21-chef-de-projet-indicateur.png'), fullPage: true });

    // Whatever the page shows, the store refuses the lead a means line of their own action.
    const status = await lead.evaluate(async (id) => {
      const response = await fetch("/sites/pst/_api/web/getList('/sites/pst/Lists/PstMeans')/items", {
        method: 'POST',
        headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
        body: JSON.stringify({ Title: 'forgé', PstActionId: id, PstYear: 2027, PstMeansDirection: 'depense', PstPlannedAmount: 1 }),
      });
      return response.status;
    }, action.id);
    expect(status).toBe(403);
    await lead.context().close();
  });

  it('the dashboard shows the means per year, service, source and OS, with text alternatives', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1100 } });
    await context.addCookies([
      { name: 'pst-session', value: intranet!.sessionKey, url: intranet!.baseUrl },
      { name: 'pst-user', value: encodeURIComponent(COORDINATOR), url: intranet!.baseUrl },
    ]);
    const page = await context.newPage();
    await page.goto(`${intranet!.baseUrl}/`);
    const dashboard = page.locator('section[aria-label="Tableau de bord du PST"]');
    const block = dashboard.locator('section[aria-labelledby="pst-dash-means"]');
    await block.getByTestId('means-summary').waitFor({ timeout: 60_000 });
    expect(await block.getByTestId('means-summary').innerText()).toMatch(/^\d+ action\(s\) avec des moyens · dépenses prévues /);
    for (const caption of ['Dépenses prévues et réalisées par année', 'Par service budgétaire', 'Par source de financement', 'Par objectif stratégique']) {
      expect(await block.getByRole('table', { name: caption }).count()).toBe(1);
    }
    await block.screenshot({ path: path.join(SHOTS, '22-tableau-de-bord-moyens.png') });
    await context.close();
  });
});
