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
import '@pnp/sp/profiles';
import { PermissionKind } from '@pnp/sp/security';
import type { CheckIn, Person, PlanData } from '../domain/model';
import { checkInEffect } from '../domain/checkIns';
import {
  ListDef,
  actionsList,
  checkInsList,
  indicatorsList,
  operationalObjectivesList,
  plansList,
  sectionsList,
  strategicObjectivesList,
} from '../schema/listSchema';
import { lookupIdProperty, queryFor, QueryScope } from '../schema/query';
import {
  actionFromItem,
  actionToItem,
  changedProperties,
  checkInFromItem,
  checkInToItem,
  indicatorFromItem,
  ListItem,
  operationalObjectiveFromItem,
  planFromItem,
  sectionFromItem,
  strategicObjectiveFromItem,
} from '../schema/mapping';
import { ActionChanges, LeadAssignment, NewCheckIn, PlanImport, PlanImportResult, PstRepository, SiteImportOptions, SiteImportResult } from './PstRepository';
import { ActionDetails } from './actionDetails';
import { ConflictError } from './errors';
import { addUserToPstGroup, grantActionToLead } from './permissions';
import { inspectPstLists, provisionPst, ProvisioningReport, ProvisioningState } from './provisioning';
import { listUrl } from './sharePointPaths';
import { batched, followPages, noMetadata, readPage } from './requests';
import { httpStatusOf } from './errors';
import { MAX_PAGE_SIZE } from '../domain/limits';
import type { PstSnapshot } from '../domain/snapshot';

/** Check-ins shown in an action's panel (newest first). */
const CHECK_INS_IN_PANEL = 200;

function etagOf(item: ListItem): string {
  const etag = item['odata.etag'] ?? (item as { __metadata?: { etag?: string } }).__metadata?.etag;
  return typeof etag === 'string' ? etag : '*';
}

const loadsInFlight = new Map<string, Promise<PstSnapshot>>();

export class SharePointPstRepository implements PstRepository {
  constructor(
    private readonly sp: SPFI,
    private readonly webServerRelativeUrl: string,
    /** In a browser page (one user, several web parts): concurrent snapshot loads share one request. */
    private readonly options: { shareConcurrentLoads?: boolean } = {},
  ) {}

  private list(list: ListDef, sp: SPFI = this.sp) {
    return sp.web.getList(listUrl(this.webServerRelativeUrl, list));
  }

  private query(list: ListDef, sp: SPFI = this.sp, scope: QueryScope = 'all') {
    const { select, expand } = queryFor(list, scope);
    const items = this.list(list, sp).items.select(...select);
    return expand.length > 0 ? items.expand(...expand) : items;
  }

  inspectLists(): Promise<ProvisioningState> {
    return inspectPstLists(this.sp, this.webServerRelativeUrl);
  }

  canManageLists(): Promise<boolean> {
    return this.sp.web.currentUserHasPermissions(PermissionKind.ManageLists);
  }

  canEditAllActions(): Promise<boolean> {
    return this.list(actionsList).currentUserHasPermissions(PermissionKind.EditListItems);
  }

  provisionLists(): Promise<ProvisioningReport> {
    return provisionPst(this.sp, this.webServerRelativeUrl);
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
    const pending = Promise.all([
      read(plansList),
      read(sectionsList),
      read(strategicObjectivesList),
      read(operationalObjectivesList),
      read(actionsList),
      batchedSp.web.currentUser.select('Id', 'Title', 'Email')() as Promise<{ Id: number; Title: string; Email?: string }>,
      this.list(actionsList, batchedSp).currentUserHasPermissions(PermissionKind.EditListItems),
    ]);
    // Errors surface through `pending` (each request's own error, e.g. a missing list).
    pending.catch(() => undefined);
    await execute();
    const [plans, sections, strategic, operational, actions, user, canEditAllActions] = await pending;
    return {
      viewer: { user: { id: user.Id, displayName: user.Title, email: user.Email || undefined }, canEditAllActions },
      plans: plans.map(planFromItem),
      sections: sections.map(sectionFromItem),
      strategicObjectives: strategic.map(strategicObjectiveFromItem),
      operationalObjectives: operational.map(operationalObjectiveFromItem),
      actions: actions.map(actionFromItem),
      indicators: [],
    };
  }

  async loadActionDetails(actionId: number): Promise<ActionDetails> {
    const [batchedSp, execute] = batched(this.sp);
    const actionIdFilter = (list: ListDef) => `${lookupIdProperty(list.fields.action)} eq ${actionId}`;
    const pending = Promise.all([
      // select/expand go on the item itself: PnPjs drops a collection's query in getById.
      this.list(actionsList, batchedSp)
        .items.getById(actionId)
        .select(...queryFor(actionsList).select)
        .expand(...queryFor(actionsList).expand)() as Promise<ListItem>,
      this.query(indicatorsList, batchedSp).filter(actionIdFilter(indicatorsList)).top(MAX_PAGE_SIZE)() as Promise<ListItem[]>,
      // Filtered on the indexed action column: the check-in list grows past the threshold.
      this.query(checkInsList, batchedSp)
        .filter(actionIdFilter(checkInsList))
        .orderBy(checkInsList.fields.date.internalName, false)
        .top(CHECK_INS_IN_PANEL)() as Promise<ListItem[]>,
      this.list(actionsList, batchedSp).items.getById(actionId).currentUserHasPermissions(PermissionKind.EditListItems),
    ]);
    pending.catch(() => undefined);
    await execute();
    const [item, indicators, checkIns, canEdit] = await pending;
    const editor = item[actionsList.fields.editor.internalName] as { Id?: number; Title?: string; EMail?: string } | undefined;
    const modified = item[actionsList.fields.modified.internalName];
    return {
      action: actionFromItem(item),
      etag: etagOf(item),
      indicators: indicators.map(indicatorFromItem),
      checkIns: checkIns.map(checkInFromItem),
      canEdit,
      modifiedBy: editor?.Title ? { id: editor.Id, displayName: editor.Title, email: editor.EMail || undefined } : null,
      modified: typeof modified === 'string' ? modified : null,
    };
  }

  async updateAction(actionId: number, changes: ActionChanges, etag: string): Promise<string> {
    return this.saveChanges(await this.loadActionDetails(actionId), changes, etag);
  }

  /** Writes only the columns that change, if the action is still at `etag`. */
  private async saveChanges(current: ActionDetails, changes: ActionChanges, etag: string): Promise<string> {
    const actionId = current.action.id;
    const before = actionToItem(current.action);
    const payload = changedProperties(before, actionToItem({ ...current.action, ...changes }));
    if (Object.keys(payload).length === 0 && current.etag === etag) return etag;
    try {
      const result = await this.list(actionsList).items.getById(actionId).update(payload, etag);
      return (result as { etag?: string }).etag ?? '*';
    } catch (error) {
      if (httpStatusOf(error) === 412) throw new ConflictError(await this.loadActionDetails(actionId));
      throw error;
    }
  }

  async addCheckIn(checkIn: NewCheckIn, actionEtag: string): Promise<{ checkIn: CheckIn; actionEtag: string }> {
    const newEtag = await this.updateAction(checkIn.actionId, checkInEffect(checkIn), actionEtag);
    const added: ListItem = await this.list(checkInsList).items.add(checkInToItem(checkIn));
    const saved = checkInFromItem(added);
    return { checkIn: { ...saved, author: await this.currentUser() }, actionEtag: newEtag };
  }

  async searchPeople(text: string): Promise<Person[]> {
    if (text.trim() === '') return [];
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
    // SharePoint would let a lead (Contribute on the item) write the field: the rule is the coordination's.
    if (!(await this.canEditAllActions())) throw new Error("Seule la coordination du PST peut changer le chef de projet d'une action.");
    const current = await this.loadActionDetails(actionId);
    const user = (await this.sp.web.ensureUser(lead.email)) as { Id: number; Title?: string; Email?: string };
    const resolved: Person = { id: user.Id, displayName: user.Title || lead.displayName, email: user.Email || lead.email };
    const newEtag = await this.saveChanges(current, { projectLead: resolved }, etag);
    let permissionError: string | null = null;
    try {
      await grantActionToLead(this.sp, this.webServerRelativeUrl, actionId, user.Id, current.action.projectLead?.id ?? null);
      // Check-ins are added by the leads group: a lead named for the first time joins it.
      await addUserToPstGroup(this.sp, 'leads', lead.email);
    } catch (error) {
      permissionError = error instanceof Error ? error.message : String(error);
    }
    return { etag: newEtag, lead: resolved, permissionError };
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
}
