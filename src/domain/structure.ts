/**
 * The rules of editing a PST's structure (sections, OS, OO, actions, sub-actions): what an
 * item is as the structure commands see it, which moves are valid, codes (the next one,
 * renumbering a branch, duplicates), the order of siblings, and what archiving hides.
 * The data layer writes what these rules decide; the UI offers only what they allow.
 */
import type { Action, OperationalObjective, Section, StrategicObjective } from './model';
import { compareCodes, compareSiblings } from './tree';
import { normalizeText } from './vocabularies';

export type StructureKind = 'section' | 'strategicObjective' | 'operationalObjective' | 'action';

export interface StructureRef {
  readonly kind: StructureKind;
  readonly id: number;
}

/**
 * One item as the structure commands see it. `parentId` is the section's parent section,
 * the OS's section, the OO's OS, a sub-action's action (null for a top-level action, which
 * hangs from its OO: `operationalObjectiveIds`, the first one primary).
 */
export interface StructureItem {
  readonly kind: StructureKind;
  readonly id: number;
  readonly title: string;
  readonly code: string | null;
  readonly order: number;
  readonly archived: boolean;
  readonly parentId: number | null;
  readonly operationalObjectiveIds?: readonly number[];
}

/** The fields a structure command changes. */
export type StructureFields = Pick<StructureItem, 'title' | 'code' | 'order' | 'archived' | 'parentId'> & {
  readonly operationalObjectiveIds?: readonly number[];
};

export interface StructureData {
  readonly sections: readonly Section[];
  readonly strategicObjectives: readonly StrategicObjective[];
  readonly operationalObjectives: readonly OperationalObjective[];
  readonly actions: readonly Action[];
}

export const STRUCTURE_FIELD_NAMES: readonly (keyof StructureFields)[] = ['title', 'code', 'order', 'archived', 'parentId', 'operationalObjectiveIds'];

// ---------------------------------------------------------------- items

export function sectionItem(s: Section): StructureItem {
  return { kind: 'section', id: s.id, title: s.title, code: s.code, order: s.order, archived: !!s.archived, parentId: s.parentSectionId ?? null };
}

export function strategicObjectiveItem(o: StrategicObjective): StructureItem {
  return { kind: 'strategicObjective', id: o.id, title: o.title, code: o.code, order: o.order, archived: !!o.archived, parentId: o.sectionId ?? null };
}

export function operationalObjectiveItem(o: OperationalObjective): StructureItem {
  return { kind: 'operationalObjective', id: o.id, title: o.title, code: o.code, order: o.order, archived: !!o.archived, parentId: o.strategicObjectiveId };
}

export function actionItem(a: Action): StructureItem {
  return {
    kind: 'action',
    id: a.id,
    title: a.title,
    code: a.code,
    order: a.order,
    archived: !!a.archived,
    parentId: a.parentActionId ?? null,
    operationalObjectiveIds: a.operationalObjectiveIds.slice(),
  };
}

/** Every item of the data, as structure items. */
export function structureItems(data: StructureData): StructureItem[] {
  return [
    ...data.sections.map(sectionItem),
    ...data.strategicObjectives.map(strategicObjectiveItem),
    ...data.operationalObjectives.map(operationalObjectiveItem),
    ...data.actions.map(actionItem),
  ];
}

export function findStructureItem(data: StructureData, ref: StructureRef): StructureItem | null {
  switch (ref.kind) {
    case 'section': {
      const s = data.sections.find((x) => x.id === ref.id);
      return s ? sectionItem(s) : null;
    }
    case 'strategicObjective': {
      const o = data.strategicObjectives.find((x) => x.id === ref.id);
      return o ? strategicObjectiveItem(o) : null;
    }
    case 'operationalObjective': {
      const o = data.operationalObjectives.find((x) => x.id === ref.id);
      return o ? operationalObjectiveItem(o) : null;
    }
    case 'action': {
      const a = data.actions.find((x) => x.id === ref.id);
      return a ? actionItem(a) : null;
    }
  }
}

/** The fields of `changes` whose value differs from `item`, compared as stored. */
export function changedFields(item: StructureFields, changes: Partial<StructureFields>): Partial<StructureFields> {
  const result: Record<string, unknown> = {};
  for (const name of STRUCTURE_FIELD_NAMES) {
    if (!(name in changes)) continue;
    const next = changes[name];
    if (JSON.stringify(normalised(name, next)) !== JSON.stringify(normalised(name, item[name]))) result[name] = next;
  }
  return result as Partial<StructureFields>;
}

function normalised(name: keyof StructureFields, value: unknown): unknown {
  if (name === 'code') return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
  if (name === 'title') return typeof value === 'string' ? value.trim() : value;
  if (name === 'archived') return !!value;
  if (name === 'parentId') return value ?? null;
  return value;
}

// ---------------------------------------------------------------- the parent of a new item or a move

/** Where a kind of item may hang. */
export function parentKindsOf(item: Pick<StructureItem, 'kind' | 'parentId'>): StructureKind[] {
  switch (item.kind) {
    case 'section':
      return ['section'];
    case 'strategicObjective':
      return ['section'];
    case 'operationalObjective':
      return ['strategicObjective'];
    case 'action':
      // A sub-action stays under an action; an action under an OO.
      return item.parentId != null ? ['action'] : ['operationalObjective'];
  }
}

export type MoveProblem =
  | 'sameParent'
  | 'targetMissing'
  | 'targetArchived'
  | 'wrongTargetKind'
  | 'cycle'
  | 'alreadyLinked'
  | 'notLinked'
  | 'lastObjective'
  | 'subActionNotTransversal'
  | 'targetIsSubAction'
  | 'hasSubActions'
  | 'notSibling'
  | 'samePlace';

export type MoveCheck = { readonly ok: true } | { readonly ok: false; readonly problem: MoveProblem };

const OK: MoveCheck = { ok: true };
const refuse = (problem: MoveProblem): MoveCheck => ({ ok: false, problem });

/** Sections under a section, transitively (a section may not move under one of them). */
function sectionDescendants(data: StructureData, sectionId: number): Set<number> {
  const found = new Set<number>();
  const stack = [sectionId];
  while (stack.length > 0) {
    const current = stack.pop()!;
    for (const s of data.sections) {
      if (s.parentSectionId === current && !found.has(s.id)) {
        found.add(s.id);
        stack.push(s.id);
      }
    }
  }
  return found;
}

/**
 * Whether `item` may move under `target` (null: to the top, for sections and OS). A move
 * of a top-level action changes its primary OO (`fromObjectiveId`, default the first):
 * its other OO stay.
 */
export function checkMove(data: StructureData, item: StructureItem, target: StructureRef | null, fromObjectiveId?: number): MoveCheck {
  if (target === null) {
    if (item.kind !== 'section' && item.kind !== 'strategicObjective') return refuse('wrongTargetKind');
    return item.parentId === null ? refuse('sameParent') : OK;
  }
  if (parentKindsOf(item).indexOf(target.kind) < 0) return refuse('wrongTargetKind');
  const parent = findStructureItem(data, target);
  if (!parent) return refuse('targetMissing');
  if (parent.archived) return refuse('targetArchived');
  if (item.kind === 'section' && (target.id === item.id || sectionDescendants(data, item.id).has(target.id))) return refuse('cycle');
  if (item.kind === 'action' && item.parentId == null) {
    const linked = item.operationalObjectiveIds ?? [];
    const from = fromObjectiveId ?? linked[0];
    if (from === target.id) return refuse('sameParent');
    if (linked.indexOf(target.id) >= 0) return refuse('alreadyLinked');
    return OK;
  }
  if (item.kind === 'action') {
    if (target.id === item.id) return refuse('cycle');
    if (parent.parentId != null) return refuse('targetIsSubAction');
  }
  return item.parentId === target.id ? refuse('sameParent') : OK;
}

/** The fields a valid move changes. */
export function moveChanges(item: StructureItem, target: StructureRef | null, fromObjectiveId?: number): Partial<StructureFields> {
  if (item.kind === 'action' && item.parentId == null && target) {
    const linked = (item.operationalObjectiveIds ?? []).slice();
    const from = fromObjectiveId ?? linked[0];
    const index = linked.indexOf(from);
    if (index >= 0) linked[index] = target.id;
    else linked.unshift(target.id);
    return { operationalObjectiveIds: linked };
  }
  return { parentId: target ? target.id : null };
}

/** Whether a top-level action may also serve `objectiveId` (transversal). */
export function checkLink(data: StructureData, item: StructureItem, objectiveId: number): MoveCheck {
  if (item.kind !== 'action') return refuse('wrongTargetKind');
  if (item.parentId != null) return refuse('subActionNotTransversal');
  const objective = data.operationalObjectives.find((o) => o.id === objectiveId);
  if (!objective) return refuse('targetMissing');
  if (objective.archived) return refuse('targetArchived');
  return (item.operationalObjectiveIds ?? []).indexOf(objectiveId) >= 0 ? refuse('alreadyLinked') : OK;
}

/** Whether an action may stop serving `objectiveId`: it keeps at least one OO. */
export function checkUnlink(item: StructureItem, objectiveId: number): MoveCheck {
  const linked = item.operationalObjectiveIds ?? [];
  if (item.kind !== 'action' || linked.indexOf(objectiveId) < 0) return refuse('notLinked');
  return linked.length < 2 ? refuse('lastObjective') : OK;
}

// ---------------------------------------------------------------- siblings and order

/** The items that share `item`'s place (same parent, same kind), in display order. */
export function siblingsOf(data: StructureData, item: Pick<StructureItem, 'kind' | 'parentId' | 'operationalObjectiveIds'>, underObjectiveId?: number): StructureItem[] {
  // Only the items of that place become structure items: a drag asks this on every pointer move.
  const parentId = item.parentId ?? null;
  let same: StructureItem[];
  switch (item.kind) {
    case 'section':
      same = data.sections.filter((s) => (s.parentSectionId ?? null) === parentId).map(sectionItem);
      break;
    case 'strategicObjective':
      same = data.strategicObjectives.filter((o) => (o.sectionId ?? null) === parentId).map(strategicObjectiveItem);
      break;
    case 'operationalObjective':
      same = data.operationalObjectives.filter((o) => (o.strategicObjectiveId ?? null) === parentId).map(operationalObjectiveItem);
      break;
    case 'action': {
      const objective = underObjectiveId ?? (item.operationalObjectiveIds ?? [])[0];
      same = data.actions
        .filter((a) => (parentId === null ? a.parentActionId == null && a.operationalObjectiveIds.indexOf(objective) >= 0 : a.parentActionId === parentId))
        .map(actionItem);
      break;
    }
  }
  return same.sort(compareSiblings);
}

/** A place next to a sibling: where an item dragged among its siblings is dropped. */
export interface SiblingPlace {
  readonly side: 'before' | 'after';
  readonly siblingId: number;
}

/** Whether `id` may go to `place` among `siblings` (in display order): a sibling, and a place it is not at already. */
export function checkPlace(siblings: readonly StructureItem[], id: number, place: SiblingPlace): MoveCheck {
  const ids = siblings.map((s) => s.id);
  const index = ids.indexOf(id);
  const at = ids.indexOf(place.siblingId);
  if (index < 0 || at < 0) return refuse('notSibling');
  if (at === index) return refuse('samePlace');
  if ((place.side === 'before' && at === index + 1) || (place.side === 'after' && at === index - 1)) return refuse('samePlace');
  return OK;
}

/**
 * New orders after putting `id` before or after another of its `siblings` (in display
 * order): every sibling gets its position (10, 20, 30…), so that equal or missing orders
 * of an import become a definite order. Only the items whose order changes are returned
 * (none when the place is not valid: see checkPlace).
 */
export function placeAmong(siblings: readonly StructureItem[], id: number, place: SiblingPlace): { id: number; order: number }[] {
  if (!checkPlace(siblings, id, place).ok) return [];
  const ids = siblings.map((s) => s.id).filter((sid) => sid !== id);
  const at = ids.indexOf(place.siblingId);
  ids.splice(place.side === 'before' ? at : at + 1, 0, id);
  const byId = new Map(siblings.map((s) => [s.id, s]));
  return ids.map((sid, i) => ({ id: sid, order: (i + 1) * 10 })).filter((o) => byId.get(o.id)!.order !== o.order);
}

/** New orders after moving `id` one place up or down among `siblings`: before the one above, after the one below. */
export function reorder(siblings: readonly StructureItem[], id: number, direction: 'up' | 'down'): { id: number; order: number }[] {
  const index = siblings.findIndex((s) => s.id === id);
  const neighbour = siblings[direction === 'up' ? index - 1 : index + 1];
  if (index < 0 || !neighbour) return [];
  return placeAmong(siblings, id, { side: direction === 'up' ? 'before' : 'after', siblingId: neighbour.id });
}

/** The order of a new item: after its last sibling. */
export function nextOrder(siblings: readonly Pick<StructureItem, 'order'>[]): number {
  const orders = siblings.map((s) => s.order).filter((o) => isFinite(o));
  return orders.length === 0 ? 10 : Math.floor(Math.max(...orders) / 10) * 10 + 10;
}

// ---------------------------------------------------------------- codes

interface CodeShape {
  readonly prefix: string;
  readonly number: number;
  /** Digits when written with leading zeros ("A01": 2), else 0. */
  readonly padTo: number;
}

/** "OO 103" → prefix "OO ", 103; "1.2.3" → prefix "1.2.", 3; "A" → null. */
function codeShape(code: string | null | undefined): CodeShape | null {
  if (!code) return null;
  const match = /^(.*?)(\d+)\s*$/.exec(code.trim());
  if (!match) return null;
  return { prefix: match[1], number: Number(match[2]), padTo: match[2].length > 1 && match[2][0] === '0' ? match[2].length : 0 };
}

function withNumber(shape: CodeShape, n: number): string {
  return shape.prefix + String(n).padStart(shape.padTo, '0');
}

/** The numeric part of a parent's code used as the base of its children's: "OS 100" → "100", "1.2" → "1.2". */
function numericPath(code: string): string | null {
  const match = /(\d+(?:\.\d+)*)\s*$/.exec(code.trim());
  return match ? match[1] : null;
}

export type CodeScheme = 'outline' | 'hundreds' | 'sequence' | 'none';

/**
 * How the children of a parent are numbered, read from their codes: `outline` ("1.2" →
 * "1.2.1"), `hundreds` ("100" → "101", "OS 100" → "OO 101"), `sequence` (a prefix and a
 * number, unrelated to the parent's code: "A1", "A2"), or `none` (no codes to follow).
 */
export function codeScheme(parentCode: string | null, childCodes: readonly (string | null)[]): CodeScheme {
  const codes = childCodes.filter((c): c is string => !!c && c.trim() !== '');
  // Codes without numbers ("Accueil", "A") are names, not a numbering to follow.
  if (codes.length > 0 && codes.every((c) => codeShape(c) === null)) return 'none';
  const base = parentCode ? numericPath(parentCode) : null;
  if (!base) return codes.length === 0 ? 'none' : 'sequence';
  if (/^\d+$/.test(base) && Number(base) > 0 && Number(base) % 100 === 0) {
    const p = Number(base);
    const inRange = (c: string): boolean => {
      const shape = codeShape(c);
      return shape !== null && shape.number > p && shape.number < p + 100 && !/\.\s*$/.test(shape.prefix);
    };
    if (codes.length === 0 || codes.some(inRange)) return 'hundreds';
  }
  return 'outline';
}

/** The prefix children of that scheme carry before their number ("OO " in "OO 101"). */
function childPrefix(childCodes: readonly (string | null)[]): string {
  for (const c of childCodes) {
    const shape = codeShape(c);
    if (shape) return shape.prefix.replace(/[\d.]+$/, '');
  }
  // No child yet: a parent's word prefix ("OS ") is not the child's; bare numbers then.
  return '';
}

/** The code of the n-th child (1-based) of a parent under a scheme. */
function childCode(scheme: CodeScheme, parentCode: string | null, childCodes: readonly (string | null)[], n: number): string | null {
  const base = parentCode ? numericPath(parentCode) : null;
  switch (scheme) {
    case 'outline':
      return base ? `${childPrefix(childCodes)}${base}.${n}` : String(n);
    case 'hundreds':
      return `${childPrefix(childCodes)}${Number(base) + n}`;
    case 'sequence': {
      const first = childCodes.map(codeShape).find((s): s is CodeShape => s !== null)!;
      const step = childCodes.map(codeShape).filter((s): s is CodeShape => s !== null).every((s) => s.number % 100 === 0 && s.number > 0) ? 100 : 1;
      return withNumber(first, n * step);
    }
    case 'none':
      return null;
  }
}

/**
 * The code to propose for a new child: one more than the highest sibling following the
 * siblings' numbering, else the first child of the parent's scheme; null when nothing
 * tells (no codes around). Never one that a sibling already has.
 */
export function suggestChildCode(parentCode: string | null, siblingCodes: readonly (string | null)[]): string | null {
  const scheme = codeScheme(parentCode, siblingCodes);
  if (scheme === 'none') return null;
  const taken = new Set(siblingCodes.filter((c): c is string => !!c).map(codeKey));
  const shapes = siblingCodes.map(codeShape).filter((s): s is CodeShape => s !== null);
  if (shapes.length > 0) {
    const highest = siblingCodes.filter((c): c is string => !!c && codeShape(c) !== null).sort(compareCodes).pop()!;
    const shape = codeShape(highest)!;
    const step = scheme === 'sequence' && shapes.every((s) => s.number % 100 === 0 && s.number > 0) ? 100 : 1;
    let n = shape.number + step;
    while (taken.has(codeKey(withNumber(shape, n)))) n += step;
    return withNumber(shape, n);
  }
  let n = 1;
  let code = childCode(scheme, parentCode, siblingCodes, n);
  while (code !== null && taken.has(codeKey(code))) code = childCode(scheme, parentCode, siblingCodes, ++n);
  return code;
}

/** One code change of a renumbering. */
export interface CodeChange {
  readonly ref: StructureRef;
  readonly before: string | null;
  readonly after: string | null;
}

/** The children of an item in display order (OO of an OS, top-level actions of an OO under their primary OO, sub-actions). */
function childrenOf(data: StructureData, item: StructureItem): StructureItem[] {
  switch (item.kind) {
    case 'section':
      return [
        ...data.sections.filter((s) => s.parentSectionId === item.id).map(sectionItem).sort(compareSiblings),
        ...data.strategicObjectives.filter((o) => o.sectionId === item.id).map(strategicObjectiveItem).sort(compareSiblings),
      ];
    case 'strategicObjective':
      return data.operationalObjectives.filter((o) => o.strategicObjectiveId === item.id).map(operationalObjectiveItem).sort(compareSiblings);
    case 'operationalObjective':
      // A transversal action keeps the code of its primary OO: only those are renumbered here.
      return data.actions.filter((a) => a.parentActionId == null && a.operationalObjectiveIds[0] === item.id).map(actionItem).sort(compareSiblings);
    case 'action':
      return data.actions.filter((a) => a.parentActionId === item.id).map(actionItem).sort(compareSiblings);
  }
}

/**
 * Renumbers the branch under `root` in display order, following the scheme its children
 * already use (outline, hundreds, sequence; children without any code keep none), down to
 * the sub-actions. Archived items keep their code and are skipped (their number is not
 * given again). The root's own code does not change. Only actual changes are returned.
 */
export function renumberBranch(data: StructureData, root: StructureRef): CodeChange[] {
  const start = findStructureItem(data, root);
  if (!start) return [];
  const changes: CodeChange[] = [];
  const visit = (parent: StructureItem, parentCode: string | null): void => {
    const children = childrenOf(data, parent);
    // Sections and OS under one section are numbered as two runs.
    for (const kind of ['section', 'strategicObjective', 'operationalObjective', 'action'] as StructureKind[]) {
      const run = children.filter((c) => c.kind === kind);
      if (run.length === 0) continue;
      const live = run.filter((c) => !c.archived);
      const codes = live.map((c) => c.code);
      const scheme = codeScheme(parentCode, codes);
      const archivedCodes = new Set(run.filter((c) => c.archived && c.code).map((c) => codeKey(c.code!)));
      let n = 0;
      for (const child of run) {
        if (child.archived) {
          visit(child, child.code);
          continue;
        }
        let code: string | null = child.code;
        if (scheme !== 'none') {
          do code = childCode(scheme, parentCode, codes, ++n);
          while (code !== null && archivedCodes.has(codeKey(code)));
        }
        if ((code ?? null) !== (child.code ?? null)) changes.push({ ref: { kind: child.kind, id: child.id }, before: child.code, after: code });
        visit(child, code);
      }
    }
  };
  visit(start, start.code);
  return changes;
}

// ---------------------------------------------------------------- duplicates

/** Codes compare without case, accents or spaces ("OO 101" = "oo101"). */
export function codeKey(code: string): string {
  return normalizeText(code).replace(/\s+/g, '');
}

export interface DuplicateCode {
  readonly kind: StructureKind;
  readonly code: string;
  readonly ids: readonly number[];
}

/** Codes that two items of the same kind share (archived items included: their code is still theirs). */
export function duplicateCodes(data: StructureData): DuplicateCode[] {
  const groups = new Map<string, { kind: StructureKind; code: string; ids: number[] }>();
  for (const item of structureItems(data)) {
    if (!item.code || item.code.trim() === '') continue;
    const key = `${item.kind}|${codeKey(item.code)}`;
    const group = groups.get(key);
    if (group) group.ids.push(item.id);
    else groups.set(key, { kind: item.kind, code: item.code.trim(), ids: [item.id] });
  }
  return [...groups.values()].filter((g) => g.ids.length > 1);
}

/** The items of that kind (but `exceptId`) that already carry `code`. */
export function itemsWithCode(data: StructureData, kind: StructureKind, code: string | null, exceptId?: number): StructureItem[] {
  if (!code || code.trim() === '') return [];
  const key = codeKey(code);
  return structureItems(data).filter((item) => item.kind === kind && item.id !== exceptId && !!item.code && codeKey(item.code) === key);
}

// ---------------------------------------------------------------- archiving

/**
 * What the views and the roll-ups see: without the archived items and what hangs under
 * them (an archived OS hides its OO and their actions, an archived action its
 * sub-actions, an archived section its sections and OS). A transversal action loses only
 * its archived OO; it goes when none is left. With `showArchived`, the data as it is.
 */
export function visibleStructure<T extends StructureData>(data: T, showArchived: boolean): T {
  if (showArchived) return data;
  const anyArchived =
    data.sections.some((s) => s.archived) ||
    data.strategicObjectives.some((o) => o.archived) ||
    data.operationalObjectives.some((o) => o.archived) ||
    data.actions.some((a) => a.archived);
  if (!anyArchived) return data;
  const hiddenSections = new Set<number>();
  for (const s of data.sections) {
    if (s.archived) {
      hiddenSections.add(s.id);
      for (const d of sectionDescendants(data, s.id)) hiddenSections.add(d);
    }
  }
  const strategicObjectives = data.strategicObjectives.filter((o) => !o.archived && (o.sectionId == null || !hiddenSections.has(o.sectionId)));
  const osIds = new Set(data.strategicObjectives.map((o) => o.id));
  const liveOs = new Set(strategicObjectives.map((o) => o.id));
  // An OO whose OS is unknown stays (the tree shows it as an orphan); one under a hidden OS goes.
  const operationalObjectives = data.operationalObjectives.filter((o) => !o.archived && (liveOs.has(o.strategicObjectiveId) || !osIds.has(o.strategicObjectiveId)));
  const ooIds = new Set(data.operationalObjectives.map((o) => o.id));
  const liveOo = new Set(operationalObjectives.map((o) => o.id));
  const topLevel: Action[] = [];
  for (const a of data.actions) {
    if (a.parentActionId != null || a.archived) continue;
    const kept = a.operationalObjectiveIds.filter((id) => liveOo.has(id) || !ooIds.has(id));
    if (kept.length === 0 && a.operationalObjectiveIds.length > 0) continue;
    topLevel.push(kept.length === a.operationalObjectiveIds.length ? a : { ...a, operationalObjectiveIds: kept });
  }
  const actionIds = new Set(data.actions.map((a) => a.id));
  const liveTop = new Set(topLevel.map((a) => a.id));
  const subActions = data.actions.filter((a) => a.parentActionId != null && !a.archived && (liveTop.has(a.parentActionId) || !actionIds.has(a.parentActionId)));
  const shown = new Map<number, Action>([...topLevel, ...subActions].map((a) => [a.id, a]));
  return {
    ...data,
    sections: data.sections.filter((s) => !hiddenSections.has(s.id)),
    strategicObjectives,
    operationalObjectives,
    actions: data.actions.filter((a) => shown.has(a.id)).map((a) => shown.get(a.id)!),
  };
}

/** How many items archiving `ref` hides with it (itself included), for the confirmation. */
export function archivedWith(data: StructureData, ref: StructureRef): number {
  const item = findStructureItem(data, ref);
  if (!item || item.archived) return 0;
  const archive = <T extends { id: number; archived?: boolean }>(items: readonly T[], kind: StructureKind): T[] =>
    items.map((x) => (kind === ref.kind && x.id === ref.id ? { ...x, archived: true } : x));
  const after = visibleStructure(
    {
      sections: archive(data.sections, 'section'),
      strategicObjectives: archive(data.strategicObjectives, 'strategicObjective'),
      operationalObjectives: archive(data.operationalObjectives, 'operationalObjective'),
      actions: archive(data.actions, 'action'),
    },
    false,
  );
  const before = visibleStructure(data, false);
  const count = (d: StructureData): number => d.sections.length + d.strategicObjectives.length + d.operationalObjectives.length + d.actions.length;
  return count(before) - count(after);
}
