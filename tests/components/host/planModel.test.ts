import { computedOf, filterOptionsOf, filteredOf, planDataOf, snapshotWithSaved, treeModelOf, sharingOf } from '../../../src/components/host/planModel';
import { createAction } from '../../../src/domain/model';
import type { PstSnapshot } from '../../../src/domain/snapshot';

function snapshot(): PstSnapshot {
  return {
    plans: [{ id: 1, title: 'PST', organisation: null, startYear: 2025, endYear: 2030 }],
    sections: [],
    strategicObjectives: [{ id: 1, code: '1', title: 'Accueil', volet: null, order: 1 }],
    operationalObjectives: [{ id: 2, code: '1.1', title: 'Guichet', strategicObjectiveId: 1, order: 1 }],
    actions: [
      createAction({ id: 3, code: '1.1.1', title: 'Horaires élargis', operationalObjectiveIds: [2], status: 'EN_COURS', progressPercent: 40 }),
      createAction({ id: 4, code: '1.1.2', title: 'Borne', operationalObjectiveIds: [2], status: 'TERMINE' }),
    ],
    indicators: [],
  };
}
const run = { me: null, today: '2026-11-23' };

describe('the page’s plan model', () => {
  it('gives every caller the same objects for the same snapshot, plan and filter (equal, not identical, filters)', () => {
    const loaded = snapshot();
    const data = planDataOf(loaded, loaded.plans[0]);
    expect(planDataOf(loaded, loaded.plans[0])).toBe(data);
    expect(filterOptionsOf(data)).toBe(filterOptionsOf(data));
    const filtered = filteredOf(data, { search: 'borne' }, run);
    expect(filtered.actions.map((a) => a.id)).toEqual([4]);
    expect(filteredOf(data, { search: 'borne' }, { ...run })).toBe(filtered);
    expect(filteredOf(data, {}, run)).toBe(data);
    const computed = computedOf(filtered, data.plan, run);
    expect(computedOf(filtered, data.plan, { today: run.today })).toBe(computed);
    expect(treeModelOf(computed, sharingOf(data))).toBe(treeModelOf(computed, sharingOf(data)));
    // another day is another roll-up; another snapshot another model
    expect(computedOf(filtered, data.plan, { today: '2026-11-24' })).not.toBe(computed);
    expect(planDataOf(snapshot(), loaded.plans[0])).not.toBe(data);
  });

  it('gives the data itself, or an earlier result, when a filter keeps the same items (typing on)', () => {
    const loaded = snapshot();
    const data = planDataOf(loaded, loaded.plans[0]);
    // « 1.1 » is in every code: everything is kept, hence the data and its computed model
    const everything = filteredOf(data, { search: '1.1' }, run);
    expect(everything).toBe(data);
    expect(computedOf(everything, data.plan, run)).toBe(computedOf(data, data.plan, run));
    const borne = filteredOf(data, { search: 'bor' }, run);
    expect(borne.actions.map((a) => a.id)).toEqual([4]);
    // a longer search that keeps the same action: the same object, so the same tree and roll-up
    expect(filteredOf(data, { search: 'borne' }, run)).toBe(borne);
    // one that keeps another one: another object
    const horaires = filteredOf(data, { search: 'horaires' }, run);
    expect(horaires).not.toBe(borne);
    expect(horaires.actions.map((a) => a.id)).toEqual([3]);
  });

  it('patches a snapshot with a saved action once for all the web parts, and computes from it', () => {
    const loaded = snapshot();
    const saved = { ...loaded.actions[0], status: 'TERMINE' as const, progressPercent: 100 };
    const patched = snapshotWithSaved(loaded, saved);
    expect(snapshotWithSaved(loaded, saved)).toBe(patched);
    expect(patched.actions.find((a) => a.id === 3)).toBe(saved);
    expect(loaded.actions[0].status).toBe('EN_COURS');
    const data = planDataOf(patched, patched.plans[0]);
    expect(computedOf(data, data.plan, run).rollup.plan.progress).toBe(100);
    // a save of the same action with other values is another snapshot
    expect(snapshotWithSaved(loaded, { ...saved, progressPercent: 90 })).not.toBe(patched);
  });
});
