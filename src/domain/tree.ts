/**
 * The objective tree, built from the flat lists SharePoint returns:
 * plan → volet → section (when present, nested) → OS → OO → actions → sub-actions.
 *
 * - A transversal action (several OO) appears under each of its OO, flagged `shared`,
 *   with the other OO listed; the first OO of the list is its primary parent.
 * - Sub-actions hang under their parent action (not under an OO).
 * - Nothing is dropped: an item whose parent is missing is reported in `orphans`, with
 *   its subtree. Items that still have a sensible place (an OS whose section is unknown
 *   goes directly under its volet) are placed AND reported (`placed: true`).
 * - Siblings are sorted by `order`, then by code in natural order ("1.9" < "1.10",
 *   "OS 99" < "OS 100"), then by title.
 */
import type { Action, OperationalObjective, Plan, Section, StrategicObjective, Volet } from './model';
import { VOLETS, normalizeText } from './vocabularies';
import { memoizeText } from '../text/memoizeText';

export interface ActionNode {
  kind: 'action';
  action: Action;
  /** The action serves several OO and therefore appears more than once in the tree. */
  shared: boolean;
  /** The OO this occurrence sits under; null for sub-actions and orphans. */
  operationalObjectiveId: number | null;
  /** For a shared action: its other OO (those that exist). */
  otherOperationalObjectiveIds: number[];
  /** This occurrence is under the action's first (primary) OO. */
  primary: boolean;
  subActions: ActionNode[];
}

export interface OperationalObjectiveNode {
  kind: 'operationalObjective';
  objective: OperationalObjective;
  actions: ActionNode[];
}

export interface StrategicObjectiveNode {
  kind: 'strategicObjective';
  objective: StrategicObjective;
  operationalObjectives: OperationalObjectiveNode[];
}

export interface SectionNode {
  kind: 'section';
  section: Section;
  /** The section's volet, or the nearest ancestor's when the section has none. */
  volet: Volet | null;
  sections: SectionNode[];
  strategicObjectives: StrategicObjectiveNode[];
}

export interface VoletNode {
  kind: 'volet';
  /** null: the document does not divide the PST into volets. */
  volet: Volet | null;
  sections: SectionNode[];
  /** Objectives without a section. */
  strategicObjectives: StrategicObjectiveNode[];
}

export type TreeNode = VoletNode | SectionNode | StrategicObjectiveNode | OperationalObjectiveNode | ActionNode;

export type OrphanReason =
  | 'unknownParentSection'
  | 'unknownSection'
  | 'unknownStrategicObjective'
  | 'unknownOperationalObjective'
  | 'noOperationalObjective'
  | 'unknownParentAction'
  | 'cycle';

export interface Orphan {
  reason: OrphanReason;
  kind: 'section' | 'strategicObjective' | 'operationalObjective' | 'action';
  id: number;
  title: string;
  /** The id that points nowhere (null for noOperationalObjective and cycles). */
  missingId: number | null;
  /** true: the item is in the tree anyway (see module comment); false: only here. */
  placed: boolean;
  node: SectionNode | StrategicObjectiveNode | OperationalObjectiveNode | ActionNode;
}

export interface PlanTree {
  plan: Plan;
  volets: VoletNode[];
  orphans: Orphan[];
}

export interface PlanTreeInput {
  plan: Plan;
  sections?: readonly Section[];
  strategicObjectives: readonly StrategicObjective[];
  operationalObjectives: readonly OperationalObjective[];
  actions: readonly Action[];
}

// ---------------------------------------------------------------- natural sort

/** A run of digits (with its value) or of other characters of a code. */
interface CodeToken {
  readonly text: string;
  /** The digits' value; null for other characters. */
  readonly number: number | null;
}

const isDigit = (charCode: number): boolean => charCode >= 48 && charCode <= 57;

/** The runs of digits and of other characters of a normalised code, its spaces left out ("OS 1.10" → os, 1, ., 10). */
function tokenize(code: string): CodeToken[] {
  const normalized = normalizeText(code);
  const text = normalized.indexOf(' ') < 0 ? normalized : normalized.replace(/ /g, '');
  const tokens: CodeToken[] = [];
  let start = 0;
  while (start < text.length) {
    const digits = isDigit(text.charCodeAt(start));
    let end = start + 1;
    while (end < text.length && isDigit(text.charCodeAt(end)) === digits) end++;
    const run = text.substring(start, end);
    tokens.push({ text: run, number: digits ? Number(run) : null });
    start = end;
  }
  return tokens;
}

// Read only by the comparisons below: the arrays are shared between calls.
const codeTokens = memoizeText((code: string): readonly CodeToken[] => tokenize(code));

function hasCode(code: string | null | undefined): code is string {
  return code != null && code.trim() !== '';
}

function compareTokens(left: readonly CodeToken[], right: readonly CodeToken[]): number {
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const x = left[i];
    const y = right[i];
    if (x.number !== null && y.number !== null) {
      const difference = x.number - y.number;
      if (difference !== 0) return difference;
      if (x.text.length !== y.text.length) return x.text.length - y.text.length;
    } else if ((x.number === null) !== (y.number === null)) {
      return x.number !== null ? -1 : 1;
    } else if (x.text !== y.text) {
      return x.text < y.text ? -1 : 1;
    }
  }
  return left.length - right.length;
}

/**
 * Natural order of codes: numbers compare as numbers ("1.9" < "1.10", "OS 99" < "OS 100"),
 * a code comes before its own children ("1.1" < "1.1.1"), missing codes go last.
 */
export function compareCodes(a: string | null | undefined, b: string | null | undefined): number {
  return compareCodeSortKeys(codeSortKey(a), codeSortKey(b));
}

/** What `compareCodes` compares of a code, for a sort that looks each code up once rather than at each comparison. */
export type CodeSortKey = readonly CodeToken[] | null;

export function codeSortKey(code: string | null | undefined): CodeSortKey {
  return hasCode(code) ? codeTokens(code) : null;
}

/** `compareCodes` of the codes these keys were made from. */
export function compareCodeSortKeys(a: CodeSortKey, b: CodeSortKey): number {
  if (a === null || b === null) return a === b ? 0 : a !== null ? -1 : 1;
  return compareTokens(a, b);
}

interface Sortable {
  id: number;
  order: number;
  code: string | null;
  title: string;
}

/** What sibling order compares, looked up once per item rather than at each comparison. */
interface SortKey<T> {
  readonly item: T;
  readonly order: number;
  /** null: no code (last). */
  readonly code: string | null;
  /** The code's tokens, once a comparison needed them (siblings with distinct orders never do). */
  tokens?: readonly CodeToken[];
  readonly title: string;
  readonly id: number;
}

function sortKeyOf<T>(item: T, sortable: Sortable): SortKey<T> {
  return {
    item,
    order: isFinite(sortable.order) ? sortable.order : Number.MAX_VALUE,
    code: hasCode(sortable.code) ? sortable.code : null,
    title: sortable.title || '',
    id: sortable.id,
  };
}

function tokensOf<T>(key: SortKey<T>): readonly CodeToken[] {
  if (key.tokens === undefined) key.tokens = codeTokens(key.code as string);
  return key.tokens;
}

function compareSortKeys<T>(a: SortKey<T>, b: SortKey<T>): number {
  if (a.order !== b.order) return a.order - b.order;
  if (a.code === null || b.code === null) {
    if (a.code !== b.code) return a.code === null ? 1 : -1;
  } else if (a.code !== b.code) {
    const byCode = compareTokens(tokensOf(a), tokensOf(b));
    if (byCode !== 0) return byCode;
  }
  if (a.title !== b.title) {
    const titleA = normalizeText(a.title);
    const titleB = normalizeText(b.title);
    if (titleA !== titleB) return titleA < titleB ? -1 : 1;
  }
  return a.id - b.id;
}

/** Sibling order: `order`, then natural code order, then title, then id (stable output). */
export function compareSiblings(a: Sortable, b: Sortable): number {
  return compareSortKeys(sortKeyOf(a, a), sortKeyOf(b, b));
}

/** A sorted copy, in sibling order of `sortable(item)`. */
export function sortedSiblings<T>(items: readonly T[], sortable: (item: T) => Sortable): T[] {
  if (items.length < 2) return items.slice();
  return items
    .map((item) => sortKeyOf(item, sortable(item)))
    .sort(compareSortKeys)
    .map((key) => key.item);
}

function sorted<T extends Sortable>(items: readonly T[]): T[] {
  return sortedSiblings(items, (item) => item);
}

function groupBy<T>(items: readonly T[], key: (item: T) => number | null | undefined): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k == null) continue;
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function byId<T extends { readonly id: number }>(items: readonly T[]): Map<number, T> {
  const map = new Map<number, T>();
  for (const item of items) map.set(item.id, item);
  return map;
}

function uniqueIds(ids: readonly number[] | null | undefined): number[] {
  const result: number[] = [];
  for (const id of ids || []) if (result.indexOf(id) < 0) result.push(id);
  return result;
}

const VOLET_ORDER: (Volet | null)[] = [...VOLETS, null];

// ---------------------------------------------------------------- build

export function buildPlanTree(input: PlanTreeInput): PlanTree {
  const sections = input.sections || [];
  const orphans: Orphan[] = [];

  const sectionsById = byId(sections);
  const osById = byId(input.strategicObjectives);
  const ooById = byId(input.operationalObjectives);
  const actionsById = byId(input.actions);

  // ---- actions and sub-actions
  const childrenOf = groupBy(input.actions, (a) => (a.parentActionId != null ? a.parentActionId : null));

  const buildActionNode = (
    action: Action,
    operationalObjectiveId: number | null,
    knownOoIds: number[],
    path: number[],
  ): ActionNode => {
    const childActions = childrenOf.get(action.id);
    // Most actions have no sub-action and one OO: no list is made for them (thousands per load).
    let subActions: ActionNode[] = [];
    if (childActions) {
      const onPath = path.concat(action.id);
      subActions = sorted(childActions)
        .filter((child) => onPath.indexOf(child.id) < 0)
        .map((child) => buildActionNode(child, null, [], onPath));
    }
    return {
      kind: 'action',
      action,
      shared: operationalObjectiveId !== null && knownOoIds.length > 1,
      operationalObjectiveId,
      otherOperationalObjectiveIds:
        operationalObjectiveId === null || knownOoIds.length < 2 ? [] : knownOoIds.filter((id) => id !== operationalObjectiveId),
      primary: operationalObjectiveId !== null && knownOoIds[0] === operationalObjectiveId,
      subActions,
    };
  };

  const actionsByOo = new Map<number, { action: Action; knownOoIds: number[] }[]>();
  for (const action of input.actions) {
    if (action.parentActionId != null) {
      const parent = actionsById.get(action.parentActionId);
      if (!parent) {
        orphans.push({
          reason: 'unknownParentAction',
          kind: 'action',
          id: action.id,
          title: action.title,
          missingId: action.parentActionId,
          placed: false,
          node: buildActionNode(action, null, [], []),
        });
      } else if (isInParentCycle(action, actionsById)) {
        orphans.push({
          reason: 'cycle',
          kind: 'action',
          id: action.id,
          title: action.title,
          missingId: null,
          placed: false,
          node: buildActionNode(action, null, [], []),
        });
      }
      continue;
    }
    const ooIds = uniqueIds(action.operationalObjectiveIds);
    const knownOoIds: number[] = [];
    let firstUnknownOoId: number | null = null;
    for (const id of ooIds) {
      if (ooById.has(id)) knownOoIds.push(id);
      else if (firstUnknownOoId === null) firstUnknownOoId = id;
    }
    if (ooIds.length === 0 || firstUnknownOoId !== null) {
      orphans.push({
        reason: ooIds.length === 0 ? 'noOperationalObjective' : 'unknownOperationalObjective',
        kind: 'action',
        id: action.id,
        title: action.title,
        missingId: firstUnknownOoId,
        placed: knownOoIds.length > 0,
        node: buildActionNode(action, null, [], []),
      });
    }
    for (const ooId of knownOoIds) {
      const list = actionsByOo.get(ooId);
      const entry = { action, knownOoIds };
      if (list) list.push(entry);
      else actionsByOo.set(ooId, [entry]);
    }
  }

  // ---- operational objectives
  const ooNode = (objective: OperationalObjective): OperationalObjectiveNode => {
    const entries = sortedSiblings(actionsByOo.get(objective.id) || [], (entry) => entry.action);
    return {
      kind: 'operationalObjective',
      objective,
      actions: entries.map((entry) => buildActionNode(entry.action, objective.id, entry.knownOoIds, [])),
    };
  };
  const oosByOs = groupBy(input.operationalObjectives, (o) => o.strategicObjectiveId);
  for (const objective of sorted(input.operationalObjectives)) {
    if (!osById.has(objective.strategicObjectiveId)) {
      orphans.push({
        reason: 'unknownStrategicObjective',
        kind: 'operationalObjective',
        id: objective.id,
        title: objective.title,
        missingId: objective.strategicObjectiveId,
        placed: false,
        node: ooNode(objective),
      });
    }
  }

  // ---- strategic objectives
  const osNode = (objective: StrategicObjective): StrategicObjectiveNode => ({
    kind: 'strategicObjective',
    objective,
    operationalObjectives: sorted(oosByOs.get(objective.id) || []).map(ooNode),
  });
  const osBySection = new Map<number, StrategicObjective[]>();
  const osWithoutSection: StrategicObjective[] = [];
  for (const objective of sorted(input.strategicObjectives)) {
    const sectionId = objective.sectionId;
    if (sectionId != null && sectionsById.has(sectionId)) {
      const list = osBySection.get(sectionId);
      if (list) list.push(objective);
      else osBySection.set(sectionId, [objective]);
    } else {
      if (sectionId != null) {
        orphans.push({
          reason: 'unknownSection',
          kind: 'strategicObjective',
          id: objective.id,
          title: objective.title,
          missingId: sectionId,
          placed: true,
          node: osNode(objective),
        });
      }
      osWithoutSection.push(objective);
    }
  }

  // ---- sections
  const subSections = groupBy(sections, (s) => (s.parentSectionId != null ? s.parentSectionId : null));
  const sectionNode = (section: Section, inheritedVolet: Volet | null, path: number[]): SectionNode => {
    const volet = section.volet != null ? section.volet : inheritedVolet;
    const onPath = path.concat(section.id);
    return {
      kind: 'section',
      section,
      volet,
      sections: sorted(subSections.get(section.id) || [])
        .filter((child) => onPath.indexOf(child.id) < 0)
        .map((child) => sectionNode(child, volet, onPath)),
      strategicObjectives: (osBySection.get(section.id) || []).map(osNode),
    };
  };
  const topSections: SectionNode[] = [];
  for (const section of sorted(sections)) {
    const parentId = section.parentSectionId;
    if (parentId == null) {
      topSections.push(sectionNode(section, null, []));
    } else if (!sectionsById.has(parentId)) {
      const node = sectionNode(section, null, []);
      orphans.push({
        reason: 'unknownParentSection',
        kind: 'section',
        id: section.id,
        title: section.title,
        missingId: parentId,
        placed: true,
        node,
      });
      topSections.push(node);
    } else if (isInSectionCycle(section, sectionsById)) {
      orphans.push({
        reason: 'cycle',
        kind: 'section',
        id: section.id,
        title: section.title,
        missingId: null,
        placed: false,
        node: sectionNode(section, null, []),
      });
    }
  }

  // ---- volets
  const volets: VoletNode[] = [];
  for (const volet of VOLET_ORDER) {
    const node: VoletNode = {
      kind: 'volet',
      volet,
      sections: topSections.filter((s) => s.volet === volet),
      strategicObjectives: osWithoutSection.filter((o) => (o.volet != null ? o.volet : null) === volet).map(osNode),
    };
    if (node.sections.length > 0 || node.strategicObjectives.length > 0) volets.push(node);
  }

  return { plan: input.plan, volets, orphans };
}

function isInParentCycle(action: Action, actionsById: Map<number, Action>): boolean {
  const seen: number[] = [];
  let current: Action | undefined = action;
  while (current && current.parentActionId != null) {
    if (current.parentActionId === action.id) return true;
    if (seen.indexOf(current.id) >= 0) return false; // a cycle above, reported by its members
    seen.push(current.id);
    current = actionsById.get(current.parentActionId);
  }
  return false;
}

function isInSectionCycle(section: Section, sectionsById: Map<number, Section>): boolean {
  const seen: number[] = [];
  let current: Section | undefined = section;
  while (current && current.parentSectionId != null) {
    if (current.parentSectionId === section.id) return true;
    if (seen.indexOf(current.id) >= 0) return false;
    seen.push(current.id);
    current = sectionsById.get(current.parentSectionId);
  }
  return false;
}

// ---------------------------------------------------------------- walking the tree

/** Every action node that sits directly under an OO of this subtree (sub-actions excluded). */
export function topLevelActionNodes(node: TreeNode): ActionNode[] {
  switch (node.kind) {
    case 'action':
      return [node];
    case 'operationalObjective':
      return node.actions;
    case 'strategicObjective':
      return flatMap(node.operationalObjectives, topLevelActionNodes);
    case 'section':
      return flatMap<TreeNode, ActionNode>(node.sections, topLevelActionNodes).concat(
        flatMap(node.strategicObjectives, topLevelActionNodes),
      );
    case 'volet':
      return flatMap<TreeNode, ActionNode>(node.sections, topLevelActionNodes).concat(
        flatMap(node.strategicObjectives, topLevelActionNodes),
      );
  }
}

/** Distinct actions (by id) directly under the OO of this subtree: a shared action counts once. */
export function distinctTopLevelActions(node: TreeNode): Action[] {
  return distinctActions(topLevelActionNodes(node));
}

export function distinctActions(nodes: readonly ActionNode[]): Action[] {
  const seen = new Set<number>();
  const result: Action[] = [];
  for (const node of nodes) {
    if (seen.has(node.action.id)) continue;
    seen.add(node.action.id);
    result.push(node.action);
  }
  return result;
}

/** Calls `visit` on every node, depth first, parents before children (orphans not included). */
export function walkTree(tree: PlanTree, visit: (node: TreeNode, parents: readonly TreeNode[]) => void): void {
  const walk = (node: TreeNode, parents: TreeNode[]): void => {
    visit(node, parents);
    const inner = parents.concat(node);
    for (const child of childrenOfNode(node)) walk(child, inner);
  };
  for (const volet of tree.volets) walk(volet, []);
}

export function childrenOfNode(node: TreeNode): TreeNode[] {
  switch (node.kind) {
    case 'volet':
    case 'section':
      return (node.sections as TreeNode[]).concat(node.strategicObjectives);
    case 'strategicObjective':
      return node.operationalObjectives;
    case 'operationalObjective':
      return node.actions;
    case 'action':
      return node.subActions;
  }
}

function flatMap<T, U>(items: readonly T[], map: (item: T) => U[]): U[] {
  const result: U[] = [];
  for (const item of items) result.push(...map(item));
  return result;
}
