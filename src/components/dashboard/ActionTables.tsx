import * as React from 'react';
import { DefaultButton, Link, Text, mergeStyles, useTheme } from '@fluentui/react';
import * as strings from 'PstStrings';
import type { AttentionFigure, LateActionFigure, ServiceFigure } from '../../domain/dashboard';
import { attentionHistory } from '../../domain/attention';
import type { Action } from '../../domain/model';
import { formatDate, formatPercent } from '../../domain/parsing';
import { formatMessage } from '../../text/format';
import { dashboardColours, NARROW_WIDTH, useWidth } from './chartParts';
import { CheckInLoader, HistoryState, useCheckInHistory } from './useCheckInHistory';

const titleOf = (action: Action): string => (action.code ? `${action.code} ${action.title}` : action.title);

interface TableProps {
  readonly onOpenAction: (actionId: number) => void;
  /** Forces a layout; by default it follows the width of the block (stacked below 560 px). */
  readonly layout?: 'table' | 'stacked';
}

function useLayout(layout: TableProps['layout']): [React.RefObject<HTMLDivElement>, boolean] {
  const [ref, width] = useWidth<HTMLDivElement>(800);
  return [ref, layout ? layout === 'stacked' : width < NARROW_WIDTH];
}

function useTableClass(): string {
  const theme = useTheme();
  const divider = theme.semanticColors.bodyDivider;
  return mergeStyles({
    width: '100%',
    borderCollapse: 'collapse',
    color: theme.semanticColors.bodyText,
    selectors: {
      'th, td': { textAlign: 'left', verticalAlign: 'top', padding: '6px 8px', borderBottom: `1px solid ${divider}` },
      th: { fontWeight: 600 },
      'td.pst-num': { whiteSpace: 'nowrap' },
    },
  });
}

const stackedList: React.CSSProperties = { listStyle: 'none', margin: 0, padding: 0 };

/**
 * Rows shown at first, and added per click: a table of a few dozen rows needs no
 * windowing, and a plan with thousands of late actions does not render (nor, for the
 * attention table, read the check-ins of) thousands of rows nobody scrolls through.
 */
export const TABLE_STEP = 25;

function useShownRows<T>(items: readonly T[]): { shown: readonly T[]; more: JSX.Element | null } {
  const [limit, setLimit] = React.useState(TABLE_STEP);
  const hidden = items.length - limit;
  const shown = hidden > 0 ? items.slice(0, limit) : items;
  const more =
    hidden > 0 ? (
      <DefaultButton
        styles={{ root: { marginTop: 8 } }}
        text={formatMessage(strings.DashShowMore, String(Math.min(TABLE_STEP * 4, hidden)), String(hidden))}
        onClick={() => setLimit((current) => current + TABLE_STEP * 4)}
      />
    ) : null;
  return { shown, more };
}

function ActionLink({ action, onOpenAction }: { action: Action; onOpenAction: (id: number) => void }): JSX.Element {
  return <Link onClick={() => onOpenAction(action.id)}>{titleOf(action)}</Link>;
}

/** The late actions: a table with lead, deadline and delay, stacked rows that keep all three when narrow. */
export function LateTable({ items: all, onOpenAction, layout }: TableProps & { items: readonly LateActionFigure[] }): JSX.Element {
  const [ref, stacked] = useLayout(layout);
  const { shown: items, more } = useShownRows(all);
  const tableClass = useTableClass();
  const theme = useTheme();
  const c = dashboardColours(theme);
  return (
    <div ref={ref}>
      {stacked ? (
        <ul style={stackedList} aria-label={strings.LateActions}>
          {items.map((item) => (
            <li key={item.action.id} style={{ padding: '6px 0', borderBottom: `1px solid ${theme.semanticColors.bodyDivider}` }}>
              <ActionLink action={item.action} onOpenAction={onOpenAction} />
              <Text block styles={{ root: { color: c.subtext } }}>
                <span style={{ color: c.late, fontWeight: 600 }}>{formatMessage(strings.DaysLate, String(item.daysLate))}</span>
                {` · ${formatMessage(strings.DashDueOn, formatDate(item.dueDate))} · ${item.lead?.displayName ?? strings.NoLead}`}
              </Text>
            </li>
          ))}
        </ul>
      ) : (
        <table className={tableClass}>
          <caption style={{ textAlign: 'left', position: 'absolute', left: -10000 }}>{strings.LateActions}</caption>
          <thead>
            <tr>
              <th scope="col">{strings.ColumnAction}</th>
              <th scope="col">{strings.Lead}</th>
              <th scope="col">{strings.ColumnDue}</th>
              <th scope="col">{strings.ColumnDaysLate}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.action.id}>
                <td>
                  <ActionLink action={item.action} onOpenAction={onOpenAction} />
                </td>
                <td>{item.lead?.displayName ?? strings.NoLead}</td>
                <td className="pst-num">{formatDate(item.dueDate)}</td>
                <td className="pst-num" style={{ color: c.late, fontWeight: 600 }}>
                  {formatMessage(strings.DaysLate, String(item.daysLate))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {more}
    </div>
  );
}

interface AttentionTexts {
  readonly state: string;
  readonly reason: string;
  readonly since: string;
}

function attentionTexts(item: AttentionFigure, history: HistoryState | undefined): AttentionTexts {
  const state = item.kind === 'blocked' ? strings.DashStateBlocked : strings.DashStateAtRisk;
  if (!history || history.kind === 'loading') return { state, reason: strings.DashReasonLoading, since: strings.DashReasonLoading };
  if (history.kind === 'failed') return { state, reason: strings.DashNoReason, since: strings.DashSinceUnknown };
  const found = attentionHistory(history.checkIns, item.kind);
  return {
    state,
    reason: found.reason ?? strings.DashNoReason,
    since: found.since ? formatDate(found.since) : strings.DashSinceUnknown,
  };
}

/**
 * Blocked and at-risk actions with the reason (the comment of their latest check-in that
 * has one), the lead and since when (see domain/attention.ts). The check-ins of the rows
 * shown are read through `loadCheckIns`, those not read yet in one call.
 */
export function AttentionTable({ items: all, onOpenAction, layout, loadCheckIns }: TableProps & { items: readonly AttentionFigure[]; loadCheckIns?: CheckInLoader }): JSX.Element {
  const [ref, stacked] = useLayout(layout);
  const { shown: items, more } = useShownRows(all);
  const tableClass = useTableClass();
  const theme = useTheme();
  const c = dashboardColours(theme);
  const history = useCheckInHistory(
    items.map((i) => ({ id: i.action.id, lastCheckInDate: i.lastCheckInDate })),
    loadCheckIns,
  );
  const colourOf = (item: AttentionFigure) => (item.kind === 'blocked' ? c.blocked : c.text);
  return (
    <div ref={ref}>
      {stacked ? (
        <ul style={stackedList} aria-label={strings.DashAttentionTitle.replace(' ({0})', '')}>
          {items.map((item) => {
            const t = attentionTexts(item, history.get(item.action.id));
            const since = t.since === strings.DashSinceUnknown || t.since === strings.DashReasonLoading ? t.since : formatMessage(strings.DashSinceOn, t.since);
            return (
              <li key={item.action.id} style={{ padding: '6px 0', borderBottom: `1px solid ${theme.semanticColors.bodyDivider}` }}>
                <ActionLink action={item.action} onOpenAction={onOpenAction} />
                <Text block styles={{ root: { color: c.subtext } }}>
                  <span style={{ color: colourOf(item), fontWeight: 600 }}>{t.state}</span>
                  {` · ${since} · ${item.lead?.displayName ?? strings.NoLead}`}
                </Text>
                <Text block>{`« ${t.reason} »`}</Text>
              </li>
            );
          })}
        </ul>
      ) : (
        <table className={tableClass}>
          <caption style={{ textAlign: 'left', position: 'absolute', left: -10000 }}>{strings.DashAttentionTitle.replace(' ({0})', '')}</caption>
          <thead>
            <tr>
              <th scope="col">{strings.ColumnAction}</th>
              <th scope="col">{strings.DashColumnState}</th>
              <th scope="col">{strings.DashColumnReason}</th>
              <th scope="col">{strings.Lead}</th>
              <th scope="col">{strings.DashColumnSince}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => {
              const t = attentionTexts(item, history.get(item.action.id));
              return (
                <tr key={item.action.id}>
                  <td>
                    <ActionLink action={item.action} onOpenAction={onOpenAction} />
                  </td>
                  <td style={{ color: colourOf(item), fontWeight: 600, whiteSpace: 'nowrap' }}>{t.state}</td>
                  <td>{t.reason}</td>
                  <td>{item.lead?.displayName ?? strings.NoLead}</td>
                  <td className="pst-num">{t.since}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {more}
    </div>
  );
}

/**
 * Figures per service: one row per service, a plain table (a DetailsList would measure the
 * page to window a dozen rows).
 */
export function ServiceTable({ items }: { items: readonly ServiceFigure[] }): JSX.Element {
  const tableClass = useTableClass();
  return (
    // scrolls sideways in a narrow web part: focusable, so that the keyboard can scroll it too
    <div style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-label={strings.ByService}>
      <table className={tableClass}>
        <caption style={{ textAlign: 'left', position: 'absolute', left: -10000 }}>{strings.ByService}</caption>
        <thead>
          <tr>
            <th scope="col">{strings.ColumnService}</th>
            <th scope="col">{strings.ActionCount}</th>
            <th scope="col">{strings.ShareDone}</th>
            <th scope="col">{strings.LateActions}</th>
            <th scope="col">{strings.BlockedActions}</th>
            <th scope="col">{strings.Progress}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.service || '-'}>
              <th scope="row" style={{ fontWeight: 'normal' }}>
                {item.service || strings.NoService}
              </th>
              <td className="pst-num">{String(item.stats.total)}</td>
              <td className="pst-num">{String(item.stats.done)}</td>
              <td className="pst-num">{String(item.stats.late)}</td>
              <td className="pst-num">{String(item.stats.blocked)}</td>
              <td className="pst-num">{item.stats.progress === null ? strings.ProgressNone : formatPercent(item.stats.progress, 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
