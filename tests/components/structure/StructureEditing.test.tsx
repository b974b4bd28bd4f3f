/**
 * @jest-environment ./tests/support/jsdomEnvironmentWithFetch.js
 *
 * Structure editing in the tree, as the coordination sees it (commands per row, dialogs,
 * a collision shown next to what was typed, archived items hidden unless asked for), and
 * as a lead or reader sees it (nothing offered).
 */
import * as React from 'react';
import { createEvent, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { PstApp } from '../../../src/components/shell/PstApp';
import type { PstRepository } from '../../../src/data/PstRepository';
import type { StructureCommand, StructureEditing } from '../../../src/data/structureEditing';
import { InvalidRequestError, StructureConflictError } from '../../../src/data/errors';
import type { PstSnapshot } from '../../../src/domain/snapshot';
import { createAction } from '../../../src/domain/model';

jest.setTimeout(90_000);

const notUsedHere = async (): Promise<never> => {
  throw new Error('not used by these views');
};

function snapshotOf(canEditAllActions: boolean, archivedOo = false): PstSnapshot {
  return {
    viewer: { user: { id: 1, displayName: 'Élise Martin' }, canEditAllActions },
    plans: [{ id: 1, title: 'PST 2025-2030', organisation: 'CPAS', startYear: 2025, endYear: 2030, state: 'enVigueur', adoptedOn: '2025-03-27' }],
    sections: [],
    strategicObjectives: [
      { id: 1, code: '1', title: 'Accueil', volet: 'externe', order: 1 },
      { id: 2, code: '2', title: 'Ressources humaines', volet: 'interne', order: 2 },
    ],
    operationalObjectives: [
      { id: 11, code: '1.1', title: 'Guichet', strategicObjectiveId: 1, order: 1 },
      { id: 12, code: '1.2', title: 'Permanences', strategicObjectiveId: 1, order: 2, ...(archivedOo ? { archived: true } : {}) },
      { id: 21, code: '2.1', title: 'Formation', strategicObjectiveId: 2, order: 1 },
    ],
    actions: [
      createAction({ id: 101, code: '1.1.1', title: 'Horaires', operationalObjectiveIds: [11], order: 1 }),
      createAction({ id: 102, code: '1.2.1', title: 'Permanence du samedi', operationalObjectiveIds: [12], order: 1 }),
    ],
    indicators: [],
  };
}

function repository(snapshot: PstSnapshot, apply: jest.Mock): PstRepository {
  const structure: StructureEditing = {
    apply,
    loadChangeLog: jest.fn(async () => [
      { id: 3, at: '2026-11-20T10:05:00Z', author: { displayName: 'Paul Durand' }, kind: 'edit' as const, item: { kind: 'operationalObjective' as const, id: 11 }, summary: "L'OO 1.1 « Accueil » : intitulé « Accueil » → « Guichet »", before: null, after: null },
    ]),
    setPlanState: jest.fn(async () => snapshot.plans),
    startNextPlan: jest.fn(async () => 2),
  };
  return {
    inspectLists: notUsedHere,
    canManageLists: async () => false,
    canEditAllActions: async () => snapshot.viewer!.canEditAllActions,
    provisionLists: notUsedHere,
    loadSnapshot: async () => snapshot,
    currentUser: async () => snapshot.viewer!.user,
    loadActionDetails: async (id: number) => ({ action: snapshot.actions.find((a) => a.id === id)!, etag: '"1"', indicators: [], checkIns: [], canEdit: true, modifiedBy: null, modified: null }),
    updateAction: notUsedHere,
    addCheckIn: notUsedHere,
    importPlan: notUsedHere,
    importDocumentPlan: notUsedHere,
    searchPeople: notUsedHere,
    assignLead: notUsedHere,
    loadCheckInHistory: async () => [],
    loadCheckInsOf: async () => new Map(),
    correctCheckIn: notUsedHere,
    designateLeads: notUsedHere,
    loadMeans: async () => new Map(),
    saveMeansLines: notUsedHere,
    saveIndicators: notUsedHere,
    addIndicatorValues: notUsedHere,
    evaluationArchive: () => {
      throw new Error('not used here');
    },
    structure,
  };
}

async function openTree(snapshot: PstSnapshot, apply = jest.fn(async (_planId: number, command: StructureCommand) => ({ written: [], summary: `fait : ${command.type}` }))) {
  const repo = repository(snapshot, apply);
  render(<PstApp view="tree" repository={repo} lang="fr" today="2026-11-23" />);
  // The view is loaded on demand: the first test of a run waits for it to compile.
  await screen.findByRole('tree', {}, { timeout: 30_000 });
  fireEvent.click(screen.getByRole('button', { name: 'Tout déplier' }));
  return { repo, apply };
}

/** A command of the page's bar, through its menu (« Ajouter », « Plan »…). */
async function barCommand(menu: string, command: string): Promise<void> {
  fireEvent.click(await screen.findByRole('menuitem', { name: menu }, { timeout: 5000 }));
  fireEvent.click(await screen.findByRole('menuitem', { name: command }));
}

function openRowMenu(label: string): void {
  fireEvent.click(screen.getByRole('button', { name: `Modifier la structure : ${label}` }));
}

afterAll(() => new Promise((resolve) => setTimeout(resolve, 200)));

describe('structure editing, as the coordination', () => {
  it('renames an OO: the dialog sends what was typed over the version shown', async () => {
    const { apply } = await openTree(snapshotOf(true));
    openRowMenu('1.2 Permanences');
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Renommer ou changer le code…' }));
    const dialog = await screen.findByRole('dialog');
    const title = within(dialog).getByRole('textbox', { name: /Intitulé/ });
    expect((title as HTMLInputElement).value).toBe('Permanences');
    fireEvent.change(title, { target: { value: 'Permanences sociales' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(apply).toHaveBeenCalledTimes(1));
    expect(apply.mock.calls[0]).toEqual([
      1,
      { type: 'edit', seen: expect.objectContaining({ kind: 'operationalObjective', id: 12, title: 'Permanences' }), changes: { title: 'Permanences sociales', code: '1.2' } },
    ]);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    // The live region says what was saved.
    await waitFor(() => expect(screen.getAllByRole('status').some((s) => s.textContent === 'Modification enregistrée : fait : edit')).toBe(true));
  });

  it('warns about a duplicate code while typing', async () => {
    await openTree(snapshotOf(true));
    openRowMenu('1.2 Permanences');
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Renommer ou changer le code…' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Code' }), { target: { value: '1.1' } });
    expect(await within(dialog).findByText(/Attention : le code 1\.1 est déjà utilisé par l'OO 1\.1 « Guichet »/)).toBeTruthy();
  });

  it('lists the codes used twice in the plan below the bar, once the tree is shown', async () => {
    const snapshot = snapshotOf(true);
    const twice = { ...snapshot, operationalObjectives: snapshot.operationalObjectives.map((o) => (o.id === 12 ? { ...o, code: '1.1' } : o)) };
    await openTree(twice);
    expect(await screen.findByText('Codes en double dans ce plan : 1.1')).toBeTruthy();
  });

  it('a collision shows both versions, keeps what was typed, and « Garder mes modifications » saves over the stored one', async () => {
    const stored = { kind: 'operationalObjective' as const, id: 12, title: 'Permanences du CPAS', code: '1.2', order: 2, archived: false, parentId: 1 };
    const apply = jest
      .fn()
      .mockRejectedValueOnce(new StructureConflictError(stored, { displayName: 'Paul Durand' }, '2026-11-23T09:00:00Z'))
      .mockResolvedValueOnce({ written: [], summary: 'ok' });
    await openTree(snapshotOf(true), apply);
    openRowMenu('1.2 Permanences');
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Renommer ou changer le code…' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Intitulé/ }), { target: { value: 'Permanences sociales' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    const notice = await within(dialog).findByTestId('conflict');
    expect(notice.textContent).toContain('Paul Durand');
    const row = within(notice).getByRole('rowheader', { name: 'Intitulé' }).closest('tr')!;
    expect(row.textContent).toContain('Permanences sociales');
    expect(row.textContent).toContain('Permanences du CPAS');
    expect((within(dialog).getByRole('textbox', { name: /Intitulé/ }) as HTMLInputElement).value).toBe('Permanences sociales');
    fireEvent.click(within(notice).getByRole('button', { name: 'Garder mes modifications' }));
    await waitFor(() => expect(apply).toHaveBeenCalledTimes(2));
    expect(apply.mock.calls[1][1]).toEqual({ type: 'edit', seen: stored, changes: { title: 'Permanences sociales', code: '1.2' } });
  });

  it('adds an action under an OO with the next code proposed', async () => {
    const { apply } = await openTree(snapshotOf(true));
    openRowMenu('1.1 Guichet');
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Ajouter une action…' }));
    const dialog = await screen.findByRole('dialog');
    expect((within(dialog).getByRole('textbox', { name: 'Code' }) as HTMLInputElement).value).toBe('1.1.2');
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Intitulé/ }), { target: { value: 'Borne d’accueil' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(apply).toHaveBeenCalled());
    expect(apply.mock.calls[0][1]).toEqual({ type: 'add', item: { kind: 'action', title: 'Borne d’accueil', code: '1.1.2', parentId: null, operationalObjectiveId: 11 } });
  });

  it('an empty title is refused in the dialog, nothing sent', async () => {
    const { apply } = await openTree(snapshotOf(true));
    await barCommand('Ajouter', 'Ajouter un objectif stratégique');
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    expect(await within(dialog).findByText("L'intitulé est obligatoire.")).toBeTruthy();
    expect(apply).not.toHaveBeenCalled();
  });

  it('moves an action to another OO, offering only valid places', async () => {
    const { apply } = await openTree(snapshotOf(true));
    openRowMenu('1.1.1 Horaires');
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Déplacer vers…' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('combobox', { name: /Nouvel emplacement/ }));
    const options = (await screen.findAllByRole('option')).map((o) => o.textContent);
    expect(options).toEqual(['1.2 Permanences', '2.1 Formation']);
    fireEvent.click(screen.getByRole('option', { name: '2.1 Formation' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(apply).toHaveBeenCalled());
    expect(apply.mock.calls[0][1]).toEqual({ type: 'move', seen: expect.objectContaining({ id: 101 }), target: { kind: 'operationalObjective', id: 21 }, fromObjectiveId: 11 });
  });

  it('archives after a confirmation that says what goes with it; a refusal is shown in French', async () => {
    const apply = jest.fn().mockRejectedValueOnce(new InvalidRequestError('Cet élément est déjà archivé.'));
    await openTree(snapshotOf(true), apply);
    openRowMenu('1 Accueil');
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Archiver…' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('(5 élément(s) en tout)');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Archiver' }));
    expect(await within(dialog).findByText('Cet élément est déjà archivé.')).toBeTruthy();
    expect(apply.mock.calls[0][1]).toEqual({ type: 'archive', seen: expect.objectContaining({ kind: 'strategicObjective', id: 1 }) });
  });

  it('moves up at once from the row menu, and the same commands are in the keyboard menu (Shift+F10)', async () => {
    const { apply } = await openTree(snapshotOf(true));
    const row = screen.getByRole('treeitem', { name: /2 Ressources humaines/ });
    row.focus();
    fireEvent.keyDown(row, { key: 'F10', shiftKey: true });
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Monter' }));
    await waitFor(() => expect(apply).toHaveBeenCalled());
    expect(apply.mock.calls[0][1]).toEqual({ type: 'reorder', seen: expect.objectContaining({ kind: 'strategicObjective', id: 2 }), direction: 'up', underObjectiveId: undefined });
  });

  it('hides archived items until « Afficher les éléments archivés », then marks them', async () => {
    await openTree(snapshotOf(true, true));
    expect(screen.queryByText('Permanences')).toBeNull();
    expect(screen.queryByText('Permanence du samedi')).toBeNull();
    const archived = await screen.findByRole('menuitemcheckbox', { name: 'Afficher les éléments archivés' }, { timeout: 5000 });
    expect(archived.getAttribute('aria-checked')).toBe('false');
    fireEvent.click(archived);
    await waitFor(() => expect(screen.getByRole('menuitemcheckbox', { name: 'Afficher les éléments archivés' }).getAttribute('aria-checked')).toBe('true'));
    fireEvent.click(screen.getByRole('button', { name: 'Tout déplier' }));
    expect(await screen.findByText('Permanences')).toBeTruthy();
    expect(screen.getAllByText('Archivé').length).toBeGreaterThan(0);
    openRowMenu('1.2 Permanences');
    // The open menu's items (the page's command bar has menu items too).
    const items = within(await screen.findByRole('menu')).getAllByRole('menuitem').map((i) => i.textContent);
    expect(items).toEqual(['Restaurer']);
  });

  it('shows the change log and the plan state', async () => {
    const { repo } = await openTree(snapshotOf(true));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Plan' }, { timeout: 5000 }));
    expect(await screen.findByRole('menuitem', { name: /État du plan : En vigueur – Adopté le 27\/03\/2025/ })).toBeTruthy();
    fireEvent.click(screen.getByRole('menuitem', { name: 'Journal des modifications' }));
    const log = await screen.findByTestId('change-log');
    expect(log.textContent).toContain('Paul Durand');
    expect(log.textContent).toContain('« Accueil » → « Guichet »');
    expect(log.textContent).toMatch(/20\/11\/2026 \d\d:05/);
    expect(repo.structure.loadChangeLog).toHaveBeenCalledWith(1);
  });
});

/** What a browser's dataTransfer carries for a row of the tree. */
function treeDrag() {
  const data = new Map<string, string>();
  return {
    types: ['application/x-pst-tree-node', 'text/plain'],
    setData: jest.fn((type: string, value: string) => void data.set(type, value)),
    getData: (type: string) => data.get(type) ?? '',
    effectAllowed: 'all',
    dropEffect: 'none',
  };
}

/** The row (the draggable part of a tree item) whose name starts with `label`; 52 px high at the top of the page. */
function rowOf(label: string): HTMLElement {
  const item = screen.getByRole('treeitem', { name: new RegExp(`^${label.replace(/[.]/g, '\\.')}`) });
  const row = item.firstElementChild as HTMLElement;
  row.getBoundingClientRect = () => ({ top: 100, bottom: 152, height: 52, left: 0, right: 800, width: 800, x: 0, y: 100, toJSON: () => ({}) });
  return row;
}

const statusSays = (text: string | RegExp): boolean =>
  screen.getAllByRole('status').some((s) => (typeof text === 'string' ? s.textContent === text : text.test(s.textContent ?? '')));

/** A drag event at a height of the page (jsdom has no DragEvent: the pointer's place is set by hand). */
function dragEvent(type: 'dragOver' | 'drop', element: HTMLElement, dataTransfer: ReturnType<typeof treeDrag>, clientY: number): boolean {
  const event = createEvent[type](element, { dataTransfer });
  Object.defineProperty(event, 'clientY', { value: clientY });
  return fireEvent(element, event);
}

/** Drags `from` over `to` at `y` px from the top of its row; whether the row accepted the drag (the drop is allowed). */
function dragOver(from: HTMLElement, to: HTMLElement, y: number, dataTransfer = treeDrag()): { accepted: boolean; dataTransfer: ReturnType<typeof treeDrag> } {
  fireEvent.dragStart(from, { dataTransfer });
  const accepted = dragEvent('dragOver', to, dataTransfer, 100 + y);
  return { accepted: !accepted, dataTransfer };
}

describe('drag and drop in the tree, as the coordination', () => {
  it('drops an action on another OO: the move of « Déplacer vers… », announced', async () => {
    const { apply } = await openTree(snapshotOf(true));
    const action = rowOf('1.1.1 Horaires');
    expect(action.getAttribute('draggable')).toBe('true');
    const target = rowOf('2.1 Formation');
    const { accepted, dataTransfer } = dragOver(action, target, 26);
    expect(dataTransfer.setData).toHaveBeenCalledWith('application/x-pst-tree-node', 'action-101');
    expect(statusSays(/^Glissement de l'action 1\.1\.1 « Horaires » : déposez-la sur un objectif opérationnel/)).toBe(true);
    expect(accepted).toBe(true);
    expect(target.getAttribute('data-drop')).toBe('inside');
    dragEvent('drop', target, dataTransfer, 126);
    fireEvent.dragEnd(action, { dataTransfer });
    expect(target.getAttribute('data-drop')).toBeNull();
    await waitFor(() => expect(apply).toHaveBeenCalledTimes(1));
    expect(apply.mock.calls[0]).toEqual([1, { type: 'move', seen: expect.objectContaining({ kind: 'action', id: 101 }), target: { kind: 'operationalObjective', id: 21 }, fromObjectiveId: 11 }]);
    await waitFor(() => expect(statusSays('Modification enregistrée : fait : move')).toBe(true));
  });

  it('drops an OO on another OS, and above or below a sibling to reorder', async () => {
    const { apply } = await openTree(snapshotOf(true));
    const oo = rowOf('1.2 Permanences');
    const { accepted } = dragOver(oo, rowOf('2 Ressources humaines'), 26);
    expect(accepted).toBe(true);
    dragEvent('drop', rowOf('2 Ressources humaines'), treeDrag(), 126);
    await waitFor(() => expect(apply).toHaveBeenCalledTimes(1));
    expect(apply.mock.calls[0][1]).toEqual({ type: 'move', seen: expect.objectContaining({ kind: 'operationalObjective', id: 12 }), target: { kind: 'strategicObjective', id: 2 }, fromObjectiveId: undefined });

    // The upper half of the OO above: before it (an OO takes no OO under it). (Rows read
    // again: the tree was rendered again from the plan loaded after the move.)
    await waitFor(() => expect(statusSays('Modification enregistrée : fait : move')).toBe(true));
    const above = rowOf('1.1 Guichet');
    expect(dragOver(rowOf('1.2 Permanences'), above, 20).accepted).toBe(true);
    expect(above.getAttribute('data-drop')).toBe('before');
    // Its lower half is where the OO is already: nothing to show, nothing to drop.
    expect(dragOver(rowOf('1.2 Permanences'), above, 40).accepted).toBe(false);
    expect(above.getAttribute('data-drop')).toBeNull();
    dragOver(rowOf('1.2 Permanences'), above, 5);
    dragEvent('drop', above, treeDrag(), 105);
    await waitFor(() => expect(apply).toHaveBeenCalledTimes(2));
    expect(apply.mock.calls[1][1]).toEqual({ type: 'reorder', seen: expect.objectContaining({ id: 12 }), place: { side: 'before', siblingId: 11 }, underObjectiveId: undefined });
  });

  it('refuses an OS dropped on an action: no indicator of a place, nothing sent, the reason said', async () => {
    const { apply } = await openTree(snapshotOf(true));
    const os = rowOf('2 Ressources humaines');
    const action = rowOf('1.1.1 Horaires');
    const { accepted, dataTransfer } = dragOver(os, action, 26);
    expect(accepted).toBe(false);
    expect(action.getAttribute('data-drop')).toBe('refused');
    // A browser does not drop where the drag was not accepted; the drag ends, and says why.
    fireEvent.dragEnd(os, { dataTransfer });
    expect(statusSays("Dépôt impossible sur 1.1.1 Horaires : déposez-le sur une section pour le déplacer, ou au-dessus ou en dessous d'un autre OS pour le ranger.")).toBe(true);
    // A drop sent anyway is refused too.
    dragOver(os, action, 26);
    dragEvent('drop', action, dataTransfer, 126);
    expect(apply).not.toHaveBeenCalled();
    // Nor does an OO go under an action.
    const oo = rowOf('1.1 Guichet');
    expect(dragOver(oo, rowOf('1.1.1 Horaires'), 26).accepted).toBe(false);
    expect(apply).not.toHaveBeenCalled();
  });

  it('the keyboard reorders too: Alt+Shift+Up/Down on a row is « Monter » / « Descendre », said in the tree help', async () => {
    const { apply } = await openTree(snapshotOf(true));
    expect(document.getElementById(screen.getByRole('tree').getAttribute('aria-describedby')!)!.textContent).toContain('Alt+Maj+flèche haut ou bas');
    const second = screen.getByRole('treeitem', { name: /^2 Ressources humaines/ });
    second.focus();
    fireEvent.keyDown(second, { key: 'ArrowUp', altKey: true, shiftKey: true });
    await waitFor(() => expect(apply).toHaveBeenCalledTimes(1));
    expect(apply.mock.calls[0][1]).toEqual({ type: 'reorder', seen: expect.objectContaining({ kind: 'strategicObjective', id: 2 }), direction: 'up', underObjectiveId: undefined });
    const first = screen.getByRole('treeitem', { name: /^1 Accueil/ });
    first.focus();
    fireEvent.keyDown(first, { key: 'ArrowUp', altKey: true, shiftKey: true });
    await waitFor(() => expect(statusSays("L'élément est déjà le premier.")).toBe(true));
    expect(apply).toHaveBeenCalledTimes(1);
  });

  it('a collision on a dropped move opens « Déplacer vers… » with both versions; « Garder mes modifications » moves over the stored one', async () => {
    const stored = { kind: 'action' as const, id: 101, title: 'Horaires d’ouverture', code: '1.1.1', order: 1, archived: false, parentId: null, operationalObjectiveIds: [11] };
    const apply = jest
      .fn()
      .mockRejectedValueOnce(new StructureConflictError(stored, { displayName: 'Paul Durand' }, '2026-11-23T09:00:00Z'))
      .mockResolvedValueOnce({ written: [], summary: 'ok' });
    await openTree(snapshotOf(true), apply);
    const { dataTransfer } = dragOver(rowOf('1.1.1 Horaires'), rowOf('2.1 Formation'), 26);
    dragEvent('drop', rowOf('2.1 Formation'), dataTransfer, 126);
    const dialog = await screen.findByRole('dialog', { name: /Déplacer l'action 1\.1\.1/ });
    const notice = await within(dialog).findByTestId('conflict');
    expect(notice.textContent).toContain('Paul Durand');
    expect(notice.textContent).toContain('Horaires d’ouverture');
    fireEvent.click(within(notice).getByRole('button', { name: 'Garder mes modifications' }));
    await waitFor(() => expect(apply).toHaveBeenCalledTimes(2));
    expect(apply.mock.calls[1][1]).toEqual({ type: 'move', seen: stored, target: { kind: 'operationalObjective', id: 21 }, fromObjectiveId: 11 });
  });
});

describe('structure editing in the action panel', () => {
  it('the coordinator moves the action shown from its panel', async () => {
    const { apply } = await openTree(snapshotOf(true));
    fireEvent.click(screen.getByRole('treeitem', { name: /1\.1\.1 Horaires/ }).querySelector('[id$="-t"]')!);
    const group = await screen.findByRole('group', { name: 'Structure' }, { timeout: 10_000 });
    fireEvent.click(within(group).getByRole('button', { name: 'Déplacer vers…' }));
    const dialog = await screen.findByRole('dialog', { name: /Déplacer l'action 1\.1\.1/ });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(apply).toHaveBeenCalled());
    expect(apply.mock.calls[0][1]).toMatchObject({ type: 'move', seen: { id: 101 }, target: { kind: 'operationalObjective', id: 12 } });
  });
});

describe('structure editing, as a lead or a reader', () => {
  it('offers nothing: no row menu, no toolbar, no structure item in the keyboard menu', async () => {
    await openTree(snapshotOf(false));
    expect(screen.queryAllByTestId('structure-menu')).toHaveLength(0);
    // The page's bar holds the report alone: no « Ajouter », no « Plan », no archived toggle.
    const bar = await screen.findByRole('menubar', { name: 'Commandes du plan' });
    await waitFor(() => expect(Array.from(bar.querySelectorAll('[role^="menuitem"]')).map((item) => item.textContent)).toEqual(['Générer un rapport']));
    const row = screen.getByRole('treeitem', { name: /2 Ressources humaines/ });
    row.focus();
    fireEvent.keyDown(row, { key: 'F10', shiftKey: true });
    // The open menu's items (the page's command bar has menu items too).
    const items = within(await screen.findByRole('menu')).getAllByRole('menuitem').map((i) => i.textContent);
    expect(items).toEqual(['Copier le lien']);
  });

  it('cannot drag: no row is draggable, a drag over a row shows nothing, Alt+Shift+Up moves nothing', async () => {
    const { repo } = await openTree(snapshotOf(false));
    const row = screen.getByRole('treeitem', { name: /^1\.1\.1 Horaires/ }).firstElementChild as HTMLElement;
    expect(document.querySelectorAll('[draggable="true"]')).toHaveLength(0);
    expect(row.getAttribute('draggable')).toBeNull();
    const accepted = !fireEvent.dragOver(screen.getByRole('treeitem', { name: /^2\.1 Formation/ }).firstElementChild as HTMLElement, { dataTransfer: treeDrag() });
    expect(accepted).toBe(false);
    const os = screen.getByRole('treeitem', { name: /^2 Ressources humaines/ });
    os.focus();
    fireEvent.keyDown(os, { key: 'ArrowUp', altKey: true, shiftKey: true });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(repo.structure.apply).not.toHaveBeenCalled();
  });
});
