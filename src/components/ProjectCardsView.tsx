import * as React from 'react';
import { Persona, PersonaSize, Stack, Text } from '@fluentui/react';
import * as strings from 'PstStrings';
import { formatDate } from '../domain/parsing';
import { distinctActions, topLevelActionNodes } from '../domain/tree';
import { compareCodes } from '../domain/tree';
import { usePlanModel } from './usePlanModel';
import type { ViewProps } from './ObjectiveTreeView';
import { ProgressBar } from './ProgressBar';
import { StatusBadges } from './StatusBadges';
import { formatMessage } from './format';

const cardStyle: React.CSSProperties = {
  border: '1px solid rgba(0,0,0,0.15)',
  borderRadius: 4,
  padding: 12,
  width: 300,
};

/** One card per action (sub-actions stay in their parent's sheet). */
export function ProjectCardsView({ snapshot, lang, today }: ViewProps): JSX.Element {
  const model = usePlanModel(snapshot, today);
  const actions = React.useMemo(
    () =>
      distinctActions(model.tree.volets.flatMap((volet) => topLevelActionNodes(volet))).sort((a, b) =>
        compareCodes(a.code, b.code),
      ),
    [model],
  );
  if (actions.length === 0) return <Text>{strings.EmptyPlan}</Text>;
  return (
    <Stack horizontal wrap tokens={{ childrenGap: 12 }} role="list">
      {actions.map((action) => {
        const rollup = model.rollup.actions.get(action.id);
        const due = action.plannedEnd ? formatMessage(strings.DueOn, formatDate(action.plannedEnd.end)) : strings.NoDueDate;
        return (
          <article key={action.id} style={cardStyle} role="listitem" aria-label={action.title}>
            <Stack tokens={{ childrenGap: 6 }}>
              <Text variant="mediumPlus">{action.code ? `${action.code} ${action.title}` : action.title}</Text>
              <Persona
                text={action.projectLead?.displayName ?? strings.NoLead}
                secondaryText={strings.Lead}
                size={PersonaSize.size32}
              />
              <Text variant="small">{due}</Text>
              <ProgressBar label="" progress={rollup?.progress ?? null} />
              <StatusBadges action={action} rollup={rollup} lang={lang} />
            </Stack>
          </article>
        );
      })}
    </Stack>
  );
}
