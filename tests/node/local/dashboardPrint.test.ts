/**
 * « Imprimer / PDF » on the dashboard (issue 14, point 6): the printed pages hold the
 * dashboard alone (not the tree and cards beside it, no buttons), landscape, with every
 * column of the tables. Chromium prints to PDF with the page's print styles; the PDF is
 * read back with the importer's own PDF reader. The pages go to temp/screenshots/.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium, LocalIntranet, REPO, startLocalIntranet } from './intranetSupport';
import { readPdfLines } from '../../../src/import/read/pdf';

jest.setTimeout(300_000);

let intranet: LocalIntranet | undefined;
let browser: Browser;

beforeAll(async () => {
  intranet = await startLocalIntranet('pst-print-');
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  intranet?.stop();
});

it('prints the dashboard alone, landscape, with every column and no button', async () => {
  const { baseUrl, sessionKey } = intranet!;
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  await context.addCookies([
    { name: 'pst-session', value: sessionKey, url: baseUrl },
    { name: 'pst-user', value: encodeURIComponent('anne.dupont@cpas.example'), url: baseUrl },
  ]);
  const page = await context.newPage();
  await page.goto(`${baseUrl}/`);
  const dashboard = page.locator('section[aria-label="Tableau de bord du PST"]');
  await dashboard.getByRole('list', { name: 'Chiffres clés' }).waitFor({ timeout: 60_000 });
  // The print dialog cannot be driven: keep what « Imprimer » prepares, then print it to PDF.
  await page.evaluate(() => {
    window.print = () => undefined;
  });
  await dashboard.getByRole('menuitem', { name: 'Imprimer / PDF' }).click();
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  fs.mkdirSync(path.join(REPO, 'temp', 'screenshots'), { recursive: true });
  fs.writeFileSync(path.join(REPO, 'temp', 'screenshots', 'dashboard-print.pdf'), pdf);

  const source = pdf.toString('latin1');
  const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(source);
  expect(box).not.toBeNull();
  expect(Number(box![1])).toBeGreaterThan(Number(box![2]));

  const text = readPdfLines(new Uint8Array(pdf)).map((l) => l.text).join('\n');
  expect(text).toContain('Avancement par objectif stratégique');
  // Every column of the late table (on screen it drops columns when narrow)
  // (« Chef de projet » wraps in its narrow column)
  for (const column of ['Action', 'Chef de', 'Échéance', 'Retard']) expect(text).toContain(column);
  expect(text).toContain('Optimaliser les procédures de recrutement');
  // The other web parts and the commands are not printed
  expect(text).not.toContain("Boîte d'envoi");
  expect(text).not.toContain('Exporter vers Excel');
  expect(text).not.toContain('Tout déplier');
});
