/**
 * A site keeps its PSTs: the current legislature's next to the previous one (imported
 * for reference, or still being closed). The views show one plan at a time, and the
 * import compares a document with one plan; both select the items of a plan here.
 */
import type { IsoDate, OperationalObjective, Plan, Section, StrategicObjective, Action } from './model';

export interface PlanItems {
  readonly plans: readonly Plan[];
  readonly sections: readonly Section[];
  readonly strategicObjectives: readonly StrategicObjective[];
  readonly operationalObjectives: readonly OperationalObjective[];
  readonly actions: readonly Action[];
}

/**
 * The plan to show by default: the plan « en vigueur » (the site's setting, planLife.ts),
 * else the one whose legislature contains today, else the most recent one, else the last created.
 */
export function currentPlan(plans: readonly Plan[], today: IsoDate): Plan | null {
  if (plans.length === 0) return null;
  const inForce = plans.filter((p) => p.state === 'enVigueur');
  if (inForce.length > 0) return inForce.reduce((best, p) => (p.id > best.id ? p : best));
  const year = Number(today.slice(0, 4));
  const running = plans.filter((p) => p.startYear !== null && p.startYear <= year && (p.endYear === null || year <= p.endYear));
  const candidates = running.length > 0 ? running : plans.filter((p) => p.startYear !== null);
  if (candidates.length === 0) return plans[plans.length - 1];
  return candidates.reduce((best, p) => ((p.startYear ?? 0) > (best.startYear ?? 0) || ((p.startYear ?? 0) === (best.startYear ?? 0) && p.id > best.id) ? p : best));
}

/**
 * The items of one plan: its sections and OS (items written without a plan belong to
 * the site's only plan), the OO of those OS, their actions and the sub-actions of those.
 */
export function itemsOfPlan<T extends PlanItems>(data: T, planId: number): T {
  const onlyPlan = data.plans.length === 1;
  const inPlan = (owner: number | null | undefined) => owner === planId || ((owner === null || owner === undefined) && onlyPlan);
  const osIds = new Set(data.strategicObjectives.filter((o) => inPlan(o.planId)).map((o) => o.id));
  const ooIds = new Set(data.operationalObjectives.filter((o) => osIds.has(o.strategicObjectiveId)).map((o) => o.id));
  const topIds = new Set(data.actions.filter((a) => a.operationalObjectiveIds.some((id) => ooIds.has(id))).map((a) => a.id));
  return {
    ...data,
    plans: data.plans.filter((p) => p.id === planId),
    sections: data.sections.filter((s) => inPlan(s.planId)),
    strategicObjectives: data.strategicObjectives.filter((o) => osIds.has(o.id)),
    operationalObjectives: data.operationalObjectives.filter((o) => ooIds.has(o.id)),
    actions: data.actions.filter((a) => topIds.has(a.id) || (a.parentActionId != null && topIds.has(a.parentActionId))),
  };
}

/**
 * What the views, reminders and reports may see: every plan but those an import is still
 * writing (or was interrupted writing), and none of those plans' items. Only the plan
 * writer reads the site whole, to resume them.
 */
export function withoutUnfinishedPlans<T extends PlanItems>(data: T): T {
  const unfinished = data.plans.filter((p) => p.importInProgress === true);
  if (unfinished.length === 0) return data;
  const hidden = unfinished.map((p) => itemsOfPlan(data, p.id));
  const ids = (pick: (items: PlanItems) => readonly { id: number }[]) => new Set(hidden.flatMap((h) => pick(h).map((item) => item.id)));
  const sections = ids((h) => h.sections);
  const strategic = ids((h) => h.strategicObjectives);
  const operational = ids((h) => h.operationalObjectives);
  const actions = ids((h) => h.actions);
  return {
    ...data,
    plans: data.plans.filter((p) => p.importInProgress !== true),
    sections: data.sections.filter((s) => !sections.has(s.id)),
    strategicObjectives: data.strategicObjectives.filter((o) => !strategic.has(o.id)),
    operationalObjectives: data.operationalObjectives.filter((o) => !operational.has(o.id)),
    actions: data.actions.filter((a) => !actions.has(a.id)),
  };
}

/** « PST 2025-2030 (CPAS de Binche) »: how a plan is named in a list of plans. */
export function planLabel(plan: Plan): string {
  const period = plan.startYear !== null ? `${plan.startYear}${plan.endYear !== null ? `-${plan.endYear}` : ''}` : null;
  const extra = [period && plan.title.indexOf(period) < 0 ? period : null, plan.organisation && plan.title.indexOf(plan.organisation) < 0 ? plan.organisation : null].filter((v) => v);
  return extra.length > 0 ? `${plan.title} (${extra.join(', ')})` : plan.title;
}
