/**
 * @jest-environment ./tests/support/jsdomEnvironmentWithFetch.js
 */
// « Exporter / publier » in the shell against the embedded store holding the sample PST
// (what `npm start` serves), through the repository's own PnPjs code: the coordinator sees
// the menu and takes a snapshot that lands in « PST – Évaluations », writes the assessments of
// the evaluation (stored, ETag-checked); a project lead and a reader have no menu and the site
// refuses their writes.
import * as React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { spAs } from '../../../src/node/local/seed';
import { SAMPLE_USERS } from '../../../src/node/local/samplePst';
import { webServerRelativeUrlOf } from '../../../src/node/sp/nodeSp';
import { SharePointPstRepository } from '../../../src/data/SharePointPstRepository';
import { SharePointSnapshotArchive } from '../../../src/data/SharePointSnapshotArchive';
import { PstApp } from '../../../src/components/shell/PstApp';
import { EvaluationPanel } from '../../../src/components/report/EvaluationPanel';
import { loadReportDetails } from '../../../src/components/report/loadReportDetails';
import { AssessmentsConflictError, ForbiddenError, PstError } from '../../../src/data/errors';
import { evaluationKey } from '../../../src/domain/evaluation';
import type { PlanTreeInput } from '../../../src/domain/tree';
import { useSampleSite } from '../../node/support/sampleSite';

jest.setTimeout(240_000);

const TODAY = '2026-11-23';
const COORDINATOR = SAMPLE_USERS.find((u) => u.role === 'coordinator')!.email;
const LEAD = SAMPLE_USERS.find((u) => u.role === 'lead')!.email;
const READER = SAMPLE_USERS.find((u) => u.role === 'reader')!.email;

const site = useSampleSite('pst-export-menu-', TODAY);
afterAll(async () => {
  // (the store's last timers end before Jest looks for open handles)
  await new Promise((resolve) => setTimeout(resolve, 200));
});

const repositoryAs = (email: string) => new SharePointPstRepository(spAs(site.store.siteUrl, email), webServerRelativeUrlOf(site.store.siteUrl));

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

  const archive = new SharePointSnapshotArchive(spAs(site.store.siteUrl, COORDINATOR), webServerRelativeUrlOf(site.store.siteUrl));
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

const archiveAs = (email: string) => new SharePointSnapshotArchive(spAs(site.store.siteUrl, email), webServerRelativeUrlOf(site.store.siteUrl));

it('the coordinator writes the assessments of the evaluation in the page; they are stored in the site, ETag-checked', async () => {
  const repository = repositoryAs(COORDINATOR);
  const snapshot = await repository.loadSnapshot();
  const data: PlanTreeInput = { plan: snapshot.plans[0], sections: snapshot.sections, strategicObjectives: snapshot.strategicObjectives, operationalObjectives: snapshot.operationalObjectives, actions: snapshot.actions };
  const details = () => loadReportDetails(repository, []);
  const view = render(<EvaluationPanel data={data} today={TODAY} lang="fr" repository={repository} details={details} onClose={() => undefined} />);
  // The snapshot taken by the first test, compared with today.
  const firstOs = data.strategicObjectives[0];
  const label = `Appréciation – OS${firstOs.code ? ` ${firstOs.code}` : ''} – ${firstOs.title}`;
  const box = await screen.findByRole('textbox', { name: label }, { timeout: 60000 });
  fireEvent.change(box, { target: { value: 'Objectif atteint à moitié, à poursuivre.' } });
  fireEvent.change(screen.getByRole('textbox', { name: 'Bilan des synergies commune-CPAS' }), { target: { value: 'Service informatique commun avec la commune.' } });
  fireEvent.click(screen.getByRole('button', { name: 'Enregistrer les appréciations' }));
  await screen.findByText(/Appréciations enregistrées par Anne Dupont le \d\d\/\d\d\/\d{4}\./, undefined, { timeout: 30000 }).catch(() => {
    throw new Error(String(document.body.textContent).slice(-800));
  });
  view.unmount();

  // Read back by another instance, as the site keeps it.
  const [stored] = await archiveAs(COORDINATOR).snapshots();
  const key = evaluationKey(stored.key, null);
  const saved = await archiveAs(COORDINATOR).assessments(key);
  expect(saved.assessments.objectives[`os:${firstOs.id}`]).toBe('Objectif atteint à moitié, à poursuivre.');
  expect(saved.assessments.synergies).toBe('Service informatique commun avec la commune.');
  expect(saved.modifiedBy).toBe('Anne Dupont');
  expect(saved.etag).toBeTruthy();

  // Two coordinators from the same version: the second save is refused with the first one's text, nothing overwritten.
  const evaluation = { key, label: 'Évaluation', planId: data.plan.id };
  const first = await archiveAs(COORDINATOR).saveAssessments(evaluation, { ...saved.assessments, synergies: 'Version de la première' }, saved.etag);
  expect(first.etag).not.toBe(saved.etag);
  const late = await archiveAs(COORDINATOR)
    .saveAssessments(evaluation, { ...saved.assessments, synergies: 'Version de la seconde' }, saved.etag)
    .then(() => null, (e: unknown) => e);
  expect(late).toBeInstanceOf(AssessmentsConflictError);
  expect((late as AssessmentsConflictError).current.assessments.synergies).toBe('Version de la première');
  expect((await archiveAs(COORDINATOR).assessments(key)).assessments.synergies).toBe('Version de la première');
  // A first save when someone already created the item is a conflict too.
  await expect(archiveAs(COORDINATOR).saveAssessments(evaluation, saved.assessments, null)).rejects.toBeInstanceOf(AssessmentsConflictError);
}, 240000);

it.each([
  ['a project lead', LEAD],
  ['a reader', READER],
])('%s cannot write assessments: the site refuses', async (_who, email) => {
  const [stored] = await archiveAs(COORDINATOR).snapshots();
  const key = evaluationKey(stored.key, null);
  const before = await archiveAs(COORDINATOR).assessments(key);
  const refusal = await archiveAs(email)
    .saveAssessments({ key, label: 'x', planId: stored.planId ?? 0 }, { objectives: {}, synergies: 'Écrit par un autre' }, before.etag)
    .then(() => null, (e: unknown) => e);
  expect(PstError.from(refusal)).toBeInstanceOf(ForbiddenError);
  const fresh = await archiveAs(email)
    .saveAssessments({ key: `${key}-autre`, label: 'x', planId: stored.planId ?? 0 }, { objectives: {}, synergies: 'Écrit par un autre' }, null)
    .then(() => null, (e: unknown) => e);
  expect(PstError.from(fresh)).toBeInstanceOf(ForbiddenError);
  expect((await archiveAs(COORDINATOR).assessments(key)).assessments.synergies).toBe(before.assessments.synergies);
}, 60000);

it('a reader has no « Exporter / publier » menu', async () => {
  render(<PstApp view="dashboard" repository={repositoryAs(READER)} lang="fr" today={TODAY} />);
  await screen.findByRole('menuitem', { name: 'Générer un rapport' }, { timeout: 60000 });
  expect(screen.queryByRole('menuitem', { name: 'Exporter / publier' })).toBeNull();
}, 120000);
