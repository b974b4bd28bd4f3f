/**
 * Issue 13 in Chromium on the local intranet (`npm start`): the coordinator imports a Word
 * document whose leads are names, « Désigner les chefs de projet » resolves them to the
 * directory's accounts and applies them (one mail per person), then a lead opens the link of
 * that mail, records a check-in on the imported action (the guardrails on the way) and
 * corrects it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { barCommand, launchChromium, LocalIntranet, REPO, startLocalIntranet } from './intranetSupport';
import { asWordParagraphs, makeDocx } from '../../import/support/makeDocuments';

jest.setTimeout(300_000);

const SHOTS = path.join(REPO, 'temp', 'screenshots');
const COORDINATOR = 'anne.dupont@cpas.example';
const JULIEN = 'julien.leclercq@cpas.example';

const DOCUMENT = `OBJECTIF STRATÉGIQUE 1 : Être un CPAS proche des citoyens

Objectif opérationnel 1.1 : Simplifier les démarches

Fiche action 1.1.1 : Ouvrir un guichet numérique
Chef de projet : LECLERCQ Julien
Début : 2025
Fin : 2027

Fiche action 1.1.2 : Former les agents d'accueil au numérique
Chef de projet : Leclercq J.
Début : 2025
Fin : 2026

Objectif opérationnel 1.2 : Mieux informer

Fiche action 1.2.1 : Publier un guide des aides sociales
Chef de projet : Nadia El Amrani
Début : 2026
Fin : 2027

Fiche action 1.2.2 : Présenter le PST au public
Chef de projet : Conseil de l'action sociale
Début : 2026
Fin : 2026
`;

let intranet: LocalIntranet | undefined;
let baseUrl: string;
let browser: Browser;
let sessionKey: string;

async function openAs(email: string, url = `${baseUrl}/`): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1100 } });
  await context.addCookies([
    { name: 'pst-session', value: sessionKey, url: baseUrl },
    { name: 'pst-user', value: encodeURIComponent(email), url: baseUrl },
  ]);
  const page = await context.newPage();
  await page.goto(url);
  // A link to an action opens its panel (modal: the views behind it leave the accessibility tree).
  await (url.includes('action-') ? page.getByRole('heading', { name: 'Ajouter un suivi' }) : page.getByRole('tree').first()).waitFor({ timeout: 60_000 }).catch(async (error) => {
    await page.screenshot({ path: path.join(SHOTS, '2x-echec.png') });
    throw new Error(`${String(error)}\n${(await page.locator('body').innerText()).slice(0, 2000)}`);
  });
  return page;
}

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  intranet = await startLocalIntranet('pst-leads-');
  ({ baseUrl, sessionKey } = intranet);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  intranet?.stop();
});

it('resolves the leads an imported document named, and a lead then updates their action', async () => {
  const page = await openAs(COORDINATOR);
  const tree = page.locator('section[aria-label="Arbre des objectifs"]');
  await barCommand(page, tree, ['Plan', 'Importer un PST']);
  const importDialog = page.getByRole('dialog', { name: 'Importer un PST' });
  const docx = Buffer.from(makeDocx(asWordParagraphs(DOCUMENT)));
  await importDialog.locator('input[type="file"]').setInputFiles({ name: 'PST-guichet.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: docx });
  await importDialog.getByRole('button', { name: 'Importer dans le site' }).click({ timeout: 60_000 });
  await importDialog
    .getByText(/Import terminé/)
    .waitFor({ timeout: 60_000 })
    .catch(async (error) => {
      throw new Error(`${String(error)}\n${await importDialog.innerText()}`);
    });
  await importDialog.getByRole('button', { name: 'Désigner les chefs de projet' }).click();

  const grid = page.getByRole('dialog', { name: 'Désigner les chefs de projet' });
  const rows = grid.getByTestId('designate-row');
  await rows.first().waitFor({ timeout: 30_000 });
  expect(await rows.count()).toBe(4);
  // Two ways of writing one name, one row; an initial is a row of its own, proposed the same account.
  const julienRow = rows.filter({ hasText: 'LECLERCQ Julien' });
  expect(await julienRow.innerText()).toContain('Julien Leclercq');
  expect(await rows.filter({ hasText: 'Leclercq J.' }).locator('.ms-PickerPersona-container').innerText()).toContain('Julien Leclercq');
  expect(await rows.filter({ hasText: 'Nadia El Amrani' }).locator('.ms-PickerPersona-container').innerText()).toContain('Nadia El Amrani');
  await grid.getByText("Noms sans compte, laissés tels quels : Conseil de l'action sociale").waitFor();
  // Keyboard: the account picker of a row is a labelled input.
  await grid.getByLabel("Compte pour Conseil de l'action sociale").focus();
  await page.screenshot({ path: path.join(SHOTS, '20-designer-chefs-de-projet.png') });

  await grid.getByRole('button', { name: 'Appliquer' }).click();
  await julienRow.getByText('Julien Leclercq : 2 action(s) attribuée(s). E-mail envoyé.').waitFor({ timeout: 60_000 });
  await rows.filter({ hasText: 'Nadia El Amrani' }).getByText(/1 action\(s\) attribuée\(s\)/).waitFor();
  await page.screenshot({ path: path.join(SHOTS, '21-chefs-de-projet-designes.png') });

  // One mail per person, listing all their actions.
  const outbox = await page.evaluate(async () => (await (await fetch('/local/outbox')).json()) as { to: string[]; subject: string; text: string }[]);
  const toJulien = outbox.filter((m) => m.to.some((to) => to.includes(JULIEN)) && m.subject.startsWith('PST : vous êtes chef de projet'));
  expect(toJulien.map((m) => m.subject)).toEqual(['PST : vous êtes chef de projet de 2 actions']);
  expect(toJulien[0].text).toContain('Ouvrir un guichet numérique');
  expect(toJulien[0].text).toContain("Former les agents d'accueil au numérique");
  const link = /(https?:\/\/\S*action-\d+)\s/.exec(toJulien[0].text.split('Ouvrir un guichet numérique')[1])![1];
  await page.context().close();

  // Julien follows the link of the mail, to the action he now leads.
  // The page the mail links to, on this test's host (the mail may name it localhost).
  const target = new URL(link);
  expect(target.hash + target.search).toMatch(/action-\d+/);
  const lead = await openAs(JULIEN, `${baseUrl}${target.pathname}${target.search}${target.hash}`);
  const panel = lead.getByRole('dialog');
  await panel.getByRole('heading', { name: 'Ajouter un suivi' }).waitFor({ timeout: 30_000 });
  expect(await panel.innerText()).toContain('Ouvrir un guichet numérique');
  await panel.getByLabel(/^Statut/).click();
  await lead.getByRole('option', { name: 'Terminé' }).click();
  await panel.getByLabel('Avancement (%)').fill('80');
  await panel.getByRole('button', { name: 'Enregistrer le suivi' }).click();
  await panel.getByText(/« Terminé » veut dire 100 %/).first().waitFor();
  await panel.getByRole('button', { name: 'Confirmer : terminé à 100 %' }).click();
  expect(await panel.getByLabel('Avancement (%)').inputValue()).toBe('100');
  await panel.getByLabel('Commentaire').fill('Guichet ouvert le lundi.');
  await panel.getByRole('button', { name: 'Enregistrer le suivi' }).click();
  await panel.getByText('Suivi enregistré.').waitFor({ timeout: 20_000 });
  expect(await panel.getByLabel('Commentaire').inputValue()).toBe('');

  // He corrects it: the history keeps what it said.
  await panel.getByRole('button', { name: 'Corriger mon dernier suivi' }).click();
  await panel.getByLabel('Commentaire').fill('Guichet ouvert le lundi et le jeudi.');
  await panel.getByRole('button', { name: 'Enregistrer la correction' }).click();
  await panel.getByText("Votre suivi est corrigé ; sa version précédente reste dans l'historique.").waitFor({ timeout: 20_000 });
  await panel.getByTestId('check-in-correction').getByText(/avant : Terminé, 100\s%, .*« Guichet ouvert le lundi\. »/).waitFor();
  await lead.screenshot({ path: path.join(SHOTS, '22-chef-de-projet-action-importee.png') });
  await lead.context().close();
});
