/**
 * Progress over time (issue 15, point 3): for every month since the plan started, the
 * plan's and each OS's progress and their late and blocked counts, as they stood at the
 * end of that month (today for the current month).
 *
 * Each action is taken as its latest check-in up to that day said it was (status, percent,
 * health, date), then rolled up with the same rules as today's figures (rollup.ts), so the
 * last point of the trend is the dashboard's figure. An action with check-ins counts as not
 * started before its first one; an action never checked in keeps the state it has (the
 * only one known).
 */
import type { Action, ActionStatus, CheckIn, Health, IsoDate } from './model';
import { addDays } from './model';
import { ActionNode, buildPlanTree, PlanTreeInput } from './tree';
import { rollUpPlanAndObjectives } from './rollup';
import type { LatenessThresholds } from './lateness';

/** What the trend reads of a check-in: a few columns of the check-in list. */
export type TrendCheckIn = Pick<CheckIn, 'id' | 'actionId' | 'date' | 'status' | 'percent' | 'health'>;

export interface TrendPoint {
  /** `YYYY-MM` */
  readonly month: string;
  /** The day the point describes: the month's last day, or today for the current month. */
  readonly asOf: IsoDate;
  /** 0–100; null when every action is cancelled or there is none. */
  readonly progress: number | null;
  readonly late: number;
  readonly blocked: number;
}

export interface ProgressTrend {
  readonly plan: readonly TrendPoint[];
  /** One series per OS, by OS id, in the plan's order. */
  readonly strategicObjectives: ReadonlyMap<number, readonly TrendPoint[]>;
}

/** Every action node of a tree (shared actions appear once per OO, sub-actions under their parent). */
function actionNodesOf(root: object): ActionNode[] {
  const found: ActionNode[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(visit);
      return;
    }
    if (!value || typeof value !== 'object') return;
    const node = value as { kind?: unknown };
    if (node.kind === 'action') found.push(value as ActionNode);
    for (const [key, child] of Object.entries(value)) if (key !== 'action' && typeof child === 'object') visit(child);
  };
  visit(root);
  return found;
}

/** The last day of each month from `from`'s month to `today`'s, `today` for the last one. */
export function monthEnds(from: IsoDate, today: IsoDate): { month: string; asOf: IsoDate }[] {
  const result: { month: string; asOf: IsoDate }[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const lastMonth = today.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    if (key > lastMonth) break;
    const nextYear = month === 12 ? year + 1 : year;
    const nextMonth = month === 12 ? 1 : month + 1;
    const end = addDays(`${nextYear}-${String(nextMonth).padStart(2, '0')}-01`, -1);
    result.push({ month: key, asOf: end < today ? end : today });
    year = nextYear;
    month = nextMonth;
  }
  return result;
}

/** An action checked in at some time, as its latest check-in up to that day said (not started before the first). */
function stateAt(action: Action, checkIn: TrendCheckIn | null): Action {
  if (checkIn) {
    return { ...action, status: checkIn.status as ActionStatus, progressPercent: checkIn.percent, health: checkIn.health as Health | null, lastCheckInDate: checkIn.date };
  }
  return { ...action, status: 'NON_COMMENCE', progressPercent: null, health: null, lastCheckInDate: null };
}

/**
 * The trend of a plan (its items as the dashboard has them) from `from` (the plan's
 * start) to `today`, from the check-ins of its actions (others are ignored).
 */
export function progressTrend(input: PlanTreeInput, checkIns: readonly TrendCheckIn[], from: IsoDate, today: IsoDate, thresholds?: Partial<LatenessThresholds>): ProgressTrend {
  const ids = new Set(input.actions.map((a) => a.id));
  const history = new Map<number, TrendCheckIn[]>();
  for (const checkIn of checkIns) {
    if (!ids.has(checkIn.actionId) || checkIn.date > today) continue;
    const list = history.get(checkIn.actionId);
    if (list) list.push(checkIn);
    else history.set(checkIn.actionId, [checkIn]);
  }
  for (const list of history.values()) list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id));
  const cursor = new Map<number, number>();
  const plan: TrendPoint[] = [];
  const strategic = new Map<number, TrendPoint[]>(input.strategicObjectives.map((os) => [os.id, []]));
  // The tree is built once (its shape does not change over time); each month puts the
  // actions' states of that month in its nodes, which belong to this function alone.
  const tree = buildPlanTree(input);
  const nodes = actionNodesOf(tree);
  const original = new Map(input.actions.map((a) => [a.id, a]));
  // An action's state changes only in the months one of its check-ins falls in: the object
  // of the month before is kept otherwise. Actions never checked in are copied once, so
  // that their roll-ups at past days stay this function's own.
  const states = new Map<number, Action>();
  for (const [id, action] of original) if (!history.has(id)) states.set(id, { ...action });
  let first = true;
  for (const { month, asOf } of monthEnds(from, today)) {
    for (const [id, action] of original) {
      const list = history.get(id);
      if (!list) continue;
      // Months go forward: each action's pointer only moves on.
      const before = cursor.get(id) ?? -1;
      let index = before;
      while (index + 1 < list.length && list[index + 1].date <= asOf) index++;
      if (index === before && !first) continue;
      cursor.set(id, index);
      states.set(id, stateAt(action, index >= 0 ? list[index] : null));
    }
    first = false;
    for (const node of nodes) node.action = states.get(node.action.id) ?? node.action;
    const rollup = rollUpPlanAndObjectives(tree, { today: asOf, thresholds });
    const point = (stats: { progress: number | null; late: number; blocked: number } | undefined): TrendPoint => ({
      month,
      asOf,
      progress: stats?.progress ?? null,
      late: stats?.late ?? 0,
      blocked: stats?.blocked ?? 0,
    });
    plan.push(point(rollup.plan));
    for (const [id, series] of strategic) series.push(point(rollup.strategicObjectives.get(id)));
  }
  return { plan, strategicObjectives: strategic };
}
