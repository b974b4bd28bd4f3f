import * as React from 'react';
import { DefaultButton, ITheme, MessageBar, MessageBarType, Spinner, SpinnerSize, Stack, ThemeProvider } from '@fluentui/react';
import * as strings from 'PstStrings';
import type { PstRepository } from '../../data/PstRepository';
import type { PstSnapshot } from '../../domain/snapshot';
import type { ProvisioningState } from '../../data/provisioning';
import { InvalidRequestError, NotFoundError, PstError } from '../../data/errors';
import type { Action, IsoDate, Person } from '../../domain/model';
import { currentPlan, itemsOfPlan } from '../../domain/plans';
import type { PstFilter } from '../../domain/filter';
import { prepareSearch } from '../../domain/filter';
import { whenIdle } from '../ui/whenIdle';
import { preloadPopups } from '../ui/LazyPopups';
import { preloadDropdown } from '../ui/LazyDropdown';
import { preloadableLazy } from '../ui/preloadableLazy';
import { leadAgenda, leadsAnAction } from '../../domain/leadAgenda';
import { dashboardFigures } from '../../domain/dashboard';
import type { Lang } from '../../domain/vocabularies';
import type { MailService } from '../../mail/mailService';
import { ProvisioningPrompt } from './ProvisioningPrompt';
import { PlanData, computedOf, filterOptionsOf, filteredOf, planDataOf, snapshotWithSaved } from '../host/planModel';
import { StructureEditingProvider } from '../structure/StructureEditing';
import { FilterBar } from '../filters/FilterBar';
import { useSharedFilter } from '../filters/useSharedFilter';
import type { CardGroup, CardItem } from '../cards/ProjectCards';
import type { DashboardWidget } from '../dashboard/dashboardWidgets';
import type { TrendCheckIn } from '../../domain/trend';
import { describeFilter } from '../dashboard/filterDescription';
import { downloadDashboardWorkbook } from '../dashboard/download';
import { loadReportDetails } from '../report/loadReportDetails';
import { PlanCommandBar } from './PlanCommandBar';
import { formatMessage } from '../../text/format';

export type PstView = 'tree' | 'cards' | 'dashboard';

/*
 * Each view, the action panel and the import view are loaded on demand: a page with one
 * web part downloads its own view only, and the panel when an action is first opened.
 */
// The tree with the coordination's structure commands when a StructureEditingProvider is around it, the plain tree otherwise.
const TreeView = preloadableLazy(() => import(/* webpackChunkName: 'pst-view-tree' */ '../structure/EditableObjectiveTree').then((m) => m.EditableObjectiveTree));
const CardsView = preloadableLazy(() => import(/* webpackChunkName: 'pst-view-cards' */ '../cards/ProjectCards').then((m) => m.ProjectCards));
const DashboardView = preloadableLazy(() => import(/* webpackChunkName: 'pst-view-dashboard' */ '../dashboard/PstDashboard').then((m) => m.PstDashboard));
const ObjectiveTree = TreeView.Component;
const ProjectCards = CardsView.Component;
const PstDashboard = DashboardView.Component;
/** The view's code, fetched while the plan loads rather than after it: the view then renders at once, without a Suspense pass. */
const VIEW_CODE: { readonly [V in PstView]: () => Promise<unknown> } = {
  tree: () => TreeView.preload(),
  cards: () => CardsView.preload(),
  dashboard: () => DashboardView.preload(),
};
const ActionPanel = React.lazy(() => import(/* webpackChunkName: 'pst-action-panel' */ '../action').then((m) => ({ default: m.ActionPanel })));

const LeadDesignationPanel = React.lazy(() =>
  import(/* webpackChunkName: 'pst-import-view' */ '../importView/LeadDesignationPanel').then((m) => ({ default: m.LeadDesignationPanel })),
);
const ImportPanel = React.lazy(() => import(/* webpackChunkName: 'pst-import-view' */ '../importView/ImportPanel').then((m) => ({ default: m.ImportPanel })));

/**
 * Window event: PST data changed on this page. With the action as saved (a check-in, a sheet
 * edit, a new lead), every web part of the page puts it in its plan without reading anything;
 * without one (an import), they load the plan again.
 */
export const PST_DATA_CHANGED = 'pst-data-changed';

export interface PstDataChange {
  /** The action as it was just written. */
  readonly action?: Action;
}

function announceChange(change: PstDataChange): void {
  window.dispatchEvent(new CustomEvent<PstDataChange>(PST_DATA_CHANGED, { detail: change }));
}

export interface PstAppProps {
  readonly view: PstView;
  readonly repository: PstRepository;
  /** Mails sent as the signed-in user (assignment, update request); absent where Graph is not available. */
  readonly mail?: MailService;
  readonly lang: Lang;
  /** ISO date the lateness rules are evaluated at (today, or a fixed date in tests). */
  readonly today: IsoDate;
  /** The site's theme in SharePoint, a Teams theme in Teams; Fluent's default otherwise. */
  readonly theme?: ITheme;
  readonly host?: 'sharepoint' | 'teams' | 'local';
  /** Deep link: `action-12`, `oo-3`… (from `#pst=` or Teams' sub-entity). */
  readonly initialNodeId?: string;
  /** Default filters set in the property pane, in deep-link query form. */
  readonly defaultFilterQuery?: string;
  readonly showFilterBar?: boolean;
  readonly cardsGroupBy?: string;
  /** The dashboard blocks to show; all when absent. */
  readonly dashboardWidgets?: readonly DashboardWidget[];
  /** The link to a node, for « Copier le lien » (page URL + `#pst=…`, or a Teams deep link). */
  readonly linkForNode?: (nodeId: string) => string;
}

type LoadState =
  | { kind: 'loading' }
  | { kind: 'ready'; snapshot: PstSnapshot }
  | { kind: 'listsMissing'; state: ProvisioningState; canManageLists: boolean }
  | { kind: 'error'; message: string };

function actionIdOf(nodeId: string | undefined): number | null {
  const match = /^action-(\d+)$/.exec(nodeId ?? '');
  return match ? Number(match[1]) : null;
}

/**
 * Loads the PST once (one batched request), keeps the filters shared by every view, and
 * opens an action's panel from any of them. Only when the load fails does it inspect the
 * site for missing lists, so a normal page load stays one round trip.
 */
export function PstApp(props: PstAppProps): JSX.Element {
  const { view, repository, lang, today, theme, initialNodeId } = props;
  // One state for the loaded plan and its viewer: a load is one render, not three.
  const [state, setState] = React.useState<LoadState>({ kind: 'loading' });
  // The filter is shared with the page's other PST web parts (and its URL): see useSharedFilter.
  const { filter, setFilter, applyDefault } = useSharedFilter(props.defaultFilterQuery);
  const [selectedNodeId, setSelectedNodeId] = React.useState<string | undefined>(initialNodeId);
  const [openActionId, setOpenActionId] = React.useState<number | null>(() => actionIdOf(initialNodeId));

  const load = React.useCallback(
    async (quietly = false): Promise<void> => {
      if (!quietly) setState({ kind: 'loading' });
      try {
        const snapshot = await repository.loadSnapshot();
        setState({ kind: 'ready', snapshot });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        // A missing list is "not found", a missing column an invalid request: both mean "provision first".
        const failure = PstError.from(error);
        if (failure instanceof NotFoundError || failure instanceof InvalidRequestError) {
          const [listsState, canManageLists] = await Promise.all([repository.inspectLists(), repository.canManageLists()]);
          if (!listsState.upToDate) {
            setState({ kind: 'listsMissing', state: listsState, canManageLists });
            return;
          }
        }
        setState({ kind: 'error', message });
      }
    },
    [repository],
  );

  React.useEffect(() => {
    load().catch((error: unknown) => setState({ kind: 'error', message: String(error) }));
  }, [load]);
  React.useEffect(() => {
    // a failed fetch is the lazy view's to report, when it renders
    VIEW_CODE[view]().catch(() => undefined);
  }, [view]);

  // Once the plan and its view's code are here and the page is idle: the code of the menus
  // and lists (fetched on demand, ui/Lazy*), so that the first one opened opens at once.
  const ready = state.kind === 'ready';
  React.useEffect(() => {
    if (!ready) return undefined;
    let cancel: () => void = () => undefined;
    let live = true;
    VIEW_CODE[view]()
      .then(() => {
        if (live) cancel = whenIdle(() => void Promise.all([preloadPopups(), preloadDropdown()]).catch(() => undefined));
      })
      .catch(() => undefined);
    return () => {
      live = false;
      cancel();
    };
  }, [ready, view]);

  // Several PST web parts on one page: when one saves, all of them take the saved action
  // into their plan (no reload); after an import, they load the plan again.
  React.useEffect(() => {
    const changed = (event: Event): void => {
      const action = (event as CustomEvent<PstDataChange | null>).detail?.action;
      if (!action) {
        void load(true);
        return;
      }
      setState((current) => (current.kind === 'ready' ? { kind: 'ready', snapshot: snapshotWithSaved(current.snapshot, action) } : current));
    };
    window.addEventListener(PST_DATA_CHANGED, changed);
    return () => window.removeEventListener(PST_DATA_CHANGED, changed);
  }, [load]);

  // Lead-first start: a project lead (who does not coordinate) starts on « Mes actions »,
  // unless the URL, the property pane or the user already chose a filter.
  React.useEffect(() => {
    if (state.kind !== 'ready') return;
    const viewer = state.snapshot.viewer;
    if (viewer && !viewer.canEditAllActions && leadsAnAction(state.snapshot.actions, viewer.user)) applyDefault({ mine: true });
  }, [state, applyDefault]);

  // Stable: the views memoise what they draw with them (a key typed re-renders the filter, not the tables).
  const openAction = React.useCallback((id: number): void => {
    setSelectedNodeId(`action-${id}`);
    setOpenActionId(id);
  }, []);
  const closePanel = React.useCallback(() => setOpenActionId(null), []);
  const announceSaved = React.useCallback((action: Action) => announceChange({ action }), []);

  const content = (() => {
    switch (state.kind) {
      case 'loading':
        return <Spinner size={SpinnerSize.large} label={strings.Loading} />;
      case 'error':
        return (
          <Stack tokens={{ childrenGap: 8 }}>
            <MessageBar messageBarType={MessageBarType.error}>{formatMessage(strings.LoadError, state.message)}</MessageBar>
            <DefaultButton text={strings.Retry} onClick={() => load()} />
          </Stack>
        );
      case 'listsMissing':
        return (
          <ProvisioningPrompt
            state={state.state}
            canManageLists={state.canManageLists}
            onProvision={async () => {
              await repository.provisionLists();
              await load();
            }}
          />
        );
      case 'ready':
        return (
          <LoadedPlan
            {...props}
            snapshot={state.snapshot}
            me={state.snapshot.viewer?.user ?? null}
            isCoordinator={state.snapshot.viewer?.canEditAllActions ?? false}
            filter={filter}
            onFilterChange={setFilter}
            selectedNodeId={selectedNodeId}
            onSelectNode={setSelectedNodeId}
            openActionId={openActionId}
            onOpenAction={openAction}
            onClosePanel={closePanel}
            onSaved={announceSaved}
            today={today}
            lang={lang}
            view={view}
          />
        );
    }
  })();

  return theme ? <ThemeProvider theme={theme}>{content}</ThemeProvider> : content;
}

interface LoadedPlanProps extends PstAppProps {
  readonly snapshot: PstSnapshot;
  readonly me: Person | null;
  readonly isCoordinator: boolean;
  readonly filter: PstFilter;
  readonly onFilterChange: (filter: PstFilter) => void;
  readonly selectedNodeId?: string;
  readonly onSelectNode: (nodeId: string) => void;
  readonly openActionId: number | null;
  readonly onOpenAction: (actionId: number) => void;
  readonly onClosePanel: () => void;
  readonly onSaved: (action: Action) => void;
}

function LoadedPlan(props: LoadedPlanProps): JSX.Element {
  const { snapshot, view, today, lang, me, filter, onFilterChange, onOpenAction, showFilterBar = true } = props;
  const [chosenPlanId, setChosenPlanId] = React.useState<number | null>(null);
  const plan = React.useMemo(() => snapshot.plans.find((p) => p.id === chosenPlanId) ?? currentPlan(snapshot.plans, today), [snapshot, chosenPlanId, today]);
  // Structure editing (coordination, tree view): archived items on request, every item to the commands.
  const [showArchived, setShowArchived] = React.useState(false);
  const editsStructure = props.isCoordinator && view === 'tree' && plan !== null;
  // Only the structure commands read them: the other views do not sort them out.
  const planItems = React.useMemo(() => (editsStructure && plan ? itemsOfPlan(snapshot, plan.id) : null), [editsStructure, snapshot, plan]);
  // One model for the page's web parts (host/planModel): the first one to ask computes it.
  const data = planDataOf(snapshot, plan, showArchived);
  const options = filterOptionsOf(data);
  const filtered = filteredOf(data, filter, { me, today });
  // The search's index of the plan, made when the page is idle rather than at the first key typed.
  React.useEffect(() => whenIdle(() => prepareSearch(data)), [data]);
  const figures = React.useMemo(
    () => (view === 'dashboard' ? dashboardFigures(filtered, today, computedOf(filtered, data.plan, { today })) : null),
    [view, filtered, data, today],
  );
  const operational = React.useMemo(() => new Map(snapshot.operationalObjectives.map((oo) => [oo.id, oo])), [snapshot]);
  const strategic = React.useMemo(() => new Map(snapshot.strategicObjectives.map((os) => [os.id, os])), [snapshot]);

  const repository = props.repository;
  // A new loader per snapshot: the attention table keeps what it read with it (useCheckInHistory).
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const loadCheckIns = React.useCallback((actionIds: readonly number[]) => repository.loadCheckInsOf(actionIds), [repository, snapshot]);
  // The check-in history is read once per loaded snapshot (a save reloads both), whatever the filter.
  const loadHistory = React.useMemo(() => {
    let history: Promise<readonly TrendCheckIn[]> | undefined;
    return () => (history = history ?? repository.loadCheckInHistory());
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [repository, snapshot]);
  const trend = React.useMemo(
    () => ({ input: filtered, plan: data, from: data.plan.startYear !== null ? `${data.plan.startYear}-01-01` : null, today, load: loadHistory }),
    [filtered, data, today, loadHistory],
  );
  // Read again with every new snapshot (a save in the panel reloads it).
  const loadMeans = React.useCallback(() => repository.loadMeans(), [repository, snapshot]);

  const means = React.useMemo(
    () => ({
      actions: filtered.actions,
      operationalObjectives: filtered.operationalObjectives,
      strategicObjectives: filtered.strategicObjectives,
      load: loadMeans,
    }),
    [filtered, loadMeans],
  );

  const [importOpen, setImportOpen] = React.useState(false);
  // The panel's code is fetched when an action is first opened, then the panel stays mounted (it animates its closing).
  const panelNeeded = React.useRef(false);
  const [designateOpen, setDesignateOpen] = React.useState(false);
  // The coordinator imports from the tree, or from any view while the site has no plan yet.
  const canImport = props.isCoordinator && (view === 'tree' || snapshot.plans.length === 0);
  // « Générer un rapport » from the tree and the dashboard: the plan as filtered on the page.
  const canReport = view !== 'cards' && filtered.actions.length > 0;
  const loadDetails = React.useCallback(() => loadReportDetails(repository, filtered.actions.map((a) => a.id)), [repository, filtered]);
  // « Exporter / publier »: the coordinator's documents of the whole plan shown.
  const canExport = props.isCoordinator && view !== 'cards' && data.actions.length > 0;
  const toolbar = (
    <PlanCommandBar
      lang={lang}
      today={today}
      repository={repository}
      plans={snapshot.plans}
      plan={plan}
      onChoosePlan={setChosenPlanId}
      report={canReport ? { data: filtered, filterLines: describeFilter(filter, options, lang), loadDetails } : undefined}
      exportData={canExport ? data : undefined}
      onImport={canImport ? () => setImportOpen(true) : undefined}
      onDesignateLeads={canImport && snapshot.plans.length > 0 ? () => setDesignateOpen(true) : undefined}
      structure={editsStructure ? { showArchived, onShowArchivedChange: setShowArchived, onChanged: () => announceChange({}) } : undefined}
    />
  );

  const filterBar = showFilterBar ? <FilterBar filter={filter} onChange={onFilterChange} options={options} lang={lang} canFilterMine={!!me} compact /> : null;

  let body: JSX.Element;
  if (view === 'tree') {
    body = (
      <Stack tokens={{ childrenGap: 12 }}>
        {filterBar}
        <ObjectiveTree
        data={data}
        today={today}
        lang={lang}
        me={me}
        filter={filter}
        onFilterChange={onFilterChange}
        onOpenAction={onOpenAction}
        selectedNodeId={props.selectedNodeId}
        onSelectNode={props.onSelectNode}
        hideFilterBar
        linkForNode={props.linkForNode}
      />
      </Stack>
    );
  } else if (view === 'cards') {
    body = (
      <Stack tokens={{ childrenGap: 12 }}>
        {filterBar}
        <CardsOfPlan data={filtered} today={today} lang={lang} onOpenAction={onOpenAction} groupBy={props.cardsGroupBy} />
      </Stack>
    );
  } else {
    // The lead's own actions, from the whole plan (not only the filtered ones), most urgent first.
    const agenda = me && !props.isCoordinator && leadsAnAction(data.actions, me) ? leadAgenda(data.actions, me, today) : null;
    body = (
      <Stack tokens={{ childrenGap: 12 }}>
        <div className="pst-no-print">{filterBar}</div>
        <PstDashboard
          figures={figures!}
          lang={lang}
          onOpenAction={onOpenAction}
          widgets={props.dashboardWidgets}
          filter={filter}
          onFilterChange={onFilterChange}
          agenda={agenda}
          loadCheckIns={loadCheckIns}
          trend={trend}
          means={means}
          onExport={() => downloadDashboardWorkbook(figures!, { planTitle: data.plan.title, filterLines: describeFilter(filter, options, lang) }, lang)}
        />
      </Stack>
    );
  }

  if (props.openActionId !== null && props.openActionId !== undefined) panelNeeded.current = true;
  const page = (
    <>
      {toolbar}
      <React.Suspense fallback={<Spinner size={SpinnerSize.large} label={strings.Loading} />}>{body}</React.Suspense>
      {importOpen && (
        <React.Suspense fallback={<Spinner size={SpinnerSize.large} label={strings.Loading} />}>
          <ImportPanel
            repository={props.repository}
            existingPlans={snapshot.plans}
            lang={lang}
            today={today}
            onImported={() => announceChange({})}
            onDismiss={() => setImportOpen(false)}
            onDesignateLeads={() => {
              setImportOpen(false);
              setDesignateOpen(true);
            }}
          />
        </React.Suspense>
      )}
      {designateOpen && (
        <React.Suspense fallback={<Spinner size={SpinnerSize.large} label={strings.Loading} />}>
          <LeadDesignationPanel
            repository={props.repository}
            mail={props.mail}
            me={me}
            today={today}
            onApplied={() => announceChange({})}
            onDismiss={() => setDesignateOpen(false)}
          />
        </React.Suspense>
      )}
      {panelNeeded.current && (
        <React.Suspense fallback={null}>
          <ActionPanel
            actionId={props.openActionId}
            repository={props.repository}
            context={(action: Action) =>
              action.operationalObjectiveIds
                .map((id) => operational.get(id))
                .filter((oo): oo is NonNullable<typeof oo> => !!oo)
                .map((oo) => ({ strategicObjective: strategic.get(oo.strategicObjectiveId) ?? null, operationalObjective: oo, operationalObjectiveId: oo.id }))
            }
            today={today}
            lang={lang}
            isCoordinator={props.isCoordinator}
            mail={props.mail}
            me={me}
            onClose={props.onClosePanel}
            onSaved={props.onSaved}
          />
        </React.Suspense>
      )}
    </>
  );
  // The structure commands reach the tree and the action's panel.
  return editsStructure && plan && planItems ? (
    <StructureEditingProvider repository={props.repository} plan={plan} data={planItems} onChanged={() => announceChange({})}>
      {page}
    </StructureEditingProvider>
  ) : (
    page
  );
}

// Memoised: its items follow the filtered items, not the filter itself.
const CardsOfPlan = React.memo(function CardsOfPlan({
  data,
  today,
  lang,
  onOpenAction,
  groupBy,
}: {
  data: PlanData;
  today: IsoDate;
  lang: Lang;
  onOpenAction: (id: number) => void;
  groupBy?: string;
}): JSX.Element {
  const items = React.useMemo((): CardItem[] => {
    const { rollup } = computedOf(data, data.plan, { today });
    const operational = new Map(data.operationalObjectives.map((oo) => [oo.id, oo]));
    const strategic = new Map(data.strategicObjectives.map((os) => [os.id, os]));
    const label = (code: string | null, title: string) => (code ? `${code} ${title}` : title);
    // The path and the OS heading depend on the first OO only: made once per OO, not per card.
    const placeOfOo = new Map<number | undefined, { path: string; strategicObjective: string }>();
    const placeOf = (ooId: number | undefined): { path: string; strategicObjective: string } => {
      let place = placeOfOo.get(ooId);
      if (!place) {
        const oo = ooId === undefined ? undefined : operational.get(ooId);
        const os = oo ? strategic.get(oo.strategicObjectiveId) : undefined;
        place = {
          path: [os ? `OS ${os.code ?? ''}`.trim() : null, oo ? `OO ${oo.code ?? oo.title}` : null].filter(Boolean).join(' › '),
          strategicObjective: os ? `OS ${label(os.code, os.title)}` : strings.NoObjective,
        };
        placeOfOo.set(ooId, place);
      }
      return place;
    };
    const items: CardItem[] = [];
    for (const action of data.actions) {
      if (action.parentActionId) continue;
      const place = placeOf(action.operationalObjectiveIds[0]);
      items.push({ action, rollup: rollup.actions.get(action.id), path: place.path, strategicObjective: place.strategicObjective });
    }
    return items;
  }, [data, today]);
  return <ProjectCards items={items} lang={lang} onOpenAction={onOpenAction} initialGroup={(groupBy as CardGroup) || 'strategicObjective'} />;
});
