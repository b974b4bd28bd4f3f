import * as React from 'react';
import { ICommandBarItemProps, Spinner, Stack, Text, mergeStyles } from '@fluentui/react';
import { StableCommandBar } from '../ui/StableCommandBar';
import * as strings from 'PstStrings';
import type { DashboardFigures } from '../../domain/dashboard';
import type { PstFilter } from '../../domain/filter';
import type { LeadAgenda as Agenda } from '../../domain/leadAgenda';
import { statusLabel, Lang } from '../../domain/vocabularies';
import { formatMessage } from '../../text/format';
import { AttentionTable, LateTable, ServiceTable } from './ActionTables';
import { KeyFigures } from './KeyFigures';
import { LeadAgenda } from './LeadAgenda';
import { ObjectiveChart } from './ObjectiveChart';
import { QuarterChart } from './QuarterChart';
import { StatusDistribution } from './StatusDistribution';
import type { TrendSource } from './TrendChart';
import type { CheckInLoader } from './useCheckInHistory';
import type { MeansViewProps } from './MeansView';

// The trend and the means read more data (check-in history, means lines) and sit below the
// key figures: their code comes with their data, not before the dashboard's first render.
const TrendChart = React.lazy(() => import(/* webpackChunkName: 'pst-dashboard-more' */ './TrendChart').then((m) => ({ default: m.TrendChart })));
const MeansView = React.lazy(() => import(/* webpackChunkName: 'pst-dashboard-more' */ './MeansView').then((m) => ({ default: m.MeansView })));
import { printElement } from '../ui/printElement';
import { usePainted } from '../ui/usePainted';
import { PRINT_WIDTH, PrintWidth } from './chartParts';

import { DASHBOARD_WIDGETS, DashboardWidget } from './dashboardWidgets';
export { DASHBOARD_WIDGETS } from './dashboardWidgets';
export type { DashboardWidget } from './dashboardWidgets';

export interface PstDashboardProps {
  readonly figures: DashboardFigures;
  readonly lang: Lang;
  readonly onOpenAction: (actionId: number) => void;
  /** Writes the XLSX of what is shown (the parent knows the plan title and the filters). */
  readonly onExport: () => void;
  /** The blocks to show (property pane); all by default. The blocked table goes with 'late'. */
  readonly widgets?: readonly DashboardWidget[];
  /** The page's shared filter: the key figures set it (every view of the page follows). */
  readonly filter?: PstFilter;
  readonly onFilterChange?: (filter: PstFilter) => void;
  /** For a project lead: their actions most urgent first, shown first. */
  readonly agenda?: Agenda | null;
  /** Reads an action's check-ins, for the reason and the date of the blocked ones. */
  readonly loadCheckIns?: CheckInLoader;
  /** The plan shown and the check-in history, for the progress over time; without it, no trend block. */
  readonly trend?: TrendSource;
  /** The financial director's block (widget 'means'): the plan shown and how to read its means lines. */
  readonly means?: Omit<MeansViewProps, 'lang'>;
}

// Printing the whole page from the browser's menu: commands and filters are not printed,
// and blocks are not cut across pages. The dashboard's own « Imprimer » prints it alone
// (printElement).
mergeStyles({
  selectors: {
    '@media print': {
      '.pst-no-print': { display: 'none !important' },
      '.pst-dashboard section, .pst-kpi': { breakInside: 'avoid' },
    },
  },
});

function Block({ id, title, children }: { id: string; title: string; children: React.ReactNode }): JSX.Element {
  return (
    <section aria-labelledby={id}>
      <Text variant="large" as="h3" id={id} block styles={{ root: { marginBottom: 8 } }}>
        {title}
      </Text>
      {children}
    </section>
  );
}

/** The steering committee's view: key figures, progress per objective, what is late or blocked. */
export function PstDashboard(props: PstDashboardProps): JSX.Element {
  const { figures, lang, onOpenAction, onExport, widgets = DASHBOARD_WIDGETS, agenda } = props;
  const shows = (widget: DashboardWidget): boolean => widgets.indexOf(widget) >= 0;
  const plan = figures.plan;
  const root = React.useRef<HTMLDivElement>(null);
  // « Imprimer »: lay the dashboard out for the paper first, then print a copy of it.
  const [printing, setPrinting] = React.useState(false);
  React.useEffect(() => {
    if (!printing) return;
    if (root.current) printElement(root.current);
    setPrinting(false);
  }, [printing]);
  const commands: ICommandBarItemProps[] = [
    { key: 'export', text: strings.ExportExcel, iconProps: { iconName: 'ExcelDocument' }, onClick: onExport },
    { key: 'print', text: strings.PrintPdf, iconProps: { iconName: 'Print' }, onClick: () => setPrinting(true) },
  ];
  const agendaBlock = agenda ? (
    <Block id="pst-dash-agenda" title={strings.DashAgendaTitle}>
      <LeadAgenda agenda={agenda} lang={lang} onOpenAction={onOpenAction} />
    </Block>
  ) : null;
  const keyFigures = shows('figures') ? <KeyFigures figures={figures} filter={props.filter} onFilterChange={props.onFilterChange} /> : null;

  // The blocks read the figures, not the filter: typing in the search box re-renders them only
  // when the figures change (the figures are the same object while the filtered items are).
  // The trend's and the means' code (pst-dashboard-more) is fetched once the figures show.
  const painted = usePainted();
  const blocks = React.useMemo(
    () => (
      <>
        {shows('objectives') && (
          <Block id="pst-dash-os" title={strings.ProgressPerOs}>
            <ObjectiveChart strategicObjectives={figures.strategicObjectives} operationalObjectives={figures.operationalObjectives} lang={lang} />
          </Block>
        )}

        {shows('trend') && props.trend && (
          <Block id="pst-dash-trend" title={strings.TrendTitle}>
            <React.Suspense fallback={<Spinner label={strings.Loading} />}>{painted ? <TrendChart source={props.trend} /> : <Spinner label={strings.Loading} />}</React.Suspense>
          </Block>
        )}

        {/* Below the first screen: drawn once the figures above are on screen (nothing visible moves). */}
        {painted && shows('late') && (
          <Block id="pst-dash-late" title={formatMessage(strings.LateActionsTitle, String(figures.lateActions.length))}>
            {figures.lateActions.length === 0 ? <Text>{strings.NothingLate}</Text> : <LateTable items={figures.lateActions} onOpenAction={onOpenAction} />}
          </Block>
        )}

        {painted && shows('late') && (
          <Block id="pst-dash-blocked" title={formatMessage(strings.DashAttentionTitle, String(figures.attentionActions.length))}>
            {figures.attentionActions.length === 0 ? (
              <Text>{strings.DashNothingBlocked}</Text>
            ) : (
              <AttentionTable items={figures.attentionActions} onOpenAction={onOpenAction} loadCheckIns={props.loadCheckIns} />
            )}
          </Block>
        )}

        {painted && shows('statuses') && (
          <Block id="pst-dash-status" title={strings.StatusDistribution}>
            <StatusDistribution
              items={figures.statusDistribution.map((d) => ({ key: d.status ?? 'unknown', label: d.status ? statusLabel(d.status, lang) : strings.StatusUnknown, count: d.count }))}
            />
          </Block>
        )}

        {painted && shows('quarters') && (
          <Block id="pst-dash-quarters" title={strings.PlannedEndsPerQuarter}>
            <QuarterChart quarters={figures.quarters} />
          </Block>
        )}

        {painted && shows('services') && (
          <Block id="pst-dash-services" title={strings.ByService}>
            <ServiceTable items={figures.services} />
          </Block>
        )}

        {shows('means') && props.means && (
          <Block id="pst-dash-means" title={strings.DashMeansTitle}>
            <React.Suspense fallback={<Spinner label={strings.Loading} />}>{painted ? <MeansView {...props.means} lang={lang} /> : <Spinner label={strings.Loading} />}</React.Suspense>
          </Block>
        )}
      </>
    ),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [figures, lang, onOpenAction, widgets, props.trend, props.loadCheckIns, props.means, painted],
  );

  if (plan.total === 0)
    return (
      <Stack tokens={{ childrenGap: 20 }} className="pst-dashboard">
        {agendaBlock}
        {keyFigures}
        <Text>{strings.NoActionForFilter}</Text>
      </Stack>
    );
  return (
    <PrintWidth.Provider value={printing ? PRINT_WIDTH : null}><div ref={root}>
    <Stack tokens={{ childrenGap: 20 }} className="pst-dashboard">
      <div className="pst-no-print">
        <StableCommandBar items={commands} ariaLabel={strings.DashboardCommands} overflowButtonProps={{ ariaLabel: strings.DashMoreCommands }} />
      </div>
      {agendaBlock}
      {keyFigures}

      {blocks}
    </Stack>
    </div></PrintWidth.Provider>
  );
}
