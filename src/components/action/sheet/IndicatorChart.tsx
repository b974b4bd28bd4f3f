import * as React from 'react';
import { useTheme } from '@fluentui/react';
import * as strings from 'PstStrings';
import type { IndicatorPoint } from '../../../domain/indicators';
import type { Indicator } from '../../../domain/model';
import { formatNumber } from '../../../domain/parsing';
import { formatMessage } from '../../../text/format';
import { usePanelClassNames } from '../parts';

const WIDTH = 260;
const HEIGHT = 90;
const PAD = 14;

/**
 * An indicator's values over the years as a small line, with its target as a dashed line;
 * the figures are in a visually hidden table next to it (the text alternative).
 */
export function IndicatorChart({ indicator, series }: { indicator: Indicator; series: readonly IndicatorPoint[] }): JSX.Element | null {
  const theme = useTheme();
  const classNames = usePanelClassNames();
  if (series.length === 0) return null;
  const numbers = [...series.map((p) => p.value), ...(indicator.target !== null ? [indicator.target] : []), ...(indicator.baseline !== null ? [indicator.baseline] : [])];
  const min = Math.min(...numbers);
  const max = Math.max(...numbers);
  const span = max - min || 1;
  const x = (index: number): number => (series.length === 1 ? WIDTH / 2 : PAD + (index * (WIDTH - 2 * PAD)) / (series.length - 1));
  const y = (value: number): number => HEIGHT - PAD - ((value - min) * (HEIGHT - 2 * PAD)) / span;
  const accent = theme.palette.themePrimary;
  const subtle = theme.semanticColors.bodySubtext;
  const caption = formatMessage(strings.IndicatorChartCaption, indicator.label);
  return (
    <div>
      <svg width={WIDTH} height={HEIGHT + 14} aria-hidden="true" focusable="false" style={{ display: 'block', maxWidth: '100%' }}>
        {indicator.target !== null && <line x1={0} x2={WIDTH} y1={y(indicator.target)} y2={y(indicator.target)} stroke={subtle} strokeDasharray="4 3" strokeWidth={1} />}
        <polyline points={series.map((p, i) => `${x(i)},${y(p.value)}`).join(' ')} fill="none" stroke={accent} strokeWidth={2} />
        {series.map((p, i) => (
          <g key={p.year}>
            <circle cx={x(i)} cy={y(p.value)} r={3.5} fill={accent} />
            <text x={x(i)} y={HEIGHT + 10} textAnchor="middle" fontSize="11" fill={theme.semanticColors.bodyText}>
              {p.year}
            </text>
          </g>
        ))}
      </svg>
      <table className={classNames.visuallyHidden}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{strings.IndicatorYear}</th>
            <th scope="col">{strings.IndicatorCurrent}</th>
          </tr>
        </thead>
        <tbody>
          {series.map((p) => (
            <tr key={p.year}>
              <th scope="row">{p.year}</th>
              <td>{formatNumber(p.value)}</td>
            </tr>
          ))}
          {indicator.target !== null && (
            <tr>
              <th scope="row">{strings.IndicatorTarget}</th>
              <td>{formatNumber(indicator.target)}</td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
