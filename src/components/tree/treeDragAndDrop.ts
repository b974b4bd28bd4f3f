/**
 * What a tree row needs to be dragged and dropped on (HTML5 drag and drop), implemented
 * by the structure editing of the coordination (structure/useStructureDragAndDrop.ts): the
 * plain tree knows no rule of where an item may go.
 */
import type { TreeEntry } from './treeModel';

/** The data type of a dragged row (its node id): a drag that does not carry it is not the tree's. */
export const TREE_DRAG_TYPE = 'application/x-pst-tree-node';

/** Where a drop puts the dragged item: next to the row (before, after) or under it (inside). */
export type DropSide = 'before' | 'inside' | 'after';

/** What a row under the pointer shows: the place a drop would take, or that it is refused. */
export type DropIndicator = DropSide | 'refused';

export interface TreeRowDragAndDrop {
  /** Whether this row may be dragged (an item the structure commands edit, not archived). */
  canDrag(entry: TreeEntry): boolean;
  /** A drag of this row starts (announced in the live region). */
  start(entry: TreeEntry): void;
  /**
   * What a drop at `fraction` of the row's height (0 top, 1 bottom) would do; null when
   * nothing of the tree is dragged, over the dragged row itself, or where it is already.
   */
  over(target: TreeEntry, fraction: number): DropIndicator | null;
  /** The drop: runs the command, or says why not. */
  drop(target: TreeEntry, fraction: number): void;
  /** The drag ended (dropped or not). */
  end(): void;
  /** The keyboard's way to reorder (Alt+Shift+Up/Down on the focused row): « Monter », « Descendre ». */
  moveAmongSiblings(entry: TreeEntry, direction: 'up' | 'down'): void;
  /** What the tree's keyboard help adds for it. */
  readonly keyboardHelp: string;
}
