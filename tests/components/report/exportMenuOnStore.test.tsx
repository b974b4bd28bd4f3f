/**
 * @jest-environment ./tests/support/jsdomEnvironmentWithFetch.js
 */
// « Exporter / publier » in the shell against the embedded store holding the sample PST
// (what `npm start` serves), through the repository's own PnPjs code: the coordinator sees
// the menu and takes a snapshot that lands in « PST – Évaluations »; a project lead has no menu.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { startEmbeddedStore, roleBasedAuthorizer, EmbeddedStore } from '../../../src/node/store';
import { seedSamplePst, spAs } from '../../../src/node/local/seed';
import { SAMPLE_USERS } from '../../../src/node/local/samplePst';
import { webServerRelativeUrlOf } from '../../../src/node/sp/nodeSp';
import { SharePointPstRepository } from '../../../src/data/SharePointPstRepository';
import { SharePointSnapshotArchive } from '../../../src/data/SharePointSnapshotArchive';
import { PstApp } from '../../../src/components/shell/PstApp';

jest.setTimeout(240_000);

const TODAY = '2026-11-23';
const COORDINATOR = SAMPLE_USERS.find((u) => u.role === 'coordinator')!.email;
const LEAD = SAMPLE_USERS.find((u) => u.role === 'lead')!.email;
let folder: string;
let store: EmbeddedStore;

beforeAll(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pst-export-menu-'));
  store = await startEmbeddedStore({ dataFile: path.join(folder, 'pst.sqlite'), authorize: roleBasedAuthorizer });
  for (const user of SAMPLE_USERS) store.db.ensureUser({ email: user.email, title: user.displayName, isSiteAdmin: user.role === 'coordinator' });
  await seedSamplePst(store.siteUrl, TODAY);
});

afterAll(async () => {
  await store?.close();
  if (folder) fs.rmSync(folder, { recursive: true, force: true });
  await new Promise((resolve) => setTimeout(resolve, 200));
});

const repositoryAs = (email: string) => new SharePointPstRepository(spAs(store.siteUrl, email), webServerRelativeUrlOf(store.siteUrl));

it('the coordinator takes a mid-term snapshot from the dashboard, stored in the site', async () => {
  const view = render(<PstApp view="dashboard" repository={repositoryAs(COORDINATOR)} lang="fr" today={TODAY} />);
  // A command of the page's command bar (its items are menu items).
  fireEvent.click(await screen.findByRole('menuitem', { name: 'Exporter / publier' }, { timeout: 60000 }));
  fireEvent.click(await screen.findByRole('menuitem', { name: 'Évaluation…' }));
  expect(await screen.findByText("Aucun cliché de ce plan n'est encore enregistré.", undefined, { timeout: 20000 })).toBeTruthy();
  fireEvent.change(screen.getByRole('textbox', { name: /Titre du cliché/ }), { target: { value: 'Évaluation à mi-parcours 2026' } });
  fireEvent.click(screen.getByRole('button', { name: 'Prendre le cliché' }));
  const said = await screen.findByText(/Cliché « Évaluation à mi-parcours 2026 » du 23\/11\/2026 enregistré \(\d+ actions\)\./, undefined, { timeout: 60000 }).catch(() => {
    throw new Error(String(document.body.textContent).slice(0, 600));
  });

  const archive = new SharePointSnapshotArchive(spAs(store.siteUrl, COORDINATOR), webServerRelativeUrlOf(store.siteUrl));
  const stored = await archive.snapshots();
  expect(stored.map((s) => [s.label, s.kind, s.takenOn])).toEqual([['Évaluation à mi-parcours 2026', 'miParcours', TODAY]]);
  const frozen = await archive.load(stored[0].key);
  const plans = (await repositoryAs(COORDINATOR).loadSnapshot()).plans;
  expect(frozen.plan.id).toBe(plans[0].id);
  expect(frozen.actions.length).toBeGreaterThan(0);
  expect(said.textContent).toContain(`(${frozen.actions.length} actions)`);
  expect(Object.keys(frozen.figures.actions).length).toBe(frozen.actions.length);
  // The list shows the new snapshot, chosen for the comparison.
  // (by text: role queries over the whole dashboard are too slow for jsdom)
  expect(await screen.findByText('Évaluation à mi-parcours 2026 – 23/11/2026', undefined, { timeout: 20000 })).toBeTruthy();
  view.unmount();
});

it('a project lead has no « Exporter / publier » menu', async () => {
  render(<PstApp view="dashboard" repository={repositoryAs(LEAD)} lang="fr" today={TODAY} />);
  await screen.findByRole('menuitem', { name: 'Générer un rapport' }, { timeout: 60000 });
  expect(screen.queryByRole('menuitem', { name: 'Exporter / publier' })).toBeNull();
});
