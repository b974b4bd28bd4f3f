import * as React from 'react';
import { Text, useTheme } from '@fluentui/react';
import * as strings from 'PstStrings';
import { formatPercent } from '../../domain/parsing';
import { formatMessage } from '../../text/format';
import { dashboardColours, VISUALLY_HIDDEN } from './chartParts';

export interface StatusSlice {
  readonly key: string;
  readonly label: string;
  readonly count: number;
}

/**
 * The status distribution as a horizontal bar chart: one row per status with its name and
 * count written next to the bar (colour is never the only cue), and the same figures in a
 * visually hidden table for screen readers.
 */
export function StatusDistribution({ items }: { items: readonly StatusSlice[] }): JSX.Element {
  const theme = useTheme();
  const c = dashboardColours(theme);
  const total = items.reduce((sum, i) => sum + i.count, 0);
  const max = Math.max(1, ...items.map((i) => i.count));
  const colours: Record<string, string> = {
    NON_COMMENCE: theme.palette.neutralTertiary,
    EN_COURS: c.accent,
    EN_ATTENTE: theme.palette.neutralSecondary,
    PROBLEME: c.blocked,
    TERMINE: c.done,
    ANNULE_ABANDONNE: theme.palette.neutralTertiaryAlt,
    unknown: theme.palette.neutralQuaternary,
  };
  const share = (count: number): string => formatPercent(total > 0 ? (100 * count) / total : 0, 0);
  return (
    <div>
      <div aria-hidden="true" style={{ display: 'grid', gridTemplateColumns: 'minmax(0, max-content) minmax(60px, 1fr) max-content', columnGap: 10, rowGap: 6, alignItems: 'center' }}>
        {items.map((i) => (
          <React.Fragment key={i.key}>
            <Text style={{ overflowWrap: 'anywhere' }}>{i.label}</Text>
            <svg width="100%" height="14" focusable="false" style={{ display: 'block' }}>
              {i.count > 0 ? (
                <rect x="0" y="0" width={`${(100 * i.count) / max}%`} height="14" rx="2" fill={colours[i.key]} stroke={c.text} strokeOpacity="0.35" strokeWidth="1" />
              ) : (
                <line x1="0" y1="0" x2="0" y2="14" stroke={c.subtext} strokeWidth="2" />
              )}
            </svg>
            <Text style={{ fontWeight: 600, whiteSpace: 'nowrap', textAlign: 'right' }}>{`${i.count} · ${share(i.count)}`}</Text>
          </React.Fragment>
        ))}
      </div>
      <Text variant="small" block styles={{ root: { color: c.subtext, marginTop: 6 } }}>
        {formatMessage(strings.DashStatusSummary, String(total))}
      </Text>
      <table style={VISUALLY_HIDDEN}>
        <caption>{strings.StatusDistribution}</caption>
        <thead>
          <tr>
            <th scope="col">{strings.DashColumnStatus}</th>
            <th scope="col">{strings.ActionCount}</th>
            <th scope="col">%</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.key}>
              <th scope="row">{i.label}</th>
              <td>{i.count}</td>
              <td>{share(i.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
