import * as React from 'react';
import { normalizeText } from '../../domain/vocabularies';
import { ExpansionState, TreeEntry, TreeModel, isExpanded, setExpanded } from './treeModel';

/** Letters typed within this delay make one type-ahead prefix. */
const TYPE_AHEAD_MS = 700;

export interface TreeKeyboardOptions {
  readonly model: TreeModel;
  readonly visible: readonly string[];
  readonly expansion: ExpansionState;
  readonly setExpansion: React.Dispatch<React.SetStateAction<ExpansionState>>;
  readonly focusKey: (key: string | undefined) => void;
  /** Enter, Space: what a click on the item does. */
  readonly activate: (key: string) => void;
  /** Shift+F10, the context menu key: the item's menu, next to it. */
  readonly openMenu: (key: string, target: HTMLElement) => void;
}

function entryText(entry: TreeEntry): string {
  return normalizeText(entry.code ? `${entry.code} ${entry.title}` : entry.title);
}

/**
 * The keyboard of the WAI-ARIA tree pattern, for the tree's onKeyDown: arrows, Home/End,
 * Enter/Space, * (open the siblings), type-ahead, Shift+F10 or the menu key.
 */
export function useTreeKeyboard({
  model,
  visible,
  expansion,
  setExpansion,
  focusKey,
  activate,
  openMenu,
}: TreeKeyboardOptions): (event: React.KeyboardEvent<HTMLElement>) => void {
  const typeAhead = React.useRef({ text: '', at: 0 });

  return (event: React.KeyboardEvent<HTMLElement>): void => {
    const target = event.target as HTMLElement;
    if (target.getAttribute('role') !== 'treeitem') return;
    const key = target.getAttribute('data-key');
    const entry = key !== null ? model.entries.get(key) : undefined;
    if (!entry) return;
    const index = visible.indexOf(entry.key);
    const open = isExpanded(expansion, entry);
    let handled = true;
    switch (event.key) {
      case 'ArrowDown':
        focusKey(visible[index + 1]);
        break;
      case 'ArrowUp':
        focusKey(visible[index - 1]);
        break;
      case 'Home':
        focusKey(visible[0]);
        break;
      case 'End':
        focusKey(visible[visible.length - 1]);
        break;
      case 'ArrowRight':
        if (entry.childKeys.length === 0) break;
        if (!open) setExpansion((state) => setExpanded(state, [entry], true));
        else focusKey(entry.childKeys[0]);
        break;
      case 'ArrowLeft':
        if (open) setExpansion((state) => setExpanded(state, [entry], false));
        else if (entry.parentKey !== null) focusKey(entry.parentKey);
        break;
      case 'Enter':
      case ' ':
      case 'Spacebar':
        activate(entry.key);
        break;
      case '*': {
        const siblings = entry.parentKey === null ? model.rootKeys : (model.entries.get(entry.parentKey) as TreeEntry).childKeys;
        setExpansion((state) => setExpanded(state, siblings.map((k) => model.entries.get(k) as TreeEntry), true));
        break;
      }
      case 'ContextMenu':
        openMenu(entry.key, target);
        break;
      case 'F10':
        if (event.shiftKey) openMenu(entry.key, target);
        else handled = false;
        break;
      default:
        handled = false;
        if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey && event.key.trim() !== '') {
          const now = Date.now();
          const typed = now - typeAhead.current.at > TYPE_AHEAD_MS ? event.key : typeAhead.current.text + event.key;
          typeAhead.current = { text: typed, at: now };
          const prefix = normalizeText(typed);
          const start = typed.length === 1 ? index + 1 : index;
          for (let i = 0; i < visible.length; i++) {
            const candidate = model.entries.get(visible[(start + i) % visible.length]) as TreeEntry;
            if (normalizeText(candidate.title).indexOf(prefix) === 0 || entryText(candidate).indexOf(prefix) === 0) {
              focusKey(candidate.key);
              break;
            }
          }
          handled = true;
        }
    }
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  };
}
