/**
 * The report model: what goes in which section of a « Rapport du PST », whatever the
 * format (Word or PDF). Pure: the plan, its indicators and check-ins, a day, a variant in;
 * plain data out. The texts and the layout are export/report/'s; the figures are those of
 * the dashboard (rollup.ts, lateness.ts), so a report never disagrees with the screen.
 *
 * Variants:
 * - complet: summary, then OS → OO → action (with sub-actions), every field of the row;
 * - avancement: summary, then OS → OO with their figures only (the short state of progress);
 * - retards: the actions late at `today`, then the blocked ones, with their reason;
 * - services: the actions grouped by service (Action.department), each group with its figures;
 * - chefs: the same by project lead.
 */
import type { Action, CheckIn, Indicator, IsoDate, Plan, Volet } from './model';
import { displayNameOf } from './model';
import type { ActionStatus, Health } from './vocabularies';
import type { ActionNode, OperationalObjectiveNode, PlanTreeInput, SectionNode, StrategicObjectiveNode } from './tree';
import { buildPlanTree, compareCodes, distinctActions, topLevelActionNodes } from './tree';
import { rollUp, statsOf, PlanRollup, ProgressStats } from './rollup';

export const REPORT_VARIANTS = ['complet', 'avancement', 'retards', 'services', 'chefs'] as const;

export type ReportVariant = (typeof REPORT_VARIANTS)[number];

export function isReportVariant(value: unknown): value is ReportVariant {
  return typeof value === 'string' && (REPORT_VARIANTS as readonly string[]).indexOf(value) >= 0;
}

export interface ReportInput extends PlanTreeInput {
  readonly indicators?: readonly Indicator[];
  /** Check-ins of the plan's actions (all, or at least the latest of each); any order. */
  readonly checkIns?: readonly CheckIn[];
}

export interface ReportOptions {
  readonly variant: ReportVariant;
  /** The day the figures are computed for (the date of the data). */
  readonly today: IsoDate;
  /** One line per filter applied to the plan before the report, already in words. */
  readonly filterLines?: readonly string[];
}

export interface ReportCheckIn {
  readonly date: IsoDate;
  readonly author: string | null;
  readonly comment: string | null;
}

export interface ReportIndicator {
  readonly label: string;
  readonly unit: string | null;
  readonly baseline: number | null;
  readonly target: number | null;
  readonly current: number | null;
  readonly year: number | null;
}

export interface ReportAction {
  readonly id: number;
  readonly code: string | null;
  readonly title: string;
  /** 0: an action of an OO; 1 and more: a sub-action. */
  readonly depth: number;
  readonly status: ActionStatus | null;
  /** The state as written when the status is unknown. */
  readonly statusText: string | null;
  readonly health: Health | null;
  /** Rolled-up progress 0–100; null when cancelled. */
  readonly progress: number | null;
  /** The progress is 0 only because nobody gave a figure. */
  readonly noData: boolean;
  readonly lead: string | null;
  readonly department: string | null;
  /** Last day of the planned end; its text as written when it could not be read. */
  readonly dueDate: IsoDate | null;
  readonly dueText: string | null;
  readonly daysLate: number | null;
  readonly late: boolean;
  readonly blocked: boolean;
  /** Why it is blocked: the last check-in's comment, else the state as written; null if nobody said. */
  readonly blockedReason: string | null;
  readonly lastCheckIn: ReportCheckIn | null;
  readonly indicators: readonly ReportIndicator[];
  /** The indicators as written in the action sheet, when there is no indicator item. */
  readonly indicatorsText: string | null;
  /** Serves several OO (listed under each). */
  readonly transversal: boolean;
}

export interface ReportObjective {
  readonly id: number;
  readonly code: string | null;
  readonly title: string;
  readonly stats: ProgressStats;
}

export interface ReportOperationalGroup extends ReportObjective {
  readonly actions: readonly ReportAction[];
}

export type ReportGroupKind = 'strategicObjective' | 'service' | 'lead' | 'late' | 'blocked';

export interface ReportGroup {
  readonly kind: ReportGroupKind;
  readonly code: string | null;
  /** The OS title, the service, the lead; '' for « sans service » / « sans chef de projet ». */
  readonly title: string;
  readonly volet: Volet | null;
  readonly stats: ProgressStats;
  /** The OO of an OS (complet, avancement); empty for the other kinds. */
  readonly operationalObjectives: readonly ReportOperationalGroup[];
  /** The actions of a service, a lead, or the late / blocked lists. */
  readonly actions: readonly ReportAction[];
}

export interface ReportModel {
  readonly variant: ReportVariant;
  readonly today: IsoDate;
  readonly plan: Plan;
  readonly filterLines: readonly string[];
  readonly summary: {
    readonly plan: ProgressStats;
    readonly strategicObjectives: readonly ReportObjective[];
    /** Most days late first. */
    readonly late: readonly ReportAction[];
    readonly blocked: readonly ReportAction[];
  };
  readonly groups: readonly ReportGroup[];
  /** Whether the groups list their actions with every field (complet, services, chefs, retards). */
  readonly withActions: boolean;
}

// ---------------------------------------------------------------- rows

interface Context {
  readonly rollup: PlanRollup;
  readonly latest: Map<number, CheckIn>;
  readonly indicators: Map<number, Indicator[]>;
  readonly transversal: Set<number>;
}

/** The newest check-in of each action on or before `today` (a report « au 30/06 » ignores later ones). */
function latestCheckIns(checkIns: readonly CheckIn[], today: IsoDate): Map<number, CheckIn> {
  const latest = new Map<number, CheckIn>();
  for (const checkIn of checkIns) {
    if (checkIn.date > today) continue;
    const known = latest.get(checkIn.actionId);
    if (!known || checkIn.date > known.date || (checkIn.date === known.date && checkIn.id > known.id)) latest.set(checkIn.actionId, checkIn);
  }
  return latest;
}

function nonEmpty(text: string | null | undefined): string | null {
  const trimmed = text == null ? '' : text.trim();
  return trimmed === '' ? null : trimmed;
}

function rowOf(action: Action, depth: number, ctx: Context): ReportAction {
  const rollup = ctx.rollup.actions.get(action.id);
  if (!rollup) throw new Error(`report: no roll-up for action ${action.id}`);
  const checkIn = ctx.latest.get(action.id) ?? null;
  const lastCheckIn: ReportCheckIn | null = checkIn
    ? { date: checkIn.date, author: checkIn.author ? nonEmpty(checkIn.author.displayName) : null, comment: nonEmpty(checkIn.comment) }
    : null;
  const lateness = rollup.lateness;
  return {
    id: action.id,
    code: action.code,
    title: action.title,
    depth,
    status: action.status,
    statusText: nonEmpty(action.statusText),
    health: action.health,
    progress: rollup.progress,
    noData: rollup.noData,
    lead: nonEmpty(displayNameOf(action.projectLead)),
    department: nonEmpty(action.department),
    dueDate: lateness.dueDate,
    dueText: lateness.dueDate ? null : nonEmpty(action.plannedEndText),
    daysLate: lateness.daysLate,
    late: lateness.flags.overdue,
    blocked: rollup.blocked,
    blockedReason: rollup.blocked ? (lastCheckIn?.comment ?? nonEmpty(action.statusText)) : null,
    lastCheckIn,
    indicators: (ctx.indicators.get(action.id) ?? []).map((i) => ({
      label: i.label,
      unit: nonEmpty(i.unit),
      baseline: i.baseline,
      target: i.target,
      current: i.current,
      year: i.year,
    })),
    indicatorsText: nonEmpty(action.indicatorsText),
    transversal: ctx.transversal.has(action.id),
  };
}

/** An action node and its sub-actions, depth first. */
function rowsOfNode(node: ActionNode, ctx: Context, depth = 0): ReportAction[] {
  return [rowOf(node.action, depth, ctx), ...node.subActions.flatMap((child) => rowsOfNode(child, ctx, depth + 1))];
}

// ---------------------------------------------------------------- tree walk

function objectivesIn(sections: readonly SectionNode[]): StrategicObjectiveNode[] {
  return sections.flatMap((s) => [...s.strategicObjectives, ...objectivesIn(s.sections)]);
}

function objectiveGroup(node: StrategicObjectiveNode, ctx: Context, withActions: boolean): ReportGroup {
  const ooGroup = (oo: OperationalObjectiveNode): ReportOperationalGroup => ({
    id: oo.objective.id,
    code: oo.objective.code,
    title: oo.objective.title,
    stats: ctx.rollup.operationalObjectives.get(oo.objective.id)!,
    actions: withActions ? oo.actions.flatMap((a) => rowsOfNode(a, ctx)) : [],
  });
  return {
    kind: 'strategicObjective',
    code: node.objective.code,
    title: node.objective.title,
    volet: node.objective.volet,
    stats: ctx.rollup.strategicObjectives.get(node.objective.id)!,
    operationalObjectives: node.operationalObjectives.map(ooGroup),
    actions: [],
  };
}

const byDaysLate = (a: ReportAction, b: ReportAction): number =>
  (b.daysLate ?? 0) - (a.daysLate ?? 0) || compareCodes(a.code, b.code) || a.title.localeCompare(b.title, 'fr');

const byCode = (a: ReportAction, b: ReportAction): number => compareCodes(a.code, b.code) || a.title.localeCompare(b.title, 'fr');

/** Groups the plan's actions by a key ('' last: « sans service », « sans chef de projet »). */
function groupsBy(
  kind: 'service' | 'lead',
  planActions: readonly Action[],
  keyOf: (a: Action) => string,
  ctx: Context,
): ReportGroup[] {
  const byKey = new Map<string, Action[]>();
  for (const action of planActions) {
    const key = keyOf(action);
    byKey.set(key, (byKey.get(key) ?? []).concat(action));
  }
  return Array.from(byKey.entries())
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b, 'fr')))
    .map(([key, actions]) => ({
      kind,
      code: null,
      title: key,
      volet: null,
      stats: statsOf(actions, ctx.rollup.actions),
      operationalObjectives: [],
      actions: actions.map((a) => rowOf(a, 0, ctx)).sort(byCode),
    }));
}

/** The report of a (possibly filtered) plan at `options.today`. */
export function buildReport(input: ReportInput, options: ReportOptions): ReportModel {
  const tree = buildPlanTree(input);
  const rollup = rollUp(tree, { today: options.today });
  const indicators = new Map<number, Indicator[]>();
  for (const indicator of input.indicators ?? []) indicators.set(indicator.actionId, (indicators.get(indicator.actionId) ?? []).concat(indicator));
  const ctx: Context = {
    rollup,
    latest: latestCheckIns(input.checkIns ?? [], options.today),
    indicators,
    transversal: new Set(input.actions.filter((a) => a.operationalObjectiveIds.length > 1).map((a) => a.id)),
  };

  const objectives = tree.volets.flatMap((v) => [...v.strategicObjectives, ...objectivesIn(v.sections)]);
  const planActions = distinctActions(
    tree.volets.flatMap((v) => topLevelActionNodes(v)).concat(tree.orphans.filter((o) => !o.placed).flatMap((o) => topLevelActionNodes(o.node))),
  );
  const rows = planActions.map((a) => rowOf(a, 0, ctx));
  const late = rows.filter((r) => r.late).sort(byDaysLate);
  const blocked = rows.filter((r) => r.blocked).sort(byCode);

  const variant = options.variant;
  const withActions = variant !== 'avancement';
  let groups: ReportGroup[];
  switch (variant) {
    case 'complet':
    case 'avancement':
      groups = objectives.map((node) => objectiveGroup(node, ctx, withActions));
      break;
    case 'retards':
      groups = [
        { kind: 'late', code: null, title: '', volet: null, stats: statsOf(planActions.filter((a) => late.some((r) => r.id === a.id)), rollup.actions), operationalObjectives: [], actions: late },
        { kind: 'blocked', code: null, title: '', volet: null, stats: statsOf(planActions.filter((a) => blocked.some((r) => r.id === a.id)), rollup.actions), operationalObjectives: [], actions: blocked },
      ];
      break;
    case 'services':
      groups = groupsBy('service', planActions, (a) => (a.department ?? '').trim(), ctx);
      break;
    case 'chefs':
      groups = groupsBy('lead', planActions, (a) => displayNameOf(a.projectLead).trim(), ctx);
      break;
  }

  return {
    variant,
    today: options.today,
    plan: input.plan,
    filterLines: options.filterLines ?? [],
    summary: {
      plan: rollup.plan,
      strategicObjectives: objectives.map((node) => ({
        id: node.objective.id,
        code: node.objective.code,
        title: node.objective.title,
        stats: rollup.strategicObjectives.get(node.objective.id)!,
      })),
      late,
      blocked,
    },
    groups,
    withActions,
  };
}
