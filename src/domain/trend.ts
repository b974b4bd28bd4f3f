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
 *
 * A dashboard asks the trend again at each filter change: `trendTimeline` does once per
 * plan and history what does not depend on the filter (each action's state and roll-up at
 * each month's end), then `trendOf` only adds up the filtered actions' roll-ups per month.
 */
import type { Action, ActionStatus, CheckIn, Health, IsoDate } from './model';
import { addDays } from './model';
import { ActionNode, buildPlanTree, childrenOfNode, PlanTree, PlanTreeInput, TreeNode } from './tree';
import { ActionRollup, planAndObjectiveGroups, rollUpAction, statsOf } from './rollup';
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
  /** One series per OS (those asked for, see trendOf), by OS id, in the plan's order. */
  readonly strategicObjectives: ReadonlyMap<number, readonly TrendPoint[]>;
}

/** Every action node of a tree, once (shared actions appear once per OO, sub-actions under their parent), orphans' included. */
function actionNodesOf(tree: PlanTree): ActionNode[] {
  const found = new Set<ActionNode>();
  const visit = (node: TreeNode): void => {
    if (node.kind === 'action') found.add(node);
    childrenOfNode(node).forEach(visit);
  };
  tree.volets.forEach(visit);
  for (const orphan of tree.orphans) visit(orphan.node);
  return Array.from(found);
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

/** What the trend of any part of a plan needs, computed once for the whole plan and its history. */
export interface TrendTimeline {
  readonly months: readonly { readonly month: string; readonly asOf: IsoDate }[];
  /** Per month, each action's state at its end (the same object as the month before while unchanged). */
  readonly states: readonly ReadonlyMap<number, Action>[];
  /**
   * Per month, the roll-ups of the whole plan's actions at its end. A leaf's holds for any
   * part of the plan; a parent's only while the part keeps all its sub-actions (`shapes`).
   * Roll-ups of leaves reached later (a sub-action shown without its parent) are added.
   */
  readonly rollups: readonly Map<number, ActionRollup>[];
  /** Each action's sub-action tree in the whole plan, as a string of ids. */
  readonly shapes: ReadonlyMap<number, string>;
  readonly thresholds?: Partial<LatenessThresholds>;
}

/** An action node's sub-action tree as ids: `7(8(),9())`. */
function shapeOf(node: ActionNode): string {
  return `${node.action.id}(${node.subActions.map(shapeOf).join(',')})`;
}

/** A computation written in steps (a generator), run at once to its result. */
function toTheEnd<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The states and roll-ups of a plan's actions at each month's end from `from` (the plan's
 * start) to `today`, from the check-ins of its actions (others are ignored).
 */
export function trendTimeline(input: PlanTreeInput, checkIns: readonly TrendCheckIn[], from: IsoDate, today: IsoDate, thresholds?: Partial<LatenessThresholds>): TrendTimeline {
  return toTheEnd(trendTimelineSteps(input, checkIns, from, today, thresholds));
}

/**
 * `trendTimeline` one month at a time: the generator pauses after each month, so that a
 * page can spread the work over short tasks (a plan of 5,000 actions over two years is
 * about a hundred milliseconds in all) and stay responsive to the keys typed meanwhile.
 */
export function* trendTimelineSteps(
  input: PlanTreeInput,
  checkIns: readonly TrendCheckIn[],
  from: IsoDate,
  today: IsoDate,
  thresholds?: Partial<LatenessThresholds>,
): Generator<void, TrendTimeline, void> {
  const ids = new Set(input.actions.map((a) => a.id));
  const history = new Map<number, TrendCheckIn[]>();
  for (const checkIn of checkIns) {
    if (!ids.has(checkIn.actionId) || checkIn.date > today) continue;
    const list = history.get(checkIn.actionId);
    if (list) list.push(checkIn);
    else history.set(checkIn.actionId, [checkIn]);
  }
  for (const list of history.values()) list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id));
  const months = monthEnds(from, today);
  // The tree is built once (its shape does not change over time); each month puts the
  // actions' states of that month in its nodes, which belong to this function alone.
  const tree = buildPlanTree(input);
  const nodes = actionNodesOf(tree);
  // Every action's roll-up at each month's end: those of the plan's top-level nodes and, through them, of their sub-actions.
  const planNodes = planAndObjectiveGroups(tree).plan;
  const shapes = new Map<number, string>();
  for (const node of nodes) if (!shapes.has(node.action.id)) shapes.set(node.action.id, shapeOf(node));
  const cursor = new Map<number, number>();
  // An action's state changes only in the months one of its check-ins falls in: the object
  // of the month before is kept otherwise. Actions never checked in are copied once, so
  // that their roll-ups at past days stay this function's own.
  let current = new Map<number, Action>();
  for (const action of input.actions) if (!history.has(action.id)) current.set(action.id, { ...action });
  const checkedIn = input.actions.filter((action) => history.has(action.id));
  const states: Map<number, Action>[] = [];
  const rollups: Map<number, ActionRollup>[] = [];
  for (let monthIndex = 0; monthIndex < months.length; monthIndex++) {
    const { asOf } = months[monthIndex];
    current = new Map(current);
    for (const action of checkedIn) {
      const list = history.get(action.id)!;
      // Months go forward: each action's pointer only moves on.
      const before = cursor.get(action.id) ?? -1;
      let index = before;
      while (index + 1 < list.length && list[index + 1].date <= asOf) index++;
      if (index === before && monthIndex > 0) continue;
      cursor.set(action.id, index);
      current.set(action.id, stateAt(action, index >= 0 ? list[index] : null));
    }
    for (const node of nodes) node.action = current.get(node.action.id) ?? node.action;
    const memo = new Map<number, ActionRollup>();
    const options = { today: asOf, thresholds };
    for (const node of planNodes) rollUpAction(node, options, memo, false);
    states.push(current);
    rollups.push(memo);
    if (monthIndex < months.length - 1) yield;
  }
  return { months, states, rollups, shapes, thresholds };
}

/** A private copy of an action node and its sub-actions, in their states of one month. */
function nodeInStates(node: ActionNode, states: ReadonlyMap<number, Action>): ActionNode {
  return { ...node, action: states.get(node.action.id) ?? node.action, subActions: node.subActions.map((child) => nodeInStates(child, states)) };
}

/** The nodes, one per action (a transversal action counts once, rule 4 of rollup.ts). */
function distinctNodes(nodes: readonly ActionNode[]): ActionNode[] {
  const seen = new Set<number>();
  return nodes.filter((node) => !seen.has(node.action.id) && !!seen.add(node.action.id));
}

/**
 * The trend of a part of the timeline's plan (its items as the dashboard has them,
 * filtered): the roll-ups of the timeline, counted over the part's tree month by month.
 * Which actions the plan and each OS count is worked out once; each month then only adds
 * up their roll-ups (the figures `rollUpPlanAndObjectives` gives for that month's states).
 * `objectiveIds`: the OS whose series are wanted (a chart shows one at a time); all by default.
 */
export function trendOf(timeline: TrendTimeline, input: PlanTreeInput, objectiveIds?: readonly number[]): ProgressTrend {
  return toTheEnd(trendOfSteps(timeline, input, objectiveIds));
}

/** `trendOf` a few months at a time (see trendTimelineSteps): a key typed in the search is not held up by the chart. */
export function* trendOfSteps(timeline: TrendTimeline, input: PlanTreeInput, objectiveIds?: readonly number[]): Generator<void, ProgressTrend, void> {
  const tree = buildPlanTree(input);
  const groups = planAndObjectiveGroups(tree);
  const planNodes = distinctNodes(groups.plan);
  const asked = objectiveIds ? new Set(objectiveIds) : null;
  const objectives = new Map(
    Array.from(groups.strategicObjectives)
      .filter(([id]) => !asked || asked.has(id))
      .map(([id, nodes]) => [id, distinctNodes(nodes)] as const),
  );
  // A parent shown with fewer sub-actions than in the whole plan (or none) is rolled up again, at each month.
  const reshapedIds = new Set<number>();
  for (const node of actionNodesOf(tree)) if (timeline.shapes.get(node.action.id) !== shapeOf(node)) reshapedIds.add(node.action.id);
  const reshapedTops = distinctNodes([...planNodes, ...Array.from(objectives.values()).flat()].filter((node) => reshapedIds.has(node.action.id)));
  yield;
  const plan: TrendPoint[] = [];
  const strategic = new Map<number, TrendPoint[]>(input.strategicObjectives.filter((os) => !asked || asked.has(os.id)).map((os) => [os.id, []]));
  for (let index = 0; index < timeline.months.length; index++) {
    const { month, asOf } = timeline.months[index];
    const states = timeline.states[index];
    let memo = timeline.rollups[index];
    if (reshapedIds.size > 0) {
      memo = new Map(memo);
      for (const id of reshapedIds) memo.delete(id);
      const options = { today: asOf, thresholds: timeline.thresholds };
      for (const node of reshapedTops) rollUpAction(nodeInStates(node, states), options, memo, false);
    }
    // An OS of the part that is not in its tree (none of its own) has no figures.
    const point = (nodes: readonly ActionNode[] | undefined): TrendPoint => {
      const stats = nodes
        ? statsOf(
            nodes.map((node) => states.get(node.action.id) ?? node.action),
            memo,
          )
        : null;
      return { month, asOf, progress: stats?.progress ?? null, late: stats?.late ?? 0, blocked: stats?.blocked ?? 0 };
    };
    plan.push(point(planNodes));
    for (const [id, series] of strategic) series.push(point(objectives.get(id)));
    if (index % 4 === 3) yield;
  }
  return { plan, strategicObjectives: strategic };
}

/**
 * The trend of a plan (its items as the dashboard has them) from `from` (the plan's
 * start) to `today`, from the check-ins of its actions (others are ignored).
 */
export function progressTrend(input: PlanTreeInput, checkIns: readonly TrendCheckIn[], from: IsoDate, today: IsoDate, thresholds?: Partial<LatenessThresholds>): ProgressTrend {
  return trendOf(trendTimeline(input, checkIns, from, today, thresholds), input);
}
