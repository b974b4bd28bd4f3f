import { createAction, OperationalObjective, Section, StrategicObjective } from '../../src/domain/model';
import {
  actionItem,
  archivedWith,
  changedFields,
  checkLink,
  checkMove,
  checkPlace,
  checkUnlink,
  codeScheme,
  duplicateCodes,
  findStructureItem,
  itemsWithCode,
  moveChanges,
  nextOrder,
  placeAmong,
  renumberBranch,
  reorder,
  siblingsOf,
  StructureData,
  suggestChildCode,
  visibleStructure,
} from '../../src/domain/structure';

const section = (id: number, parentSectionId: number | null = null, extra: Partial<Section> = {}): Section => ({ id, code: null, title: `Section ${id}`, volet: null, parentSectionId, order: id, ...extra });
const os = (id: number, code: string | null, extra: Partial<StrategicObjective> = {}): StrategicObjective => ({ id, code, title: `OS ${id}`, volet: null, order: id, ...extra });
const oo = (id: number, strategicObjectiveId: number, code: string | null, extra: Partial<OperationalObjective> = {}): OperationalObjective => ({ id, code, title: `OO ${id}`, strategicObjectiveId, order: id, ...extra });

function plan(): StructureData {
  return {
    sections: [section(1), section(2, 1), section(3)],
    strategicObjectives: [os(10, '1', { sectionId: 1 }), os(11, '2', { sectionId: 3 })],
    operationalObjectives: [oo(20, 10, '1.1'), oo(21, 10, '1.2'), oo(22, 11, '2.1')],
    actions: [
      createAction({ id: 30, title: 'A', code: '1.1.1', operationalObjectiveIds: [20], order: 1 }),
      createAction({ id: 31, title: 'B', code: '1.1.2', operationalObjectiveIds: [20, 22], order: 2 }),
      createAction({ id: 32, title: 'C', code: '1.2.1', operationalObjectiveIds: [21], order: 1 }),
      createAction({ id: 40, title: 'A-1', code: '1.1.1.1', operationalObjectiveIds: [20], parentActionId: 30, order: 1 }),
      createAction({ id: 41, title: 'A-2', code: '1.1.1.2', operationalObjectiveIds: [20], parentActionId: 30, order: 2 }),
    ],
  };
}

const item = (data: StructureData, kind: Parameters<typeof findStructureItem>[1]['kind'], id: number) => findStructureItem(data, { kind, id })!;

describe('structure items', () => {
  it('reads each kind with its parent', () => {
    const data = plan();
    expect(item(data, 'section', 2)).toMatchObject({ parentId: 1, archived: false });
    expect(item(data, 'strategicObjective', 10)).toMatchObject({ parentId: 1, code: '1' });
    expect(item(data, 'operationalObjective', 21)).toMatchObject({ parentId: 10 });
    expect(item(data, 'action', 31)).toMatchObject({ parentId: null, operationalObjectiveIds: [20, 22] });
    expect(item(data, 'action', 40)).toMatchObject({ parentId: 30 });
    expect(findStructureItem(data, { kind: 'action', id: 999 })).toBeNull();
  });
  it('changedFields keeps only what differs, codes and titles trimmed', () => {
    const a = item(plan(), 'action', 30);
    expect(changedFields(a, { title: 'A', code: ' 1.1.1 ' })).toEqual({});
    expect(changedFields(a, { title: 'Nouveau', code: '' })).toEqual({ title: 'Nouveau', code: '' });
    expect(changedFields(a, { operationalObjectiveIds: [20] })).toEqual({});
    expect(changedFields(a, { operationalObjectiveIds: [21] })).toEqual({ operationalObjectiveIds: [21] });
    expect(changedFields(a, { archived: true })).toEqual({ archived: true });
  });
});

describe('checkMove', () => {
  const data = plan();
  it('an OO moves to another OS, not to the same, an archived or a missing one', () => {
    const o = item(data, 'operationalObjective', 21);
    expect(checkMove(data, o, { kind: 'strategicObjective', id: 11 })).toEqual({ ok: true });
    expect(moveChanges(o, { kind: 'strategicObjective', id: 11 })).toEqual({ parentId: 11 });
    expect(checkMove(data, o, { kind: 'strategicObjective', id: 10 })).toEqual({ ok: false, problem: 'sameParent' });
    expect(checkMove(data, o, { kind: 'strategicObjective', id: 99 })).toEqual({ ok: false, problem: 'targetMissing' });
    expect(checkMove(data, o, { kind: 'operationalObjective', id: 20 })).toEqual({ ok: false, problem: 'wrongTargetKind' });
    expect(checkMove(data, o, null)).toEqual({ ok: false, problem: 'wrongTargetKind' });
    const archived = { ...data, strategicObjectives: data.strategicObjectives.map((s) => (s.id === 11 ? { ...s, archived: true } : s)) };
    expect(checkMove(archived, o, { kind: 'strategicObjective', id: 11 })).toEqual({ ok: false, problem: 'targetArchived' });
  });
  it('a section never moves under itself or one of its descendants', () => {
    const s = item(data, 'section', 1);
    expect(checkMove(data, s, { kind: 'section', id: 1 })).toEqual({ ok: false, problem: 'cycle' });
    expect(checkMove(data, s, { kind: 'section', id: 2 })).toEqual({ ok: false, problem: 'cycle' });
    expect(checkMove(data, s, { kind: 'section', id: 3 })).toEqual({ ok: true });
    expect(checkMove(data, item(data, 'section', 2), null)).toEqual({ ok: true });
    expect(checkMove(data, s, null)).toEqual({ ok: false, problem: 'sameParent' });
  });
  it('an OS moves to a section or to the top', () => {
    const o = item(data, 'strategicObjective', 10);
    expect(checkMove(data, o, { kind: 'section', id: 3 })).toEqual({ ok: true });
    expect(checkMove(data, o, null)).toEqual({ ok: true });
    expect(moveChanges(o, null)).toEqual({ parentId: null });
  });
  it('a top-level action changes its primary OO and keeps the others', () => {
    const a = item(data, 'action', 31);
    expect(checkMove(data, a, { kind: 'operationalObjective', id: 21 })).toEqual({ ok: true });
    expect(moveChanges(a, { kind: 'operationalObjective', id: 21 })).toEqual({ operationalObjectiveIds: [21, 22] });
    expect(moveChanges(a, { kind: 'operationalObjective', id: 21 }, 22)).toEqual({ operationalObjectiveIds: [20, 21] });
    expect(checkMove(data, a, { kind: 'operationalObjective', id: 20 })).toEqual({ ok: false, problem: 'sameParent' });
    expect(checkMove(data, a, { kind: 'operationalObjective', id: 22 })).toEqual({ ok: false, problem: 'alreadyLinked' });
    expect(checkMove(data, a, { kind: 'action', id: 30 })).toEqual({ ok: false, problem: 'wrongTargetKind' });
  });
  it('a sub-action stays under an action, a top-level one, never itself', () => {
    const sub = item(data, 'action', 40);
    expect(checkMove(data, sub, { kind: 'action', id: 32 })).toEqual({ ok: true });
    expect(moveChanges(sub, { kind: 'action', id: 32 })).toEqual({ parentId: 32 });
    expect(checkMove(data, sub, { kind: 'operationalObjective', id: 21 })).toEqual({ ok: false, problem: 'wrongTargetKind' });
    expect(checkMove(data, sub, { kind: 'action', id: 41 })).toEqual({ ok: false, problem: 'targetIsSubAction' });
    expect(checkMove(data, sub, { kind: 'action', id: 40 })).toEqual({ ok: false, problem: 'cycle' });
    expect(checkMove(data, sub, { kind: 'action', id: 30 })).toEqual({ ok: false, problem: 'sameParent' });
  });
});

describe('link and unlink (transversal actions)', () => {
  const data = plan();
  it('links a top-level action to another live OO once', () => {
    expect(checkLink(data, item(data, 'action', 30), 21)).toEqual({ ok: true });
    expect(checkLink(data, item(data, 'action', 30), 20)).toEqual({ ok: false, problem: 'alreadyLinked' });
    expect(checkLink(data, item(data, 'action', 40), 21)).toEqual({ ok: false, problem: 'subActionNotTransversal' });
    expect(checkLink(data, item(data, 'action', 30), 99)).toEqual({ ok: false, problem: 'targetMissing' });
    expect(checkLink(data, item(data, 'operationalObjective', 20), 21)).toEqual({ ok: false, problem: 'wrongTargetKind' });
    const archived = { ...data, operationalObjectives: data.operationalObjectives.map((o) => (o.id === 21 ? { ...o, archived: true } : o)) };
    expect(checkLink(archived, item(archived, 'action', 30), 21)).toEqual({ ok: false, problem: 'targetArchived' });
  });
  it('unlinks only an OO it serves, and keeps at least one', () => {
    expect(checkUnlink(item(data, 'action', 31), 22)).toEqual({ ok: true });
    expect(checkUnlink(item(data, 'action', 31), 21)).toEqual({ ok: false, problem: 'notLinked' });
    expect(checkUnlink(item(data, 'action', 30), 20)).toEqual({ ok: false, problem: 'lastObjective' });
  });
});

describe('order of siblings', () => {
  const data = plan();
  it('siblings: same parent and kind, in display order; actions under the OO asked', () => {
    expect(siblingsOf(data, item(data, 'operationalObjective', 20)).map((s) => s.id)).toEqual([20, 21]);
    expect(siblingsOf(data, item(data, 'action', 31), 22).map((s) => s.id)).toEqual([31]);
    expect(siblingsOf(data, item(data, 'action', 31)).map((s) => s.id)).toEqual([30, 31]);
    expect(siblingsOf(data, item(data, 'action', 41)).map((s) => s.id)).toEqual([40, 41]);
  });
  it('reorder swaps with the neighbour and gives definite orders', () => {
    const siblings = siblingsOf(data, item(data, 'action', 30));
    expect(reorder(siblings, 31, 'up')).toEqual([
      { id: 31, order: 10 },
      { id: 30, order: 20 },
    ]);
    expect(reorder(siblings, 30, 'up')).toEqual([]);
    expect(reorder(siblings, 31, 'down')).toEqual([]);
    expect(reorder(siblings, 99, 'down')).toEqual([]);
    const tens = siblings.map((s, i) => ({ ...s, order: (i + 1) * 10 }));
    expect(reorder(tens, 30, 'down')).toEqual([
      { id: 31, order: 10 },
      { id: 30, order: 20 },
    ]);
  });
  it('placeAmong puts an item before or after any sibling and numbers them all again', () => {
    const four = [10, 11, 12, 13].map((id, i) => ({ kind: 'operationalObjective' as const, id, title: `OO ${id}`, code: null, order: i + 1, archived: false, parentId: 1 }));
    expect(placeAmong(four, 13, { side: 'before', siblingId: 11 })).toEqual([
      { id: 10, order: 10 },
      { id: 13, order: 20 },
      { id: 11, order: 30 },
      { id: 12, order: 40 },
    ]);
    const tens = four.map((s, i) => ({ ...s, order: (i + 1) * 10 }));
    // Only what changes: 10 keeps its place.
    expect(placeAmong(tens, 11, { side: 'after', siblingId: 13 })).toEqual([
      { id: 12, order: 20 },
      { id: 13, order: 30 },
      { id: 11, order: 40 },
    ]);
    expect(placeAmong(tens, 10, { side: 'after', siblingId: 12 }).map((o) => o.id)).toEqual([11, 12, 10]);
  });
  it('checkPlace refuses a non-sibling and the place the item is at already', () => {
    const siblings = siblingsOf(plan(), item(plan(), 'operationalObjective', 20));
    expect(checkPlace(siblings, 20, { side: 'after', siblingId: 21 })).toEqual({ ok: true });
    expect(checkPlace(siblings, 21, { side: 'before', siblingId: 20 })).toEqual({ ok: true });
    expect(checkPlace(siblings, 20, { side: 'before', siblingId: 21 })).toEqual({ ok: false, problem: 'samePlace' });
    expect(checkPlace(siblings, 21, { side: 'after', siblingId: 20 })).toEqual({ ok: false, problem: 'samePlace' });
    expect(checkPlace(siblings, 20, { side: 'after', siblingId: 20 })).toEqual({ ok: false, problem: 'samePlace' });
    // OO 22 hangs from another OS.
    expect(checkPlace(siblings, 20, { side: 'after', siblingId: 22 })).toEqual({ ok: false, problem: 'notSibling' });
    expect(placeAmong(siblings, 20, { side: 'after', siblingId: 22 })).toEqual([]);
  });
  it('a new item goes after the last', () => {
    expect(nextOrder([])).toBe(10);
    expect(nextOrder([{ order: 2 }, { order: 7 }])).toBe(10);
    expect(nextOrder([{ order: 20 }, { order: 35 }])).toBe(40);
  });
});

describe('codes', () => {
  it('recognises the numbering of the children', () => {
    expect(codeScheme('1.2', ['1.2.1', '1.2.2'])).toBe('outline');
    expect(codeScheme('1.2', [])).toBe('outline');
    expect(codeScheme('OS 100', ['OO 101', 'OO 102'])).toBe('hundreds');
    expect(codeScheme('100', [])).toBe('hundreds');
    expect(codeScheme(null, ['A1', 'A2'])).toBe('sequence');
    expect(codeScheme(null, [])).toBe('none');
    expect(codeScheme('1', [null, 'Accueil'])).toBe('none');
  });
  it('suggests the next child code, never a taken one', () => {
    expect(suggestChildCode('1.2', ['1.2.1', '1.2.2'])).toBe('1.2.3');
    expect(suggestChildCode('1.2', ['1.2.1', '1.2.10', '1.2.2'])).toBe('1.2.11');
    expect(suggestChildCode('1.2', [])).toBe('1.2.1');
    expect(suggestChildCode('OS 100', ['OO 101', 'OO 102'])).toBe('OO 103');
    expect(suggestChildCode('200', [])).toBe('201');
    expect(suggestChildCode(null, ['1', '2', '3'])).toBe('4');
    expect(suggestChildCode(null, ['OS 100', 'OS 200'])).toBe('OS 300');
    expect(suggestChildCode(null, ['A01', 'A02'])).toBe('A03');
    expect(suggestChildCode(null, [])).toBeNull();
    expect(suggestChildCode('1', ['Accueil'])).toBeNull();
  });
  it('renumbers a branch in display order down to the sub-actions', () => {
    const data = plan();
    // Swap the first two actions of OO 1.1 and give 1.2 a stray code.
    const moved: StructureData = {
      ...data,
      actions: data.actions.map((a) => (a.id === 30 ? { ...a, order: 3 } : a.id === 32 ? { ...a, code: '7.7' } : a)),
    };
    const changes = renumberBranch(moved, { kind: 'strategicObjective', id: 10 });
    expect(changes).toEqual([
      { ref: { kind: 'action', id: 31 }, before: '1.1.2', after: '1.1.1' },
      { ref: { kind: 'action', id: 30 }, before: '1.1.1', after: '1.1.2' },
      { ref: { kind: 'action', id: 40 }, before: '1.1.1.1', after: '1.1.2.1' },
      { ref: { kind: 'action', id: 41 }, before: '1.1.1.2', after: '1.1.2.2' },
      { ref: { kind: 'action', id: 32 }, before: '7.7', after: '1.2.1' },
    ]);
    expect(renumberBranch(data, { kind: 'strategicObjective', id: 10 })).toEqual([]);
    expect(renumberBranch(data, { kind: 'action', id: 999 })).toEqual([]);
  });
  it('renumbering skips archived items and never reuses their number', () => {
    const data = plan();
    const archived: StructureData = {
      ...data,
      operationalObjectives: data.operationalObjectives.map((o) => (o.id === 20 ? { ...o, archived: true } : o.id === 21 ? { ...o, code: '9' } : o)),
    };
    expect(renumberBranch(archived, { kind: 'strategicObjective', id: 10 })).toEqual([
      { ref: { kind: 'operationalObjective', id: 21 }, before: '9', after: '1.2' },
      { ref: { kind: 'action', id: 32 }, before: '1.2.1', after: '1.2.1' },
    ].filter((c) => c.before !== c.after));
  });
  it('renumbers hundreds as hundreds', () => {
    const data: StructureData = {
      sections: [],
      strategicObjectives: [os(1, 'OS 100')],
      operationalObjectives: [oo(2, 1, 'OO 105', { order: 1 }), oo(3, 1, 'OO 101', { order: 2 })],
      actions: [],
    };
    expect(renumberBranch(data, { kind: 'strategicObjective', id: 1 })).toEqual([
      { ref: { kind: 'operationalObjective', id: 2 }, before: 'OO 105', after: 'OO 101' },
      { ref: { kind: 'operationalObjective', id: 3 }, before: 'OO 101', after: 'OO 102' },
    ]);
  });
  it('finds duplicate codes per kind, ignoring case and spaces', () => {
    const data = plan();
    const dup: StructureData = {
      ...data,
      operationalObjectives: [...data.operationalObjectives, oo(23, 11, '1.1 ')],
      actions: [...data.actions, createAction({ id: 33, title: 'D', code: '1.2.1', operationalObjectiveIds: [22] })],
      strategicObjectives: [...data.strategicObjectives, os(12, '1.1')],
    };
    expect(duplicateCodes(dup)).toEqual([
      { kind: 'operationalObjective', code: '1.1', ids: [20, 23] },
      { kind: 'action', code: '1.2.1', ids: [32, 33] },
    ]);
    expect(duplicateCodes(data)).toEqual([]);
    expect(itemsWithCode(data, 'operationalObjective', 'oo1.1'.slice(2))).toHaveLength(1);
    expect(itemsWithCode(data, 'operationalObjective', '1.1', 20)).toEqual([]);
    expect(itemsWithCode(data, 'action', null)).toEqual([]);
  });
});

describe('archiving', () => {
  it('shows everything when nothing is archived or archived items are asked for', () => {
    const data = plan();
    expect(visibleStructure(data, false)).toBe(data);
    const archived = { ...data, actions: data.actions.map((a) => ({ ...a, archived: true })) };
    expect(visibleStructure(archived, true)).toBe(archived);
  });
  it('an archived OS hides its OO and their actions; a transversal action stays under its live OO', () => {
    const data = plan();
    const shown = visibleStructure({ ...data, strategicObjectives: data.strategicObjectives.map((o) => (o.id === 10 ? { ...o, archived: true } : o)) }, false);
    expect(shown.strategicObjectives.map((o) => o.id)).toEqual([11]);
    expect(shown.operationalObjectives.map((o) => o.id)).toEqual([22]);
    expect(shown.actions.map((a) => a.id)).toEqual([31]);
    expect(shown.actions[0].operationalObjectiveIds).toEqual([22]);
  });
  it('an archived action hides its sub-actions; an archived sub-action goes alone', () => {
    const data = plan();
    const noA = visibleStructure({ ...data, actions: data.actions.map((a) => (a.id === 30 ? { ...a, archived: true } : a)) }, false);
    expect(noA.actions.map((a) => a.id)).toEqual([31, 32]);
    const noSub = visibleStructure({ ...data, actions: data.actions.map((a) => (a.id === 41 ? { ...a, archived: true } : a)) }, false);
    expect(noSub.actions.map((a) => a.id)).toEqual([30, 31, 32, 40]);
  });
  it('an archived section hides its sub-sections and their OS', () => {
    const data = plan();
    const shown = visibleStructure({ ...data, sections: data.sections.map((s) => (s.id === 1 ? { ...s, archived: true } : s)) }, false);
    expect(shown.sections.map((s) => s.id)).toEqual([3]);
    expect(shown.strategicObjectives.map((o) => o.id)).toEqual([11]);
    expect(shown.actions.map((a) => a.id)).toEqual([31]);
  });
  it('items whose parent is unknown stay (the tree lists them as orphans)', () => {
    const data: StructureData = {
      sections: [],
      strategicObjectives: [os(1, '1', { archived: true })],
      operationalObjectives: [oo(2, 77, '9.1')],
      actions: [createAction({ id: 3, title: 'x', operationalObjectiveIds: [88] }), createAction({ id: 4, title: 'y', operationalObjectiveIds: [] })],
    };
    const shown = visibleStructure(data, false);
    expect(shown.operationalObjectives.map((o) => o.id)).toEqual([2]);
    expect(shown.actions.map((a) => a.id)).toEqual([3, 4]);
  });
  it('counts what archiving an item hides with it', () => {
    const data = plan();
    expect(archivedWith(data, { kind: 'operationalObjective', id: 20 })).toBe(1 + 1 + 2); // the OO, action 30 and its two sub-actions (31 stays under 2.1)
    expect(archivedWith(data, { kind: 'action', id: 40 })).toBe(1);
    expect(archivedWith(data, { kind: 'section', id: 1 })).toBe(2 + 1 + 2 + 4);
    expect(archivedWith(data, { kind: 'action', id: 999 })).toBe(0);
  });
  it('actionItem copies the OO list (no shared array)', () => {
    const a = createAction({ id: 1, title: 't', operationalObjectiveIds: [5] });
    const i = actionItem(a);
    expect(i.operationalObjectiveIds).toEqual([5]);
    expect(i.operationalObjectiveIds).not.toBe(a.operationalObjectiveIds);
  });
});
