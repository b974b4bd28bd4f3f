import * as React from 'react';
import { IDropdownOption, MessageBar, MessageBarType, Spinner, SpinnerSize, Stack, Text, mergeStyleSets, useTheme } from '@fluentui/react';
import { Dropdown } from '../ui/LazyDropdown';
import * as strings from 'PstStrings';
import type { Action, OperationalObjective, StrategicObjective } from '../../domain/model';
import { FUNDING_SOURCE_LABELS, MeansLine } from '../../domain/means';
import { MeansGroup, meansFigures, MeansTotals, YearTotals } from '../../domain/meansFigures';
import { formatEuro, formatNumber } from '../../domain/parsing';
import { BUDGET_SERVICE_LABELS, Lang } from '../../domain/vocabularies';
import { formatMessage } from '../../text/format';
import { dashboardColours, useWidth, VISUALLY_HIDDEN } from './chartParts';

/** Every line of the site by action (the repository's `loadMeans`). */
export type MeansLoader = () => Promise<ReadonlyMap<number, readonly MeansLine[]>>;

export interface MeansViewProps {
  /** The actions shown (the page's filter applies) and the objectives around them. */
  readonly actions: readonly Action[];
  readonly operationalObjectives: readonly OperationalObjective[];
  readonly strategicObjectives: readonly StrategicObjective[];
  readonly load: MeansLoader;
  readonly lang: Lang;
}

type LoadState = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; lines: ReadonlyMap<number, readonly MeansLine[]> };

const HEIGHT = 150;
const TOP = 18;
const AXIS = 22;

const euro = (value: number): string => formatEuro(value, 0);

/** « 12 k€ » on the chart's labels, where the full amount would not fit. */
function shortEuro(value: number): string {
  if (value >= 1_000_000) return `${formatNumber(value / 1_000_000, { maxDecimals: 1 })}\u00a0M€`;
  if (value >= 10_000) return `${formatNumber(value / 1000, { maxDecimals: 0 })}\u00a0k€`;
  return euro(value);
}

function useClassNames() {
  const theme = useTheme();
  return React.useMemo(
    () =>
      mergeStyleSets({
        table: {
          borderCollapse: 'collapse',
          width: '100%',
          selectors: {
            'th, td': { borderBottom: `1px solid ${theme.semanticColors.bodyDivider}`, padding: '6px 8px', textAlign: 'left', verticalAlign: 'top', color: theme.semanticColors.bodyText },
            'thead th': { color: theme.semanticColors.bodySubtext, fontWeight: 600 },
            'td.number': { textAlign: 'right', whiteSpace: 'nowrap' },
          },
        },
        caption: { textAlign: 'left', fontSize: theme.fonts.mediumPlus.fontSize, fontWeight: 600, padding: '0 0 8px', color: theme.semanticColors.bodyText },
        wrapper: { overflowX: 'auto', maxWidth: '100%' },
      }),
    [theme],
  );
}

/** Planned and actual expenses per year as paired columns, with a legend and the figures in a hidden table. */
function YearChart({ years }: { years: readonly YearTotals[] }): JSX.Element {
  const theme = useTheme();
  const c = dashboardColours(theme);
  const [ref, width] = useWidth<HTMLDivElement>(720);
  const max = Math.max(1, ...years.map((y) => Math.max(y.totals.plannedExpense, y.totals.actualExpense)));
  const step = Math.max(40, Math.min(120, Math.floor(width / Math.max(years.length, 1))));
  const bar = Math.max(8, Math.round(step * 0.32));
  const scale = (n: number): number => ((HEIGHT - TOP) * n) / max;
  const swatch = (filled: boolean): JSX.Element => (
    <svg width="14" height="14" aria-hidden="true" focusable="false" style={{ verticalAlign: 'middle', marginRight: 6 }}>
      <rect x="1" y="1" width="12" height="12" fill={filled ? c.accent : c.track} stroke={c.accent} strokeWidth="2" />
    </svg>
  );
  return (
    <div ref={ref}>
      <svg width={step * years.length} height={HEIGHT + AXIS} aria-hidden="true" focusable="false" style={{ display: 'block', maxWidth: '100%' }}>
        <line x1="0" x2={step * years.length} y1={HEIGHT + 0.5} y2={HEIGHT + 0.5} stroke={c.subtext} strokeWidth="1" />
        {years.map((y, index) => {
          const x = index * step + (step - 2 * bar - 4) / 2;
          const planned = scale(y.totals.plannedExpense);
          const actual = scale(y.totals.actualExpense);
          return (
            <g key={y.year}>
              <title>{formatMessage(strings.DashMeansBarText, String(y.year), euro(y.totals.plannedExpense), euro(y.totals.actualExpense))}</title>
              <rect x={x} y={HEIGHT - planned} width={bar} height={planned} fill={c.track} stroke={c.accent} strokeWidth="1.5" />
              <rect x={x + bar + 4} y={HEIGHT - actual} width={bar} height={actual} fill={c.accent} />
              {step >= 70 && y.totals.plannedExpense > 0 && (
                <text x={x + bar / 2} y={HEIGHT - planned - 4} textAnchor="middle" fontSize="11" fill={c.text}>
                  {shortEuro(y.totals.plannedExpense)}
                </text>
              )}
              <text x={index * step + step / 2} y={HEIGHT + 16} textAnchor="middle" fontSize="12" fill={c.text}>
                {y.year}
              </text>
            </g>
          );
        })}
      </svg>
      <ul style={{ listStyle: 'none', margin: '6px 0 0', padding: 0, display: 'flex', flexWrap: 'wrap', gap: 16 }}>
        <li>
          {swatch(false)}
          <Text>{strings.MeansPlannedExpense}</Text>
        </li>
        <li>
          {swatch(true)}
          <Text>{strings.MeansActualExpense}</Text>
        </li>
      </ul>
      {/* Hidden by its wrapper: a table box ignores the width and overflow that hide it (it widened a phone's page). */}
      <div style={VISUALLY_HIDDEN}>
      <table>
        <caption>{strings.DashMeansPerYearChart}</caption>
        <thead>
          <tr>
            <th scope="col">{strings.MeansYear}</th>
            <th scope="col">{strings.MeansPlannedExpense}</th>
            <th scope="col">{strings.MeansActualExpense}</th>
          </tr>
        </thead>
        <tbody>
          {years.map((y) => (
            <tr key={y.year}>
              <th scope="row">{y.year}</th>
              <td>{euro(y.totals.plannedExpense)}</td>
              <td>{euro(y.totals.actualExpense)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </div>
  );
}

/** One breakdown as a table: planned and actual expenses, receipts, ETP, and a share bar of the planned expenses. */
function GroupTable<K>({ id, title, groups, label, total }: { id: string; title: string; groups: readonly MeansGroup<K>[]; label: (key: K) => string; total: MeansTotals }): JSX.Element {
  const classNames = useClassNames();
  const c = dashboardColours(useTheme());
  return (
    <div className={classNames.wrapper} role="group" aria-labelledby={id} tabIndex={0}>
      <table className={classNames.table}>
        <caption id={id} className={classNames.caption}>
          {title}
        </caption>
        <thead>
          <tr>
            <th scope="col">{strings.DashMeansGroup}</th>
            <th scope="col">{strings.MeansPlannedExpense}</th>
            <th scope="col">{strings.MeansActualExpense}</th>
            <th scope="col">{strings.MeansPlannedReceipt}</th>
            <th scope="col">{strings.MeansEtp}</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((group, index) => {
            const share = total.plannedExpense > 0 ? group.totals.plannedExpense / total.plannedExpense : 0;
            return (
              <tr key={index}>
                <th scope="row" style={{ fontWeight: 'normal' }}>
                  {label(group.key)}
                  {/* The share of the planned expenses, drawn; the figure is in the next cell. */}
                  <div aria-hidden="true" style={{ height: 6, marginTop: 4, background: c.track, maxWidth: 240 }}>
                    <div style={{ height: 6, width: `${Math.round(share * 100)}%`, background: c.accent }} />
                  </div>
                </th>
                <td className="number">{euro(group.totals.plannedExpense)}</td>
                <td className="number">{euro(group.totals.actualExpense)}</td>
                <td className="number">{euro(group.totals.plannedReceipt)}</td>
                <td className="number">{formatNumber(group.totals.etp)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The financial director's view: planned and actual budget and ETP per year, per budget
 * service, per funding source, per OS and per pilot service, from the actions' means lines
 * (read when this block is shown, not with the plan).
 */
export function MeansView({ actions, operationalObjectives, strategicObjectives, load, lang }: MeansViewProps): JSX.Element {
  const [state, setState] = React.useState<LoadState>({ kind: 'loading' });
  const [year, setYear] = React.useState<number | null>(null);
  React.useEffect(() => {
    let current = true;
    // A loader that throws at once is a failure to read, shown like any other.
    Promise.resolve()
      .then(load)
      .then(
      (lines) => current && setState({ kind: 'ready', lines }),
      (error: unknown) => current && setState({ kind: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [load]);
  const figures = React.useMemo(
    () => (state.kind === 'ready' ? meansFigures({ actions, operationalObjectives, strategicObjectives, linesByAction: state.lines, year }) : null),
    [state, actions, operationalObjectives, strategicObjectives, year],
  );
  if (state.kind === 'loading') return <Spinner size={SpinnerSize.small} label={strings.DashMeansLoading} labelPosition="right" />;
  if (state.kind === 'error')
    return (
      <MessageBar messageBarType={MessageBarType.error} isMultiline>
        {formatMessage(strings.DashMeansError, state.message)}
      </MessageBar>
    );
  if (!figures || figures.actionsWithMeans === 0) return <Text>{strings.DashMeansNone}</Text>;
  const yearOptions: IDropdownOption[] = [{ key: 'all', text: strings.DashMeansAllYears }, ...figures.years.map((y) => ({ key: String(y), text: String(y) }))];
  const notSaid = strings.DashMeansNotSaid;
  return (
    <Stack tokens={{ childrenGap: 16 }}>
      <Stack horizontal wrap verticalAlign="end" tokens={{ childrenGap: 16 }}>
        <Dropdown
          label={strings.DashMeansYear}
          options={yearOptions}
          selectedKey={year === null ? 'all' : String(year)}
          onChange={(_, option) => option && setYear(option.key === 'all' ? null : Number(option.key))}
          styles={{ root: { width: 180 } }}
        />
        <Text block role="status" data-testid="means-summary">
          {formatMessage(
            strings.DashMeansSummary,
            String(figures.actionsWithMeans),
            euro(figures.total.plannedExpense),
            euro(figures.total.actualExpense),
            euro(figures.total.plannedReceipt),
            formatNumber(figures.total.etp),
          )}
        </Text>
      </Stack>
      {year === null && figures.perYear.length > 0 && (
        <section aria-label={strings.DashMeansPerYearChart}>
          <Text variant="mediumPlus" block styles={{ root: { fontWeight: 600, marginBottom: 4 } }}>
            {strings.DashMeansPerYearChart}
          </Text>
          <YearChart years={figures.perYear} />
        </section>
      )}
      <GroupTable id="pst-means-service" title={strings.DashMeansByService} groups={figures.byService} total={figures.total} label={(k) => (k ? BUDGET_SERVICE_LABELS[k][lang] : notSaid)} />
      <GroupTable id="pst-means-source" title={strings.DashMeansBySource} groups={figures.bySource} total={figures.total} label={(k) => (k ? FUNDING_SOURCE_LABELS[k][lang] : notSaid)} />
      <GroupTable
        id="pst-means-os"
        title={strings.DashMeansByObjective}
        groups={figures.byObjective}
        total={figures.total}
        label={(k) => (k ? [k.code, k.title].filter(Boolean).join(' ') : strings.DashMeansNoObjective)}
      />
      <GroupTable id="pst-means-department" title={strings.DashMeansByDepartment} groups={figures.byDepartment} total={figures.total} label={(k) => k || strings.NoService} />
    </Stack>
  );
}
