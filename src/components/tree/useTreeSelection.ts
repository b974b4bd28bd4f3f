import * as React from 'react';
import { normalizeText } from '../../domain/vocabularies';
import { ExpansionState, INITIAL_EXPANSION, TreeEntry, TreeModel, ancestorsOf, isExpanded, setExpanded, visibleKeys } from './treeModel';

export interface TreeSelectionOptions {
  /** Search terms (normalised): the way to every node whose title or code matches is opened. */
  readonly terms: readonly string[];
  /** Deep link: the tree opens the node's ancestors, focuses and scrolls to it. */
  readonly selectedNodeId?: string;
  /** The DOM id of an entry's item, to move the focus to it. */
  readonly domIdOf: (entry: TreeEntry) => string;
  /**
   * Brings a shown item into the list's window (a windowed list renders only the rows in
   * view), centred with `center`; false when the item is not among the shown rows yet.
   */
  readonly reveal?: (key: string, center: boolean) => boolean;
}

export interface TreeSelection {
  readonly expansion: ExpansionState;
  readonly setExpansion: React.Dispatch<React.SetStateAction<ExpansionState>>;
  /** The keys shown, in document order. */
  readonly visible: readonly string[];
  /** The one item in the tab order. */
  readonly tabKey: string | undefined;
  /** The item of `selectedNodeId` (aria-selected). */
  readonly selectedKey: string | undefined;
  /** Focuses the item once it is rendered (scrolled to the middle with `scroll`). */
  readonly focusKey: (key: string | undefined, scroll?: boolean) => void;
  /** Opens or closes an entry. */
  readonly toggle: (key: string) => void;
  /** For the tree: the item the user focused (click, Tab) becomes the focused one. */
  readonly onFocus: (event: React.FocusEvent<HTMLElement>) => void;
}

// Normalised "title, code, code without spaces" of each entry, made once per entry (a model's
// entries live as long as its snapshot and filter), not at every key typed in the search box.
const entryTexts = new WeakMap<TreeEntry, string>();

function searchTextOf(entry: TreeEntry): string {
  let text = entryTexts.get(entry);
  if (text === undefined) {
    const code = entry.code ? normalizeText(entry.code) : '';
    // a term has no line break: it cannot match across two of the texts
    text = `${normalizeText(entry.title)}\n${code}\n${code.replace(/ /g, '')}`;
    entryTexts.set(entry, text);
  }
  return text;
}

/** Makes the search texts of every entry ahead of the first search (see ObjectiveTree). */
export function prepareEntrySearch(model: TreeModel): void {
  model.entries.forEach((entry) => searchTextOf(entry));
}

function matchesAnyTerm(entry: TreeEntry, terms: readonly string[]): boolean {
  const text = searchTextOf(entry);
  return terms.some((term) => text.indexOf(term) >= 0);
}

/**
 * Which items of the tree are open, which one has the focus (and the tab stop), and which
 * one is selected: a search opens the way to its matches, a deep link to its node, and the
 * DOM focus follows the keyboard once the item is rendered.
 */
export function useTreeSelection(model: TreeModel, { terms, selectedNodeId, domIdOf, reveal }: TreeSelectionOptions): TreeSelection {
  const [expansion, setExpansion] = React.useState<ExpansionState>(INITIAL_EXPANSION);
  const [focusedKey, setFocusedKey] = React.useState<string | null>(null);
  const pendingFocus = React.useRef<{ key: string; scroll: boolean; revealed: boolean } | null>(null);

  const visible = React.useMemo(() => visibleKeys(model, expansion), [model, expansion]);
  const visibleSet = React.useMemo(() => new Set(visible), [visible]);

  // The one item in the tab order: the focused one if still shown, else its nearest shown ancestor.
  let tabKey: string | undefined;
  if (focusedKey !== null && model.entries.has(focusedKey)) {
    tabKey = focusedKey;
    while (tabKey !== undefined && !visibleSet.has(tabKey)) {
      const parentKey: string | null | undefined = model.entries.get(tabKey)?.parentKey;
      tabKey = parentKey ?? undefined;
    }
  }
  if (tabKey === undefined) tabKey = visible[0];

  const focusedEntry = focusedKey !== null ? model.entries.get(focusedKey) : undefined;
  const selectedKey =
    selectedNodeId === undefined
      ? undefined
      : focusedEntry && focusedEntry.nodeId === selectedNodeId
        ? focusedEntry.key
        : model.primaryKeyByNodeId.get(selectedNodeId);

  // The model as of the last render, for the stable callbacks.
  const liveModel = React.useRef(model);
  liveModel.current = model;

  const focusKey = React.useCallback((key: string | undefined, scroll = false): void => {
    if (key === undefined) return;
    pendingFocus.current = { key, scroll, revealed: false };
    setFocusedKey(key);
  }, []);

  const toggle = React.useCallback((key: string): void => {
    const entry = liveModel.current.entries.get(key);
    if (!entry) return;
    setExpansion((state) => setExpanded(state, [entry], !isExpanded(state, entry)));
  }, []);

  // ---- search: open the way to every node whose title or code matches
  React.useEffect(() => {
    if (terms.length === 0) return;
    const toOpen = new Map<string, TreeEntry>();
    model.entries.forEach((entry) => {
      if (!matchesAnyTerm(entry, terms)) return;
      // up to the first ancestor already met: the way above it is in already (siblings share it)
      let parentKey = entry.parentKey;
      while (parentKey !== null && !toOpen.has(parentKey)) {
        const parent = model.entries.get(parentKey);
        if (!parent) break;
        toOpen.set(parentKey, parent);
        parentKey = parent.parentKey;
      }
    });
    if (toOpen.size > 0) setExpansion((state) => setExpanded(state, Array.from(toOpen.values()), true));
  }, [terms, model]);

  // ---- deep link: open the ancestors of the selected node, focus and scroll to it
  const handledSelection = React.useRef<string | undefined>(undefined);
  React.useEffect(() => {
    if (selectedNodeId === undefined) {
      handledSelection.current = undefined;
      return;
    }
    if (handledSelection.current === selectedNodeId) return;
    if (focusedEntry && focusedEntry.nodeId === selectedNodeId) {
      handledSelection.current = selectedNodeId;
      return;
    }
    const key = model.primaryKeyByNodeId.get(selectedNodeId);
    if (key === undefined) return; // not shown (yet): try again when the data or the filter change
    handledSelection.current = selectedNodeId;
    setExpansion((state) => setExpanded(state, ancestorsOf(model, key), true));
    focusKey(key, true);
  }, [selectedNodeId, model, focusedEntry, focusKey]);

  // ---- move the DOM focus where the keyboard (or a deep link) asked: the item is first
  // scrolled into the list's window, then focused once it is rendered
  React.useEffect(() => {
    const pending = pendingFocus.current;
    if (!pending) return;
    const entry = model.entries.get(pending.key);
    if (!entry) return;
    if (!pending.revealed) pending.revealed = reveal ? reveal(pending.key, pending.scroll) : true;
    const element = document.getElementById(domIdOf(entry));
    if (!element) return;
    pendingFocus.current = null;
    if (pending.scroll && typeof element.scrollIntoView === 'function') element.scrollIntoView({ block: 'center' });
    if (document.activeElement !== element) element.focus({ preventScroll: pending.scroll });
  });

  const onFocus = (event: React.FocusEvent<HTMLElement>): void => {
    const target = event.target as HTMLElement;
    if (target.getAttribute('role') !== 'treeitem') return;
    const key = target.getAttribute('data-key');
    if (key !== null && key !== focusedKey) setFocusedKey(key);
  };

  return { expansion, setExpansion, visible, tabKey, selectedKey, focusKey, toggle, onFocus };
}
