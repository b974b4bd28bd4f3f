/**
 * Progress roll-up from actions to OO, OS, section, volet and plan.
 *
 * Rules:
 * 1. An action's own progress: 100 when TERMINE; otherwise its percent (clamped to 0–100).
 *    No percent counts as 0 and the action is counted as "sans donnée" (noData).
 * 2. ANNULE_ABANDONNE actions are left out of every progress average; they still appear
 *    in the counts (total, byStatus, cancelled).
 * 3. An action with sub-actions (and not TERMINE) takes the weighted mean of its
 *    non-cancelled sub-actions (recursively); it is "sans donnée" when all of those are.
 *    If all its sub-actions are cancelled, its own percent is used.
 * 4. A node's progress is the weighted mean (Action.weight, default 1; a missing, negative
 *    or non-numeric weight counts as 1) over the DISTINCT top-level actions beneath it:
 *    a transversal action counts once at OS, section, volet and plan level even when it
 *    sits under two OO of that node, and once in each of its OO. Sub-actions are not
 *    counted as actions of a node: they only feed their parent (rule 3).
 *    If every weight is 0, the plain mean is used rather than reporting nothing.
 * 5. A node with no action, or whose actions are all cancelled, has progress null
 *    ("sans objet").
 * 6. Counts per node: total, per status (unknown status apart), done (TERMINE), cancelled,
 *    late (overdue at `today`, see lateness.ts), blocked (status PROBLEME, or health
 *    `blocage` on an action neither done nor cancelled), noData (non-cancelled actions
 *    without data), realisation rate = done / non-cancelled (null when none).
 * 7. The plan level covers every action of the plan, orphans included, so that no action
 *    disappears from the totals because its OO was deleted.
 */
import type { Action, ActionStatus, IsoDate, Volet } from './model';
import { ACTION_STATUSES } from './vocabularies';
import type { Lateness, LatenessThresholds } from './lateness';
import { classifyLateness } from './lateness';
import type { ActionNode, PlanTree, SectionNode, TreeNode } from './tree';
import { distinctActions, topLevelActionNodes } from './tree';

export type ProgressSource = 'done' | 'subActions' | 'own' | 'cancelled';

export interface ActionRollup {
  actionId: number;
  /** 0–100; null when cancelled. */
  progress: number | null;
  source: ProgressSource;
  /** The progress is 0 only because nobody gave a figure. */
  noData: boolean;
  blocked: boolean;
  lateness: Lateness;
  /** Statistics over its direct sub-actions, when it has some. */
  subActions: ProgressStats | null;
}

export interface ProgressStats {
  /** Weighted mean 0–100, null = sans objet (no action, or all cancelled). */
  progress: number | null;
  total: number;
  byStatus: Record<ActionStatus, number>;
  /** Actions whose status is not known. */
  unknownStatus: number;
  done: number;
  cancelled: number;
  late: number;
  blocked: number;
  noData: number;
  /** done / non-cancelled, 0–1; null when every action is cancelled or there is none. */
  realisationRate: number | null;
}

export interface PlanRollup {
  plan: ProgressStats;
  volets: Map<Volet | null, ProgressStats>;
  sections: Map<number, ProgressStats>;
  strategicObjectives: Map<number, ProgressStats>;
  operationalObjectives: Map<number, ProgressStats>;
  actions: Map<number, ActionRollup>;
}

export interface RollupOptions {
  today: IsoDate;
  thresholds?: Partial<LatenessThresholds>;
}

/** The weight an action carries in a mean. */
export function effectiveWeight(action: Pick<Action, 'weight'>): number {
  const weight = action.weight;
  return typeof weight === 'number' && isFinite(weight) && weight >= 0 ? weight : 1;
}

function ownPercent(action: Action): number | null {
  const percent = action.progressPercent;
  if (typeof percent !== 'number' || !isFinite(percent)) return null;
  return Math.min(100, Math.max(0, percent));
}

/** Status PROBLEME, or health `blocage` on an action neither done nor cancelled (rule 6). */
export function isBlocked(action: Pick<Action, 'status' | 'health'>): boolean {
  if (action.status === 'PROBLEME') return true;
  return action.health === 'blocage' && action.status !== 'TERMINE' && action.status !== 'ANNULE_ABANDONNE';
}

/**
 * The statistics of a node, summed one action at a time (rule 4's weighted mean in one pass:
 * sums by weight, and plain ones for all-zero weights). A shared action is counted once.
 */
class StatsSum {
  private readonly stats: ProgressStats;
  private live = 0;
  private weightSum = 0;
  private weightedSum = 0;
  private plainSum = 0;
  /** The shared actions already counted (the others are met once). */
  private counted: Set<number> | null = null;

  constructor() {
    const byStatus = {} as Record<ActionStatus, number>;
    for (const status of ACTION_STATUSES) byStatus[status] = 0;
    this.stats = { progress: null, total: 0, byStatus, unknownStatus: 0, done: 0, cancelled: 0, late: 0, blocked: 0, noData: 0, realisationRate: null };
  }

  add(action: Action, rollup: ActionRollup, shared: boolean): void {
    if (shared) {
      if (!this.counted) this.counted = new Set();
      if (this.counted.has(action.id)) return;
      this.counted.add(action.id);
    }
    const stats = this.stats;
    stats.total += 1;
    if (action.status) stats.byStatus[action.status] += 1;
    else stats.unknownStatus += 1;
    if (action.status === 'TERMINE') stats.done += 1;
    if (rollup.blocked) stats.blocked += 1;
    if (rollup.lateness.flags.overdue) stats.late += 1;
    if (rollup.progress === null) {
      stats.cancelled += 1;
      return;
    }
    if (rollup.noData) stats.noData += 1;
    const weight = effectiveWeight(action);
    this.live += 1;
    this.weightSum += weight;
    this.weightedSum += weight * rollup.progress;
    this.plainSum += rollup.progress;
  }

  result(): ProgressStats {
    const live = this.live;
    if (live > 0) this.stats.progress = this.weightSum > 0 ? this.weightedSum / this.weightSum : this.plainSum / live;
    this.stats.realisationRate = live > 0 ? this.stats.done / live : null;
    return this.stats;
  }
}

/** Statistics over a list of distinct actions whose roll-ups are known. */
export function statsOf(actions: readonly Action[], rollups: ReadonlyMap<number, ActionRollup>): ProgressStats {
  const sum = new StatsSum();
  for (const action of actions) {
    const rollup = rollups.get(action.id);
    if (!rollup) throw new Error(`statsOf: no roll-up for action ${action.id}`);
    sum.add(action, rollup, false);
  }
  return sum.result();
}

/**
 * The roll-up of an action without sub-actions depends on the action, the day and the
 * thresholds only: remembered per action object (actions are values, a save makes a new
 * one), so that a filter or a search that keeps an action does not compute it again.
 */
const NO_ROLLUPS: readonly ActionRollup[] = [];
const leafRollups = new WeakMap<Action, { readonly key: string; readonly rollup: ActionRollup }>();
const optionKeys = new WeakMap<RollupOptions, string>();

function optionsKey(options: RollupOptions): string {
  let key = optionKeys.get(options);
  if (key === undefined) {
    key = JSON.stringify([options.today, options.thresholds ?? null]);
    optionKeys.set(options, key);
  }
  return key;
}

/**
 * Roll-up of one action node (and its sub-actions), memoised in `memo` by action id; a
 * leaf's is remembered for its action object too unless `remember` is false (the trend's
 * states of past days, each rolled up once).
 */
export function rollUpAction(node: ActionNode, options: RollupOptions, memo = new Map<number, ActionRollup>(), remember = true): ActionRollup {
  const known = memo.get(node.action.id);
  if (known) return known;
  const action = node.action;
  const leaf = node.subActions.length === 0;
  if (leaf && remember) {
    const remembered = leafRollups.get(action);
    if (remembered && remembered.key === optionsKey(options)) {
      memo.set(action.id, remembered.rollup);
      return remembered.rollup;
    }
  }
  const lateness = classifyLateness(action, options.today, options.thresholds);
  const subRollups = leaf ? NO_ROLLUPS : node.subActions.map((child) => rollUpAction(child, options, memo, remember));
  const subStats = leaf ? null : statsOf(distinctActions(node.subActions), memo);
  // One object shape for every roll-up, written out (thousands per load, before the code is optimised).
  const made = (progress: number | null, source: ProgressSource, noData: boolean): ActionRollup => ({
    actionId: action.id,
    progress,
    source,
    noData,
    blocked: isBlocked(action),
    lateness,
    subActions: subStats,
  });

  let result: ActionRollup;
  if (action.status === 'ANNULE_ABANDONNE') {
    result = made(null, 'cancelled', false);
  } else if (action.status === 'TERMINE') {
    result = made(100, 'done', false);
  } else {
    const liveSubs = subRollups.filter((r) => r.progress !== null);
    if (liveSubs.length > 0 && subStats && subStats.progress !== null) {
      result = made(subStats.progress, 'subActions', liveSubs.every((r) => r.noData));
    } else {
      const percent = ownPercent(action);
      result = made(percent === null ? 0 : percent, 'own', percent === null);
    }
  }
  memo.set(action.id, result);
  if (leaf && remember) leafRollups.set(action, { key: optionsKey(options), rollup: result });
  return result;
}

/** The top-level action nodes the plan level covers: under its volets and its unplaced orphans (rule 7). */
export function planActionNodes(tree: PlanTree): ActionNode[] {
  const nodes: ActionNode[] = [];
  for (const volet of tree.volets) nodes.push(...topLevelActionNodes(volet));
  for (const orphan of tree.orphans) if (!orphan.placed) nodes.push(...topLevelActionNodes(orphan.node));
  return nodes;
}

/** Statistics over action nodes: each rolled up (into `memo`), then the distinct actions counted. */
function statsOfNodes(nodes: readonly ActionNode[], options: RollupOptions, memo: Map<number, ActionRollup>, remember: boolean): ProgressStats {
  for (const actionNode of nodes) rollUpAction(actionNode, options, memo, remember);
  return statsOf(distinctActions(nodes), memo);
}

/**
 * Progress and counts for every node of the tree, at `options.today`: one walk down the tree,
 * each top-level action added to the sums of every node around it (the plan's included).
 */
export function rollUp(tree: PlanTree, options: RollupOptions): PlanRollup {
  const memo = new Map<number, ActionRollup>();
  const result: PlanRollup = {
    plan: statsOf([], memo),
    volets: new Map(),
    sections: new Map(),
    strategicObjectives: new Map(),
    operationalObjectives: new Map(),
    actions: memo,
  };
  /** The sums of the nodes around the one visited, outermost first. */
  const open: StatsSum[] = [];
  const within = (visitChildren: () => void): ProgressStats => {
    const sum = new StatsSum();
    open.push(sum);
    visitChildren();
    open.pop();
    return sum.result();
  };
  const visit = (node: TreeNode): void => {
    switch (node.kind) {
      case 'action': {
        const rollup = rollUpAction(node, options, memo, true);
        for (const sum of open) sum.add(node.action, rollup, node.shared);
        return;
      }
      case 'operationalObjective':
        result.operationalObjectives.set(node.objective.id, within(() => node.actions.forEach(visit)));
        return;
      case 'strategicObjective':
        result.strategicObjectives.set(node.objective.id, within(() => node.operationalObjectives.forEach(visit)));
        return;
      case 'section':
        result.sections.set(
          node.section.id,
          within(() => {
            node.sections.forEach(visit);
            node.strategicObjectives.forEach(visit);
          }),
        );
        return;
      case 'volet':
        result.volets.set(
          node.volet,
          within(() => {
            node.sections.forEach(visit);
            node.strategicObjectives.forEach(visit);
          }),
        );
    }
  };
  result.plan = within(() => {
    tree.volets.forEach(visit);
    // Rule 7: the unplaced orphans count in the plan; their sections, OS and OO get stats too.
    for (const orphan of tree.orphans) if (!orphan.placed) visit(orphan.node);
  });
  return result;
}

/**
 * The plan's and the OS' statistics only (the same figures as `rollUp`'s), for the many days
 * of a trend: its actions' roll-ups are not remembered past the call, except in `memo`,
 * which the caller may give (the roll-ups it holds are taken as they are, at that day).
 */
export function rollUpPlanAndObjectives(tree: PlanTree, options: RollupOptions, memo = new Map<number, ActionRollup>()): Pick<PlanRollup, 'plan' | 'strategicObjectives'> {
  const groups = planAndObjectiveGroups(tree);
  const statsFor = (nodes: readonly ActionNode[]): ProgressStats => statsOfNodes(nodes, options, memo, false);
  const strategicObjectives = new Map<number, ProgressStats>();
  for (const [id, nodes] of groups.strategicObjectives) strategicObjectives.set(id, statsFor(nodes));
  return { plan: statsFor(groups.plan), strategicObjectives };
}

/**
 * The top-level action nodes the plan's statistics cover (rule 7) and those of each OS,
 * OS in the plan's order: what `rollUpPlanAndObjectives` counts, for a caller that counts
 * the same groups many times (the trend, month after month).
 */
export function planAndObjectiveGroups(tree: PlanTree): { plan: ActionNode[]; strategicObjectives: Map<number, ActionNode[]> } {
  const strategicObjectives = new Map<number, ActionNode[]>();
  const visitSection = (section: SectionNode): void => {
    section.sections.forEach(visitSection);
    section.strategicObjectives.forEach(visitObjective);
  };
  const visitObjective = (objective: TreeNode): void => {
    if (objective.kind === 'strategicObjective') strategicObjectives.set(objective.objective.id, topLevelActionNodes(objective));
  };
  for (const volet of tree.volets) {
    volet.sections.forEach(visitSection);
    volet.strategicObjectives.forEach(visitObjective);
  }
  for (const orphan of tree.orphans) if (!orphan.placed && orphan.node.kind === 'section') visitSection(orphan.node);
  return { plan: planActionNodes(tree), strategicObjectives };
}
