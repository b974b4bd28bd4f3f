import * as React from 'react';
import { IDropdownOption, ITheme, Stack, Text, memoizeFunction, mergeStyleSets, useTheme } from '@fluentui/react';
import { Dropdown } from '../ui/LazyDropdown';
import * as strings from 'PstStrings';
import type { Action } from '../../domain/model';
import type { ActionRollup } from '../../domain/rollup';
import { sortedSiblings } from '../../domain/tree';
import { formatDate } from '../../domain/parsing';
import { healthLabel, statusLabel, Lang } from '../../domain/vocabularies';
import { PersonLine } from '../ui/PersonLine';
import { ProgressBar } from '../ui/ProgressBar';
import { VIEW_MAX_VH, useVirtualRows } from '../ui/useVirtualRows';
import { formatMessage } from '../../text/format';

export type CardSort = 'code' | 'due' | 'progress' | 'title';
export type CardGroup = 'none' | 'strategicObjective' | 'service' | 'lead' | 'status';

export interface CardItem {
  readonly action: Action;
  readonly rollup: ActionRollup | undefined;
  /** "OS 1.1 › OO 1.1.1" */
  readonly path: string;
  readonly strategicObjective: string;
}

export interface ProjectCardsProps {
  readonly items: readonly CardItem[];
  readonly lang: Lang;
  readonly onOpenAction: (actionId: number) => void;
  readonly initialSort?: CardSort;
  readonly initialGroup?: CardGroup;
}

const CARD_WIDTH = 300;
/** Fixed, so that the rows of cards can be windowed without measuring them (longer texts are cut). */
const CARD_HEIGHT = 248;
const HEADER_HEIGHT = 48;
const GAP = 12;

function columnsFor(width: number): number {
  return Math.max(1, Math.floor((width + GAP) / (CARD_WIDTH + GAP)));
}

type Row = { kind: 'header'; title: string; count: number } | { kind: 'cards'; items: CardItem[] };

function sortItems(items: readonly CardItem[], sort: CardSort): CardItem[] {
  // By code, then title: the tree's order of siblings. The other orders keep it among equals (a stable sort).
  const byCode = sortedSiblings(items, (item) => ({ id: item.action.id, order: 0, code: item.action.code, title: item.action.title }));
  if (sort === 'code') return byCode;
  if (sort === 'title') return items.slice().sort((a, b) => a.action.title.localeCompare(b.action.title, 'fr'));
  if (sort === 'progress') return byCode.sort((a, b) => (a.rollup?.progress ?? -1) - (b.rollup?.progress ?? -1));
  // due: soonest first, actions without a due date last
  return byCode.sort((a, b) => (a.action.plannedEnd?.end ?? '9999').localeCompare(b.action.plannedEnd?.end ?? '9999'));
}

function groupKey(item: CardItem, group: CardGroup, lang: Lang): string {
  switch (group) {
    case 'strategicObjective':
      return item.strategicObjective;
    case 'service':
      return item.action.department || strings.NoService;
    case 'lead':
      return item.action.projectLead?.displayName || strings.NoLead;
    case 'status':
      return item.action.status ? statusLabel(item.action.status, lang) : strings.StatusUnknown;
    default:
      return '';
  }
}

/** Rows of `columns` cards under group headers: the list virtualises rows, so thousands of cards stay fluid. */
export function cardRows(items: readonly CardItem[], sort: CardSort, group: CardGroup, columns: number, lang: Lang): Row[] {
  const sorted = sortItems(items, sort);
  const groups = new Map<string, CardItem[]>();
  for (const item of sorted) {
    const key = groupKey(item, group, lang);
    const members = groups.get(key);
    if (members) members.push(item);
    else groups.set(key, [item]);
  }
  const rows: Row[] = [];
  const keys = Array.from(groups.keys());
  if (group !== 'none' && group !== 'strategicObjective') keys.sort((a, b) => a.localeCompare(b, 'fr'));
  for (const key of keys) {
    const members = groups.get(key)!;
    if (group !== 'none') rows.push({ kind: 'header', title: key, count: members.length });
    for (let i = 0; i < members.length; i += columns) rows.push({ kind: 'cards', items: members.slice(i, i + columns) });
  }
  return rows;
}

const cardClassesOf = memoizeFunction((theme: ITheme) =>
  mergeStyleSets({
    card: {
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      overflow: 'hidden',
      boxSizing: 'border-box',
      border: `1px solid ${theme.palette.neutralQuaternary}`,
      borderRadius: 4,
      padding: 12,
      background: theme.palette.white,
      display: 'flex',
      flexDirection: 'column',
      gap: 6,
    },
    small: { ...theme.fonts.small, color: theme.semanticColors.bodyText },
    path: { ...theme.fonts.small, color: theme.palette.neutralSecondary },
    badges: { ...theme.fonts.small, color: theme.semanticColors.errorText, fontWeight: 600 },
    // two lines at most (the card's height is fixed); the whole title stays its name and tooltip
    // `all: unset` first: it drops the button's own look, then the card's font applies
    title: {
      all: 'unset',
      ...theme.fonts.medium,
      cursor: 'pointer',
      fontWeight: 600,
      color: theme.palette.themeDarkAlt,
      display: '-webkit-box',
      WebkitLineClamp: '2', // a text: mergeStyles would add « px » to a number
      WebkitBoxOrient: 'vertical',
      overflow: 'hidden',
      selectors: { ':focus-visible': { outline: `2px solid ${theme.semanticColors.focusBorder}`, outlineOffset: 1 } },
    },
  }),
);

/**
 * A card drawn with plain elements and classes made once per theme (Fluent's Stack and Text
 * cost a style computation per element, and a card page draws dozens in its first frame).
 */
function ActionCard({ item, lang, onOpen }: { item: CardItem; lang: Lang; onOpen: () => void }): JSX.Element {
  const classes = cardClassesOf(useTheme());
  const { action, rollup } = item;
  const lateness = rollup?.lateness;
  const badges: string[] = [];
  if (lateness?.daysLate) badges.push(formatMessage(strings.DaysLate, String(lateness.daysLate)));
  if (rollup?.blocked) badges.push(strings.BadgeBlocked);
  const dates = [action.plannedStart ? formatDate(action.plannedStart.start) : null, action.plannedEnd ? formatDate(action.plannedEnd.end) : null];
  const name = action.code ? `${action.code} – ${action.title}` : action.title;
  return (
    <article role="listitem" aria-label={action.code ? `${action.code} ${action.title}` : action.title} className={classes.card}>
      <div className={classes.path}>{item.path}</div>
      <button type="button" onClick={onOpen} className={classes.title} title={name} aria-haspopup="dialog">
        {name}
      </button>
      <PersonLine text={action.projectLead?.displayName ?? strings.NoLead} secondaryText={action.projectLead?.email ?? strings.Lead} />
      <div className={classes.small}>{dates[0] || dates[1] ? `${dates[0] ?? '…'} → ${dates[1] ?? '…'}` : strings.NoDueDate}</div>
      <ProgressBar label="" ariaLabel={formatMessage(strings.ProgressOf, action.code ?? action.title)} progress={rollup?.progress ?? null} />
      <div className={classes.small}>
        {[action.status ? statusLabel(action.status, lang) : strings.StatusUnknown, action.health ? healthLabel(action.health, lang) : null].filter(Boolean).join(' · ')}
      </div>
      {badges.length > 0 && <div className={classes.badges}>{badges.join(' · ')}</div>}
    </article>
  );
}

/** One card per action, sorted and grouped, windowed by rows in the cards' own scroll container. */
export function ProjectCards({ items, lang, onOpenAction, initialSort = 'code', initialGroup = 'strategicObjective' }: ProjectCardsProps): JSX.Element {
  const [sort, setSort] = React.useState<CardSort>(initialSort);
  const [group, setGroup] = React.useState<CardGroup>(initialGroup);
  // The columns the container holds. Measured once as the cards mount, before the first paint
  // (the layout the paint needs anyway), so the cards appear with the rest of the page, in
  // their right columns; a ResizeObserver follows. Where nothing measures (tests), three cards' width.
  const measures = typeof ResizeObserver !== 'undefined';
  const [columns, setColumns] = React.useState<number | null>(measures ? null : columnsFor(CARD_WIDTH * 3));
  const container = React.useRef<HTMLDivElement>(null);
  const hasItems = items.length > 0;

  React.useLayoutEffect(() => {
    const element = container.current;
    if (!element || !measures) return undefined;
    const observer = new ResizeObserver((entries) => setColumns(columnsFor(entries[0].contentRect.width)));
    observer.observe(element);
    return () => observer.disconnect();
  }, [hasItems, measures]);

  const rows = React.useMemo(() => (columns === null ? [] : cardRows(items, sort, group, columns, lang)), [items, sort, group, columns, lang]);
  const windowed = useVirtualRows<HTMLDivElement>(rows.length, {
    rowHeight: (index) => (rows[index].kind === 'header' ? HEADER_HEIGHT : CARD_HEIGHT + GAP),
    heightsKey: rows,
  });
  const sortOptions: IDropdownOption[] = [
    { key: 'code', text: strings.SortByCode },
    { key: 'due', text: strings.SortByDue },
    { key: 'progress', text: strings.SortByProgress },
    { key: 'title', text: strings.SortByTitle },
  ];
  const groupOptions: IDropdownOption[] = [
    { key: 'none', text: strings.GroupNone },
    { key: 'strategicObjective', text: strings.GroupByOs },
    { key: 'service', text: strings.GroupByService },
    { key: 'lead', text: strings.GroupByLead },
    { key: 'status', text: strings.GroupByStatus },
  ];

  return (
    <Stack tokens={{ childrenGap: 12 }}>
      <Stack horizontal wrap tokens={{ childrenGap: 12 }}>
        <Dropdown label={strings.SortBy} selectedKey={sort} options={sortOptions} onChange={(_, o) => o && setSort(o.key as CardSort)} styles={{ root: { minWidth: 180 } }} />
        <Dropdown label={strings.GroupBy} selectedKey={group} options={groupOptions} onChange={(_, o) => o && setGroup(o.key as CardGroup)} styles={{ root: { minWidth: 200 } }} />
        <Text styles={{ root: { alignSelf: 'flex-end', paddingBottom: 6 } }}>{formatMessage(strings.CardCount, String(items.length))}</Text>
      </Stack>
      {items.length === 0 ? (
        <Text>{strings.NoActionForFilter}</Text>
      ) : (
        <div ref={container} role="region" aria-label={strings.ProjectCardsTitle}>
          <div ref={windowed.containerRef} onScroll={windowed.onScroll} style={{ maxHeight: `${VIEW_MAX_VH}vh`, overflowY: 'auto', overscrollBehavior: 'contain' }}>
            <div style={{ position: 'relative', height: windowed.totalHeight }}>
              {windowed.rows.map(({ index, top, height }) => {
                const row = rows[index];
                return (
                  <div key={row.kind === 'header' ? `h-${row.title}` : `c-${row.items[0].action.id}`} style={{ position: 'absolute', top, height, left: 0, right: 0 }}>
                    {row.kind === 'header' ? (
                      // One line in its fixed-height row (a long OS title wrapped under the first card), the whole title on hover.
                      <Text
                        variant="mediumPlus"
                        as="h3"
                        title={`${row.title} (${row.count})`}
                        styles={{ root: { display: 'block', margin: 0, paddingTop: 16, lineHeight: '24px', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' } }}
                      >
                        {`${row.title} (${row.count})`}
                      </Text>
                    ) : (
                      <div style={{ display: 'flex', gap: GAP }} role="list">
                        {row.items.map((item) => (
                          <ActionCard key={item.action.id} item={item} lang={lang} onOpen={() => onOpenAction(item.action.id)} />
                        ))}
                      </div>
                    )}
                  </div>
                );
              })}
            </div>
          </div>
        </div>
      )}
    </Stack>
  );
}
