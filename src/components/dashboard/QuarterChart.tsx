import * as React from 'react';
import { Text, useTheme } from '@fluentui/react';
import * as strings from 'PstStrings';
import type { QuarterFigure } from '../../domain/dashboard';
import { formatMessage } from '../../text/format';
import { dashboardColours, useWidth, VISUALLY_HIDDEN } from './chartParts';

const HEIGHT = 150;
const TOP = 18;
const AXIS = 34;
const label = (q: QuarterFigure): string => `T${q.quarter} ${q.year}`;

/**
 * Planned ends per quarter as columns: the outlined column is every planned end of the
 * quarter, the filled part those already done. It takes the width of its column (labels
 * thin out when narrow: the year under its first quarter), and has a legend in the theme's
 * text colours and the same figures in a visually hidden table.
 */
export function QuarterChart({ quarters }: { quarters: readonly QuarterFigure[] }): JSX.Element {
  const theme = useTheme();
  const c = dashboardColours(theme);
  const [ref, width] = useWidth<HTMLDivElement>(720);
  if (quarters.length === 0) return <Text>{strings.NoPlannedEnds}</Text>;
  const max = Math.max(...quarters.map((q) => q.planned), 1);
  const step = Math.max(10, Math.min(56, Math.floor(width / quarters.length)));
  const chartWidth = step * quarters.length;
  const bar = Math.max(6, Math.round(step * 0.6));
  const wide = step >= 44;
  const scale = (n: number) => ((HEIGHT - TOP) * n) / max;
  const swatch = (filled: boolean): JSX.Element => (
    <svg width="14" height="14" aria-hidden="true" focusable="false" style={{ verticalAlign: 'middle', marginRight: 6 }}>
      <rect x="1" y="1" width="12" height="12" fill={filled ? c.accent : c.track} stroke={c.accent} strokeWidth="2" />
    </svg>
  );
  return (
    <div ref={ref}>
      <svg width={chartWidth} height={HEIGHT + AXIS} aria-hidden="true" focusable="false" style={{ display: 'block', maxWidth: '100%' }}>
        <line x1="0" x2={chartWidth} y1={HEIGHT + 0.5} y2={HEIGHT + 0.5} stroke={c.subtext} strokeWidth="1" />
        {quarters.map((q, index) => {
          const x = index * step + (step - bar) / 2;
          const planned = scale(q.planned);
          const done = scale(q.done);
          return (
            <g key={q.key}>
              <title>{formatMessage(strings.DashQuarterBar, label(q), String(q.planned), String(q.done))}</title>
              {q.planned > 0 && <rect x={x} y={HEIGHT - planned} width={bar} height={planned} fill={c.track} stroke={c.accent} strokeWidth="1.5" />}
              {q.done > 0 && <rect x={x} y={HEIGHT - done} width={bar} height={done} fill={c.accent} />}
              {(wide || step >= 22) && q.planned > 0 && (
                <text x={x + bar / 2} y={HEIGHT - planned - 4} textAnchor="middle" fontSize="12" fill={c.text}>
                  {q.planned}
                </text>
              )}
              {wide ? (
                <text x={index * step + step / 2} y={HEIGHT + 16} textAnchor="middle" fontSize="12" fill={c.text}>
                  {`T${q.quarter}`}
                </text>
              ) : null}
              {(wide || q.quarter === 1 || index === 0) && (
                <text x={wide ? index * step + step / 2 : index * step + 1} y={HEIGHT + (wide ? 30 : 16)} textAnchor={wide ? 'middle' : 'start'} fontSize="12" fill={wide ? c.subtext : c.text}>
                  {q.year}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <ul style={{ listStyle: 'none', margin: '6px 0 0', padding: 0, display: 'flex', flexWrap: 'wrap', gap: 16 }}>
        <li>
          {swatch(false)}
          <Text>{`${strings.DashLegendPlanned} : ${quarters.reduce((s, q) => s + q.planned, 0)}`}</Text>
        </li>
        <li>
          {swatch(true)}
          <Text>{`${strings.DashLegendDone} : ${quarters.reduce((s, q) => s + q.done, 0)}`}</Text>
        </li>
      </ul>
      <table style={VISUALLY_HIDDEN}>
        <caption>{strings.PlannedEndsPerQuarter}</caption>
        <thead>
          <tr>
            <th scope="col">{strings.ColumnQuarter}</th>
            <th scope="col">{strings.ColumnPlanned}</th>
            <th scope="col">{strings.ShareDone}</th>
          </tr>
        </thead>
        <tbody>
          {quarters.map((q) => (
            <tr key={q.key}>
              <th scope="row">{label(q)}</th>
              <td>{q.planned}</td>
              <td>{q.done}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
