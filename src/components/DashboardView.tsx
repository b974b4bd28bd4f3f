import * as React from 'react';
import { Stack, Text } from '@fluentui/react';
import * as strings from 'PstStrings';
import { formatPercent } from '../domain/parsing';
import { usePlanModel } from './usePlanModel';
import type { ViewProps } from './ObjectiveTreeView';
import { ProgressBar } from './ProgressBar';

function Figure({ label, value }: { label: string; value: string }): JSX.Element {
  return (
    <Stack horizontalAlign="center" styles={{ root: { minWidth: 120 } }}>
      <Text variant="xxLarge">{value}</Text>
      <Text>{label}</Text>
    </Stack>
  );
}

/** Key figures of the plan and the progress of each strategic objective. */
export function DashboardView({ snapshot, today }: ViewProps): JSX.Element {
  const model = usePlanModel(snapshot, today);
  const plan = model.rollup.plan;
  const objectives = model.tree.volets.flatMap((v) => [
    ...v.strategicObjectives,
    ...v.sections.flatMap(function collect(s): typeof v.strategicObjectives {
      return [...s.strategicObjectives, ...s.sections.flatMap(collect)];
    }),
  ]);
  if (plan.total === 0) return <Text>{strings.EmptyPlan}</Text>;
  return (
    <Stack tokens={{ childrenGap: 16 }}>
      <Stack horizontal wrap tokens={{ childrenGap: 24 }}>
        <Figure label={strings.ActionCount} value={String(plan.total)} />
        <Figure label={strings.ShareDone} value={String(plan.done)} />
        <Figure label={strings.RealisationRate} value={formatPercent(plan.realisationRate === null ? null : plan.realisationRate * 100, 0)} />
        <Figure label={strings.LateActions} value={String(plan.late)} />
        <Figure label={strings.BlockedActions} value={String(plan.blocked)} />
      </Stack>
      <Text variant="large" as="h3">
        {strings.ProgressPerOs}
      </Text>
      {objectives.map((os) => (
        <ProgressBar
          key={os.objective.id}
          label={os.objective.code ? `${os.objective.code} ${os.objective.title}` : os.objective.title}
          progress={model.rollup.strategicObjectives.get(os.objective.id)?.progress ?? null}
        />
      ))}
    </Stack>
  );
}
