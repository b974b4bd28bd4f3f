import * as React from 'react';
import {
  CommandBar,
  DetailsList,
  DetailsListLayoutMode,
  IColumn,
  ICommandBarItemProps,
  Link,
  SelectionMode,
  Stack,
  Text,
  mergeStyles,
  useTheme,
} from '@fluentui/react';
import * as strings from 'PstStrings';
import type { DashboardFigures, LateActionFigure, ServiceFigure } from '../../domain/dashboard';
import { formatDate, formatPercent } from '../../domain/parsing';
import { statusLabel, Lang } from '../../domain/vocabularies';
import { ProgressBar } from '../ui/ProgressBar';
import { formatMessage } from '../../text/format';
import { QuarterChart } from './QuarterChart';
import { StatusDistribution } from './StatusDistribution';

export type DashboardWidget = 'figures' | 'objectives' | 'statuses' | 'late' | 'services' | 'quarters';

export const DASHBOARD_WIDGETS: readonly DashboardWidget[] = ['figures', 'objectives', 'statuses', 'late', 'services', 'quarters'];

export interface PstDashboardProps {
  readonly figures: DashboardFigures;
  readonly lang: Lang;
  readonly onOpenAction: (actionId: number) => void;
  /** Writes the XLSX of what is shown (the parent knows the plan title and the filters). */
  readonly onExport: () => void;
  /** The blocks to show (property pane); all by default. */
  readonly widgets?: readonly DashboardWidget[];
}

// Printing (to paper or PDF from the browser): commands and filters are not printed, and
// blocks are not cut across pages.
mergeStyles({
  selectors: {
    '@media print': {
      '.pst-no-print': { display: 'none !important' },
      '.pst-dashboard section, .pst-kpi': { breakInside: 'avoid' },
    },
  },
});

function Kpi({ label, value, detail }: { label: string; value: string; detail?: string }): JSX.Element {
  const theme = useTheme();
  return (
    <div
      className="pst-kpi"
      style={{ minWidth: 140, padding: '8px 12px', borderLeft: `4px solid ${theme.palette.themePrimary}`, background: theme.palette.neutralLighterAlt }}
    >
      <Text variant="xxLarge" block styles={{ root: { fontWeight: 600 } }}>
        {value}
      </Text>
      <Text block>{label}</Text>
      {detail && (
        <Text variant="small" block styles={{ root: { color: theme.palette.neutralSecondary } }}>
          {detail}
        </Text>
      )}
    </div>
  );
}

const rate = (value: number | null): string => (value === null ? strings.ProgressNone : formatPercent(value * 100, 0));

/** The steering committee's view: key figures, progress per objective, what is late. */
export function PstDashboard({ figures, lang, onOpenAction, onExport, widgets = DASHBOARD_WIDGETS }: PstDashboardProps): JSX.Element {
  const shows = (widget: DashboardWidget): boolean => widgets.indexOf(widget) >= 0;
  const plan = figures.plan;
  const commands: ICommandBarItemProps[] = [
    { key: 'export', text: strings.ExportExcel, iconProps: { iconName: 'ExcelDocument' }, onClick: onExport },
    { key: 'print', text: strings.PrintPdf, iconProps: { iconName: 'Print' }, onClick: () => window.print() },
  ];

  const lateColumns: IColumn[] = [
    {
      key: 'action',
      name: strings.ColumnAction,
      minWidth: 200,
      isMultiline: true,
      onRender: (item: LateActionFigure) => (
        <Link onClick={() => onOpenAction(item.action.id)}>
          {item.action.code ? `${item.action.code} ${item.action.title}` : item.action.title}
        </Link>
      ),
    },
    { key: 'lead', name: strings.Lead, minWidth: 120, onRender: (item: LateActionFigure) => item.lead?.displayName ?? strings.NoLead },
    { key: 'due', name: strings.ColumnDue, minWidth: 90, onRender: (item: LateActionFigure) => formatDate(item.dueDate) },
    {
      key: 'late',
      name: strings.ColumnDaysLate,
      minWidth: 80,
      onRender: (item: LateActionFigure) => formatMessage(strings.DaysLate, String(item.daysLate)),
    },
  ];
  const serviceColumns: IColumn[] = [
    { key: 'service', name: strings.ColumnService, minWidth: 160, isMultiline: true, onRender: (s: ServiceFigure) => s.service || strings.NoService },
    { key: 'total', name: strings.ActionCount, minWidth: 60, onRender: (s: ServiceFigure) => String(s.stats.total) },
    { key: 'done', name: strings.ShareDone, minWidth: 70, onRender: (s: ServiceFigure) => String(s.stats.done) },
    { key: 'late', name: strings.LateActions, minWidth: 70, onRender: (s: ServiceFigure) => String(s.stats.late) },
    { key: 'blocked', name: strings.BlockedActions, minWidth: 70, onRender: (s: ServiceFigure) => String(s.stats.blocked) },
    {
      key: 'progress',
      name: strings.Progress,
      minWidth: 80,
      onRender: (s: ServiceFigure) => (s.stats.progress === null ? strings.ProgressNone : formatPercent(s.stats.progress, 0)),
    },
  ];

  if (plan.total === 0) return <Text>{strings.NoActionForFilter}</Text>;
  return (
    <Stack tokens={{ childrenGap: 20 }} className="pst-dashboard">
      <div className="pst-no-print">
        <CommandBar items={commands} ariaLabel={strings.DashboardCommands} />
      </div>
      {shows('figures') && (
      <div role="list" aria-label={strings.KeyFigures} style={{ display: 'flex', flexWrap: 'wrap', gap: 12 }}>
        <div role="listitem">
          <Kpi label={strings.ActionCount} value={String(plan.total)} detail={formatMessage(strings.CancelledCount, String(plan.cancelled))} />
        </div>
        <div role="listitem">
          <Kpi label={strings.ShareDone} value={String(plan.done)} detail={rate(plan.total - plan.cancelled > 0 ? plan.done / (plan.total - plan.cancelled) : null)} />
        </div>
        <div role="listitem">
          <Kpi label={strings.RealisationRate} value={rate(plan.realisationRate)} />
        </div>
        <div role="listitem">
          <Kpi label={strings.Progress} value={plan.progress === null ? strings.ProgressNone : formatPercent(plan.progress, 0)} />
        </div>
        <div role="listitem">
          <Kpi label={strings.LateActions} value={String(plan.late)} />
        </div>
        <div role="listitem">
          <Kpi label={strings.BlockedActions} value={String(plan.blocked)} />
        </div>
      </div>
      )}

      {shows('objectives') && (
      <section aria-labelledby="pst-dash-os">
        <Text variant="large" as="h3" id="pst-dash-os">
          {strings.ProgressPerOs}
        </Text>
        {figures.strategicObjectives.map((os) => (
          <details key={os.id} className="pst-dash-os">
            <summary style={{ cursor: 'pointer' }}>
              <div style={{ display: 'inline-block', width: 'calc(100% - 24px)', verticalAlign: 'top' }}>
                <ProgressBar label={os.code ? `${os.code} ${os.title}` : os.title} progress={os.stats.progress} />
              </div>
            </summary>
            <div style={{ paddingLeft: 24 }}>
              {figures.operationalObjectives
                .filter((oo) => oo.strategicObjectiveId === os.id)
                .map((oo) => (
                  <ProgressBar key={oo.id} label={oo.code ? `${oo.code} ${oo.title}` : oo.title} progress={oo.stats.progress} />
                ))}
            </div>
          </details>
        ))}
      </section>
      )}

      {shows('statuses') && (
      <section aria-labelledby="pst-dash-status">
        <Text variant="large" as="h3" id="pst-dash-status">
          {strings.StatusDistribution}
        </Text>
        <StatusDistribution
          items={figures.statusDistribution.map((d) => ({ key: d.status ?? 'unknown', label: d.status ? statusLabel(d.status, lang) : strings.StatusUnknown, count: d.count }))}
        />
      </section>
      )}

      {shows('late') && (
      <section aria-labelledby="pst-dash-late">
        <Text variant="large" as="h3" id="pst-dash-late">
          {formatMessage(strings.LateActionsTitle, String(figures.lateActions.length))}
        </Text>
        {figures.lateActions.length === 0 ? (
          <Text>{strings.NothingLate}</Text>
        ) : (
          <DetailsList
            items={figures.lateActions}
            columns={lateColumns}
            selectionMode={SelectionMode.none}
            layoutMode={DetailsListLayoutMode.justified}
            getKey={(item: LateActionFigure) => String(item.action.id)}
            ariaLabelForGrid={strings.LateActions}
          />
        )}
      </section>
      )}

      {shows('services') && (
      <section aria-labelledby="pst-dash-services">
        <Text variant="large" as="h3" id="pst-dash-services">
          {strings.ByService}
        </Text>
        <DetailsList
          items={figures.services}
          columns={serviceColumns}
          selectionMode={SelectionMode.none}
          layoutMode={DetailsListLayoutMode.justified}
          getKey={(item: ServiceFigure) => item.service || '-'}
          ariaLabelForGrid={strings.ByService}
        />
      </section>
      )}

      {shows('quarters') && (
      <section aria-labelledby="pst-dash-quarters">
        <Text variant="large" as="h3" id="pst-dash-quarters">
          {strings.PlannedEndsPerQuarter}
        </Text>
        <QuarterChart quarters={figures.quarters} />
      </section>
      )}
    </Stack>
  );
}
