/**
 * @jest-environment ./tests/support/jsdomEnvironmentWithFetch.js
 */
// « Exporter / publier »: each document the coordinator downloads is read back (the workbook
// and the Word evaluation unzipped with fflate, the page and the XML as text).
import * as React from 'react';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { unzipSync, strFromU8 } from 'fflate';
import { ExportMenu } from '../../../src/components/report/ExportMenu';
import type { PstRepository } from '../../../src/data/PstRepository';
import type { EvaluationArchive, StoredSnapshot } from '../../../src/data/SharePointSnapshotArchive';
import type { FrozenPlan } from '../../../src/domain/evaluation';
import type { PlanTreeInput } from '../../../src/domain/tree';
import { createAction } from '../../../src/domain/model';
import { formatPercent } from '../../../src/domain/parsing';
import { ForbiddenError } from '../../../src/data/errors';

const plan: PlanTreeInput = {
  plan: { id: 1, title: 'PST 2025-2030 du CPAS de Ciney', organisation: 'CPAS de Ciney', startYear: 2025, endYear: 2030 },
  sections: [],
  strategicObjectives: [{ id: 1, code: '1', title: 'Renforcer l’accueil', volet: 'externe', order: 1 }],
  operationalObjectives: [{ id: 1, code: '1.1', title: 'Un guichet unique', strategicObjectiveId: 1, order: 1 }],
  actions: [
    createAction({ id: 1, code: '1.1.1', title: 'Ouvrir une permanence sociale', operationalObjectiveIds: [1], status: 'EN_COURS', progressPercent: 40, projectLead: { displayName: 'Julie Martin', email: 'julie.martin@cpas-ciney.be' } }),
    createAction({ id: 2, code: '1.1.2', title: 'Former les agents d’accueil', operationalObjectiveIds: [1], status: 'EN_COURS', health: 'blocage' }),
  ],
};

const COMMENT = 'En attente du local rénové';

/** The snapshots list as the site keeps it: the JSON written, read back (nothing shared with the page). */
function memoryArchive(): EvaluationArchive & { stored: Map<string, string> } {
  const stored = new Map<string, string>();
  return {
    stored,
    save: async (s: FrozenPlan): Promise<StoredSnapshot> => {
      stored.set(s.key, JSON.stringify(s));
      return { key: s.key, label: s.label, kind: s.kind, takenOn: s.takenOn, planId: s.plan.id };
    },
    snapshots: async () =>
      Array.from(stored.values()).map((json) => {
        const s = JSON.parse(json) as FrozenPlan;
        return { key: s.key, label: s.label, kind: s.kind, takenOn: s.takenOn, planId: s.plan.id };
      }),
    load: async (key: string) => JSON.parse(stored.get(key)!) as FrozenPlan,
  };
}

function repositoryOf(data: PlanTreeInput, archive: EvaluationArchive, reads: number[] = []) {
  return {
    loadActionDetails: async (actionId: number) => {
      reads.push(actionId);
      const action = data.actions.find((a) => a.id === actionId)!;
      return {
        action,
        etag: '"1"',
        indicators: actionId === 1 ? [{ id: 7, actionId, label: 'Personnes reçues à la permanence', unit: 'personnes', baseline: 0, target: 400, current: 120, year: 2026 }] : [],
        checkIns: actionId === 2 ? [{ id: 12, actionId, date: '2026-11-02', author: { displayName: 'Paul Renard' }, status: action.status!, percent: 0, health: 'blocage' as const, comment: COMMENT }] : [],
        canEdit: true,
        modifiedBy: null,
        modified: null,
      };
    },
    evaluationArchive: () => archive,
  } as unknown as Pick<PstRepository, 'loadActionDetails' | 'evaluationArchive'>;
}

let blobs: { blob: Blob; name: string }[] = [];

beforeEach(() => {
  blobs = [];
  let last: Blob | null = null;
  Object.assign(URL, {
    createObjectURL: jest.fn((blob: Blob) => {
      last = blob;
      return 'blob:export';
    }),
    revokeObjectURL: jest.fn(),
  });
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    blobs.push({ blob: last!, name: this.download });
  });
});

afterEach(() => jest.restoreAllMocks());
afterAll(() => new Promise((resolve) => setTimeout(resolve, 200)));

function readBlob(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}
const readText = async (blob: Blob) => new TextDecoder().decode(await readBlob(blob));

async function openMenu(item: string): Promise<void> {
  fireEvent.click(screen.getByRole('button', { name: 'Exporter / publier' }));
  fireEvent.click(await screen.findByRole('menuitem', { name: item }));
}

async function downloaded(count = 1): Promise<{ blob: Blob; name: string }> {
  await waitFor(() => expect(blobs.length).toBe(count), { timeout: 20000 }).catch(() => {
    throw new Error(`no download: ${String(document.body.textContent).slice(0, 400)}`);
  });
  return blobs[count - 1];
}

it('downloads the complete workbook with the last check-in comments', async () => {
  const reads: number[] = [];
  render(<ExportMenu data={plan} today="2026-12-01" lang="fr" repository={repositoryOf(plan, memoryArchive(), reads)} />);
  await openMenu('Classeur complet (Excel)');
  const file = await downloaded();
  expect(file.name).toBe('PST-classeur-2026-12-01.xlsx');
  expect(reads.sort()).toEqual([1, 2]);
  const files = unzipSync(await readBlob(file.blob));
  const sheets = Object.keys(files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
  expect(sheets.length).toBeGreaterThanOrEqual(2);
  const all = sheets.map((n) => strFromU8(files[n])).join('');
  expect(all).toContain('Ouvrir une permanence sociale');
  expect(all).toContain(COMMENT);
}, 30000);

it('downloads the public page without internal information unless chosen', async () => {
  render(<ExportMenu data={plan} today="2026-12-01" lang="fr" repository={repositoryOf(plan, memoryArchive())} />);
  await openMenu('Page publique (HTML)…');
  fireEvent.click(await screen.findByRole('button', { name: 'Télécharger' }));
  const bare = await readText((await downloaded()).blob);
  expect(bare).toMatch(/^<!DOCTYPE html>/i);
  expect(bare).toContain('Former les agents d’accueil');
  expect(bare).not.toContain(COMMENT);
  expect(bare).not.toContain('julie.martin@cpas-ciney.be');
  await waitFor(() => expect(screen.queryByRole('button', { name: 'Télécharger' })).toBeNull());

  await openMenu('Page publique (HTML)…');
  fireEvent.click(await screen.findByRole('checkbox', { name: 'Inclure les commentaires de suivi et de la fiche' }));
  fireEvent.click(screen.getByRole('checkbox', { name: 'Inclure l\'e-mail des chefs de projet' }));
  fireEvent.click(screen.getByRole('button', { name: 'Télécharger' }));
  const full = await readText((await downloaded(2)).blob);
  expect(full).toContain(COMMENT);
  expect(full).toContain('julie.martin@cpas-ciney.be');
}, 30000);

it('downloads the eComptes XML with the INS code typed, and refuses one that is not a number', async () => {
  render(<ExportMenu data={plan} today="2026-12-01" lang="fr" repository={repositoryOf(plan, memoryArchive())} />);
  await openMenu('Export eComptes (XML)…');
  const ins = await screen.findByRole('textbox', { name: 'Code INS de la commune' });
  fireEvent.change(ins, { target: { value: '91O34' } });
  expect(await screen.findByText('Le code INS est un nombre (par exemple 56011), pas « 91O34 ».')).toBeTruthy();
  expect((screen.getByRole('button', { name: 'Télécharger' }) as HTMLButtonElement).disabled).toBe(true);
  fireEvent.change(ins, { target: { value: '91034' } });
  fireEvent.click(screen.getByRole('button', { name: 'Télécharger' }));
  const file = await downloaded();
  expect(file.name).toBe('PST-eComptes-2026-12-01.xml');
  const xml = await readText(file.blob);
  expect(xml).toMatch(/^<\?xml/);
  expect(xml).toContain('91034');
  expect(xml).toContain('Ouvrir une permanence sociale');
  // What the lists cannot fill (civilities) is said after the download.
  await waitFor(() => expect(screen.getByText('Fichier téléchargé. À compléter :')).toBeTruthy());
}, 30000);

it('takes a snapshot, then writes the evaluation comparing it with today’s plan (old values kept)', async () => {
  const archive = memoryArchive();
  const view = render(<ExportMenu data={plan} today="2026-06-30" lang="fr" repository={repositoryOf(plan, archive)} />);
  await openMenu('Évaluation…');
  expect(await screen.findByText('Aucun cliché de ce plan n’est encore enregistré.'.replace('’', "'"))).toBeTruthy();
  fireEvent.click(screen.getByRole('radio', { name: 'Évaluation à mi-parcours' }));
  const title = screen.getByRole('textbox', { name: /Titre du cliché/ });
  fireEvent.change(title, { target: { value: '' } });
  fireEvent.click(screen.getByRole('button', { name: 'Prendre le cliché' }));
  expect(await screen.findByText(/Donnez un titre au cliché/)).toBeTruthy();
  expect(archive.stored.size).toBe(0);
  fireEvent.change(title, { target: { value: 'Mi-parcours 2026' } });
  fireEvent.click(screen.getByRole('button', { name: 'Prendre le cliché' }));
  expect(await screen.findByText('Cliché « Mi-parcours 2026 » du 30/06/2026 enregistré (2 actions).')).toBeTruthy();
  expect(Array.from(archive.stored.keys())).toEqual(['1-2026-06-30-miParcours']);
  // The indicators were read action by action (the page's snapshot has none) and frozen with the plan.
  expect((JSON.parse(archive.stored.get('1-2026-06-30-miParcours')!) as FrozenPlan).indicators.map((i) => i.label)).toEqual(['Personnes reçues à la permanence']);
  fireEvent.click(screen.getByRole('button', { name: 'Fermer' }));

  // Months later the action progressed: the snapshot still says 40 %.
  const later: PlanTreeInput = { ...plan, actions: [{ ...plan.actions[0], progressPercent: 80 }, plan.actions[1]] };
  view.rerender(<ExportMenu data={later} today="2026-12-01" lang="fr" repository={repositoryOf(later, archive)} />);
  await openMenu('Évaluation…');
  const choice = await screen.findByRole('combobox', { name: 'Cliché de départ' });
  await waitFor(() => expect(choice.textContent).toContain('Mi-parcours 2026 – 30/06/2026'));
  fireEvent.change(screen.getByRole('textbox', { name: 'Bilan des synergies commune-CPAS' }), { target: { value: 'Un agent partagé avec la commune' } });
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Rapport d’évaluation (Word)'.replace('’', "'") }));
  });
  const file = await downloaded();
  expect(file.name).toBe('PST-evaluation-2026-06-30-2026-12-01.docx');
  const body = strFromU8(unzipSync(await readBlob(file.blob))['word/document.xml']);
  expect(body).toContain('Ouvrir une permanence sociale');
  expect(body).toContain(formatPercent(40, 0));
  expect(body).toContain(formatPercent(80, 0));
  expect(body).toContain('Un agent partagé avec la commune');
  expect(body).toContain('Personnes reçues à la permanence');
}, 40000);

it('says in French that the site refused the snapshot, and keeps the dialog as typed', async () => {
  const archive = memoryArchive();
  archive.save = async () => {
    throw new ForbiddenError('403 Forbidden');
  };
  render(<ExportMenu data={plan} today="2026-06-30" lang="fr" repository={repositoryOf(plan, archive)} />);
  await openMenu('Évaluation…');
  const title = await screen.findByRole('textbox', { name: /Titre du cliché/ });
  fireEvent.change(title, { target: { value: 'Mi-parcours 2026' } });
  fireEvent.click(screen.getByRole('button', { name: 'Prendre le cliché' }));
  expect(await screen.findByText('Le site refuse : seule la coordination du PST peut enregistrer un cliché ou lire ces données.', undefined, { timeout: 20000 })).toBeTruthy();
  expect((title as HTMLInputElement).value).toBe('Mi-parcours 2026');
  expect(archive.stored.size).toBe(0);
}, 30000);
