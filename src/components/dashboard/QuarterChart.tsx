import * as React from 'react';
import { Text, useTheme } from '@fluentui/react';
import * as strings from 'PstStrings';
import type { QuarterFigure } from '../../domain/dashboard';
import { formatMessage } from '../../text/format';

/**
 * Planned ends per quarter as columns (done part darker). The same figures are in a
 * visually hidden table for screen readers.
 */
export function QuarterChart({ quarters }: { quarters: readonly QuarterFigure[] }): JSX.Element {
  const theme = useTheme();
  if (quarters.length === 0) return <Text>{strings.NoPlannedEnds}</Text>;
  const max = Math.max(...quarters.map((q) => q.planned), 1);
  const label = (q: QuarterFigure) => `T${q.quarter} ${q.year}`;
  return (
    <div>
      <div aria-hidden="true" style={{ display: 'flex', alignItems: 'flex-end', gap: 6, height: 140, overflowX: 'auto' }}>
        {quarters.map((q) => (
          <div key={q.key} style={{ display: 'flex', flexDirection: 'column', alignItems: 'center', minWidth: 44 }}>
            <Text variant="small">{q.planned}</Text>
            <div style={{ width: 28, height: (100 * q.planned) / max, background: theme.palette.themeLight, display: 'flex', flexDirection: 'column', justifyContent: 'flex-end' }}>
              <div style={{ height: (100 * q.done) / max, background: theme.palette.themePrimary }} />
            </div>
            <Text variant="small">{label(q)}</Text>
          </div>
        ))}
      </div>
      <table className="pst-visually-hidden" style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>
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
      <Text variant="small">{formatMessage(strings.QuarterLegend, String(quarters.reduce((s, q) => s + q.planned, 0)))}</Text>
    </div>
  );
}
