import * as React from 'react';
import * as strings from 'PstStrings';
import type { StructureCommand } from '../../data/structureEditing';
import type { MoveProblem, StructureData, StructureItem } from '../../domain/structure';
import { formatMessage } from '../../text/format';
import type { DropIndicator, TreeRowDragAndDrop } from '../tree/treeDragAndDrop';
import type { TreeEntry } from '../tree/treeModel';
import { DropItem, dropChecks, dropCommand, dropItemOf, isNoChange, sideAt } from './structureDrop';
import { itemLabel, itemName } from './structureModel';

/** What a drag of `item` may do, said when it starts and when a drop is refused. */
function hintFor(item: StructureItem): string {
  switch (item.kind) {
    case 'section':
      return strings.StructureDropHintSection;
    case 'strategicObjective':
      return strings.StructureDropHintOs;
    case 'operationalObjective':
      return strings.StructureDropHintOo;
    case 'action':
      return item.parentId == null ? strings.StructureDropHintAction : strings.StructureDropHintSubAction;
  }
}

function reasonFor(dragged: StructureItem, problem: MoveProblem | null): string {
  switch (problem) {
    case 'cycle':
      return strings.StructureDropWhyCycle;
    case 'alreadyLinked':
      return strings.StructureDropWhyLinked;
    case 'targetArchived':
      return strings.StructureDropWhyArchived;
    case 'targetIsSubAction':
      return strings.StructureDropWhySubAction;
    default:
      return hintFor(dragged);
  }
}

export interface StructureDragAndDropOptions {
  /** The plan's items as of the last render. */
  readonly data: () => StructureData;
  /** Runs a drop's command (the provider's: same write, log and conflict handling as the menus). */
  readonly runDrop: (command: StructureCommand, dragged: DropItem) => void;
  /** Says something in the live region. */
  readonly announce: (text: string) => void;
  /** « Monter » / « Descendre » of the row's menu, when the rules allow it there. */
  readonly moveAmongSiblings: (item: DropItem, direction: 'up' | 'down') => void;
}

type Evaluation = { readonly indicator: DropIndicator | null; readonly command?: StructureCommand; readonly refusal?: string };

/**
 * Drag and drop of the tree's rows for the coordination: the rows' callbacks (stable: the
 * rows are memoised), the drag in progress, and what is announced (start, refusal, cancel).
 */
export function useStructureDragAndDrop(options: StructureDragAndDropOptions): TreeRowDragAndDrop {
  const live = React.useRef(options);
  live.current = options;

  return React.useMemo<TreeRowDragAndDrop>(() => {
    let dragging: { entry: TreeEntry; item: DropItem } | null = null;
    let lastRefusal: string | null = null;
    let dropped = false;

    const evaluate = (target: TreeEntry, fraction: number): Evaluation => {
      if (!dragging || target.key === dragging.entry.key) return { indicator: null };
      const data = live.current.data();
      const targetItem = dropItemOf(data, target);
      const label = targetItem ? itemLabel(targetItem.item) : target.code ? `${target.code} ${target.title}` : target.title;
      if (!targetItem) return { indicator: 'refused', refusal: formatMessage(strings.StructureDropRefused, label, reasonFor(dragging.item.item, null)) };
      const { side, check } = sideAt(dropChecks(data, dragging.item, targetItem), isFinite(fraction) ? fraction : 0.5);
      if (check.ok) return { indicator: side, command: dropCommand(dragging.item, targetItem, side) };
      if (isNoChange(check.problem)) return { indicator: null };
      return { indicator: 'refused', refusal: formatMessage(strings.StructureDropRefused, label, reasonFor(dragging.item.item, check.problem)) };
    };

    return {
      canDrag: (entry) => {
        const item = dropItemOf(live.current.data(), entry);
        return !!item && !item.item.archived;
      },
      start: (entry) => {
        const item = dropItemOf(live.current.data(), entry);
        dragging = item ? { entry, item } : null;
        lastRefusal = null;
        dropped = false;
        if (item) live.current.announce(formatMessage(strings.StructureDragStart, itemName(item.item), hintFor(item.item)));
      },
      over: (target, fraction) => {
        const result = evaluate(target, fraction);
        lastRefusal = result.refusal ?? null;
        return result.indicator;
      },
      drop: (target, fraction) => {
        const result = evaluate(target, fraction);
        const from = dragging;
        dropped = true;
        dragging = null;
        if (result.command && from) live.current.runDrop(result.command, from.item);
        else if (result.refusal) live.current.announce(result.refusal);
      },
      end: () => {
        // Refused or cancelled (Escape, dropped outside): say so; a drop has said its result.
        if (dragging && !dropped) live.current.announce(lastRefusal ?? strings.StructureDragCancelled);
        dragging = null;
        lastRefusal = null;
      },
      moveAmongSiblings: (entry, direction) => {
        const item = dropItemOf(live.current.data(), entry);
        if (item && !item.item.archived) live.current.moveAmongSiblings(item, direction);
      },
      keyboardHelp: strings.StructureKeyboardMoveHelp,
    };
  }, []);
}
