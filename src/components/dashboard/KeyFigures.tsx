import * as React from 'react';
import { Text, mergeStyles, useTheme } from '@fluentui/react';
import * as strings from 'PstStrings';
import type { DashboardFigures } from '../../domain/dashboard';
import { activeTile, filterForTile, TileKey } from '../../domain/dashboardTiles';
import type { PstFilter } from '../../domain/filter';
import { formatPercent } from '../../domain/parsing';
import { formatMessage } from '../../text/format';
import { useStableId } from '../ui/useStableId';
import { dashboardColours } from './chartParts';

export interface KeyFiguresProps {
  readonly figures: DashboardFigures;
  /** The page's shared filter; without it the tiles are plain figures. */
  readonly filter?: PstFilter;
  readonly onFilterChange?: (filter: PstFilter) => void;
}

interface TileProps {
  readonly label: string;
  readonly value: string;
  readonly detail?: string;
  readonly colour: string;
  /** A filter tile: a toggle button. */
  readonly tile?: TileKey;
  readonly pressed?: boolean;
  readonly onPress?: () => void;
  readonly describedBy?: string;
}

const rate = (value: number | null): string => (value === null ? strings.ProgressNone : formatPercent(value * 100, 0));

function Tile({ label, value, detail, colour, tile, pressed, onPress, describedBy }: TileProps): JSX.Element {
  const theme = useTheme();
  const c = dashboardColours(theme);
  const className = mergeStyles({
    minWidth: 140,
    padding: '8px 12px',
    boxSizing: 'border-box',
    width: '100%',
    height: '100%',
    textAlign: 'left',
    font: 'inherit',
    color: c.text,
    background: c.surface,
    border: `1px solid ${pressed ? colour : 'transparent'}`,
    borderLeft: `6px solid ${colour}`,
    borderRadius: 2,
    boxShadow: pressed ? `inset 0 0 0 1px ${colour}` : undefined,
    selectors: onPress
      ? {
          ':hover': { background: theme.palette.neutralLighter, cursor: 'pointer' },
          ':focus-visible': { outline: `2px solid ${theme.semanticColors.focusBorder}`, outlineOffset: '2px' },
        }
      : undefined,
  });
  const content = (
    <>
      <Text variant="xxLarge" block styles={{ root: { fontWeight: 600, color: colour } }}>
        {value}
      </Text>
      <Text block>{label}</Text>
      {detail && (
        <Text variant="small" block styles={{ root: { color: c.subtext } }}>
          {detail}
        </Text>
      )}
      {pressed && tile !== 'all' && (
        <Text variant="small" block styles={{ root: { fontWeight: 600 } }}>
          {`✓ ${strings.DashTileFilterOn}`}
        </Text>
      )}
    </>
  );
  if (!onPress) return <div className={`pst-kpi ${className}`}>{content}</div>;
  return (
    <button type="button" className={`pst-kpi ${className}`} aria-pressed={pressed} aria-describedby={describedBy} data-tile={tile} onClick={onPress}>
      {content}
    </button>
  );
}

/**
 * The key figures. Actions, done, late, blocked and « sans suivi récent » are toggle buttons
 * that set the page's shared filter (see domain/dashboardTiles.ts); the rates are figures.
 */
export function KeyFigures({ figures, filter, onFilterChange }: KeyFiguresProps): JSX.Element {
  const theme = useTheme();
  const c = dashboardColours(theme);
  const hintId = useStableId('pst-kpi-hint');
  const plan = figures.plan;
  const active = filter && onFilterChange ? activeTile(filter) : null;
  const press = (tile: TileKey) => (filter && onFilterChange ? { tile, pressed: active === tile, onPress: () => onFilterChange(filterForTile(filter, tile)), describedBy: hintId } : {});
  const open = plan.total - plan.cancelled;
  const tiles: (TileProps & { key: string })[] = [
    { key: 'all', label: strings.ActionCount, value: String(plan.total), detail: formatMessage(strings.CancelledCount, String(plan.cancelled)), colour: c.accent, ...press('all') },
    { key: 'done', label: strings.ShareDone, value: String(plan.done), detail: rate(open > 0 ? plan.done / open : null), colour: c.done, ...press('done') },
    { key: 'rate', label: strings.RealisationRate, value: rate(plan.realisationRate), colour: c.accent },
    { key: 'progress', label: strings.Progress, value: plan.progress === null ? strings.ProgressNone : formatPercent(plan.progress, 0), colour: c.accent },
    { key: 'late', label: strings.LateActions, value: String(plan.late), colour: c.late, ...press('late') },
    { key: 'blocked', label: strings.BlockedActions, value: String(plan.blocked), colour: c.blocked, ...press('blocked') },
    { key: 'stale', label: strings.FilterLateness_stale, value: String(figures.stale), colour: c.neutral, ...press('stale') },
  ];
  return (
    <div>
      <div role="list" aria-label={strings.KeyFigures} style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(140px, 1fr))', gap: 12 }}>
        {tiles.map(({ key, ...tile }) => (
          <div role="listitem" key={key}>
            <Tile {...tile} />
          </div>
        ))}
      </div>
      {active !== null && (
        <Text id={hintId} variant="small" block styles={{ root: { marginTop: 4, color: c.subtext } }}>
          {strings.DashTilesHint}
        </Text>
      )}
    </div>
  );
}
