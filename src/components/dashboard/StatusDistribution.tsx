import * as React from 'react';
import { Stack, Text, useTheme } from '@fluentui/react';

export interface StatusSlice {
  readonly key: string;
  readonly label: string;
  readonly count: number;
}

/** A stacked bar with a legend that states every count in words (colour is never the only cue). */
export function StatusDistribution({ items }: { items: readonly StatusSlice[] }): JSX.Element {
  const theme = useTheme();
  const total = items.reduce((sum, i) => sum + i.count, 0);
  const colours: Record<string, string> = {
    NON_COMMENCE: theme.palette.neutralTertiary,
    EN_COURS: theme.palette.themePrimary,
    EN_ATTENTE: theme.palette.yellowDark,
    PROBLEME: theme.palette.redDark,
    TERMINE: theme.palette.greenDark,
    ANNULE_ABANDONNE: theme.palette.neutralSecondary,
    unknown: theme.palette.neutralQuaternary,
  };
  const shown = items.filter((i) => i.count > 0);
  return (
    <Stack tokens={{ childrenGap: 8 }}>
      <div style={{ display: 'flex', height: 20, width: '100%', borderRadius: 2, overflow: 'hidden' }} aria-hidden="true">
        {shown.map((i) => (
          <div key={i.key} style={{ width: `${(100 * i.count) / Math.max(total, 1)}%`, background: colours[i.key] }} />
        ))}
      </div>
      <ul style={{ listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexWrap: 'wrap', gap: 16 }}>
        {items.map((i) => (
          <li key={i.key}>
            <span aria-hidden="true" style={{ display: 'inline-block', width: 10, height: 10, marginRight: 6, background: colours[i.key] }} />
            <Text>{`${i.label} : ${i.count}`}</Text>
          </li>
        ))}
      </ul>
    </Stack>
  );
}
