/**
 * The objective tree flattened for display: one entry per visible occurrence of a node, with
 * its WAI-ARIA position (level, set size, position), its roll-up and its public node id.
 *
 * Node ids (deep links): `volet-interne|externe|transversal|aucun`, `section-5`, `os-3`,
 * `oo-12`, `action-47`, `orphelins`. A transversal action appears under each of its OO, so
 * one node id may have several occurrences; entry keys (the path of node ids) are unique, and
 * `primaryKeyByNodeId` gives the occurrence a deep link opens: the one under the action's first OO.
 */
import type { Action, OperationalObjective, Volet } from '../../domain/model';
import type { ActionRollup, PlanRollup, ProgressStats } from '../../domain/rollup';
import { statsOf } from '../../domain/rollup';
import type { ActionNode, PlanTree, TreeNode } from '../../domain/tree';
import { childrenOfNode, distinctActions, topLevelActionNodes } from '../../domain/tree';

export type TreeEntryKind = TreeNode['kind'] | 'orphans';

export interface OtherObjective {
  readonly id: number;
  readonly code: string | null;
  readonly title: string;
}

export interface TreeEntry {
  /** Unique among the entries: the path of node ids from the root. */
  readonly key: string;
  /** Public id of the node (deep links), shared by the occurrences of a transversal action. */
  readonly nodeId: string;
  /** Small unique number, for DOM ids. */
  readonly serial: number;
  readonly kind: TreeEntryKind;
  /** 1 for the top level. */
  readonly level: number;
  readonly parentKey: string | null;
  readonly childKeys: readonly string[];
  /** 1-based position among its siblings and their number (aria-posinset / aria-setsize). */
  readonly posInSet: number;
  readonly setSize: number;
  readonly code: string | null;
  readonly title: string;
  /** Objectives, sections, volets and the orphan group: the roll-up of their actions. */
  readonly stats: ProgressStats | null;
  readonly action: Action | null;
  readonly rollup: ActionRollup | null;
  /** A top-level action under an OO: the other OO it serves (in the unfiltered plan). */
  readonly otherObjectives: readonly OtherObjective[];
  readonly subAction: boolean;
}

export interface TreeModel {
  readonly entries: ReadonlyMap<string, TreeEntry>;
  readonly rootKeys: readonly string[];
  readonly primaryKeyByNodeId: ReadonlyMap<string, string>;
}

export interface TreeModelTexts {
  volet(volet: Volet | null): string;
  orphans: string;
}

export interface SharingLookup {
  /** The unfiltered actions, to tell that an action is shared even when the filter kept one OO. */
  readonly actions: ReadonlyMap<number, Action>;
  readonly operationalObjectives: ReadonlyMap<number, OperationalObjective>;
}

export function voletNodeId(volet: Volet | null): string {
  return `volet-${volet ?? 'aucun'}`;
}

export const ORPHANS_NODE_ID = 'orphelins';

export function nodeIdOf(node: TreeNode): string {
  switch (node.kind) {
    case 'volet':
      return voletNodeId(node.volet);
    case 'section':
      return `section-${node.section.id}`;
    case 'strategicObjective':
      return `os-${node.objective.id}`;
    case 'operationalObjective':
      return `oo-${node.objective.id}`;
    case 'action':
      return `action-${node.action.id}`;
  }
}


export function buildTreeModel(tree: PlanTree, rollup: PlanRollup, texts: TreeModelTexts, sharing?: SharingLookup): TreeModel {
  const entries = new Map<string, TreeEntry>();
  const primaryKeyByNodeId = new Map<string, string>();
  const primaryKeys = new Set<string>();
  let serial = 0;

  const register = (nodeId: string, key: string, primary: boolean): void => {
    const known = primaryKeyByNodeId.get(nodeId);
    if (known === undefined || (primary && !primaryKeys.has(known))) {
      primaryKeyByNodeId.set(nodeId, key);
      if (primary) primaryKeys.add(key);
    }
  };

  const NO_OTHERS: OtherObjective[] = [];
  const otherObjectivesOf = (node: ActionNode): OtherObjective[] => {
    if (node.operationalObjectiveId === null) return [];
    const original = (sharing && sharing.actions.get(node.action.id)) || node.action;
    const own = original.operationalObjectiveIds || [];
    // most actions serve one OO: nothing to list
    if (own.length === 0 || (own.length === 1 && own[0] === node.operationalObjectiveId)) return NO_OTHERS;
    const ids: number[] = [];
    for (const id of own) {
      if (id !== node.operationalObjectiveId && ids.indexOf(id) < 0) ids.push(id);
    }
    const result: OtherObjective[] = [];
    for (const id of ids) {
      const objective = sharing ? sharing.operationalObjectives.get(id) : undefined;
      if (objective) result.push({ id, code: objective.code, title: objective.title });
      else if (!sharing && node.otherOperationalObjectiveIds.indexOf(id) >= 0) result.push({ id, code: null, title: `OO ${id}` });
    }
    return result;
  };

  // One object shape for every entry (written out, not spread): the model is built at each
  // load for thousands of rows, mostly before the code is optimised.
  const entry = (
    key: string,
    nodeId: string,
    kind: TreeEntryKind,
    level: number,
    parentKey: string | null,
    childKeys: string[],
    posInSet: number,
    setSize: number,
    code: string | null,
    title: string,
    stats: ProgressStats | null,
    action: Action | null,
    actionRollup: ActionRollup | null,
    otherObjectives: readonly OtherObjective[],
    subAction: boolean,
  ): TreeEntry => ({ key, nodeId, serial: serial++, kind, level, parentKey, childKeys, posInSet, setSize, code, title, stats, action, rollup: actionRollup, otherObjectives, subAction });

  const add = (node: TreeNode, parentKey: string | null, level: number, posInSet: number, setSize: number, primaryPath: boolean): string => {
    const nodeId = nodeIdOf(node);
    const key = parentKey === null ? nodeId : `${parentKey}/${nodeId}`;
    const primary = node.kind === 'action' ? primaryPath && (node.operationalObjectiveId === null || node.primary) : true;
    const children = childrenOfNode(node);
    const childKeys: string[] = new Array(children.length);
    for (let index = 0; index < children.length; index++) childKeys[index] = add(children[index], key, level + 1, index + 1, children.length, primary);
    let made: TreeEntry;
    switch (node.kind) {
      case 'action':
        made = entry(
          key, nodeId, node.kind, level, parentKey, childKeys, posInSet, setSize, node.action.code, node.action.title, null, node.action,
          rollup.actions.get(node.action.id) ?? null,
          node.operationalObjectiveId === null ? NO_OTHERS : otherObjectivesOf(node),
          node.operationalObjectiveId === null && node.action.parentActionId != null,
        );
        break;
      case 'volet':
        made = entry(key, nodeId, node.kind, level, parentKey, childKeys, posInSet, setSize, null, texts.volet(node.volet), rollup.volets.get(node.volet) ?? null, null, null, NO_OTHERS, false);
        break;
      case 'section':
        made = entry(key, nodeId, node.kind, level, parentKey, childKeys, posInSet, setSize, node.section.code, node.section.title, rollup.sections.get(node.section.id) ?? null, null, null, NO_OTHERS, false);
        break;
      case 'strategicObjective':
        made = entry(key, nodeId, node.kind, level, parentKey, childKeys, posInSet, setSize, node.objective.code, node.objective.title, rollup.strategicObjectives.get(node.objective.id) ?? null, null, null, NO_OTHERS, false);
        break;
      case 'operationalObjective':
        made = entry(key, nodeId, node.kind, level, parentKey, childKeys, posInSet, setSize, node.objective.code, node.objective.title, rollup.operationalObjectives.get(node.objective.id) ?? null, null, null, NO_OTHERS, false);
        break;
    }
    entries.set(key, made);
    register(nodeId, key, primary);
    return key;
  };

  // Top level: the volets, unless the PST has none (then its sections and OS).
  const tops: TreeNode[] =
    tree.volets.length === 1 && tree.volets[0].volet === null ? childrenOfNode(tree.volets[0]) : tree.volets;
  const orphans = tree.orphans.filter((o) => !o.placed).map((o) => o.node);
  const rootCount = tops.length + (orphans.length > 0 ? 1 : 0);
  const rootKeys = tops.map((node, index) => add(node, null, 1, index + 1, rootCount, true));

  if (orphans.length > 0) {
    const key = ORPHANS_NODE_ID;
    const childKeys = orphans.map((node, index) => add(node, key, 2, index + 1, orphans.length, true));
    const actionNodes: ActionNode[] = [];
    for (const node of orphans) actionNodes.push(...topLevelActionNodes(node));
    entries.set(key, {
      key,
      nodeId: ORPHANS_NODE_ID,
      serial: serial++,
      kind: 'orphans',
      level: 1,
      parentKey: null,
      childKeys,
      posInSet: rootCount,
      setSize: rootCount,
      code: null,
      title: texts.orphans,
      stats: statsOf(distinctActions(actionNodes), rollup.actions),
      action: null,
      rollup: null,
      otherObjectives: [],
      subAction: false,
    });
    primaryKeyByNodeId.set(ORPHANS_NODE_ID, key);
    rootKeys.push(key);
  }
  return { entries, rootKeys, primaryKeyByNodeId };
}

// ---------------------------------------------------------------- expansion

/**
 * Which nodes are open: a base level (`none`: only the top level shows, `toOo`: down to the
 * OO, `all`) and the nodes the user flipped since. Keys of nodes that the filter hides keep
 * their state for when they come back.
 */
export interface ExpansionState {
  readonly base: 'none' | 'toOo' | 'all';
  readonly flipped: ReadonlySet<string>;
}

export const INITIAL_EXPANSION: ExpansionState = { base: 'toOo', flipped: new Set() };

function openByBase(base: ExpansionState['base'], entry: TreeEntry): boolean {
  if (base === 'all') return true;
  if (base === 'none') return false;
  return entry.kind === 'volet' || entry.kind === 'section' || entry.kind === 'strategicObjective' || entry.kind === 'orphans';
}

export function isExpanded(state: ExpansionState, entry: TreeEntry): boolean {
  return entry.childKeys.length > 0 && openByBase(state.base, entry) !== state.flipped.has(entry.key);
}

export function setExpanded(state: ExpansionState, entries: readonly TreeEntry[], open: boolean): ExpansionState {
  let flipped: Set<string> | null = null;
  for (const entry of entries) {
    if (entry.childKeys.length === 0 || isExpanded(state, entry) === open) continue;
    if (!flipped) flipped = new Set(state.flipped);
    if (flipped.has(entry.key)) flipped.delete(entry.key);
    else flipped.add(entry.key);
  }
  return flipped ? { base: state.base, flipped } : state;
}

export function ancestorsOf(model: TreeModel, key: string): TreeEntry[] {
  const result: TreeEntry[] = [];
  let entry = model.entries.get(key);
  while (entry && entry.parentKey !== null) {
    const parent = model.entries.get(entry.parentKey);
    if (!parent) break;
    result.unshift(parent);
    entry = parent;
  }
  return result;
}

/** The keys shown, in document order: the children of open nodes only. */
export function visibleKeys(model: TreeModel, state: ExpansionState): string[] {
  const result: string[] = [];
  const walk = (keys: readonly string[]): void => {
    for (const key of keys) {
      result.push(key);
      const entry = model.entries.get(key) as TreeEntry;
      if (isExpanded(state, entry)) walk(entry.childKeys);
    }
  };
  walk(model.rootKeys);
  return result;
}

/** `os-3` → { kind: 'os', id: 3 }; null when the text is not a node id. */
export function parseNodeId(nodeId: string): { kind: string; id: number | string } | null {
  const match = /^(volet|section|os|oo|action)-([a-z]+|\d+)$/.exec(nodeId);
  if (match) return { kind: match[1], id: /^\d+$/.test(match[2]) ? Number(match[2]) : match[2] };
  return nodeId === ORPHANS_NODE_ID ? { kind: ORPHANS_NODE_ID, id: ORPHANS_NODE_ID } : null;
}
