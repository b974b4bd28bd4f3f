import * as React from 'react';
import { Stack, Text } from '@fluentui/react';
import * as strings from 'PstStrings';
import type { Action, IsoDate } from '../../domain/model';
import { classifyLateness } from '../../domain/lateness';
import { healthLabel, statusLabel, Lang } from '../../domain/vocabularies';
import { formatMessage } from '../../text/format';
import { ProgressBar } from '../ui/ProgressBar';
import { Badge, usePanelClassNames } from './parts';
import { HEALTH_ICONS, HEALTH_TONES, ObjectivePath, STATUS_ICONS, STATUS_TONES, latenessTexts, pathText } from './panelModel';

export interface ActionHeaderProps {
  /** With lastCheckInDate completed from the history. */
  readonly action: Action;
  readonly paths: readonly ObjectivePath[];
  readonly today: IsoDate;
  readonly lang: Lang;
}

const LATENESS_ICONS = { overdue: 'AlarmClock', dueSoon: 'Clock', stale: 'Sleep' } as const;

/** Where the action sits (OS → OO), its status, health and lateness, and its progress. */
export function ActionHeader({ action, paths, today, lang }: ActionHeaderProps): JSX.Element {
  const classNames = usePanelClassNames();
  const lateness = React.useMemo(() => classifyLateness(action, today), [action, today]);
  const late = latenessTexts(lateness);
  return (
    <Stack tokens={{ childrenGap: 8 }}>
      {paths.length > 0 && (
        <nav aria-label={strings.PanelObjectives}>
          {paths.length > 1 && <Text block>{formatMessage(strings.PanelTransversal, String(paths.length))}</Text>}
          <ul className={classNames.plainList} style={paths.length === 1 ? { listStyle: 'none', paddingLeft: 0 } : undefined}>
            {paths.map((path) => (
              <li key={path.operationalObjectiveId}>
                <Text variant="small">{pathText(path)}</Text>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <Stack horizontal wrap tokens={{ childrenGap: 8 }} verticalAlign="center">
        {action.parentActionId != null && <Badge icon="Childof" text={strings.PanelSubAction} tone="neutral" />}
        {action.status ? (
          <Badge icon={STATUS_ICONS[action.status]} text={`${strings.PanelStatus} : ${statusLabel(action.status, lang)}`} tone={STATUS_TONES[action.status]} />
        ) : (
          <Badge icon="Unknown" text={strings.PanelNoStatus} tone="neutral" />
        )}
        {action.health && (
          <Badge icon={HEALTH_ICONS[action.health]} text={`${strings.PanelHealth} : ${healthLabel(action.health, lang)}`} tone={HEALTH_TONES[action.health]} />
        )}
        {late.map((item) => (
          <Badge key={item.kind} icon={LATENESS_ICONS[item.kind]} text={item.text} tone={item.kind === 'dueSoon' ? 'warning' : 'error'} />
        ))}
      </Stack>
      <ProgressBar label="" progress={action.progressPercent} />
    </Stack>
  );
}
