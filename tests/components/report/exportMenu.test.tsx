/**
 * @jest-environment ./tests/support/jsdomEnvironmentWithFetch.js
 */
// « Exporter / publier »: each document the coordinator downloads is read back (the workbook
// and the Word evaluation unzipped with fflate, the page and the XML as text).
import * as React from 'react';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { unzipSync, strFromU8 } from 'fflate';
import { ExportMenu } from '../../../src/components/report/ExportMenu';
import { readPdfLines } from '../../../src/import/read/pdf';
import type { PstRepository } from '../../../src/data/PstRepository';
import type { EvaluationArchive, StoredSnapshot } from '../../../src/data/SharePointSnapshotArchive';
import type { StoredAssessments } from '../../../src/data/evaluationAssessments';
import type { FrozenPlan } from '../../../src/domain/evaluation';
import { freezePlan, NO_ASSESSMENTS, parseAssessments, serializeAssessments } from '../../../src/domain/evaluation';
import type { PlanTreeInput } from '../../../src/domain/tree';
import { createAction } from '../../../src/domain/model';
import type { MeansLine } from '../../../src/domain/means';
import { formatEuro, formatPercent } from '../../../src/domain/parsing';
import { statusLabel } from '../../../src/domain/vocabularies';
import { AssessmentsConflictError, ForbiddenError } from '../../../src/data/errors';

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

/**
 * The two evaluation lists as the site keeps them: the JSON written, read back (nothing
 * shared with the page); the assessments at a version, saved only over that version.
 */
function memoryArchive(): EvaluationArchive & { stored: Map<string, string>; saved: Map<string, { json: string; etag: string; by: string }> } {
  const stored = new Map<string, string>();
  const saved = new Map<string, { json: string; etag: string; by: string }>();
  let version = 0;
  const storedOf = (key: string): StoredAssessments => {
    const item = saved.get(key);
    return item ? { key, assessments: parseAssessments(item.json), etag: item.etag, modifiedBy: item.by, modified: '2026-12-01T10:00:00Z' } : { key, assessments: NO_ASSESSMENTS, etag: null, modifiedBy: null, modified: null };
  };
  return {
    stored,
    saved,
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
    assessments: async (key: string) => storedOf(key),
    saveAssessments: async (evaluation, assessments, etag) => {
      if ((saved.get(evaluation.key)?.etag ?? null) !== etag) throw new AssessmentsConflictError(storedOf(evaluation.key));
      saved.set(evaluation.key, { json: serializeAssessments(assessments), etag: `"${++version}"`, by: 'Anne Dupont' });
      return storedOf(evaluation.key);
    },
  };
}

function repositoryOf(data: PlanTreeInput, archive: EvaluationArchive, reads: number[] = [], means: ReadonlyMap<number, MeansLine[]> = new Map()) {
  return {
    loadMeans: async () => means,
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
  } as unknown as Pick<PstRepository, 'loadActionDetails' | 'loadMeans' | 'evaluationArchive'>;
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

it('takes two snapshots, compares them on screen, saves the assessments and writes them in the Word evaluation', async () => {
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

  // Months later: the first action progressed, the second was abandoned, a third was added; 2026 means were spent.
  const later: PlanTreeInput = {
    ...plan,
    actions: [
      { ...plan.actions[0], progressPercent: 80 },
      { ...plan.actions[1], status: 'ANNULE_ABANDONNE' },
      createAction({ id: 3, code: '1.1.3', title: 'Publier un guide des aides', operationalObjectiveIds: [1], status: 'NON_COMMENCE' }),
    ],
  };
  const means = new Map([[1, [{ year: 2026, service: 'ordinaire' as const, direction: 'depense' as const, source: 'cpas' as const, article: null, planned: 12000, actual: 9500, etp: 0.5 }]]]);
  view.rerender(<ExportMenu data={later} today="2026-12-01" lang="fr" repository={repositoryOf(later, archive, [], means)} />);
  await openMenu('Évaluation…');
  fireEvent.click(await screen.findByRole('radio', { name: 'Évaluation de fin de législature' }));
  fireEvent.click(screen.getByRole('button', { name: 'Prendre le cliché' }));
  expect(await screen.findByText('Cliché « Évaluation de fin de législature » du 01/12/2026 enregistré (3 actions).')).toBeTruthy();
  // The means lines of the site were frozen with the plan.
  expect((JSON.parse(archive.stored.get('1-2026-12-01-finDeLegislature')!) as FrozenPlan).actions[0].resources.lines?.[0].actual).toBe(9500);

  // Compare the two snapshots: mid-term → end of term.
  const from = await screen.findByRole('combobox', { name: /^Cliché de départ/ }, { timeout: 20000 });
  await waitFor(() => expect(from.textContent).toContain('Évaluation de fin de législature – 01/12/2026'), { timeout: 20000 });
  fireEvent.click(from);
  fireEvent.click(await screen.findByRole('option', { name: 'Mi-parcours 2026 – 30/06/2026' }));
  fireEvent.click(screen.getByRole('combobox', { name: /^Comparé à/ }));
  fireEvent.click(await screen.findByRole('option', { name: 'Évaluation de fin de législature – 01/12/2026' }));
  expect(await screen.findByText('Actions qui ont progressé (1)', undefined, { timeout: 20000 })).toBeTruthy();
  expect(screen.getByText(/^1\.1\.1 – Ouvrir une permanence sociale \(/).textContent).toContain(`(${formatPercent(40, 0)} → ${formatPercent(80, 0)}, ${statusLabel('EN_COURS')})`);
  expect(screen.getByText('Actions ajoutées (1)')).toBeTruthy();
  expect(screen.getByText('1.1.3 – Publier un guide des aides')).toBeTruthy();
  expect(screen.getByText('Actions annulées ou abandonnées (1)')).toBeTruthy();
  const meansTable = screen.getByRole('table', { name: 'Moyens prévus et dépensés par année' });
  expect(meansTable.textContent).toContain('2026');
  expect(meansTable.textContent).toContain(formatEuro(9500));
  expect(screen.getByRole('table', { name: 'Indicateurs et cibles' }).textContent).toContain('Personnes reçues à la permanence');

  // The assessments, saved in the site for this pair of snapshots.
  fireEvent.change(screen.getByRole('textbox', { name: 'Appréciation – OS 1 – Renforcer l’accueil' }), { target: { value: 'Le guichet unique est ouvert.' } });
  fireEvent.change(screen.getByRole('textbox', { name: 'Appréciation – OO 1.1 – Un guichet unique' }), { target: { value: 'La formation est reportée faute de budget.' } });
  fireEvent.change(screen.getByRole('textbox', { name: 'Bilan des synergies commune-CPAS' }), { target: { value: 'Un agent partagé avec la commune' } });
  expect(screen.getByText('Modifications non enregistrées.')).toBeTruthy();
  fireEvent.click(screen.getByRole('button', { name: 'Enregistrer les appréciations' }));
  expect(await screen.findByText(/Appréciations enregistrées par Anne Dupont le 01\/12\/2026\./)).toBeTruthy();
  const key = '1-2026-06-30-miParcours>1-2026-12-01-finDeLegislature';
  expect(parseAssessments(archive.saved.get(key)!.json)).toEqual({ objectives: { 'oo:1': 'La formation est reportée faute de budget.', 'os:1': 'Le guichet unique est ouvert.' }, synergies: 'Un agent partagé avec la commune' });

  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Rapport d’évaluation (Word)'.replace('’', "'") }));
  });
  const file = await downloaded();
  expect(file.name).toBe('PST-evaluation-2026-06-30-2026-12-01.docx');
  const body = strFromU8(unzipSync(await readBlob(file.blob))['word/document.xml']);
  expect(body).toContain('Ouvrir une permanence sociale');
  expect(body).toContain(formatPercent(40, 0));
  expect(body).toContain(formatPercent(80, 0));
  expect(body).toContain('Le guichet unique est ouvert.');
  expect(body).toContain('La formation est reportée faute de budget.');
  expect(body).toContain('Un agent partagé avec la commune');
  expect(body).toContain('Personnes reçues à la permanence');
  expect(body).toContain('Publier un guide des aides');
  fireEvent.click(screen.getByRole('button', { name: 'Fermer' }));

  // Opened again, the saved texts come back from the site.
  await openMenu('Évaluation…');
  const reopened = await screen.findByRole('combobox', { name: /^Cliché de départ/ }, { timeout: 20000 });
  fireEvent.click(reopened);
  fireEvent.click(await screen.findByRole('option', { name: 'Mi-parcours 2026 – 30/06/2026' }));
  fireEvent.click(screen.getByRole('combobox', { name: /^Comparé à/ }));
  fireEvent.click(await screen.findByRole('option', { name: 'Évaluation de fin de législature – 01/12/2026' }));
  const os = (await screen.findByRole('textbox', { name: 'Appréciation – OS 1 – Renforcer l’accueil' }, { timeout: 20000 })) as HTMLTextAreaElement;
  expect(os.value).toBe('Le guichet unique est ouvert.');
}, 60000);

it('writes the PDF evaluation with the same generator, the assessments typed in it', async () => {
  const archive = memoryArchive();
  await archive.save(freezePlan({ ...plan }, { takenOn: '2026-06-30', kind: 'miParcours', label: 'Mi-parcours 2026' }));
  render(<ExportMenu data={plan} today="2026-12-01" lang="fr" repository={repositoryOf(plan, archive)} />);
  await openMenu('Évaluation…');
  const oo = await screen.findByRole('textbox', { name: 'Appréciation – OO 1.1 – Un guichet unique' }, { timeout: 20000 });
  fireEvent.change(oo, { target: { value: 'Guichet ouvert trois jours par semaine.' } });
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: "Rapport d'évaluation (PDF)" }));
  });
  const file = await downloaded();
  expect(file.name).toBe('PST-evaluation-2026-06-30-2026-12-01.pdf');
  const text = readPdfLines(await readBlob(file.blob)).map((l) => l.text).join('\n');
  expect(text).toContain('Évaluation du PST');
  expect(text).toContain('Guichet ouvert trois jours par semaine.');
}, 60000);

it('a colleague saved first: nothing is overwritten, both versions are shown, and the typed text is kept', async () => {
  const archive = memoryArchive();
  const snapshot = freezePlan({ ...plan }, { takenOn: '2026-06-30', kind: 'miParcours', label: 'Mi-parcours 2026' });
  await archive.save(snapshot);
  render(<ExportMenu data={plan} today="2026-12-01" lang="fr" repository={repositoryOf(plan, archive)} />);
  await openMenu('Évaluation…');
  const os = await screen.findByRole('textbox', { name: 'Appréciation – OS 1 – Renforcer l’accueil' }, { timeout: 20000 });
  expect(screen.getByText("Rien n'est encore enregistré pour cette évaluation.")).toBeTruthy();
  fireEvent.change(os, { target: { value: 'Mon appréciation' } });
  // Meanwhile another coordinator saves the same evaluation (compared with today).
  const key = '1-2026-06-30-miParcours>aujourdhui';
  await archive.saveAssessments({ key, label: 'x', planId: 1 }, { objectives: { 'os:1': 'Son appréciation' }, synergies: 'Leur bilan' }, null);
  fireEvent.click(screen.getByRole('button', { name: 'Enregistrer les appréciations' }));
  expect(await screen.findByText(/a enregistré d'autres appréciations le 01\/12\/2026/)).toBeTruthy();
  expect(screen.getByText('Son appréciation', { exact: false })).toBeTruthy();
  expect(screen.getByText('Leur bilan', { exact: false })).toBeTruthy();
  expect((os as HTMLTextAreaElement).value).toBe('Mon appréciation');
  expect(parseAssessments(archive.saved.get(key)!.json).objectives['os:1']).toBe('Son appréciation');
  // Keeping mine saves over the version now seen.
  fireEvent.click(screen.getByRole('button', { name: 'Enregistrer mes textes' }));
  expect(await screen.findByText(/Appréciations enregistrées par/)).toBeTruthy();
  expect(parseAssessments(archive.saved.get(key)!.json)).toEqual({ objectives: { 'os:1': 'Mon appréciation' }, synergies: '' });
}, 40000);

it('a refused save says so in French and keeps what was typed', async () => {
  const archive = memoryArchive();
  await archive.save(freezePlan({ ...plan }, { takenOn: '2026-06-30', kind: 'miParcours', label: 'Mi-parcours 2026' }));
  archive.saveAssessments = async () => {
    throw new ForbiddenError('403 Forbidden');
  };
  render(<ExportMenu data={plan} today="2026-12-01" lang="fr" repository={repositoryOf(plan, archive)} />);
  await openMenu('Évaluation…');
  const synergies = await screen.findByRole('textbox', { name: 'Bilan des synergies commune-CPAS' }, { timeout: 20000 });
  fireEvent.change(synergies, { target: { value: 'Un marché public commun' } });
  fireEvent.click(screen.getByRole('button', { name: 'Enregistrer les appréciations' }));
  expect(await screen.findByText('Le site refuse : seule la coordination du PST peut enregistrer un cliché ou lire ces données.')).toBeTruthy();
  expect((synergies as HTMLTextAreaElement).value).toBe('Un marché public commun');
  expect(screen.getByText('Modifications non enregistrées.')).toBeTruthy();
}, 30000);

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
