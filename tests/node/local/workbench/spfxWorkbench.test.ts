/**
 * The SPFx workbench page of `npm start` in Chromium (issue 12): SharePoint Framework
 * 1.23.2's own runtime from node_modules loads the ship build (release/) and instantiates
 * the three web parts against the embedded store. It needs a ship build: without one the
 * suite is skipped with a message, unless PST_REQUIRE_SHIP_BUILD=1 (CI, after its build),
 * where a missing build fails it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { launchChromium, LocalIntranet, REPO, startLocalIntranet } from '../intranetSupport';

jest.setTimeout(300_000);

const MANIFESTS = path.join(REPO, 'release', 'manifests');
const hasShipBuild = fs.existsSync(MANIFESTS) && fs.readdirSync(MANIFESTS).some((f) => f.endsWith('.manifest.json'));
if (!hasShipBuild) {
  const message = 'Pas de build de livraison dans release/ : les tests du poste de travail SPFx sont ignorés (lancez `npm run build`). / No ship build in release/: SPFx workbench tests skipped (run `npm run build`).';
  if (process.env.PST_REQUIRE_SHIP_BUILD === '1') throw new Error(message);
  console.warn(message);
}
const describeWithShipBuild = hasShipBuild ? describe : describe.skip;

const COORDINATOR = 'anne.dupont@cpas.example';
const LEAD = 'julien.leclercq@cpas.example';
const COMMENT = 'Réunion du 12/11 : le marché est attribué, reste la commande.';
/** The telemetry chunks SharePoint hosts itself: npm does not ship them (see workbench/README.md). */
const KNOWN_ABSENT = /chunk\.88_none|odsp-telemetry-1ds/;

let intranet: LocalIntranet | undefined;
let browser: Browser;

interface LoadedWebPart {
  readonly key: string;
  readonly instanceId: string;
  readonly alias: string;
}

/** What the workbench page exposes (src/node/local/workbench/workbenchApp.ts). */
type WorkbenchWindow = Window & {
  __pstWorkbenchReady?: LoadedWebPart[];
  __pstWorkbenchError?: string;
  __pstWorkbench: { openPropertyPane(instanceId: string): void };
};

interface Recorder {
  readonly api: Request[];
  readonly pageErrors: string[];
  /** The snapshot is the only $batch that reads the plans list. */
  snapshotLoads(): number;
}

function record(page: Page): Recorder {
  const api: Request[] = [];
  const pageErrors: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/_api/')) api.push(request);
  });
  page.on('pageerror', (error) => {
    if (!KNOWN_ABSENT.test(String(error))) pageErrors.push(String(error.stack ?? error));
  });
  return {
    api,
    pageErrors,
    snapshotLoads: () => api.filter((r) => r.url().endsWith('/_api/$batch') && /Lists(%2F|\/)PstPlans/.test(r.postData() ?? '')).length,
  };
}

async function signedInContext(email: string): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1500, height: 1100 } });
  await context.addCookies([
    { name: 'pst-session', value: intranet!.sessionKey, url: intranet!.baseUrl },
    { name: 'pst-user', value: encodeURIComponent(email), url: intranet!.baseUrl },
  ]);
  return context;
}

async function openWorkbench(page: Page, query: string): Promise<LoadedWebPart[]> {
  await page.goto(`${intranet!.baseUrl}/sites/pst/_layouts/15/workbench.aspx?${query}`);
  await page.waitForFunction(() => (window as unknown as WorkbenchWindow).__pstWorkbenchReady || (window as unknown as WorkbenchWindow).__pstWorkbenchError, null, { timeout: 120_000 });
  const error = await page.evaluate(() => (window as unknown as WorkbenchWindow).__pstWorkbenchError);
  expect(error).toBeUndefined();
  return page.evaluate(() => (window as unknown as WorkbenchWindow).__pstWorkbenchReady!);
}

beforeAll(async () => {
  if (!hasShipBuild) return;
  intranet = await startLocalIntranet('pst-workbench-');
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  intranet?.stop();
});

describeWithShipBuild('the SPFx workbench page in Chromium', () => {
  it('is printed by npm start and answers only with the local sign-in key', async () => {
    const line = /(http:\/\/\S*workbench\S*)/.exec(intranet!.output());
    expect(line).not.toBeNull();
    const url = new URL(line![1]);
    expect(url.pathname).toBe('/sites/pst/_layouts/15/workbench.aspx');
    expect(url.searchParams.get('webparts')).toBe('tree,cards,dashboard');
    const signedOut = await fetch(`${intranet!.baseUrl}/sites/pst/_layouts/15/workbench.aspx`);
    expect(signedOut.status).toBe(401);
    expect(await signedOut.text()).toContain('Connexion locale');
  });

  it('has the framework instantiate the three web parts with the sample PST, their REST requests sent by SPHttpClient', async () => {
    const context = await signedInContext(COORDINATOR);
    const page = await context.newPage();
    const seen = record(page);
    const loaded = await openWorkbench(page, 'webparts=tree,cards,dashboard');
    expect(loaded.map((w) => w.alias)).toEqual(['ObjectiveTreeWebPart', 'ProjectCardsWebPart', 'PstDashboardWebPart']);
    const tree = page.locator('[data-webpart="tree"]');
    await tree.getByRole('tree').waitFor({ timeout: 60_000 });
    await tree.getByText('LE SERVICE À LA POPULATION').first().waitFor();
    await page.locator('[data-webpart="cards"]').getByText('47 fiche(s)').waitFor();
    await page.locator('[data-webpart="dashboard"] .pst-kpi').first().waitFor();
    // The three web parts share one load of the plan.
    expect(seen.snapshotLoads()).toBe(1);
    // Through the framework's HTTP client: its SdkVersion marker names the web part on every
    // request, /_api/contextinfo (the write digest) included.
    expect(seen.api.length).toBeGreaterThan(1);
    for (const request of seen.api) expect({ url: request.url(), sdk: request.headers()['sdkversion'] }).toEqual({ url: request.url(), sdk: expect.stringMatching(/^SPFx\/(ObjectiveTree|ProjectCards|PstDashboard)WebPart\//) });
    expect(seen.api.some((r) => r.url().endsWith('/_api/contextinfo') && r.method() === 'POST')).toBe(true);
    const batch = seen.api.find((r) => r.url().endsWith('/_api/$batch'))!;
    expect(batch.headers()['x-requestdigest']).toBeTruthy();
    expect(seen.pageErrors).toEqual([]);
    await page.screenshot({ path: path.join(REPO, 'temp', 'screenshots', 'workbench-01-three-web-parts.png') }).catch(() => undefined);
    await context.close();
  });

  it('keeps what is typed in the panel when a property and the theme change: nothing reloads', async () => {
    const context = await signedInContext(COORDINATOR);
    const page = await context.newPage();
    const seen = record(page);
    const [cardsPart] = await openWorkbench(page, 'webparts=cards');
    const cards = page.locator('[data-webpart="cards"]');
    await cards.getByRole('searchbox').waitFor({ timeout: 60_000 });
    const open = cards.getByRole('listitem').filter({ hasNotText: 'Terminé' }).first();
    await open.getByRole('button').first().click();
    const panel = page.getByRole('dialog');
    await panel.getByRole('heading', { name: 'Ajouter un suivi' }).waitFor({ timeout: 30_000 });
    await panel.getByLabel('Commentaire').fill(COMMENT);
    await page.waitForTimeout(500);
    const requestsBefore = seen.api.length;
    const background = () => cards.evaluate((el) => getComputedStyle(el.querySelector('div')!).backgroundColor);
    const backgroundBefore = await background();

    // The framework's property pane, with the web part's own configuration.
    await page.evaluate((id) => (window as unknown as WorkbenchWindow).__pstWorkbench.openPropertyPane(id), cardsPart.instanceId);
    const pane = page.getByRole('region', { name: /property pane/i });
    await pane.getByText('Afficher la barre de filtres').waitFor({ timeout: 30_000 });
    // The panel's overlay covers the page: the toggle gets its click as an event, not by pointer.
    await pane.getByRole('switch').first().dispatchEvent('click');
    await cards.getByRole('searchbox').waitFor({ state: 'detached', timeout: 10_000 });

    // The site theme changes (the framework's ThemeProvider raises its event).
    await page.selectOption('#workbench-theme', 'teamsDark');
    await page.waitForFunction((before) => getComputedStyle(document.querySelector('[data-webpart="cards"] div')!).backgroundColor !== before, backgroundBefore, { timeout: 10_000 });
    expect(await background()).toBe('rgb(31, 31, 31)');

    // Same panel, same text, and not one REST request since the form was filled.
    expect(await panel.getByLabel('Commentaire').inputValue()).toBe(COMMENT);
    expect(seen.api.length).toBe(requestsBefore);
    expect(seen.snapshotLoads()).toBe(1);
    expect(seen.pageErrors).toEqual([]);
    await page.screenshot({ path: path.join(REPO, 'temp', 'screenshots', 'workbench-02-pane-theme.png') }).catch(() => undefined);
    await context.close();
  });

  it('names a component the framework asks for at run time that the shim table lacks', async () => {
    const context = await signedInContext(COORDINATOR);
    const page = await context.newPage();
    await openWorkbench(page, 'webparts=tree');
    const unknownId = '5c1e0000-0000-4000-8000-00000000beef';
    const answer = page.waitForResponse((r) => /\/_api\/web\/GetClientSideComponents$/i.test(r.url()));
    // As a framework chunk does: SPComponentLoader.loadComponentById, for an id no manifest preloaded.
    const outcome = await page.evaluate(
      (id) => (window as unknown as { __pstWorkbench: { loadComponent(id: string, version: string): Promise<unknown> } }).__pstWorkbench.loadComponent(id, '1.0.0').then(() => 'loaded', (e: Error) => `failed: ${e.message}`),
      unknownId,
    );
    expect(outcome).toMatch(/^failed/);
    const response = await answer;
    expect(response.status()).toBe(501);
    const body = (await response.json()) as { 'odata.error': { message: { value: string } } };
    expect(body['odata.error'].message.value).toContain(unknownId);
    expect(body['odata.error'].message.value).toContain('src/node/local/workbench/shims.ts');
    // The page says it too, and so does the server's console.
    await page.locator('#workbench-error').getByText(unknownId, { exact: false }).waitFor({ timeout: 10_000 });
    expect(intranet!.output()).toContain(`ne sait pas répondre au composant SharePoint ${unknownId}`);
    // A component the page does know is answered as SharePoint does, with its manifest.
    const known = await page.evaluate(async () => {
      const manifestOfTree = (window as unknown as { __pstWorkbenchConfig: { webParts: { id: string }[] } }).__pstWorkbenchConfig.webParts[0].id;
      const digest = '';
      const r = await fetch('/sites/pst/_api/web/GetClientSideComponents', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-RequestDigest': digest }, body: JSON.stringify({ components: [{ id: manifestOfTree, version: '0.0.0' }] }) });
      return { status: r.status, json: (await r.json()) as { value: { Status: number; Manifest: string }[] }, id: manifestOfTree };
    });
    expect(known.status).toBe(200);
    expect(known.json.value.map((v) => [v.Status, JSON.parse(v.Manifest).id])).toEqual([[0, known.id]]);
    await context.close();
  });

  it('sends mail through the framework’s MSGraphClientFactory to the local Graph', async () => {
    const context = await signedInContext(COORDINATOR);
    const page = await context.newPage();
    await openWorkbench(page, 'webparts=cards');
    const cards = page.locator('[data-webpart="cards"]');
    await cards.getByRole('listitem').first().waitFor({ timeout: 60_000 });
    const graphCalls: Request[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/graph/')) graphCalls.push(request);
    });
    await cards.getByRole('listitem').filter({ hasNotText: 'Terminé' }).first().getByRole('button').first().click();
    const panel = page.getByRole('dialog');
    await panel.getByRole('button', { name: /^Demander une mise à jour à / }).click();
    await panel.getByRole('button', { name: 'Envoyer la demande' }).click();
    await panel.getByText(/^Demande envoyée à /).waitFor({ timeout: 30_000 });
    const send = graphCalls.find((r) => r.url().endsWith('/graph/v1.0/me/sendMail'));
    expect(send).toBeDefined();
    // The web part's only Graph path is context.msGraphClientFactory; the local Graph knows
    // the caller by the session cookie (the framework's client sends no token to a non-Graph host).
    expect(send!.method()).toBe('POST');
    // Graph's MIME form of sendMail: the base64 of the message.
    expect(Buffer.from(send!.postData() ?? '', 'base64').toString('utf8')).toMatch(/^From: /m);
    const outbox = await page.evaluate(async () => (await fetch('/local/outbox')).json());
    expect(JSON.stringify(outbox)).toContain(COORDINATOR);
    await context.close();
  });

  it('shows English when asked and acts as the user the switcher picks', async () => {
    const context = await signedInContext(COORDINATOR);
    const page = await context.newPage();
    await openWorkbench(page, 'webparts=tree&lang=en');
    await page.locator('[data-webpart="tree"]').getByRole('button', { name: 'Expand all' }).waitFor({ timeout: 60_000 });
    await openWorkbench(page, 'webparts=cards');
    await Promise.all([page.waitForNavigation(), page.selectOption('#workbench-user', LEAD)]);
    await page.waitForFunction(() => (window as unknown as WorkbenchWindow).__pstWorkbenchReady, null, { timeout: 120_000 });
    // A project lead starts on « Mes actions ».
    const mine = page.locator('[data-webpart="cards"]').getByRole('switch', { name: 'Mes actions' });
    await mine.waitFor({ timeout: 60_000 });
    expect(await mine.isChecked()).toBe(true);
    await context.close();
  });
});
