import { createAction, Plan } from '../../src/domain/model';
import { currentPlan, itemsOfPlan, planLabel, withoutUnfinishedPlans } from '../../src/domain/plans';

const plan = (id: number, startYear: number | null, endYear: number | null, title = `PST ${id}`): Plan => ({ id, title, organisation: 'CPAS de Binche', startYear, endYear });

describe('currentPlan', () => {
  it('is the plan whose legislature contains today', () => {
    expect(currentPlan([plan(1, 2019, 2024), plan(2, 2025, 2030)], '2026-11-23')?.id).toBe(2);
    expect(currentPlan([plan(2, 2025, 2030), plan(1, 2019, 2024)], '2024-12-31')?.id).toBe(1);
  });
  it('else the most recent legislature, else the last created plan', () => {
    expect(currentPlan([plan(1, 2013, 2018), plan(2, 2019, 2024)], '2026-01-01')?.id).toBe(2);
    expect(currentPlan([plan(1, 2019, 2024), plan(2, null, null)], '2030-01-01')?.id).toBe(1);
    expect(currentPlan([plan(1, null, null), plan(2, null, null)], '2026-01-01')?.id).toBe(2);
    expect(currentPlan([], '2026-01-01')).toBeNull();
  });
  it('two plans of the same legislature: the last imported', () => {
    expect(currentPlan([plan(1, 2025, 2030), plan(3, 2025, 2030)], '2026-01-01')?.id).toBe(3);
  });
});

describe('itemsOfPlan', () => {
  const data = {
    plans: [plan(1, 2019, 2024), plan(2, 2025, 2030)],
    sections: [
      { id: 1, code: null, title: 'Volet interne', volet: null, order: 1, planId: 1 },
      { id: 2, code: null, title: 'Volet interne', volet: null, order: 1, planId: 2 },
    ],
    strategicObjectives: [
      { id: 10, code: '1', title: 'Ancien OS', volet: null, order: 1, planId: 1 },
      { id: 20, code: '1', title: 'Nouvel OS', volet: null, order: 1, planId: 2 },
    ],
    operationalObjectives: [
      { id: 11, code: '1.1', title: 'Ancien OO', strategicObjectiveId: 10, order: 1 },
      { id: 21, code: '1.1', title: 'Nouvel OO', strategicObjectiveId: 20, order: 1 },
    ],
    actions: [
      createAction({ id: 100, title: 'Ancienne action', operationalObjectiveIds: [11] }),
      createAction({ id: 200, title: 'Nouvelle action', operationalObjectiveIds: [21] }),
      createAction({ id: 201, title: 'Sous-action', parentActionId: 200, operationalObjectiveIds: [] }),
    ],
    viewer: 'kept',
  };

  it('keeps one plan with its sections, OS, their OO, actions and sub-actions, and the other properties', () => {
    const items = itemsOfPlan(data, 2);
    expect(items.plans.map((p) => p.id)).toEqual([2]);
    expect(items.sections.map((s) => s.id)).toEqual([2]);
    expect(items.strategicObjectives.map((o) => o.id)).toEqual([20]);
    expect(items.operationalObjectives.map((o) => o.id)).toEqual([21]);
    expect(items.actions.map((a) => a.id)).toEqual([200, 201]);
    expect(items.viewer).toBe('kept');
  });

  it('items written without a plan belong to the only plan of the site, to none when there are several', () => {
    const withoutPlan = { ...data, strategicObjectives: data.strategicObjectives.map((o) => ({ ...o, planId: null })) };
    expect(itemsOfPlan({ ...withoutPlan, plans: [data.plans[0]] }, 1).strategicObjectives).toHaveLength(2);
    expect(itemsOfPlan(withoutPlan, 1).strategicObjectives).toHaveLength(0);
  });
});

describe('withoutUnfinishedPlans', () => {
  const data = {
    plans: [plan(1, 2019, 2024), { ...plan(2, 2025, 2030), importInProgress: true }],
    sections: [{ id: 2, code: null, title: 'Volet interne', volet: null, order: 1, planId: 2 }],
    strategicObjectives: [
      { id: 10, code: '1', title: 'Ancien OS', volet: null, order: 1, planId: 1 },
      { id: 20, code: '1', title: 'Nouvel OS', volet: null, order: 1, planId: 2 },
    ],
    operationalObjectives: [
      { id: 11, code: '1.1', title: 'Ancien OO', strategicObjectiveId: 10, order: 1 },
      { id: 21, code: '1.1', title: 'Nouvel OO', strategicObjectiveId: 20, order: 1 },
    ],
    actions: [
      createAction({ id: 100, title: 'Ancienne action', operationalObjectiveIds: [11] }),
      createAction({ id: 200, title: 'Nouvelle action', operationalObjectiveIds: [21] }),
      createAction({ id: 201, title: 'Sous-action', parentActionId: 200, operationalObjectiveIds: [] }),
    ],
  };

  it('drops a plan an import has not finished, with all its items, so it is never the current plan', () => {
    const shown = withoutUnfinishedPlans(data);
    expect(shown.plans.map((p) => p.id)).toEqual([1]);
    expect(shown.sections).toEqual([]);
    expect(shown.strategicObjectives.map((o) => o.id)).toEqual([10]);
    expect(shown.operationalObjectives.map((o) => o.id)).toEqual([11]);
    expect(shown.actions.map((a) => a.id)).toEqual([100]);
    expect(currentPlan(shown.plans, '2026-11-23')?.id).toBe(1);
  });

  it('changes nothing when every plan is finished', () => {
    const finished = { ...data, plans: [plan(1, 2019, 2024), { ...plan(2, 2025, 2030), importInProgress: false }] };
    expect(withoutUnfinishedPlans(finished)).toBe(finished);
  });

  it('an unfinished first import leaves nothing to show', () => {
    const first = { ...data, plans: [{ ...plan(2, 2025, 2030), importInProgress: true }], strategicObjectives: [data.strategicObjectives[1]], operationalObjectives: [data.operationalObjectives[1]], actions: data.actions.slice(1) };
    const shown = withoutUnfinishedPlans(first);
    expect([shown.plans, shown.strategicObjectives, shown.operationalObjectives, shown.actions]).toEqual([[], [], [], []]);
  });
});

describe('planLabel', () => {
  it('adds the period and the organisation when the title does not say them', () => {
    expect(planLabel(plan(1, 2019, 2024, 'Programme stratégique transversal'))).toBe('Programme stratégique transversal (2019-2024, CPAS de Binche)');
    expect(planLabel({ ...plan(1, 2025, 2030, 'PST 2025-2030 du CPAS de Binche') })).toBe('PST 2025-2030 du CPAS de Binche');
    expect(planLabel({ ...plan(1, null, null, 'PST'), organisation: null })).toBe('PST');
  });
});
