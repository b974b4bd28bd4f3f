import * as React from 'react';
import { Stack, Text } from '@fluentui/react';
import * as strings from 'PstStrings';
import type { PstSnapshot } from '../data/PstRepository';
import type { ActionNode, SectionNode, StrategicObjectiveNode, VoletNode } from '../domain/tree';
import type { ProgressStats } from '../domain/rollup';
import type { Lang } from '../domain/vocabularies';
import { usePlanModel, PlanModel } from './usePlanModel';
import { ProgressBar } from './ProgressBar';
import { StatusBadges } from './StatusBadges';

export interface ViewProps {
  readonly snapshot: PstSnapshot;
  readonly lang: Lang;
  readonly today: string;
}

function countsLine(stats: ProgressStats | undefined): string {
  if (!stats) return '';
  return `${stats.total} ${strings.Actions} · ${stats.done} ${strings.Done} · ${stats.late} ${strings.Late} · ${stats.blocked} ${strings.Blocked}`;
}

function label(code: string | null, title: string): string {
  return code ? `${code} ${title}` : title;
}

function ActionItem({ node, model, lang }: { node: ActionNode; model: PlanModel; lang: Lang }): JSX.Element {
  const rollup = model.rollup.actions.get(node.action.id);
  return (
    <li>
      <Text>{label(node.action.code, node.action.title)}</Text>
      {node.shared && <Text variant="small"> ({strings.Shared})</Text>} <StatusBadges action={node.action} rollup={rollup} lang={lang} />
      {node.subActions.length > 0 && (
        <ul>
          {node.subActions.map((sub) => (
            <ActionItem key={sub.action.id} node={sub} model={model} lang={lang} />
          ))}
        </ul>
      )}
    </li>
  );
}

function ObjectiveItem({ node, model, lang }: { node: StrategicObjectiveNode; model: PlanModel; lang: Lang }): JSX.Element {
  const stats = model.rollup.strategicObjectives.get(node.objective.id);
  return (
    <li>
      <ProgressBar label={label(node.objective.code, node.objective.title)} progress={stats?.progress ?? null} />
      <Text variant="small">{countsLine(stats)}</Text>
      <ul>
        {node.operationalObjectives.map((oo) => {
          const ooStats = model.rollup.operationalObjectives.get(oo.objective.id);
          return (
            <li key={oo.objective.id}>
              <ProgressBar label={label(oo.objective.code, oo.objective.title)} progress={ooStats?.progress ?? null} />
              <ul>
                {oo.actions.map((action) => (
                  <ActionItem key={action.action.id} node={action} model={model} lang={lang} />
                ))}
              </ul>
            </li>
          );
        })}
      </ul>
    </li>
  );
}

function SectionItem({ node, model, lang }: { node: SectionNode; model: PlanModel; lang: Lang }): JSX.Element {
  return (
    <li>
      <Text variant="large">{label(node.section.code, node.section.title)}</Text>
      <ul>
        {node.sections.map((s) => (
          <SectionItem key={s.section.id} node={s} model={model} lang={lang} />
        ))}
        {node.strategicObjectives.map((os) => (
          <ObjectiveItem key={os.objective.id} node={os} model={model} lang={lang} />
        ))}
      </ul>
    </li>
  );
}

function voletTitle(volet: VoletNode): string {
  if (volet.volet === 'interne') return strings.Volet_interne;
  if (volet.volet === 'externe') return strings.Volet_externe;
  if (volet.volet === 'transversal') return strings.Volet_transversal;
  return '';
}

/** Volet → section → OS → OO → actions, with the rolled-up progress of every objective. */
export function ObjectiveTreeView({ snapshot, lang, today }: ViewProps): JSX.Element {
  const model = usePlanModel(snapshot, today);
  if (snapshot.strategicObjectives.length === 0) return <Text>{strings.EmptyPlan}</Text>;
  return (
    <Stack tokens={{ childrenGap: 16 }}>
      <Text variant="xLarge" as="h2">
        {model.tree.plan.title}
      </Text>
      <Text>{countsLine(model.rollup.plan)}</Text>
      {model.tree.volets.map((volet) => (
        <section key={String(volet.volet)} aria-label={voletTitle(volet) || model.tree.plan.title}>
          {voletTitle(volet) && (
            <Text variant="large" as="h3">
              {voletTitle(volet)}
            </Text>
          )}
          <ul>
            {volet.sections.map((s) => (
              <SectionItem key={s.section.id} node={s} model={model} lang={lang} />
            ))}
            {volet.strategicObjectives.map((os) => (
              <ObjectiveItem key={os.objective.id} node={os} model={model} lang={lang} />
            ))}
          </ul>
        </section>
      ))}
    </Stack>
  );
}
