import * as React from 'react';
import { Text } from '@fluentui/react';
import * as strings from 'PstStrings';
import type { ActionRollup } from '../domain/rollup';
import type { Action } from '../domain/model';
import { statusLabel, Lang } from '../domain/vocabularies';
import { formatMessage } from './format';

/** Status, and the late / blocked badges of an action, as text (never colour alone). */
export function StatusBadges({ action, rollup, lang }: { action: Action; rollup: ActionRollup | undefined; lang: Lang }): JSX.Element {
  const parts: string[] = [];
  if (action.status) parts.push(statusLabel(action.status, lang));
  if (rollup?.lateness.daysLate) parts.push(formatMessage(strings.DaysLate, String(rollup.lateness.daysLate)));
  if (rollup?.blocked && action.status !== 'PROBLEME') parts.push(strings.Blocked);
  return <Text variant="small">{parts.join(' · ')}</Text>;
}
