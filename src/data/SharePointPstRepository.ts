/**
 * The PST repository on SharePoint lists, through PnPjs v4. The web parts use it with
 * the SPFx behaviour, the jobs and the local page with a bearer token or none: the
 * same code whatever the host.
 */
import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/batching';
import '@pnp/sp/security';
import '@pnp/sp/site-users/web';
import { PermissionKind } from '@pnp/sp/security';
import type { Action, CheckIn, Person, PlanData } from '../domain/model';
import type { MeansLine } from '../domain/means';
import type { NewIndicatorValue } from '../domain/indicators';
import type { Indicator } from '../domain/model';
import {
  ListDef,
  actionsList,
  checkInsList,
  indicatorsList,
  indicatorValuesList,
  operationalObjectivesList,
  plansList,
  progressList,
  sectionsList,
  strategicObjectivesList,
} from '../schema/listSchema';
import { lookupIdProperty, queryFor, QueryScope } from '../schema/query';
import {
  actionFromItem,
  actionToItem,
  changedProperties,
  checkInFromItem,
  indicatorFromItem,
  ListItem,
  operationalObjectiveFromItem,
  planFromItem,
  sectionFromItem,
  strategicObjectiveFromItem,
} from '../schema/mapping';
import { ActionChanges, CheckInCorrection, LeadAssignment, LeadDesignation, LeadDesignationResult, NewCheckIn, PlanImport, PlanImportResult, PstRepository, SiteImportOptions, SiteImportResult } from './PstRepository';
import { ActionDetails } from './actionDetails';
import { ConflictError, InvalidRequestError } from './errors';
import { refusedCheckIn } from '../domain/checkIns';
import { listUrl } from './sharePointPaths';
import type { StructureEditing } from './structureEditing';
import type { EvaluationArchive } from './SharePointSnapshotArchive';
import type { ProvisioningReport, ProvisioningState } from './provisioning';
import { belongsToAction, composeEtag, linkedProgressId, PROGRESS_SELECT, splitEtag, withProgress } from './actionSpaces';
import { batched, followPages, noMetadata, readPage } from './requests';
import { httpStatusOf } from './errors';
import { MAX_PAGE_SIZE } from '../domain/limits';
import type { PstSnapshot } from '../domain/snapshot';
import { withoutUnfinishedPlans } from '../domain/plans';
import type { TrendCheckIn } from '../domain/trend';

/** Check-ins shown in an action's panel (newest first). */
const CHECK_INS_IN_PANEL = 200;

/** PnPjs's test of a permission in a `{ High, Low }` mask (security/funcs.js `hasPermissions`). */
function hasPermission(mask: unknown, kind: number): boolean {
  const value = mask as { High?: string | number; Low?: string | number } | undefined;
  if (!value) return false;
  const bit = kind - 1;
  if (bit < 32) return (Number(value.Low) & (1 << bit)) !== 0 || (bit === 31 && Number(value.Low) >= 2147483648);
  return (Number(value.High) & (1 << (bit - 32))) !== 0;
}

/** The summary fields (those a check-in sets) among an edit's changes, when they change. */
/** What a check-in sets on its action: kept in the progress item. */
const SUMMARY_KEYS = ['status', 'progressPercent', 'health', 'lastCheckInDate'] as const;

function summaryChanges(action: Action, changes: ActionChanges): ActionChanges {
  const summary: Record<string, unknown> = {};
  for (const key of SUMMARY_KEYS) {
    if (key in changes && changes[key] !== action[key]) summary[key] = changes[key];
  }
  return summary as ActionChanges;
}

function etagOf(item: ListItem): string {
  const etag = item['odata.etag'] ?? (item as { __metadata?: { etag?: string } }).__metadata?.etag;
  return typeof etag === 'string' ? etag : '*';
}

const loadsInFlight = new Map<string, Promise<PstSnapshot>>();

/**
 * The reads after the plan (the dashboard's trend and means, an action's details): a smaller
 * download than the write side, fetched by the dashboard's first render and by the panel.
 */
const loadLaterReads = () =>
  Promise.all([
    import(/* webpackChunkName: 'pst-data-read' */ './checkInHistory'),
    import(/* webpackChunkName: 'pst-data-read' */ './meansLines'),
    import(/* webpackChunkName: 'pst-data-read' */ './indicatorValues'),
  ]).then(([history, means, values]) => ({ ...history, ...means, ...values }));

type WriteSide = typeof import('./writeSide');
let writeSide: Promise<WriteSide> | undefined;
/** Writers, provisioning and the panel's reads (writeSide.ts): fetched on first use, not by the first read. */
function loadWriteSide(): Promise<WriteSide> {
  return (writeSide = writeSide ?? import(/* webpackChunkName: 'pst-data-write' */ './writeSide'));
}

export class SharePointPstRepository implements PstRepository {
  readonly structure: StructureEditing;

  constructor(
    private readonly sp: SPFI,
    private readonly webServerRelativeUrl: string,
    /** In a browser page (one user, several web parts): concurrent snapshot loads share one request. */
    private readonly options: { shareConcurrentLoads?: boolean } = {},
  ) {
    const editing = (): Promise<StructureEditing> => loadWriteSide().then((w) => new w.SharePointStructureEditing(sp, webServerRelativeUrl));
    this.structure = {
      apply: async (planId, command) => (await editing()).apply(planId, command),
      loadChangeLog: async (planId, top) => (await editing()).loadChangeLog(planId, top),
      setPlanState: async (seen, state, adoptedOn) => (await editing()).setPlanState(seen, state, adoptedOn),
      startNextPlan: async (fromPlanId, plan) => (await editing()).startNextPlan(fromPlanId, plan),
    };
  }

  private list(list: ListDef, sp: SPFI = this.sp) {
    return sp.web.getList(listUrl(this.webServerRelativeUrl, list));
  }

  private query(list: ListDef, sp: SPFI = this.sp, scope: QueryScope = 'all') {
    const { select, expand } = queryFor(list, scope);
    const items = this.list(list, sp).items.select(...select);
    return expand.length > 0 ? items.expand(...expand) : items;
  }

  async inspectLists(): Promise<ProvisioningState> {
    return (await loadWriteSide()).inspectPstLists(this.sp, this.webServerRelativeUrl);
  }

  canManageLists(): Promise<boolean> {
    return this.sp.web.currentUserHasPermissions(PermissionKind.ManageLists);
  }

  canEditAllActions(): Promise<boolean> {
    return this.list(actionsList).currentUserHasPermissions(PermissionKind.EditListItems);
  }

  async provisionLists(): Promise<ProvisioningReport> {
    return (await loadWriteSide()).provisionPst(this.sp, this.webServerRelativeUrl);
  }

  async currentUser(): Promise<Person> {
    const user: { Id: number; Title: string; Email?: string } = await this.sp.web.currentUser.select('Id', 'Title', 'Email')();
    return { id: user.Id, displayName: user.Title, email: user.Email || undefined };
  }

  /**
   * Several PST web parts on one page load at the same moment: with `shareConcurrentLoads`
   * they share one request. Only loads in flight are shared (no cache).
   */
  loadSnapshot(): Promise<PstSnapshot> {
    if (!this.options.shareConcurrentLoads) return this.fetchSnapshot();
    const key = this.sp.web.toUrl();
    const inFlight = loadsInFlight.get(key);
    if (inFlight) return inFlight;
    const load = this.fetchSnapshot();
    loadsInFlight.set(key, load);
    const forget = (): void => void loadsInFlight.delete(key);
    load.then(forget, forget);
    return load;
  }

  /**
   * The snapshot: the first page of every list, the viewer and their right in one `$batch`,
   * then the next pages of the lists that have more (a plan past 5,000 actions), followed
   * through `odata.nextLink`. Only the fields the views show (`'summary'`), without OData
   * metadata; indicators are left to the panel.
   */
  private async fetchSnapshot(): Promise<PstSnapshot> {
    const [batchedSp, execute] = batched(this.sp);
    const summary = (list: ListDef, sp: SPFI) => this.query(list, sp, 'summary').using(noMetadata()).top(MAX_PAGE_SIZE);
    const read = (list: ListDef): Promise<ListItem[]> => readPage(summary(list, batchedSp)).then((first) => followPages(summary(list, this.sp), first));
    const progressQuery = (sp: SPFI) => this.list(progressList, sp).items.select(...PROGRESS_SELECT).using(noMetadata()).top(MAX_PAGE_SIZE);
    const pending = Promise.all([
      read(plansList),
      read(sectionsList),
      read(strategicObjectivesList),
      read(operationalObjectivesList),
      read(actionsList),
      // What the leads keep up to date (status, %, health, last check-in): see actionSpaces.ts.
      readPage(progressQuery(batchedSp)).then((first) => followPages(progressQuery(this.sp), first)),
      batchedSp.web.currentUser.select('Id', 'Title', 'Email')() as Promise<{ Id: number; Title: string; Email?: string }>,
      this.list(actionsList, batchedSp).currentUserHasPermissions(PermissionKind.EditListItems),
    ]);
    // Errors surface through `pending` (each request's own error, e.g. a missing list).
    pending.catch(() => undefined);
    await execute();
    const [plans, sections, strategic, operational, actions, progress, user, canEditAllActions] = await pending;
    const progressById = new Map(progress.map((p) => [p.Id, p]));
    // A plan an import has not finished writing is never shown (planWriter.ts resumes it).
    return withoutUnfinishedPlans({
      viewer: { user: { id: user.Id, displayName: user.Title, email: user.Email || undefined }, canEditAllActions },
      plans: plans.map(planFromItem),
      sections: sections.map(sectionFromItem),
      strategicObjectives: strategic.map(strategicObjectiveFromItem),
      operationalObjectives: operational.map(operationalObjectiveFromItem),
      actions: actions.map((item) => withProgress(actionFromItem(item), item, progressById.get(linkedProgressId(item) ?? 0))),
      indicators: [],
    });
  }

  async loadCheckInHistory(): Promise<TrendCheckIn[]> {
    return (await loadLaterReads()).readCheckInHistory(this.sp, this.webServerRelativeUrl);
  }

  async loadCheckInsOf(actionIds: readonly number[]): Promise<Map<number, CheckIn[]>> {
    const ids = [...new Set(actionIds)];
    const result = new Map<number, CheckIn[]>();
    if (ids.length === 0) return result;
    const [batchedSp, execute] = batched(this.sp);
    const pending = Promise.all(ids.map((actionId) => this.checkInsQuery(batchedSp, actionId)() as Promise<ListItem[]>));
    pending.catch(() => undefined);
    await execute();
    const answers = await pending;
    ids.forEach((actionId, index) => result.set(actionId, this.checkInsOfAction(answers[index], actionId)));
    return result;
  }

  /** One action's check-ins, newest first, filtered on the indexed action column (the list grows past the threshold). */
  private checkInsQuery(sp: SPFI, actionId: number) {
    return this.list(checkInsList, sp)
      .items.select(...queryFor(checkInsList).select, 'FileDirRef')
      .expand(...queryFor(checkInsList).expand)
      .filter(`${lookupIdProperty(checkInsList.fields.action)} eq ${actionId}`)
      .orderBy(checkInsList.fields.date.internalName, false)
      .top(CHECK_INS_IN_PANEL);
  }

  /** The folder decides which action a check-in is about, not its (editable) lookup. */
  private checkInsOfAction(items: ListItem[], actionId: number): CheckIn[] {
    return items.filter((c) => belongsToAction(this.webServerRelativeUrl, c, actionId)).map(checkInFromItem);
  }

  async loadActionDetails(actionId: number): Promise<ActionDetails> {
    const { actionMeansFrom, actionMeansQuery, actionValuesFrom, actionValuesQuery, indicatorsVersionOf, missingListAsEmpty } = await loadLaterReads();
    const [batchedSp, execute] = batched(this.sp);
    const actionIdFilter = (list: ListDef) => `${lookupIdProperty(list.fields.action)} eq ${actionId}`;
    const pending = Promise.all([
      // select/expand go on the item itself: PnPjs drops a collection's query in getById.
      this.list(actionsList, batchedSp)
        .items.getById(actionId)
        .select(...queryFor(actionsList).select)
        .expand(...queryFor(actionsList).expand)() as Promise<ListItem>,
      this.query(indicatorsList, batchedSp).filter(actionIdFilter(indicatorsList)).top(MAX_PAGE_SIZE)() as Promise<ListItem[]>,
      this.checkInsQuery(batchedSp, actionId)() as Promise<ListItem[]>,
      this.list(actionsList, batchedSp).items.getById(actionId).currentUserHasPermissions(PermissionKind.EditListItems),
      this.list(progressList, batchedSp)
        .items.select(...PROGRESS_SELECT, 'EffectiveBasePermissions', 'Modified', 'Editor/Id', 'Editor/Title', 'Editor/EMail')
        .expand('Editor')
        .filter(actionIdFilter(progressList))
        .top(50)() as Promise<ListItem[]>,
      // A site not upgraded yet has no means list: the action then has no line.
      (actionMeansQuery(batchedSp, this.webServerRelativeUrl, actionId)() as Promise<ListItem[]>).catch(missingListAsEmpty),
      (actionValuesQuery(batchedSp, this.webServerRelativeUrl, actionId)() as Promise<ListItem[]>).catch(missingListAsEmpty),
    ]);
    pending.catch(() => undefined);
    await execute();
    const [item, indicators, checkIns, canEditAction, progressItems, meansItems, valueItems] = await pending;
    const means = actionMeansFrom(meansItems);
    const progress = progressItems.find((p) => p.Id === linkedProgressId(item));
    const canEditProgress = progress !== undefined && hasPermission(progress.EffectiveBasePermissions, PermissionKind.EditListItems);
    // Who saved last: on the action item (the coordination) or its progress item (a check-in).
    const progressIsLater = progress !== undefined && String(progress.Modified ?? '') >= String(item[actionsList.fields.modified.internalName] ?? '');
    const latest = progressIsLater ? progress : item;
    const editor = latest[actionsList.fields.editor.internalName] as { Id?: number; Title?: string; EMail?: string } | undefined;
    const modified = latest[actionsList.fields.modified.internalName];
    const action = withProgress(actionFromItem(item), item, progress);
    return {
      action: { ...action, resources: { ...action.resources, lines: means.lines } },
      meansVersion: means.version,
      indicatorValues: actionValuesFrom(this.webServerRelativeUrl, valueItems, actionId).sort((a, b) => a.year - b.year || a.id - b.id),
      indicatorsVersion: indicatorsVersionOf(indicators),
      etag: composeEtag(etagOf(item), progress ? etagOf(progress) : null),
      indicators: indicators.map(indicatorFromItem),
      checkIns: this.checkInsOfAction(checkIns, actionId),
      canEdit: canEditAction || canEditProgress,
      modifiedBy: editor?.Title ? { id: editor.Id, displayName: editor.Title, email: editor.EMail || undefined } : null,
      modified: typeof modified === 'string' ? modified : null,
    };
  }

  async updateAction(actionId: number, changes: ActionChanges, etag: string): Promise<string> {
    const resolved = await (await loadWriteSide()).resolvePeople(this.sp, changes);
    return this.saveChanges(await this.loadActionDetails(actionId), resolved, etag);
  }

  /**
   * Writes only the columns that change, if the action is still at `etag`: the progress
   * item first (status, %, health), then the action item, last. Retry-safe: a version that
   * moved since `etag` but already holds every value this save writes is this save's own
   * earlier attempt (interrupted between or after the two writes), so the retry writes only
   * what is still missing instead of reporting a conflict with itself.
   */
  private async saveChanges(current: ActionDetails, changes: ActionChanges, etag: string, extra: Record<string, unknown> = {}): Promise<string> {
    const actionId = current.action.id;
    const before = actionToItem(current.action);
    const payload = { ...changedProperties(before, actionToItem({ ...current.action, ...changes })), ...extra };
    const summary = summaryChanges(current.action, changes);
    const sent = splitEtag(etag);
    const stored = splitEtag(current.etag);
    // A check-in recorded since (the progress item changed) is a newer version too, unless
    // this save writes the progress item and it already holds exactly that: its own first write.
    const progressMoved = sent.progress !== null && sent.progress !== '*' && sent.progress !== stored.progress;
    const writesProgress = SUMMARY_KEYS.some((key) => key in changes);
    if (progressMoved && (!writesProgress || Object.keys(summary).length > 0)) throw new ConflictError(current);
    if (Object.keys(payload).length === 0 && Object.keys(summary).length === 0) return current.etag;
    const { progressPayload } = await loadWriteSide();
    try {
      let progressEtag = stored.progress;
      const progressId = await this.linkedProgress(actionId);
      if (progressId !== null && Object.keys(summary).length > 0) {
        // The sheet's status, % and health live in the progress item (the one the leads keep).
        const written = await this.list(progressList).items.getById(progressId).update(progressPayload(summary), stored.progress ?? '*');
        progressEtag = (written as { etag?: string }).etag ?? '*';
      }
      if (Object.keys(payload).length === 0) return composeEtag(stored.action, progressEtag);
      const result = await this.list(actionsList).items.getById(actionId).update(payload, sent.action);
      return composeEtag((result as { etag?: string }).etag ?? '*', progressEtag);
    } catch (error) {
      if (httpStatusOf(error) === 412) throw new ConflictError(await this.loadActionDetails(actionId));
      throw error;
    }
  }

  async addCheckIn(checkIn: NewCheckIn, actionEtag: string): Promise<{ checkIn: CheckIn; actionEtag: string }> {
    // The form offers the fixes; a check-in that still breaks a guardrail never reaches the lists.
    const refused = refusedCheckIn(checkIn);
    if (refused.length > 0) throw new InvalidRequestError(refused.map((g) => g.message).join(' '));
    const { applyToProgress, ensureActionSpace, findCheckInByKey, newCheckInKey, savedCheckIn, writeCheckIn } = await loadWriteSide();
    const key = checkIn.key ?? newCheckInKey();
    // Read before writing: no request follows the last write.
    const me = await this.currentUser();
    let current = await this.loadActionDetails(checkIn.actionId);
    const existing = await findCheckInByKey(this.sp, this.webServerRelativeUrl, key);
    let progress = await this.progressOf(checkIn.actionId);
    if (!progress) {
      // An action nobody leads yet: the coordination sets up its folder and progress item.
      if (!(await this.canEditAllActions())) throw new Error("Cette action n'a pas encore d'espace de suivi : demandez à la coordination du PST.");
      const space = await ensureActionSpace(this.sp, this.webServerRelativeUrl, current.action, null, me.id!, null, null);
      await this.saveChanges(current, {}, current.etag, { [actionsList.fields.progressItem.internalName]: space.progressItemId });
      current = await this.loadActionDetails(checkIn.actionId);
      progress = (await this.progressOf(checkIn.actionId))!;
      actionEtag = current.etag;
    }
    const sentProgress = splitEtag(actionEtag).progress;
    if (existing && progress.key === key) return { checkIn: savedCheckIn(existing, checkIn, me), actionEtag: current.etag };
    if (!existing && sentProgress !== null && sentProgress !== '*' && sentProgress !== progress.etag) throw new ConflictError(current);
    const id = existing ? existing.Id : await writeCheckIn(this.sp, this.webServerRelativeUrl, checkIn, key);
    let newProgressEtag: string;
    try {
      newProgressEtag = await applyToProgress(this.sp, this.webServerRelativeUrl, progress.id, checkIn, key, progress.etag);
    } catch (error) {
      if (httpStatusOf(error) === 412) throw new ConflictError(await this.loadActionDetails(checkIn.actionId));
      throw error;
    }
    return { checkIn: savedCheckIn(existing ?? { Id: id }, checkIn, me), actionEtag: composeEtag(splitEtag(current.etag).action, newProgressEtag) };
  }

  async correctCheckIn(correction: CheckInCorrection, actionEtag: string): Promise<{ checkIn: CheckIn; actionEtag: string }> {
    // Read before writing: no request follows the last write.
    const me = await this.currentUser();
    const current = await this.loadActionDetails(correction.actionId);
    const progress = await this.progressOf(correction.actionId);
    return (await loadWriteSide()).correctLatestCheckIn(this.sp, this.webServerRelativeUrl, correction, actionEtag, { me, current, progress, reload: () => this.loadActionDetails(correction.actionId) });
  }

  private async linkedProgress(actionId: number): Promise<number | null> {
    return linkedProgressId(await this.list(actionsList).items.getById(actionId).select('Id', actionsList.fields.progressItem.internalName)());
  }

  /** The action's linked progress item: id, ETag and the key of the last check-in applied. */
  private async progressOf(actionId: number): Promise<{ id: number; etag: string; key: string | null } | undefined> {
    const item: ListItem = await this.list(actionsList).items.getById(actionId).select('Id', actionsList.fields.progressItem.internalName)();
    const id = linkedProgressId(item);
    if (id === null) return undefined;
    try {
      const progress: ListItem = await this.list(progressList).items.getById(id).select(...PROGRESS_SELECT)();
      return { id, etag: etagOf(progress), key: typeof progress.PstCheckInKey === 'string' ? progress.PstCheckInKey : null };
    } catch (error) {
      if (httpStatusOf(error) === 404) return undefined;
      throw error;
    }
  }

  async loadMeans(): Promise<ReadonlyMap<number, MeansLine[]>> {
    return (await loadLaterReads()).readAllMeans(this.sp, this.webServerRelativeUrl);
  }

  async saveMeansLines(actionId: number, lines: readonly MeansLine[], meansVersion: string): Promise<ActionDetails> {
    // SharePoint refuses a lead too (Read on the list); this says it in French before any write.
    if (!(await this.canEditAllActions())) throw new Error('Seule la coordination du PST peut modifier les moyens d’une action.');
    const { saveActionMeans, MeansVersionChanged } = await loadWriteSide();
    try {
      await saveActionMeans(this.sp, this.webServerRelativeUrl, actionId, lines, meansVersion);
    } catch (error) {
      if (error instanceof MeansVersionChanged || httpStatusOf(error) === 412) throw new ConflictError(await this.loadActionDetails(actionId));
      throw error;
    }
    return this.loadActionDetails(actionId);
  }

  async saveIndicators(actionId: number, indicators: readonly Indicator[], indicatorsVersion: string): Promise<ActionDetails> {
    if (!(await this.canEditAllActions())) throw new Error('Seule la coordination du PST peut modifier les indicateurs d’une action.');
    const { saveActionIndicators, IndicatorsVersionChanged } = await loadWriteSide();
    try {
      await saveActionIndicators(this.sp, this.webServerRelativeUrl, actionId, indicators, indicatorsVersion);
    } catch (error) {
      if (error instanceof IndicatorsVersionChanged || httpStatusOf(error) === 412) throw new ConflictError(await this.loadActionDetails(actionId));
      throw error;
    }
    return this.loadActionDetails(actionId);
  }

  async addIndicatorValues(actionId: number, values: readonly NewIndicatorValue[], day: string): Promise<ActionDetails> {
    const { ensureFolder, writeIndicatorValues } = await loadWriteSide();
    try {
      await writeIndicatorValues(this.sp, this.webServerRelativeUrl, actionId, values, day);
    } catch (error) {
      const status = httpStatusOf(error);
      if (status === 403 || status === 404) {
        // A missing folder (an action nobody leads yet): the coordination sets it up, a lead cannot.
        if (status === 404 && (await this.canEditAllActions())) {
          await ensureFolder(this.sp, this.webServerRelativeUrl, actionId, indicatorValuesList);
          await writeIndicatorValues(this.sp, this.webServerRelativeUrl, actionId, values, day);
          return this.loadActionDetails(actionId);
        }
        throw new Error('Seuls le chef de projet de cette action et la coordination du PST peuvent en saisir les indicateurs.');
      }
      throw error;
    }
    return this.loadActionDetails(actionId);
  }

  async searchPeople(text: string): Promise<Person[]> {
    if (text.trim() === '') return [];
    await loadWriteSide(); // brings @pnp/sp/profiles
    const entities = (await this.sp.profiles.clientPeoplePickerSearchUser({
      AllowEmailAddresses: true,
      AllowMultipleEntities: false,
      MaximumEntitySuggestions: 8,
      PrincipalSource: 15,
      PrincipalType: 1,
      QueryString: text,
    })) as { DisplayText: string; EntityData?: { Email?: string } }[];
    // Without an address, nobody can be told about the assignment.
    return entities.filter((e) => !!e.EntityData?.Email).map((e) => ({ displayName: e.DisplayText, email: e.EntityData!.Email }));
  }

  async assignLead(actionId: number, lead: Person, etag: string): Promise<LeadAssignment> {
    if (!lead.email) throw new Error(`${lead.displayName} n'a pas d'adresse e-mail : choisissez une personne de l'annuaire.`);
    // Leads only read the action item; the rule is the coordination's, SharePoint enforces it too.
    if (!(await this.canEditAllActions())) throw new Error("Seule la coordination du PST peut changer le chef de projet d'une action.");
    const me = await this.currentUser();
    const current = await this.loadActionDetails(actionId);
    const user = (await this.sp.web.ensureUser(lead.email)) as { Id: number; Title?: string; Email?: string };
    const resolved: Person = { id: user.Id, displayName: user.Title || lead.displayName, email: user.Email || lead.email };
    const item: ListItem = await this.list(actionsList).items.getById(actionId).select('Id', actionsList.fields.progressItem.internalName)();
    const linked = linkedProgressId(item);
    // A retry of an assignment that went through (its answer lost): the same answer, nothing written.
    if (current.etag !== etag && current.action.projectLead?.id === user.Id && linked !== null) {
      return { etag: current.etag, lead: resolved, permissionError: null };
    }
    // The action item decides: its progress item changing (a check-in, or the set-up of an
    // interrupted attempt of this assignment) does not make the lead's choice stale.
    const sent = splitEtag(etag).action;
    if (sent !== '*' && sent !== splitEtag(current.etag).action) throw new ConflictError(current);
    const { addUserToPstGroup, ensureActionSpace } = await loadWriteSide();
    let permissionError: string | null = null;
    let progressItemId = linked;
    let progressEtag = splitEtag(current.etag).progress;
    try {
      const space = await ensureActionSpace(this.sp, this.webServerRelativeUrl, current.action, linked, me.id!, user.Id, current.action.projectLead?.id ?? null);
      progressItemId = space.progressItemId;
      progressEtag = space.progressEtag;
      // Check-ins are added by the leads group: a lead named for the first time joins it.
      await addUserToPstGroup(this.sp, 'leads', lead.email);
    } catch (error) {
      permissionError = error instanceof Error ? error.message : String(error);
    }
    // The last write: the lead, and the progress item the action points to.
    const link = progressItemId !== null && progressItemId !== linked ? { [actionsList.fields.progressItem.internalName]: progressItemId } : {};
    const newEtag = await this.saveChanges(current, { projectLead: resolved }, composeEtag(sent, splitEtag(current.etag).progress), link);
    return { etag: composeEtag(splitEtag(newEtag).action, progressEtag), lead: resolved, permissionError };
  }

  async designateLeads(designations: readonly LeadDesignation[], onProgress?: (done: number, total: number) => void): Promise<LeadDesignationResult[]> {
    return (await loadWriteSide()).designateLeads(this, designations, onProgress);
  }

  async importDocumentPlan(data: PlanData, options: SiteImportOptions = {}): Promise<SiteImportResult> {
    // Loaded on demand: only the coordinator's import view needs the diff and its writer.
    const { importPlanToSite } = await import(/* webpackChunkName: 'pst-import-write' */ './planWriter');
    return importPlanToSite(this.sp, this.webServerRelativeUrl, data, options);
  }

  async importPlan(data: PlanImport): Promise<PlanImportResult> {
    const { writeNewPlan } = await import(/* webpackChunkName: 'pst-import-write' */ './planWriter');
    return writeNewPlan(this.sp, this.webServerRelativeUrl, data);
  }

  evaluationArchive(): EvaluationArchive {
    const archive = (): Promise<EvaluationArchive> => loadWriteSide().then((w) => new w.SharePointSnapshotArchive(this.sp, this.webServerRelativeUrl));
    return {
      save: async (snapshot) => (await archive()).save(snapshot),
      snapshots: async () => (await archive()).snapshots(),
      load: async (key) => (await archive()).load(key),
      assessments: async (key) => (await archive()).assessments(key),
      saveAssessments: async (evaluation, assessments, etag) => (await archive()).saveAssessments(evaluation, assessments, etag),
    };
  }
}
