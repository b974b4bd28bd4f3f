import * as React from 'react';
import { DefaultButton, DirectionalHint, IContextualMenuItem, MessageBar, MessageBarType, Text, useTheme } from '@fluentui/react';
import { ContextualMenu } from '../ui/LazyPopups';
import * as strings from 'PstStrings';
import type { FilterableData, PstFilter } from '../../domain/filter';
import { isEmptyFilter, searchTerms } from '../../domain/filter';
import type { LatenessThresholds } from '../../domain/lateness';
import type { IsoDate, Person, Plan } from '../../domain/model';
import type { Lang } from '../../domain/vocabularies';
import { FilterBar } from '../filters/FilterBar';
import { UNTITLED_PLAN, computedOf, filterOptionsOf, filteredOf, sharingOf, treeModelOf } from '../host/planModel';
import { useStableId } from '../ui/useStableId';
import { VirtualRow, useVirtualRows } from '../ui/useVirtualRows';
import { formatMessage } from '../../text/format';
import { defaultLinkForNode } from '../../domain/links/nodeLinks';
import { TreeProgress, TreeRow, statsProgress } from './TreeRow';
import { countsLine } from './texts';
import type { TreeRowDragAndDrop } from './treeDragAndDrop';
import { TreeEntry, isExpanded, parseNodeId } from './treeModel';
import { TREE_ROW_HEIGHT, TreeClassNames, getTreeClassNames } from './treeStyles';
import { useTreeKeyboard } from './useTreeKeyboard';
import { prepareEntrySearch, useTreeSelection } from './useTreeSelection';
import { whenIdle } from '../ui/whenIdle';

/** The loaded PST: a PstSnapshot (plans[]) or a PlanTreeInput (plan) will do. */
export interface ObjectiveTreeData extends FilterableData {
  readonly plan?: Plan;
  readonly plans?: readonly Plan[];
}

export interface ObjectiveTreeProps {
  readonly data: ObjectiveTreeData;
  /** ISO day lateness is evaluated at. */
  readonly today: IsoDate;
  readonly lang: Lang;
  /** The signed-in user (« Mes actions »); without it the toggle is hidden. */
  readonly me?: Person | null;
  /** Kept by the parent so that the cards and the dashboard share it. */
  readonly filter: PstFilter;
  readonly onFilterChange: (filter: PstFilter) => void;
  /** Enter / Space / click on an action: open its panel. */
  readonly onOpenAction: (actionId: number) => void;
  /** Deep link: `os-3`, `oo-12`, `action-47`…; the tree opens its ancestors, focuses and scrolls to it. */
  readonly selectedNodeId?: string;
  /** A node was chosen (click, Enter, Space). */
  readonly onSelectNode?: (nodeId: string) => void;
  readonly hideFilterBar?: boolean;
  /** The link « Copier le lien » copies; default: the current page with `#pst=<nodeId>`. */
  readonly linkForNode?: (nodeId: string) => string;
  readonly thresholds?: Partial<LatenessThresholds>;
  /** Delay of the search box, ms (tests: 0). */
  readonly searchDelayMs?: number;
  /** The tree of a document not imported yet: no panel to open, no link to copy. */
  readonly preview?: boolean;
  /** What each row adds at its end (stable callback: rows are memoised), e.g. the structure menu. */
  readonly renderRowMenu?: (entry: TreeEntry, classes: TreeClassNames) => React.ReactNode;
  /** More items of a row's Shift+F10 menu (the structure commands, for the keyboard). */
  readonly rowMenuItems?: (entry: TreeEntry) => IContextualMenuItem[];
  /** Drag and drop of the rows (the coordination's structure editing; stable object). */
  readonly rowDragAndDrop?: TreeRowDragAndDrop;
}

async function copyText(text: string): Promise<void> {
  const clipboard = typeof navigator !== 'undefined' ? navigator.clipboard : undefined;
  if (clipboard && typeof clipboard.writeText === 'function') {
    await clipboard.writeText(text);
    return;
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  let copied = false;
  try {
    copied = typeof document.execCommand === 'function' && document.execCommand('copy');
  } finally {
    document.body.removeChild(area);
  }
  if (!copied) throw new Error('copy refused');
}

/** Does the unfiltered plan hold this node? (to tell "hidden by the filters" from "unknown"). */
function existsInData(data: ObjectiveTreeData, nodeId: string): boolean {
  const parsed = parseNodeId(nodeId);
  if (!parsed) return false;
  const has = (items: readonly { id: number }[] | undefined): boolean => (items || []).some((item) => item.id === parsed.id);
  switch (parsed.kind) {
    case 'os':
      return has(data.strategicObjectives);
    case 'oo':
      return has(data.operationalObjectives);
    case 'action':
      return has(data.actions);
    case 'section':
      return has(data.sections);
    default:
      return false;
  }
}

/**
 * The objective tree: volet → section → OS → OO → actions → sub-actions, each node with its
 * rolled-up progress and counts over the FILTERED data, following the WAI-ARIA tree pattern
 * (one tab stop, arrows, Home/End, Enter/Space, *, type-ahead, Shift+F10 for the node's menu).
 * Only the rows in view are rendered (a window over the open nodes' rows, at fixed heights).
 */
export function ObjectiveTree(props: ObjectiveTreeProps): JSX.Element {
  const { data, today, lang, me, filter, onFilterChange, selectedNodeId, hideFilterBar, thresholds, searchDelayMs } = props;
  const theme = useTheme();
  const classes = getTreeClassNames(theme);
  const baseId = useStableId('pst-tree');
  const helpId = `${baseId}-help`;

  // ---- data: filter, tree, roll-up (recomputed when the data, filter, user or day change)
  const meKey = me ? `${me.email ?? ''}|${me.id ?? ''}|${me.displayName}` : '';
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const stableMe = React.useMemo(() => me ?? null, [meKey]);
  const thresholdsKey = thresholds ? JSON.stringify(thresholds) : '';
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const stableThresholds = React.useMemo(() => thresholds, [thresholdsKey]);
  const plan = data.plan ?? (data.plans && data.plans[0]) ?? UNTITLED_PLAN;

  // Shared with the page's other web parts: computed once per data, filter, user and day (host/planModel).
  const filtered = filteredOf(data, filter, { me: stableMe, today, thresholds: stableThresholds });
  const options = filterOptionsOf(data);
  const computed = computedOf(filtered, plan, { today, thresholds: stableThresholds });
  const model = treeModelOf(computed, sharingOf(data));
  const planStats = computed.rollup.plan;
  const totalActions = React.useMemo(() => {
    const ids = new Set(data.actions.map((a) => a.id));
    return data.actions.filter((a) => a.parentActionId == null || !ids.has(a.parentActionId)).length;
  }, [data]);
  const filterActive = !isEmptyFilter(filter);
  const terms = React.useMemo(() => searchTerms(filter.search), [filter.search]);

  // ---- view state: open items, focus and selection (useTreeSelection), the live region, the item menu
  const domIdOf = React.useCallback((entry: TreeEntry): string => `${baseId}-${entry.serial}`, [baseId]);
  // The window over the shown rows; an item focused outside it is scrolled into it first.
  const reveal = React.useRef<(key: string, center: boolean) => boolean>(() => false);
  const { expansion, setExpansion, visible, tabKey, selectedKey, focusKey, toggle, onFocus } = useTreeSelection(model, {
    terms,
    selectedNodeId,
    domIdOf,
    reveal: (key, center) => reveal.current(key, center),
  });
  // The entries' search texts, made when the page is idle rather than at the first key typed.
  React.useEffect(() => whenIdle(() => prepareEntrySearch(model)), [model]);
  const indexOfKey = React.useMemo(() => new Map(visible.map((key, index) => [key, index])), [visible]);
  const windowed = useVirtualRows<HTMLDivElement>(visible.length, { rowHeight: TREE_ROW_HEIGHT });
  reveal.current = (key, center) => {
    const index = indexOfKey.get(key);
    if (index === undefined) return false;
    windowed.scrollToIndex(index, center ? 'center' : 'nearest');
    return true;
  };
  const [status, setStatus] = React.useState<string>('');
  const [menu, setMenu] = React.useState<{ key: string; target: HTMLElement } | null>(null);

  // Everything the stable callbacks need, as of the last render.
  const live = React.useRef({ props, model });
  live.current = { props, model };

  const activate = React.useCallback(
    (key: string): void => {
      const { model: current, props: currentProps } = live.current;
      const entry = current.entries.get(key);
      if (!entry) return;
      focusKey(key);
      if (entry.action) {
        if (!currentProps.preview) currentProps.onOpenAction(entry.action.id);
      }
      else if (entry.childKeys.length > 0) toggle(key);
      if (currentProps.onSelectNode) currentProps.onSelectNode(entry.nodeId);
    },
    [focusKey, toggle],
  );

  const copyLink = React.useCallback(async (key: string): Promise<void> => {
    const entry = live.current.model.entries.get(key);
    if (!entry) return;
    const link = (live.current.props.linkForNode || defaultLinkForNode)(entry.nodeId);
    try {
      await copyText(link);
      setStatus(formatMessage(strings.TreeLinkCopied, link));
    } catch {
      setStatus(formatMessage(strings.TreeLinkCopyFailed, link));
    }
  }, []);
  const onCopyLink = React.useCallback((key: string): void => void copyLink(key), [copyLink]);

  const onKeyDown = useTreeKeyboard({
    model,
    visible,
    expansion,
    setExpansion,
    focusKey,
    activate,
    openMenu: (key, target) => setMenu({ key, target }),
  });

  /** Alt+Shift+Up/Down on a row: the coordination reorders it among its siblings. */
  const moveWithKeyboard = (event: React.KeyboardEvent<HTMLElement>): boolean => {
    const rows = props.preview ? undefined : props.rowDragAndDrop;
    if (!rows || !event.altKey || !event.shiftKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return false;
    const key = (event.target as HTMLElement).getAttribute('data-key');
    const entry = key !== null ? model.entries.get(key) : undefined;
    if (!entry) return false;
    event.preventDefault();
    rows.moveAmongSiblings(entry, event.key === 'ArrowUp' ? 'up' : 'down');
    return true;
  };

  // ---- rendering
  // A flat tree (levels, set sizes and positions on each item) rather than nested groups:
  // an open item would otherwise contain its children's text, and its accessible name
  // could no longer match what it shows. Flat, it can also be windowed: only the rows in
  // view (and the one in the tab order) are rendered, at fixed heights, in the tree's own
  // scroll container.
  const renderItem = (key: string, row: VirtualRow): JSX.Element => {
    const entry = model.entries.get(key) as TreeEntry;
    const open = isExpanded(expansion, entry);
    const id = domIdOf(entry);
    return (
      <li
        key={key}
        id={id}
        data-key={key}
        data-node-id={entry.nodeId}
        role="treeitem"
        aria-level={entry.level}
        aria-setsize={entry.setSize}
        aria-posinset={entry.posInSet}
        aria-expanded={entry.childKeys.length > 0 ? open : undefined}
        aria-selected={key === selectedKey}
        // The name carries what the row shows (title, badges, progress, counts): a voice
        // user says what they see, and a screen reader hears the same.
        aria-labelledby={`${id}-t ${id}-b ${id}-v ${id}-d`}
        aria-describedby={`${id}-p`}
        tabIndex={key === tabKey ? 0 : -1}
        className={classes.item}
        style={{ top: row.top, height: row.height }}
      >
        <TreeRow
          entry={entry}
          domId={id}
          expanded={open}
          lang={lang}
          terms={terms}
          classes={classes}
          onToggle={toggle}
          onActivate={activate}
          onCopyLink={props.preview ? undefined : onCopyLink}
          renderMenu={props.renderRowMenu}
          dragAndDrop={props.preview ? undefined : props.rowDragAndDrop}
        />
      </li>
    );
  };
  const shownRows = windowed.rows.slice();
  // The item in the tab order stays rendered (Tab must reach the tree, the focus must not
  // fall to the page when the user scrolls away from it).
  const tabIndexInVisible = tabKey !== undefined ? indexOfKey.get(tabKey) : undefined;
  if (tabIndexInVisible !== undefined && !shownRows.some((row) => row.index === tabIndexInVisible)) {
    shownRows.push(windowed.rowAt(tabIndexInVisible));
    shownRows.sort((a, b) => a.index - b.index);
  }

  const menuEntry = menu ? model.entries.get(menu.key) : undefined;
  const menuItems: IContextualMenuItem[] = [];
  if (menuEntry && menuEntry.action && !props.preview) {
    const actionId = menuEntry.action.id;
    menuItems.push({ key: 'open', text: strings.TreeOpenAction, iconProps: { iconName: 'OpenPane' }, onClick: () => props.onOpenAction(actionId) });
  }
  if (menuEntry && !props.preview) {
    const key = menuEntry.key;
    menuItems.push({ key: 'copy', text: strings.TreeCopyLink, iconProps: { iconName: 'Link' }, onClick: () => void copyLink(key) });
  }
  if (menuEntry && props.rowMenuItems) menuItems.push(...props.rowMenuItems(menuEntry));

  const selectionProblem =
    selectedNodeId !== undefined && !model.primaryKeyByNodeId.has(selectedNodeId)
      ? existsInData(data, selectedNodeId)
        ? 'hidden'
        : 'unknown'
      : null;

  const hasPlan = data.strategicObjectives.length > 0 || data.actions.length > 0;

  return (
    <div className={classes.root}>
      {!hideFilterBar && (
        <FilterBar filter={filter} onChange={onFilterChange} options={options} lang={lang} canFilterMine={!!me} searchDelayMs={searchDelayMs} />
      )}
      <div className={classes.header} style={{ marginTop: hideFilterBar ? 0 : 12 }}>
        <Text as="h2" variant="xLarge" className={classes.planTitle}>
          {plan.title}
        </Text>
        <TreeProgress view={statsProgress(planStats)} classes={classes} />
        <Text>{countsLine(planStats, lang)}</Text>
        {filterActive && <Text className={classes.muted}>{formatMessage(strings.TreeShownCount, String(planStats.total), String(totalActions))}</Text>}
      </div>
      {!hasPlan ? (
        <Text>{strings.EmptyPlan}</Text>
      ) : (
        <>
          <div role="group" aria-label={strings.TreeToolbar} className={classes.toolbar} style={{ margin: '8px 0' }}>
            <DefaultButton text={strings.TreeExpandAll} iconProps={{ iconName: 'ExploreContent' }} onClick={() => setExpansion({ base: 'all', flipped: new Set() })} />
            <DefaultButton text={strings.TreeExpandToOo} iconProps={{ iconName: 'Org' }} onClick={() => setExpansion({ base: 'toOo', flipped: new Set() })} />
            <DefaultButton text={strings.TreeCollapseAll} iconProps={{ iconName: 'CollapseContent' }} onClick={() => setExpansion({ base: 'none', flipped: new Set() })} />
          </div>
          <Text as="p" className={classes.muted} style={{ margin: '0 0 8px' }}>
            {filterActive ? strings.TreeRollupNoteFiltered : strings.TreeRollupNote}
          </Text>
          {selectionProblem && (
            <MessageBar
              messageBarType={MessageBarType.warning}
              actions={
                selectionProblem === 'hidden' ? (
                  <div>
                    <DefaultButton text={strings.FilterClear} onClick={() => onFilterChange({})} />
                  </div>
                ) : undefined
              }
            >
              {formatMessage(selectionProblem === 'hidden' ? strings.TreeNodeHidden : strings.TreeNodeNotFound, selectedNodeId as string)}
            </MessageBar>
          )}
          <div role="status" className={classes.status}>
            {status}
          </div>
          {model.rootKeys.length === 0 ? (
            <div>
              <Text as="p">{strings.TreeNoMatch}</Text>
              <DefaultButton text={strings.FilterClear} onClick={() => onFilterChange({})} />
            </div>
          ) : (
            <div ref={windowed.containerRef} onScroll={windowed.onScroll} className={classes.viewport} data-pst-tree-viewport="">
              <ul
                role="tree"
                aria-label={strings.TreeLabel}
                aria-describedby={helpId}
                className={classes.tree}
                style={{ height: windowed.totalHeight }}
                onKeyDown={(event) => {
                  if (!moveWithKeyboard(event)) onKeyDown(event);
                }}
                onFocus={onFocus}
              >
                {shownRows.map((row) => renderItem(visible[row.index], row))}
              </ul>
            </div>
          )}
          <span id={helpId} className={classes.srOnly}>
            {props.preview ? strings.TreeKeyboardHelpPreview : strings.TreeKeyboardHelp}
            {!props.preview && props.rowDragAndDrop && ` ${props.rowDragAndDrop.keyboardHelp}`}
          </span>
        </>
      )}
      {menu && menuEntry && menuItems.length > 0 && (
        <ContextualMenu
          target={menu.target}
          items={menuItems}
          directionalHint={DirectionalHint.bottomLeftEdge}
          onDismiss={() => {
            const key = menu.key;
            setMenu(null);
            focusKey(key);
          }}
        />
      )}
    </div>
  );
}

