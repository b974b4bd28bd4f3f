/**
 * The figures of the progress dashboard, computed once from a (filtered) plan so that
 * the screen, the XLSX export and the printed page show exactly the same numbers.
 * Counting rules are those of rollup.ts (distinct actions, cancelled ones left out of
 * progress, done = TERMINE).
 */
import type { Action, IsoDate, Person } from './model';
import { planActionNodes, statsOf, rollUp, PlanRollup, ProgressStats } from './rollup';
import { buildPlanTree, codeSortKey, compareCodeSortKeys, distinctActions, CodeSortKey, StrategicObjectiveNode, SectionNode, PlanTreeInput, PlanTree } from './tree';
import { ACTION_STATUSES, ActionStatus } from './vocabularies';
import type { AttentionKind } from './attention';

export interface ObjectiveFigure {
  readonly id: number;
  readonly code: string | null;
  readonly title: string;
  readonly stats: ProgressStats;
}

export interface LateActionFigure {
  readonly action: Action;
  readonly lead: Person | null;
  readonly daysLate: number;
  readonly dueDate: IsoDate;
}

/** A blocked action, or one whose health is « à risque ». */
export interface AttentionFigure {
  readonly action: Action;
  readonly kind: AttentionKind;
  readonly lead: Person | null;
  readonly lastCheckInDate: IsoDate | null;
}

export interface ServiceFigure {
  /** Action.department as written; '' for actions without a service. */
  readonly service: string;
  readonly stats: ProgressStats;
}

export interface QuarterFigure {
  /** "2026-T4" */
  readonly key: string;
  readonly year: number;
  readonly quarter: 1 | 2 | 3 | 4;
  /** Actions whose planned end falls in the quarter, and how many of them are done. */
  readonly planned: number;
  readonly done: number;
}

export interface DashboardFigures {
  readonly today: IsoDate;
  readonly plan: ProgressStats;
  readonly strategicObjectives: ObjectiveFigure[];
  readonly operationalObjectives: (ObjectiveFigure & { readonly strategicObjectiveId: number })[];
  readonly statusDistribution: { readonly status: ActionStatus | null; readonly count: number }[];
  /** Most days late first. */
  readonly lateActions: LateActionFigure[];
  /** Open actions without a recent check-in (lateness flag `stale`). */
  readonly stale: number;
  /** Blocked actions first, then those at risk; by code inside each. */
  readonly attentionActions: AttentionFigure[];
  /** Most actions first. */
  readonly services: ServiceFigure[];
  /** Chronological; quarters without planned ends inside the span are listed with 0. */
  readonly quarters: QuarterFigure[];
  readonly tree: PlanTree;
  readonly rollup: PlanRollup;
}

/** The strategic objectives in the tree's order: each volet's own, then its sections' (depth first). */
function objectivesOf(tree: PlanTree): StrategicObjectiveNode[] {
  const result: StrategicObjectiveNode[] = [];
  const fromSections = (sections: readonly SectionNode[]): void => {
    for (const section of sections) {
      result.push(...section.strategicObjectives);
      fromSections(section.sections);
    }
  };
  for (const volet of tree.volets) {
    result.push(...volet.strategicObjectives);
    fromSections(volet.sections);
  }
  return result;
}

function quarterOf(date: IsoDate): { year: number; quarter: 1 | 2 | 3 | 4 } {
  const month = Number(date.substring(5, 7));
  return { year: Number(date.substring(0, 4)), quarter: (Math.floor((month - 1) / 3) + 1) as 1 | 2 | 3 | 4 };
}

/** `computed`: the tree and roll-up of `input` as of `today`, when the caller already has them. */
export function dashboardFigures(input: PlanTreeInput, today: IsoDate, computed?: { readonly tree: PlanTree; readonly rollup: PlanRollup }): DashboardFigures {
  const tree = computed ? computed.tree : buildPlanTree(input);
  const rollup = computed ? computed.rollup : rollUp(tree, { today });
  const planActions = distinctActions(planActionNodes(tree));

  const objectives = objectivesOf(tree);
  const strategicObjectives = objectives.map((node) => ({
    id: node.objective.id,
    code: node.objective.code,
    title: node.objective.title,
    stats: rollup.strategicObjectives.get(node.objective.id)!,
  }));
  const operationalObjectives: DashboardFigures['operationalObjectives'] = [];
  for (const os of objectives) {
    for (const oo of os.operationalObjectives) {
      operationalObjectives.push({
        id: oo.objective.id,
        code: oo.objective.code,
        title: oo.objective.title,
        strategicObjectiveId: os.objective.id,
        stats: rollup.operationalObjectives.get(oo.objective.id)!,
      });
    }
  }

  // One pass over the plan's actions for every count below (thousands of actions per load).
  const statusCounts = new Map<ActionStatus | null, number>();
  const late: { readonly figure: LateActionFigure; readonly code: CodeSortKey }[] = [];
  const attention: { readonly figure: AttentionFigure; readonly code: CodeSortKey }[] = [];
  let stale = 0;
  const byService = new Map<string, Action[]>();
  const counts = new Map<string, { planned: number; done: number }>();
  for (const action of planActions) {
    statusCounts.set(action.status, (statusCounts.get(action.status) ?? 0) + 1);
    const figures = rollup.actions.get(action.id)!;
    const lateness = figures.lateness;
    if (lateness.flags.overdue && lateness.daysLate !== null && lateness.dueDate !== null) {
      late.push({ figure: { action, lead: action.projectLead, daysLate: lateness.daysLate, dueDate: lateness.dueDate }, code: codeSortKey(action.code) });
    }
    if (lateness.flags.stale) stale += 1;
    const open = !lateness.flags.done && !lateness.flags.cancelled;
    const kind: AttentionKind | null = figures.blocked ? 'blocked' : open && action.health === 'risque' ? 'atRisk' : null;
    if (kind) attention.push({ figure: { action, kind, lead: action.projectLead, lastCheckInDate: action.lastCheckInDate ?? null }, code: codeSortKey(action.code) });
    const service = (action.department ?? '').trim();
    const members = byService.get(service);
    if (members) members.push(action);
    else byService.set(service, [action]);
    if (action.plannedEnd && action.status !== 'ANNULE_ABANDONNE') {
      const { year, quarter } = quarterOf(action.plannedEnd.end);
      const key = `${year}-T${quarter}`;
      let entry = counts.get(key);
      if (!entry) counts.set(key, (entry = { planned: 0, done: 0 }));
      entry.planned += 1;
      if (action.status === 'TERMINE') entry.done += 1;
    }
  }
  const statusDistribution = [...ACTION_STATUSES, null].map((status) => ({ status, count: statusCounts.get(status) ?? 0 }));
  const lateActions = late
    .sort((a, b) => b.figure.daysLate - a.figure.daysLate || compareCodeSortKeys(a.code, b.code))
    .map((entry) => entry.figure);
  const attentionActions = attention
    .sort((a, b) => (a.figure.kind === b.figure.kind ? 0 : a.figure.kind === 'blocked' ? -1 : 1) || compareCodeSortKeys(a.code, b.code))
    .map((entry) => entry.figure);
  const services = Array.from(byService.entries())
    .map(([service, actions]) => ({ service, stats: statsOf(actions, rollup.actions) }))
    .sort((a, b) => b.stats.total - a.stats.total || a.service.localeCompare(b.service, 'fr'));

  const quarters: QuarterFigure[] = [];
  const keys = Array.from(counts.keys()).sort();
  if (keys.length > 0) {
    let { year, quarter } = { year: Number(keys[0].substring(0, 4)), quarter: Number(keys[0].substring(6)) };
    const last = keys[keys.length - 1];
    for (;;) {
      const key = `${year}-T${quarter}`;
      const entry = counts.get(key) ?? { planned: 0, done: 0 };
      quarters.push({ key, year, quarter: quarter as 1 | 2 | 3 | 4, ...entry });
      if (key === last) break;
      quarter = quarter === 4 ? 1 : quarter + 1;
      if (quarter === 1) year += 1;
    }
  }

  return {
    today,
    plan: rollup.plan,
    strategicObjectives,
    operationalObjectives,
    statusDistribution,
    lateActions,
    stale,
    attentionActions,
    services,
    quarters,
    tree,
    rollup,
  };
}
