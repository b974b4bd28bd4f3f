/**
 * What the structure UI offers for a node of the tree: the item behind it, the commands
 * the domain's rules allow there, the places it may move to, and how items are named.
 */
import * as strings from 'PstStrings';
import type { Plan } from '../../domain/model';
import {
  checkLink,
  checkMove,
  findStructureItem,
  renumberBranch,
  siblingsOf,
  StructureData,
  StructureItem,
  StructureKind,
  StructureRef,
  structureItems,
} from '../../domain/structure';
import { parseNodeId } from '../tree/treeModel';
import { formatMessage } from '../../text/format';

const NODE_KINDS: { readonly [k: string]: StructureKind } = {
  section: 'section',
  os: 'strategicObjective',
  oo: 'operationalObjective',
  action: 'action',
};

/** The item a tree node shows, if it is one the structure commands edit. */
export function refOfNode(nodeId: string): StructureRef | null {
  const parsed = parseNodeId(nodeId);
  if (!parsed || typeof parsed.id !== 'number' || !(parsed.kind in NODE_KINDS)) return null;
  return { kind: NODE_KINDS[parsed.kind], id: parsed.id };
}

/** The OO a node of an action is shown under (a transversal action appears under each). */
export function objectiveOfEntryKey(key: string): number | null {
  const segments = key.split('/');
  const parent = segments[segments.length - 2];
  const ref = parent ? refOfNode(parent) : null;
  return ref && ref.kind === 'operationalObjective' ? ref.id : null;
}

/** « l'OO 1.2 Accueil »: how the dialogs name an item. */
export function itemName(item: Pick<StructureItem, 'kind' | 'code' | 'title' | 'parentId'>): string {
  const kind =
    item.kind === 'section'
      ? strings.StructureKindSection
      : item.kind === 'strategicObjective'
        ? strings.StructureKindOs
        : item.kind === 'operationalObjective'
          ? strings.StructureKindOo
          : item.parentId != null
            ? strings.StructureKindSubAction
            : strings.StructureKindAction;
  return `${kind} ${item.code ? `${item.code} ` : ''}« ${item.title} »`;
}

/** « 1.2 Accueil »: an item in a list of places. */
export function itemLabel(item: Pick<StructureItem, 'code' | 'title'>): string {
  return item.code ? `${item.code} ${item.title}` : item.title;
}

export type StructureCommandKey =
  | 'edit'
  | 'addChild'
  | 'addSubSection'
  | 'moveUp'
  | 'moveDown'
  | 'moveTo'
  | 'link'
  | 'unlink'
  | 'renumber'
  | 'archive'
  | 'restore';

/** What a child added under `item` is. */
export function childKindOf(item: StructureItem): StructureKind | null {
  switch (item.kind) {
    case 'section':
      return 'strategicObjective';
    case 'strategicObjective':
      return 'operationalObjective';
    case 'operationalObjective':
      return 'action';
    case 'action':
      return item.parentId == null ? 'action' : null;
  }
}

export function addChildText(item: StructureItem): string {
  switch (item.kind) {
    case 'section':
      return strings.StructureAddOsHere;
    case 'strategicObjective':
      return strings.StructureAddOo;
    case 'operationalObjective':
      return strings.StructureAddAction;
    case 'action':
      return strings.StructureAddSubAction;
  }
}

/** The commands offered on an item (shown under `underObjectiveId` for an action). */
export function commandsFor(data: StructureData, item: StructureItem, underObjectiveId: number | null): StructureCommandKey[] {
  if (item.archived) return ['restore'];
  const commands: StructureCommandKey[] = ['edit'];
  if (childKindOf(item)) commands.push('addChild');
  if (item.kind === 'section') commands.push('addSubSection');
  const siblings = siblingsOf(data, item, underObjectiveId ?? undefined).filter((s) => !s.archived);
  const index = siblings.findIndex((s) => s.id === item.id);
  if (index > 0) commands.push('moveUp');
  if (index >= 0 && index < siblings.length - 1) commands.push('moveDown');
  if (moveTargets(data, item, underObjectiveId).length > 0) commands.push('moveTo');
  if (item.kind === 'action' && item.parentId == null) {
    if (linkTargets(data, item).length > 0) commands.push('link');
    if ((item.operationalObjectiveIds ?? []).length > 1 && underObjectiveId !== null) commands.push('unlink');
  }
  if (item.kind !== 'action' || item.parentId == null) {
    if (renumberBranch(data, item).length > 0) commands.push('renumber');
  }
  commands.push('archive');
  return commands;
}

export interface Place {
  readonly ref: StructureRef | null;
  readonly label: string;
}

/** Where an item may move (valid by the domain's rules), in plan order. */
export function moveTargets(data: StructureData, item: StructureItem, underObjectiveId: number | null): Place[] {
  const candidates = structureItems(data).filter((c) => !c.archived);
  const places: Place[] = [];
  if ((item.kind === 'section' || item.kind === 'strategicObjective') && checkMove(data, item, null).ok) places.push({ ref: null, label: strings.StructureMoveTop });
  for (const candidate of candidates) {
    const ref = { kind: candidate.kind, id: candidate.id };
    if (checkMove(data, item, ref, underObjectiveId ?? undefined).ok) places.push({ ref, label: itemLabel(candidate) });
  }
  return places;
}

/** The OO an action may also serve. */
export function linkTargets(data: StructureData, item: StructureItem): Place[] {
  return data.operationalObjectives
    .filter((o) => checkLink(data, item, o.id).ok)
    .map((o) => ({ ref: { kind: 'operationalObjective' as const, id: o.id }, label: itemLabel(o) }));
}

export function findItem(data: StructureData, ref: StructureRef): StructureItem | null {
  return findStructureItem(data, ref);
}

/** « État du plan : En vigueur (adopté le 27/03/2025) ». */
export function planStateText(plan: Plan, formatDay: (day: string) => string): string {
  const state = plan.state ?? 'enVigueur';
  const label = (strings as unknown as Record<string, string>)[`PlanState_${state}`] ?? state;
  return plan.adoptedOn ? `${label} – ${formatMessage(strings.PlanStateAdoptedOn, formatDay(plan.adoptedOn))}` : label;
}
