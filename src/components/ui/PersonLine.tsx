import * as React from 'react';
import { getInitials, ITheme, memoizeFunction, mergeStyleSets, useTheme } from '@fluentui/react';

/** Fluent's dark blue initials colour: white initials on it have a contrast of 8.6:1, in every theme. */
const COIN_COLOUR = '#004e8c';

const classesOf = memoizeFunction((theme: ITheme) =>
  mergeStyleSets({
    root: { display: 'flex', alignItems: 'center', gap: 8, minWidth: 0, height: 32 },
    coin: {
      flex: '0 0 32px',
      width: 32,
      height: 32,
      borderRadius: '50%',
      background: COIN_COLOUR,
      color: '#ffffff',
      fontSize: 14,
      fontWeight: 600,
      lineHeight: '32px',
      textAlign: 'center',
      selectors: { '@media (forced-colors: active)': { forcedColorAdjust: 'none' } },
    },
    texts: { display: 'flex', flexDirection: 'column', minWidth: 0 },
    primary: { fontSize: 14, lineHeight: '18px', color: theme.semanticColors.bodyText, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' },
    secondary: { fontSize: 12, lineHeight: '14px', color: theme.semanticColors.bodySubtext, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' },
  }),
);

/**
 * A person on one line: the initials' coin, the name, and a second text under it. What
 * Fluent's Persona at 32 px shows, drawn with four elements and classes made once per theme:
 * a card page draws dozens of them in its first frame.
 */
export function PersonLine({ text, secondaryText }: { text: string; secondaryText: string }): JSX.Element {
  const classes = classesOf(useTheme());
  return (
    <div className={classes.root}>
      <span className={classes.coin} aria-hidden="true">
        {getInitials(text, false)}
      </span>
      <span className={classes.texts}>
        <span className={classes.primary} title={text}>
          {text}
        </span>
        <span className={classes.secondary} title={secondaryText}>
          {secondaryText}
        </span>
      </span>
    </div>
  );
}
