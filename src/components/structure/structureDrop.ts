/**
 * What dropping a dragged tree row on another row does, by the domain's rules: « inside »
 * is the move of « Déplacer vers… » (checkMove), « before »/« after » a place among the
 * item's siblings (checkPlace). The command is the one the menus send, so a drop is checked,
 * written and logged as they are.
 */
import type { StructureCommand } from '../../data/structureEditing';
import { checkMove, checkPlace, MoveCheck, MoveProblem, siblingsOf, StructureData, StructureItem } from '../../domain/structure';
import type { DropSide } from '../tree/treeDragAndDrop';
import type { TreeEntry } from '../tree/treeModel';
import { findItem, objectiveOfEntryKey, refOfNode } from './structureModel';

/** An item as the tree shows it: a top-level action under the OO of its row (`under`). */
export interface DropItem {
  readonly item: StructureItem;
  readonly under: number | null;
}

/** The structure item of a tree row (null for volets, the orphan group…). */
export function dropItemOf(data: StructureData, entry: Pick<TreeEntry, 'key' | 'nodeId'>): DropItem | null {
  const ref = refOfNode(entry.nodeId);
  const item = ref ? findItem(data, ref) : null;
  if (!item) return null;
  return { item, under: item.kind === 'action' && item.parentId == null ? objectiveOfEntryKey(entry.key) : null };
}

/** What each side of a row allows for the dragged item. */
export type DropChecks = { readonly [S in DropSide]: MoveCheck };

const refuse = (problem: MoveProblem): MoveCheck => ({ ok: false, problem });

export function dropChecks(data: StructureData, dragged: DropItem, target: DropItem): DropChecks {
  const { item } = dragged;
  const inside = checkMove(data, item, { kind: target.item.kind, id: target.item.id }, dragged.under ?? undefined);
  const beside = (side: 'before' | 'after'): MoveCheck => {
    if (target.item.kind !== item.kind) return refuse('notSibling');
    // A transversal action is ranked among the actions of the OO its row is under.
    if (target.under !== dragged.under) return refuse('notSibling');
    return checkPlace(siblingsOf(data, item, dragged.under ?? undefined), item.id, { side, siblingId: target.item.id });
  };
  return { before: beside('before'), inside, after: beside('after') };
}

/**
 * The side a drop at `fraction` of the row's height (0 top, 1 bottom) means: the outer
 * quarters are before/after and the middle inside when the row takes children, else the
 * halves; a side that is not allowed gives its refusal.
 */
export function sideAt(checks: DropChecks, fraction: number): { side: DropSide; check: MoveCheck } {
  const besideAllowed = checks.before.ok || checks.after.ok;
  let side: DropSide;
  if (checks.inside.ok || !besideAllowed) {
    side = fraction < 0.25 && besideAllowed ? 'before' : fraction > 0.75 && besideAllowed ? 'after' : 'inside';
  } else {
    side = fraction < 0.5 ? 'before' : 'after';
  }
  return { side, check: checks[side] };
}

/** Refusals that say "nothing to do" (the item is there already), not "not allowed". */
export function isNoChange(problem: MoveProblem): boolean {
  return problem === 'sameParent' || problem === 'samePlace';
}

/** The command of a valid drop (the one « Déplacer vers… », « Monter » and « Descendre » send). */
export function dropCommand(dragged: DropItem, target: DropItem, side: DropSide): StructureCommand {
  if (side === 'inside') return { type: 'move', seen: dragged.item, target: { kind: target.item.kind, id: target.item.id }, fromObjectiveId: dragged.under ?? undefined };
  return { type: 'reorder', seen: dragged.item, place: { side, siblingId: target.item.id }, underObjectiveId: dragged.under ?? undefined };
}
