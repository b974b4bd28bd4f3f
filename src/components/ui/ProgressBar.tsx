import * as React from 'react';
import { ITheme, memoizeFunction, mergeStyleSets, useTheme } from '@fluentui/react';
import * as strings from 'PstStrings';
import { formatPercent } from '../../domain/parsing';

export interface ProgressBarProps {
  /** 0–100, or null when the node has no action to measure ("sans objet"). */
  readonly progress: number | null;
  readonly label: string;
  /** The accessible name when no visible label is shown (a card's bar). */
  readonly ariaLabel?: string;
}

const classesOf = memoizeFunction((theme: ITheme) =>
  mergeStyleSets({
    label: { ...theme.fonts.medium, color: theme.semanticColors.bodyText, paddingTop: 4, lineHeight: 20 },
    bar: { position: 'relative', height: 2, margin: '8px 0', background: theme.palette.neutralLight, overflow: 'hidden' },
    fill: {
      position: 'absolute',
      top: 0,
      left: 0,
      height: 2,
      background: theme.palette.themePrimary,
      selectors: { '@media (forced-colors: active)': { background: 'Highlight' } },
    },
    description: { ...theme.fonts.small, color: theme.semanticColors.bodySubtext, lineHeight: 18 },
  }),
);

/**
 * Fluent's ProgressIndicator as it looks (a 2 px bar, a label above, a description below)
 * and as it reads (role progressbar, its value as text), drawn with plain elements and
 * classes made once per theme: the cards draw dozens in their first frame.
 */
export function ProgressBar({ progress, label, ariaLabel }: ProgressBarProps): JSX.Element {
  const classes = classesOf(useTheme());
  const text = progress === null ? strings.ProgressNone : formatPercent(progress, 0);
  const percent = progress === null ? 0 : Math.min(100, Math.max(0, progress));
  return (
    <div>
      {label && <div className={classes.label}>{label}</div>}
      {/* the role on the whole track: at 0 % the fill has no width */}
      <div
        className={classes.bar}
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(percent)}
        aria-valuetext={text}
        aria-label={label || ariaLabel}
      >
        <div className={classes.fill} style={{ width: `${percent}%` }} />
      </div>
      <div className={classes.description}>{`${strings.Progress} : ${text}`}</div>
    </div>
  );
}
