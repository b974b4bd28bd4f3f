import * as React from 'react';
import { ProgressIndicator } from '@fluentui/react';
import * as strings from 'PstStrings';
import { formatPercent } from '../../domain/parsing';

export interface ProgressBarProps {
  /** 0–100, or null when the node has no action to measure ("sans objet"). */
  readonly progress: number | null;
  readonly label: string;
  /** The accessible name when no visible label is shown (a card's bar). */
  readonly ariaLabel?: string;
}

export function ProgressBar({ progress, label, ariaLabel }: ProgressBarProps): JSX.Element {
  const text = progress === null ? strings.ProgressNone : formatPercent(progress, 0);
  return (
    <ProgressIndicator
      label={label}
      description={`${strings.Progress} : ${text}`}
      percentComplete={progress === null ? 0 : progress / 100}
      ariaValueText={text}
      ariaLabel={label ? undefined : ariaLabel}
    />
  );
}
