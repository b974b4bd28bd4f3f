import * as React from 'react';
import { IDropdownOption, MessageBar, MessageBarType, Spinner, SpinnerSize, Text, useTheme } from '@fluentui/react';
import { Dropdown } from '../ui/LazyDropdown';
import * as strings from 'PstStrings';
import type { IsoDate } from '../../domain/model';
import type { PlanTreeInput } from '../../domain/tree';
import { ProgressTrend, TrendCheckIn, trendOf, trendOfSteps, TrendPoint, TrendTimeline, trendTimelineSteps } from '../../domain/trend';
import { runInSlices } from '../ui/runInSlices';
import { formatPercent } from '../../domain/parsing';
import { formatMessage } from '../../text/format';
import { dashboardColours, DashboardColours, useWidth, VISUALLY_HIDDEN } from './chartParts';

/** What the dashboard needs to draw the trend: the plan shown (filtered), its start, and the check-in history. */
export interface TrendSource {
  /** The part of the plan shown (filtered): a new object when the part changes. */
  readonly input: PlanTreeInput;
  /** The whole plan `input` is part of: its month-by-month roll-ups are computed once, whatever the filter. */
  readonly plan: PlanTreeInput;
  /** First day of the plan (its start year's 1 January). */
  readonly from: IsoDate | null;
  readonly today: IsoDate;
  /** Reads every check-in of the site (read once, when the block is first shown). */
  readonly load: () => Promise<readonly TrendCheckIn[]>;
}

type History = { readonly kind: 'loading' } | { readonly kind: 'ready'; readonly checkIns: readonly TrendCheckIn[] } | { readonly kind: 'failed'; readonly message: string };

const HEIGHT = 140;
const TOP = 10;
const LEFT = 40;
const AXIS = 22;
const WHOLE_PLAN = 'plan';

/** « 11/2026 » */
const monthLabel = (month: string): string => `${month.slice(5, 7)}/${month.slice(0, 4)}`;

interface Series {
  readonly label: string;
  readonly colour: string;
  readonly dashed?: boolean;
  readonly values: readonly (number | null)[];
}

/** One line chart: months along the bottom, a value axis from 0 to `max` on the left. */
function LineChart({ series, months, max, unit, width, c }: { series: readonly Series[]; months: readonly string[]; max: number; unit: (n: number) => string; width: number; c: DashboardColours }): JSX.Element {
  const plotWidth = Math.max(120, width - LEFT - 8);
  const x = (index: number): number => LEFT + (months.length <= 1 ? plotWidth / 2 : (plotWidth * index) / (months.length - 1));
  const y = (value: number): number => TOP + (HEIGHT - TOP) * (1 - value / max);
  // About one label per 70 px, always the first and the last month.
  const every = Math.max(1, Math.ceil(months.length / Math.max(1, Math.floor(plotWidth / 70))));
  const ticks = [0, max / 2, max];
  return (
    <svg
      width={LEFT + plotWidth + 8}
      height={HEIGHT + AXIS}
      viewBox={`0 0 ${LEFT + plotWidth + 8} ${HEIGHT + AXIS}`}
      aria-hidden="true"
      focusable="false"
      style={{ display: 'block', maxWidth: '100%', height: 'auto' }}
    >
      {ticks.map((tick) => (
        <g key={tick}>
          <line x1={LEFT} x2={LEFT + plotWidth} y1={y(tick) + 0.5} y2={y(tick) + 0.5} stroke={c.track} strokeWidth="1" />
          <text x={LEFT - 6} y={y(tick) + 4} textAnchor="end" fontSize="11" fill={c.subtext}>
            {unit(tick)}
          </text>
        </g>
      ))}
      {months.map((month, index) =>
        // The last month always has its label; a regular one too close to it gives way.
        (index % every === 0 && months.length - 1 - index >= every) || index === months.length - 1 ? (
          <text key={month} x={x(index)} y={HEIGHT + 16} textAnchor={index === 0 ? 'start' : index === months.length - 1 ? 'end' : 'middle'} fontSize="11" fill={c.text}>
            {monthLabel(month)}
          </text>
        ) : null,
      )}
      {series.map((s) => {
        const points = s.values.map((v, i) => (v === null ? null : `${x(i).toFixed(1)},${y(v).toFixed(1)}`)).filter((p): p is string => p !== null);
        return (
          <g key={s.label}>
            <polyline points={points.join(' ')} fill="none" stroke={s.colour} strokeWidth="2.5" strokeDasharray={s.dashed ? '6 4' : undefined} strokeLinejoin="round" />
            {points.length === 1 && <circle cx={points[0].split(',')[0]} cy={points[0].split(',')[1]} r="3" fill={s.colour} />}
          </g>
        );
      })}
    </svg>
  );
}

function Legend({ series }: { series: readonly Series[] }): JSX.Element {
  return (
    <ul style={{ listStyle: 'none', margin: '4px 0 12px', padding: 0, display: 'flex', flexWrap: 'wrap', gap: 16 }}>
      {series.map((s) => (
        <li key={s.label}>
          <svg width="22" height="10" aria-hidden="true" focusable="false" style={{ verticalAlign: 'middle', marginRight: 6 }}>
            <line x1="1" x2="21" y1="5" y2="5" stroke={s.colour} strokeWidth="3" strokeDasharray={s.dashed ? '5 3' : undefined} />
          </svg>
          <Text>{s.label}</Text>
        </li>
      ))}
    </ul>
  );
}

/**
 * The plan's (or one OS's) progress month by month, then its late and blocked counts, as
 * line charts in the theme's meaning colours (late: error, blocked: warning), with the same
 * figures in a visually hidden table. The check-in history is read once, when shown.
 */
export function TrendChart({ source }: { source: TrendSource }): JSX.Element {
  const theme = useTheme();
  const c = dashboardColours(theme);
  const [ref, width] = useWidth<HTMLDivElement>(720);
  const [history, setHistory] = React.useState<History>({ kind: 'loading' });
  const [selected, setSelected] = React.useState<string>(WHOLE_PLAN);
  const { load } = source;

  React.useEffect(() => {
    let cancelled = false;
    // A loader that throws at once fails like one that rejects.
    Promise.resolve()
      .then(load)
      .then(
        (checkIns) => !cancelled && setHistory({ kind: 'ready', checkIns }),
        (error: unknown) => !cancelled && setHistory({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }),
      );
    return () => {
      cancelled = true;
    };
  }, [load]);

  const checkIns = history.kind === 'ready' ? history.checkIns : null;
  // Once per plan and history, a month per short task (a key typed meanwhile is not held
  // up); then a filter change only counts the part shown (domain/trend.ts).
  const timelineInput = React.useMemo(
    () => (checkIns && source.from ? { checkIns, plan: source.plan, from: source.from, today: source.today } : null),
    [checkIns, source.plan, source.from, source.today],
  );
  const [made, setMade] = React.useState<{ readonly timeline: TrendTimeline; readonly input: typeof timelineInput } | null>(null);
  React.useEffect(() => {
    if (!timelineInput) return undefined;
    const { plan, checkIns: history, from, today } = timelineInput;
    return runInSlices(trendTimelineSteps(plan, history, from, today), (timeline) => setMade({ timeline, input: timelineInput }));
  }, [timelineInput]);
  // A timeline of another plan (the one before a save) does not count this one's actions.
  const timeline = made && made.input === timelineInput ? made.timeline : null;
  // The chart shows the plan's series or one OS's: only that one is counted.
  const chosenId = source.input.strategicObjectives.find((os) => String(os.id) === selected)?.id;
  // A new timeline or another series is counted at once (one series, a few milliseconds); a
  // new part of the plan (a filter, a key typed in the search) in short tasks, the last part's
  // trend shown meanwhile: the key's result shows at once, the chart follows.
  const { input } = source;
  const ids = chosenId === undefined ? [] : [chosenId];
  const direct = React.useMemo(
    () => (timeline ? { trend: trendOf(timeline, input, ids), timeline, chosenId, input } : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [timeline, chosenId],
  );
  const [later, setLater] = React.useState<{ readonly trend: ProgressTrend; readonly of: typeof direct; readonly input: PlanTreeInput } | null>(null);
  React.useEffect(() => {
    if (!direct || direct.input === input) return undefined;
    return runInSlices(trendOfSteps(direct.timeline, input, ids), (trend) => setLater({ trend, of: direct, input }));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [direct, input]);
  const trend = !direct ? null : direct.input === input || !later || later.of !== direct ? direct.trend : later.trend;

  // The measured element is there from the first render: the width is known once drawn.
  if (!source.from) return <div ref={ref}>{<Text>{strings.TrendNoStart}</Text>}</div>;
  if (history.kind === 'loading' || (history.kind === 'ready' && !trend))
    return (
      <div ref={ref}>
        <Spinner size={SpinnerSize.small} label={strings.TrendLoading} labelPosition="right" />
      </div>
    );
  if (history.kind === 'failed')
    return (
      <div ref={ref}>
        <MessageBar messageBarType={MessageBarType.error}>{formatMessage(strings.TrendFailed, history.message)}</MessageBar>
      </div>
    );
  if (!trend || trend.plan.length === 0) return <div ref={ref}>{<Text>{strings.TrendNoStart}</Text>}</div>;

  const objectives = source.input.strategicObjectives;
  const options: IDropdownOption[] = [
    { key: WHOLE_PLAN, text: strings.TrendWholePlan },
    ...objectives.map((os) => ({ key: String(os.id), text: os.code ? `${os.code} ${os.title}` : os.title })),
  ];
  const chosen = objectives.find((os) => String(os.id) === selected);
  const points: readonly TrendPoint[] = (chosen ? trend.strategicObjectives.get(chosen.id) : undefined) ?? trend.plan;
  const name = chosen ? (options.find((o) => o.key === selected)?.text ?? '') : strings.TrendWholePlan;
  const months = points.map((p) => p.month);
  const progress: Series[] = [{ label: `${strings.TrendProgress} – ${name}`, colour: c.accent, values: points.map((p) => p.progress) }];
  const counts: Series[] = [
    { label: strings.TrendLate, colour: c.late, values: points.map((p) => p.late) },
    { label: strings.TrendBlocked, colour: c.blocked, dashed: true, values: points.map((p) => p.blocked) },
  ];
  // An even top: the middle gridline falls on a whole number of actions.
  const highest = Math.max(2, ...points.map((p) => Math.max(p.late, p.blocked)));
  const maxCount = highest + (highest % 2);
  const percent = (p: TrendPoint): string => (p.progress === null ? '—' : formatPercent(p.progress, 0));

  return (
    <div ref={ref}>
      <Dropdown
        label={strings.TrendSeries}
        options={options}
        selectedKey={selected}
        onChange={(_, option) => option && setSelected(String(option.key))}
        styles={{ root: { maxWidth: 360, marginBottom: 8 } }}
      />
      <LineChart series={progress} months={months} max={100} unit={(n) => `${n} %`} width={width} c={c} />
      <Legend series={progress} />
      <Text variant="mediumPlus" as="h4" block styles={{ root: { margin: '4px 0' } }}>
        {strings.TrendCounts}
      </Text>
      <LineChart series={counts} months={months} max={maxCount} unit={(n) => String(Math.round(n))} width={width} c={c} />
      <Legend series={counts} />
      {/* Hidden by its wrapper: a table box ignores the width and overflow that hide it. */}
      <div style={VISUALLY_HIDDEN}>
        <table>
          <caption>{formatMessage(strings.TrendCaption, name)}</caption>
          <thead>
            <tr>
              <th scope="col">{strings.TrendMonth}</th>
              <th scope="col">{strings.TrendProgress}</th>
              <th scope="col">{strings.TrendLate}</th>
              <th scope="col">{strings.TrendBlocked}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.month}>
                <th scope="row">{monthLabel(p.month)}</th>
                <td>{percent(p)}</td>
                <td>{p.late}</td>
                <td>{p.blocked}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
