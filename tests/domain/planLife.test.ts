import { createAction, Plan } from '../../src/domain/model';
import { copyForNextPlan, isPlanState, plansInForce, planStateChanges, stateOf } from '../../src/domain/planLife';
import { currentPlan } from '../../src/domain/plans';

const plan = (id: number, extra: Partial<Plan> = {}): Plan => ({ id, title: `PST ${id}`, organisation: 'CPAS', startYear: 2019, endYear: 2024, ...extra });

describe('plan states', () => {
  it('knows its vocabulary; a plan without a state is taken as in force', () => {
    expect(isPlanState('enVigueur')).toBe(true);
    expect(isPlanState('en vigueur')).toBe(false);
    expect(isPlanState(null)).toBe(false);
    expect(stateOf(plan(1))).toBe('enVigueur');
    expect(stateOf(plan(1, { state: 'projet' }))).toBe('projet');
  });

  it('the views show the plan in force, whatever the years', () => {
    const plans = [plan(1, { state: 'enVigueur', startYear: 2019, endYear: 2024 }), plan(2, { state: 'projet', startYear: 2025, endYear: 2030 })];
    expect(currentPlan(plans, '2026-01-01')?.id).toBe(1);
    expect(plansInForce(plans).map((p) => p.id)).toEqual([1]);
    expect(currentPlan([plan(1, { state: 'cloture' }), plan(2, { state: 'projet', startYear: 2025, endYear: 2030 })], '2026-01-01')?.id).toBe(2);
  });

  it('putting a plan in force needs its adoption date and closes the plan in force before it', () => {
    const plans = [plan(1, { state: 'enVigueur', adoptedOn: '2019-03-01' }), plan(2, { state: 'projet' })];
    expect(planStateChanges(plans, 2, 'enVigueur')).toEqual({ ok: false, problem: 'adoptionDateRequired' });
    expect(planStateChanges(plans, 2, 'adopte', null)).toEqual({ ok: false, problem: 'adoptionDateRequired' });
    expect(planStateChanges(plans, 2, 'enVigueur', '31/12/2024')).toEqual({ ok: false, problem: 'adoptionDateInvalid' });
    expect(planStateChanges(plans, 2, 'enVigueur', '2025-03-27')).toEqual({
      ok: true,
      changes: [
        { planId: 2, state: 'enVigueur', adoptedOn: '2025-03-27' },
        { planId: 1, state: 'cloture' },
      ],
    });
  });

  it('keeps the adoption date known, changes nothing when nothing changes, never reopens a closed plan', () => {
    const plans = [plan(1, { state: 'adopte', adoptedOn: '2025-03-27' }), plan(3, { state: 'cloture' })];
    expect(planStateChanges(plans, 1, 'enVigueur')).toEqual({ ok: true, changes: [{ planId: 1, state: 'enVigueur', adoptedOn: '2025-03-27' }] });
    expect(planStateChanges(plans, 1, 'adopte')).toEqual({ ok: true, changes: [] });
    expect(planStateChanges(plans, 3, 'enVigueur', '2025-01-01')).toEqual({ ok: false, problem: 'closedIsFinal' });
    expect(planStateChanges(plans, 3, 'cloture')).toEqual({ ok: true, changes: [] });
    expect(planStateChanges(plans, 99, 'projet')).toEqual({ ok: true, changes: [] });
    expect(planStateChanges([plan(4)], 4, 'projet')).toEqual({ ok: true, changes: [{ planId: 4, state: 'projet', adoptedOn: null }] });
  });
});

describe('copyForNextPlan', () => {
  const items = {
    sections: [{ id: 1, code: 'I', title: 'Volet interne', volet: 'interne' as const, order: 1, planId: 7 }],
    strategicObjectives: [
      { id: 10, code: '1', title: 'OS 1', volet: 'interne' as const, sectionId: 1, order: 1, planId: 7 },
      { id: 11, code: '2', title: 'OS archivé', volet: null, order: 2, planId: 7, archived: true },
    ],
    operationalObjectives: [
      { id: 20, code: '1.1', title: 'OO', strategicObjectiveId: 10, order: 1 },
      { id: 21, code: '2.1', title: 'OO sous archivé', strategicObjectiveId: 11, order: 1 },
    ],
    actions: [
      createAction({ id: 30, title: 'A', code: '1.1.1', operationalObjectiveIds: [20, 21], status: 'EN_COURS', progressPercent: 60, health: 'bon', lastCheckInDate: '2024-05-01', description: 'texte' }),
      createAction({ id: 31, title: 'Sous-action', operationalObjectiveIds: [20], parentActionId: 30 }),
      createAction({ id: 32, title: 'Archivée', operationalObjectiveIds: [20], archived: true }),
    ],
  };

  it('copies the live structure with placeholder links, texts kept, progress left behind', () => {
    const copy = copyForNextPlan(items, { title: 'PST 2025-2030', organisation: 'CPAS', startYear: 2025, endYear: 2030, previousPlanId: 7 });
    expect(copy.plan).toEqual({ title: 'PST 2025-2030', organisation: 'CPAS', startYear: 2025, endYear: 2030, previousPlanId: 7, state: 'projet', adoptedOn: null });
    expect(copy.sections).toHaveLength(1);
    expect(copy.strategicObjectives.map((o) => o.title)).toEqual(['OS 1']);
    expect(copy.strategicObjectives[0].sectionId).toBe(copy.sections[0].id);
    expect(copy.operationalObjectives.map((o) => o.title)).toEqual(['OO']);
    expect(copy.operationalObjectives[0].strategicObjectiveId).toBe(copy.strategicObjectives[0].id);
    expect(copy.actions.map((a) => a.title)).toEqual(['A', 'Sous-action']);
    const [a, sub] = copy.actions;
    expect(a.operationalObjectiveIds).toEqual([copy.operationalObjectives[0].id]);
    expect(sub.parentActionId).toBe(a.id);
    expect(a).toMatchObject({ status: null, progressPercent: null, health: null, lastCheckInDate: null, description: 'texte', code: '1.1.1' });
    const allIds = [...copy.sections, ...copy.strategicObjectives, ...copy.operationalObjectives, ...copy.actions].map((x) => x.id);
    expect(allIds.every((id) => id < 0)).toBe(true);
    expect(new Set(allIds).size).toBe(allIds.length);
  });
});
