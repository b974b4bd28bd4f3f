/**
 * The life of a plan: projet → adopté (le …) → en vigueur → clôturé. The plan « en vigueur »
 * is the site's setting of what the views show (`currentPlan` in plans.ts reads it); closing
 * a legislature starts the next plan from a copy of the structure, the old one stays readable.
 */
import type { Action, IsoDate, OperationalObjective, Plan, Section, StrategicObjective } from './model';
import { visibleStructure } from './structure';
import type { PlanState } from './vocabularies';

export { PLAN_STATES, isPlanState } from './vocabularies';
export type { PlanState } from './vocabularies';

/** A plan written before plans had a state is taken as in force (it is what the site showed). */
export function stateOf(plan: Plan): PlanState {
  return plan.state ?? 'enVigueur';
}

/** The plans in force; normally one (`planStateChanges` keeps it so). */
export function plansInForce(plans: readonly Plan[]): Plan[] {
  return plans.filter((p) => p.state === 'enVigueur');
}

export type PlanStateProblem = 'adoptionDateRequired' | 'adoptionDateInvalid' | 'closedIsFinal';

export interface PlanStateChange {
  readonly planId: number;
  readonly state: PlanState;
  readonly adoptedOn?: IsoDate | null;
}

/**
 * What setting `planId` to `state` writes: the plan itself and, when it goes into force, the
 * plan in force before it, which is closed (one plan in force at a time). Adopted and in
 * force need the adoption date (kept from before when not given); a closed plan stays closed.
 */
export function planStateChanges(
  plans: readonly Plan[],
  planId: number,
  state: PlanState,
  adoptedOn?: IsoDate | null,
): { ok: true; changes: PlanStateChange[] } | { ok: false; problem: PlanStateProblem } {
  const plan = plans.find((p) => p.id === planId);
  if (!plan) return { ok: true, changes: [] };
  if (plan.state === 'cloture' && state !== 'cloture') return { ok: false, problem: 'closedIsFinal' };
  const date = adoptedOn !== undefined ? adoptedOn : plan.adoptedOn ?? null;
  if ((state === 'adopte' || state === 'enVigueur') && !date) return { ok: false, problem: 'adoptionDateRequired' };
  if (date && !/^\d{4}-\d{2}-\d{2}$/.test(date)) return { ok: false, problem: 'adoptionDateInvalid' };
  const changes: PlanStateChange[] = [];
  if (plan.state !== state || (date ?? null) !== (plan.adoptedOn ?? null)) changes.push({ planId, state, adoptedOn: date });
  if (state === 'enVigueur') {
    for (const other of plansInForce(plans)) if (other.id !== planId) changes.push({ planId: other.id, state: 'cloture' });
  }
  return { ok: true, changes };
}

/** The structure of a new plan, with placeholder ids (negative) linking its items. */
export interface PlanCopy {
  readonly plan: Omit<Plan, 'id'>;
  readonly sections: Section[];
  readonly strategicObjectives: StrategicObjective[];
  readonly operationalObjectives: OperationalObjective[];
  readonly actions: Action[];
}

export interface PlanItemsOfOne {
  readonly sections: readonly Section[];
  readonly strategicObjectives: readonly StrategicObjective[];
  readonly operationalObjectives: readonly OperationalObjective[];
  readonly actions: readonly Action[];
}

/**
 * The next legislature's plan, started from the structure of `from`'s items (those not
 * archived): sections, OS, OO, actions and sub-actions with their codes, titles, order,
 * texts and links, but no progress (status, %, health, check-in dates are the old plan's
 * history). The copy is a projet; ids are placeholders (-1, -2…) in each kind.
 */
export function copyForNextPlan(items: PlanItemsOfOne, plan: Omit<Plan, 'id'>): PlanCopy {
  const live = visibleStructure(items, false);
  const ids = new Map<string, number>();
  let next = 0;
  const placeholder = (kind: string, id: number): number => {
    const key = `${kind}:${id}`;
    if (!ids.has(key)) ids.set(key, --next);
    return ids.get(key)!;
  };
  const sectionIds = new Set(live.sections.map((s) => s.id));
  const osIds = new Set(live.strategicObjectives.map((o) => o.id));
  const ooIds = new Set(live.operationalObjectives.map((o) => o.id));
  const actionIds = new Set(live.actions.map((a) => a.id));
  return {
    plan: { ...plan, state: 'projet', adoptedOn: null },
    sections: live.sections.map((s) => ({
      ...s,
      id: placeholder('s', s.id),
      parentSectionId: s.parentSectionId != null && sectionIds.has(s.parentSectionId) ? placeholder('s', s.parentSectionId) : null,
      planId: null,
      archived: false,
    })),
    strategicObjectives: live.strategicObjectives.map((o) => ({
      ...o,
      id: placeholder('os', o.id),
      sectionId: o.sectionId != null && sectionIds.has(o.sectionId) ? placeholder('s', o.sectionId) : null,
      planId: null,
      archived: false,
    })),
    operationalObjectives: live.operationalObjectives
      .filter((o) => osIds.has(o.strategicObjectiveId))
      .map((o) => ({ ...o, id: placeholder('oo', o.id), strategicObjectiveId: placeholder('os', o.strategicObjectiveId), archived: false })),
    actions: live.actions
      .filter((a) => (a.parentActionId != null ? actionIds.has(a.parentActionId) : a.operationalObjectiveIds.some((id) => ooIds.has(id))))
      .map((a) => ({
        ...a,
        id: placeholder('a', a.id),
        operationalObjectiveIds: a.operationalObjectiveIds.filter((id) => ooIds.has(id)).map((id) => placeholder('oo', id)),
        parentActionId: a.parentActionId != null ? placeholder('a', a.parentActionId) : null,
        status: null,
        progressPercent: null,
        health: null,
        lastCheckInDate: null,
        archived: false,
      })),
  };
}
