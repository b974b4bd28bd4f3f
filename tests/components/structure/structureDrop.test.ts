/**
 * What a drop on a tree row means (components/structure/structureDrop.ts): the move of
 * « Déplacer vers… » inside a row, a place among siblings above or below it, by the
 * domain's rules, for every kind of item.
 */
import { createAction, StrategicObjective } from '../../../src/domain/model';
import type { StructureData } from '../../../src/domain/structure';
import { dropChecks, dropCommand, dropItemOf, DropItem, isNoChange, sideAt } from '../../../src/components/structure/structureDrop';

const os = (id: number, sectionId: number | null): StrategicObjective => ({ id, code: String(id), title: `OS ${id}`, volet: null, sectionId, order: id });

const data: StructureData = {
  sections: [
    { id: 1, code: null, title: 'Axe 1', volet: null, parentSectionId: null, order: 1 },
    { id: 2, code: null, title: 'Axe 1.a', volet: null, parentSectionId: 1, order: 1 },
    { id: 3, code: null, title: 'Axe 2', volet: null, parentSectionId: null, order: 2, archived: true },
  ],
  strategicObjectives: [os(10, 1), os(11, 1)],
  operationalObjectives: [
    { id: 20, code: '10.1', title: 'OO 20', strategicObjectiveId: 10, order: 1 },
    { id: 21, code: '10.2', title: 'OO 21', strategicObjectiveId: 10, order: 2 },
    { id: 22, code: '11.1', title: 'OO 22', strategicObjectiveId: 11, order: 1 },
  ],
  actions: [
    createAction({ id: 30, title: 'A', code: null, operationalObjectiveIds: [20], order: 1 }),
    // Transversal: under OO 20 and OO 22.
    createAction({ id: 31, title: 'B', code: null, operationalObjectiveIds: [20, 22], order: 2 }),
    createAction({ id: 32, title: 'C', code: null, operationalObjectiveIds: [22], order: 1 }),
    createAction({ id: 40, title: 'A-1', code: null, operationalObjectiveIds: [20], parentActionId: 30, order: 1 }),
    createAction({ id: 41, title: 'A-2', code: null, operationalObjectiveIds: [20], parentActionId: 30, order: 2 }),
  ],
};

const at = (key: string): DropItem => {
  const nodeId = key.split('/').pop()!;
  const found = dropItemOf(data, { key, nodeId });
  if (!found) throw new Error(key);
  return found;
};
const A_UNDER_20 = 'volet-aucun/section-1/os-10/oo-20/action-30';
const B_UNDER_20 = 'volet-aucun/section-1/os-10/oo-20/action-31';
const B_UNDER_22 = 'volet-aucun/section-1/os-11/oo-22/action-31';
const C_UNDER_22 = 'volet-aucun/section-1/os-11/oo-22/action-32';

describe('the item of a row', () => {
  it('a top-level action is taken under the OO of its row; a volet is no item', () => {
    expect(at(B_UNDER_22).under).toBe(22);
    expect(at(B_UNDER_20).under).toBe(20);
    expect(at('volet-aucun/section-1/os-10').under).toBeNull();
    expect(at(`${A_UNDER_20}/action-40`).item).toMatchObject({ kind: 'action', id: 40, parentId: 30 });
    expect(dropItemOf(data, { key: 'volet-interne', nodeId: 'volet-interne' })).toBeNull();
  });
});

describe('dropChecks', () => {
  it('an action goes inside another OO, not one it serves already, nor inside an action', () => {
    expect(dropChecks(data, at(A_UNDER_20), at('volet-aucun/section-1/os-11/oo-22')).inside).toEqual({ ok: true });
    expect(dropChecks(data, at(A_UNDER_20), at('volet-aucun/section-1/os-10/oo-20')).inside).toEqual({ ok: false, problem: 'sameParent' });
    expect(dropChecks(data, at(C_UNDER_22), at('volet-aucun/section-1/os-10/oo-20')).inside).toEqual({ ok: true });
    // B serves OO 20 already (from its row under OO 22).
    expect(dropChecks(data, at(B_UNDER_22), at('volet-aucun/section-1/os-10/oo-20')).inside).toEqual({ ok: false, problem: 'alreadyLinked' });
    expect(dropChecks(data, at(A_UNDER_20), at(C_UNDER_22)).inside).toEqual({ ok: false, problem: 'wrongTargetKind' });
  });

  it('an action ranks among the actions of the OO its row is under', () => {
    expect(dropChecks(data, at(B_UNDER_20), at(A_UNDER_20))).toEqual({
      before: { ok: true },
      inside: { ok: false, problem: 'wrongTargetKind' },
      after: { ok: false, problem: 'samePlace' },
    });
    // Under OO 22, by their orders, C is first and B second.
    expect(dropChecks(data, at(B_UNDER_22), at(C_UNDER_22)).before).toEqual({ ok: true });
    expect(dropChecks(data, at(B_UNDER_22), at(C_UNDER_22)).after).toEqual({ ok: false, problem: 'samePlace' });
    // A row of B under OO 22 is not a sibling of A under OO 20.
    expect(dropChecks(data, at(A_UNDER_20), at(B_UNDER_22)).before).toEqual({ ok: false, problem: 'notSibling' });
  });

  it('a sub-action goes inside another action, not inside a sub-action; it ranks among its action’s', () => {
    const sub = at(`${A_UNDER_20}/action-41`);
    expect(dropChecks(data, sub, at(C_UNDER_22)).inside).toEqual({ ok: true });
    expect(dropChecks(data, sub, at(`${A_UNDER_20}/action-40`)).inside).toEqual({ ok: false, problem: 'targetIsSubAction' });
    expect(dropChecks(data, sub, at(`${A_UNDER_20}/action-40`)).before).toEqual({ ok: true });
  });

  it('an OO goes inside another OS; an OS inside a section, not an archived one; a section not inside its own sub-section', () => {
    expect(dropChecks(data, at('volet-aucun/section-1/os-10/oo-21'), at('volet-aucun/section-1/os-11')).inside).toEqual({ ok: true });
    expect(dropChecks(data, at('volet-aucun/section-1/os-10/oo-21'), at('volet-aucun/section-1/os-10')).inside).toEqual({ ok: false, problem: 'sameParent' });
    expect(dropChecks(data, at('volet-aucun/section-1/os-10'), at('volet-aucun/section-1/section-2')).inside).toEqual({ ok: true });
    expect(dropChecks(data, at('volet-aucun/section-1/os-10'), at('volet-aucun/section-3')).inside).toEqual({ ok: false, problem: 'targetArchived' });
    expect(dropChecks(data, at('volet-aucun/section-1'), at('volet-aucun/section-1/section-2')).inside).toEqual({ ok: false, problem: 'cycle' });
    // An OS dropped on an action: nowhere.
    const checks = dropChecks(data, at('volet-aucun/section-1/os-11'), at(A_UNDER_20));
    expect([checks.before.ok, checks.inside.ok, checks.after.ok]).toEqual([false, false, false]);
  });
});

describe('sideAt', () => {
  const yes = { ok: true } as const;
  const no = { ok: false, problem: 'wrongTargetKind' } as const;
  it('quarters when the row takes the item inside and next to it, halves when only next to it, the whole row when only inside', () => {
    const all = { before: yes, inside: yes, after: yes };
    expect([0.1, 0.3, 0.7, 0.9].map((f) => sideAt(all, f).side)).toEqual(['before', 'inside', 'inside', 'after']);
    const beside = { before: yes, inside: no, after: yes };
    expect([0.1, 0.45, 0.55, 0.9].map((f) => sideAt(beside, f).side)).toEqual(['before', 'before', 'after', 'after']);
    const inside = { before: no, inside: yes, after: no };
    expect([0, 0.1, 0.9, 1].map((f) => sideAt(inside, f).side)).toEqual(['inside', 'inside', 'inside', 'inside']);
    // Nothing allowed: the refusal of « inside » (what the row is) is the one said.
    expect(sideAt({ before: no, inside: { ok: false, problem: 'cycle' }, after: no }, 0.1)).toEqual({ side: 'inside', check: { ok: false, problem: 'cycle' } });
  });
  it('a side not allowed gives its own refusal', () => {
    expect(sideAt({ before: yes, inside: no, after: { ok: false, problem: 'samePlace' } }, 0.8).check).toEqual({ ok: false, problem: 'samePlace' });
    expect(isNoChange('samePlace')).toBe(true);
    expect(isNoChange('sameParent')).toBe(true);
    expect(isNoChange('wrongTargetKind')).toBe(false);
  });
});

describe('dropCommand', () => {
  it('inside is the move of « Déplacer vers… », from the OO of the dragged row', () => {
    expect(dropCommand(at(B_UNDER_22), at('volet-aucun/section-1/os-10/oo-21'), 'inside')).toEqual({
      type: 'move',
      seen: at(B_UNDER_22).item,
      target: { kind: 'operationalObjective', id: 21 },
      fromObjectiveId: 22,
    });
  });
  it('before / after is a place among the siblings', () => {
    expect(dropCommand(at(C_UNDER_22), at(B_UNDER_22), 'after')).toEqual({ type: 'reorder', seen: at(C_UNDER_22).item, place: { side: 'after', siblingId: 31 }, underObjectiveId: 22 });
    expect(dropCommand(at('volet-aucun/section-1/os-11'), at('volet-aucun/section-1/os-10'), 'after')).toEqual({
      type: 'reorder',
      seen: at('volet-aucun/section-1/os-11').item,
      place: { side: 'after', siblingId: 10 },
      underObjectiveId: undefined,
    });
  });
});
