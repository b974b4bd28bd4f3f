/**
 * Where a project lead may write, and nowhere else (see permissions.ts for the design):
 * - the action's **check-in folder** `PstCheckIns/<action id>` (unique permissions: the
 *   lead gets « PST – Collaboration sans suppression », add and edit their own, never
 *   delete). The folder decides which action a check-in belongs to: one whose lookup says
 *   otherwise is ignored (`belongsToAction`);
 * - the action's **progress item** in « PST – Avancement des actions » (status, percent,
 *   health, last check-in; same level, item-level). The action item points to it
 *   (`PstProgressItem`, written by the coordination only), so a lead who re-points their
 *   progress item to another action changes nothing.
 * The coordination sets both up (it has « PST – Modification et autorisations » on those two
 * lists); every step reads first and is idempotent, so that a retry after a crash
 * completes what was started and never creates a second one.
 */
import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/folders';
import '@pnp/sp/security';
import { actionsList, checkInsList, indicatorValuesList, ListDef, progressList } from '../schema/listSchema';
import { lookupIdProperty, queryFor } from '../schema/query';
import { actionFromItem, dayFromSharePoint, dayToSharePoint, ListItem } from '../schema/mapping';
import { isActionStatus, isHealth } from '../domain/vocabularies';
import type { Action } from '../domain/model';
import { isNotFound } from './errors';
import { listUrl } from './sharePointPaths';
import { readAll } from './requests';
import { MAX_PAGE_SIZE } from '../domain/limits';

export const LEAD_LEVEL_NAME = 'PST – Collaboration sans suppression';

/** The lists where each action has a folder its lead writes in: check-ins, indicator values. */
export type ActionFolderList = typeof checkInsList | typeof indicatorValuesList;

export function checkInFolderPath(webServerRelativeUrl: string, actionId: number, list: ActionFolderList = checkInsList): string {
  return `${listUrl(webServerRelativeUrl, list)}/${actionId}`;
}

/** An item counts for the action whose folder holds it (or, from before folders, the root folder, which leads cannot write). */
export function belongsToAction(webServerRelativeUrl: string, item: object, actionId: number, list: ActionFolderList = checkInsList): boolean {
  const value = (item as { FileDirRef?: unknown }).FileDirRef;
  const dir = typeof value === 'string' ? value.toLowerCase() : undefined;
  if (dir === undefined) return true;
  return dir === checkInFolderPath(webServerRelativeUrl, actionId, list).toLowerCase() || dir === listUrl(webServerRelativeUrl, list).toLowerCase();
}

type Summary = Pick<Action, 'status' | 'progressPercent' | 'health' | 'lastCheckInDate'>;

export function progressPayload(summary: Partial<Summary>): Record<string, unknown> {
  const f = progressList.fields;
  const payload: Record<string, unknown> = {};
  if ('status' in summary) payload[f.status.internalName] = summary.status;
  if ('progressPercent' in summary) payload[f.progress.internalName] = summary.progressPercent;
  if ('health' in summary) payload[f.health.internalName] = summary.health;
  if ('lastCheckInDate' in summary) payload[f.lastCheckIn.internalName] = dayToSharePoint(summary.lastCheckInDate);
  return payload;
}

async function leadLevelId(sp: SPFI): Promise<number> {
  return ((await sp.web.roleDefinitions.getByName(LEAD_LEVEL_NAME).select('Id')()) as { Id: number }).Id;
}

/** The action's folder in `listDef` (check-ins, indicator values), created with its own permissions if missing; its item id. */
export async function ensureFolder(sp: SPFI, webServerRelativeUrl: string, actionId: number, listDef: ActionFolderList = checkInsList): Promise<number> {
  const path = checkInFolderPath(webServerRelativeUrl, actionId, listDef);
  let folder: { Id: number; HasUniqueRoleAssignments: boolean } | undefined;
  try {
    folder = await sp.web.getFolderByServerRelativePath(path).listItemAllFields.select('Id', 'HasUniqueRoleAssignments')();
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  const list = sp.web.getList(listUrl(webServerRelativeUrl, listDef));
  if (!folder) {
    const values = (await list.addValidateUpdateItemUsingPath([{ FieldName: 'Title', FieldValue: String(actionId) }], listUrl(webServerRelativeUrl, listDef), false, '', {
      leafName: String(actionId),
      objectType: 1,
    })) as { FieldName: string; FieldValue: string; HasException: boolean; ErrorMessage: string | null }[];
    const failed = values.find((v) => v.HasException);
    if (failed) throw new Error(`Dossier non créé dans ${listDef.title.fr} (${failed.FieldName}) : ${failed.ErrorMessage ?? ''}`);
    folder = { Id: Number(values.find((v) => v.FieldName === 'Id')!.FieldValue), HasUniqueRoleAssignments: false };
  }
  if (!folder.HasUniqueRoleAssignments) await list.items.getById(folder.Id).breakRoleInheritance(true, false);
  return folder.Id;
}

interface ProgressRow {
  Id: number;
  AuthorId?: number;
  EditorId?: number;
  HasUniqueRoleAssignments?: boolean;
  [key: string]: unknown;
}

/**
 * The action's progress item: the one it points to, else one this user created for it and
 * that nobody else edited (a retry after a crash adopts it instead of making a second),
 * else a new one holding the action's current summary. Not linked here: the caller writes
 * `PstProgressItem` on the action with its own ETag.
 */
async function ensureProgressItem(sp: SPFI, webServerRelativeUrl: string, action: Action, linkedId: number | null, meId: number): Promise<number> {
  const list = sp.web.getList(listUrl(webServerRelativeUrl, progressList));
  const select = ['Id', 'AuthorId', 'EditorId', 'HasUniqueRoleAssignments'];
  let row: ProgressRow | undefined;
  if (linkedId !== null) {
    try {
      row = await list.items.getById(linkedId).select(...select)();
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }
  if (!row) {
    const candidates: ProgressRow[] = await list.items
      .select(...select)
      .filter(`${lookupIdProperty(progressList.fields.action)} eq ${action.id}`)
      .top(50)();
    row = candidates.find((c) => c.AuthorId === meId && c.EditorId === meId);
  }
  if (!row) {
    const added = (await list.items.add({
      Title: String(action.id),
      [lookupIdProperty(progressList.fields.action)]: action.id,
      ...progressPayload(action),
    })) as ProgressRow;
    row = { Id: added.Id, HasUniqueRoleAssignments: false };
  }
  if (!row.HasUniqueRoleAssignments) await list.items.getById(row.Id).breakRoleInheritance(true, false);
  return row.Id;
}

async function grant(item: { roleAssignments: { add(p: number, r: number): Promise<void>; remove(p: number, r: number): Promise<void> } }, level: number, leadId: number | null, previousLeadId: number | null): Promise<void> {
  if (previousLeadId !== null && previousLeadId !== leadId) {
    try {
      await item.roleAssignments.remove(previousLeadId, level);
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }
  if (leadId !== null) await item.roleAssignments.add(leadId, level);
}

export interface ActionSpace {
  readonly folderId: number;
  /** The action's folder of indicator values. */
  readonly valuesFolderId: number;
  readonly progressItemId: number;
  /** The progress item's ETag once set up. */
  readonly progressEtag: string;
}

/**
 * Sets up (or completes) the action's folder and progress item and gives them to `leadId`
 * (taking them back from `previousLeadId`). The caller links the progress item on the action.
 */
export async function ensureActionSpace(
  sp: SPFI,
  webServerRelativeUrl: string,
  action: Action,
  linkedProgressId: number | null,
  meId: number,
  leadId: number | null,
  previousLeadId: number | null,
): Promise<ActionSpace> {
  const progressItemId = await ensureProgressItem(sp, webServerRelativeUrl, action, linkedProgressId, meId);
  const folderId = await ensureFolder(sp, webServerRelativeUrl, action.id);
  const valuesFolderId = await ensureFolder(sp, webServerRelativeUrl, action.id, indicatorValuesList);
  const level = leadId === null && previousLeadId === null ? 0 : await leadLevelId(sp);
  const itemOf = (list: ListDef, id: number) => sp.web.getList(listUrl(webServerRelativeUrl, list)).items.getById(id);
  const progress = itemOf(progressList, progressItemId);
  if (level !== 0) {
    await grant(itemOf(checkInsList, folderId), level, leadId, previousLeadId);
    await grant(itemOf(indicatorValuesList, valuesFolderId), level, leadId, previousLeadId);
    await grant(progress, level, leadId, previousLeadId);
  }
  const written = await progress.update({ [`${progressList.fields.lead.internalName}Id`]: leadId });
  return { folderId, valuesFolderId, progressItemId, progressEtag: (written as { etag?: string }).etag ?? '*' };
}

// ------------------------------------------------------------------ reading

/** An action's version as the panel sees it: its item's ETag and its progress item's, as one opaque string. */
export function composeEtag(actionEtag: string, progressEtag: string | null): string {
  return progressEtag ? `${actionEtag}|${progressEtag}` : actionEtag;
}

export function splitEtag(etag: string): { action: string; progress: string | null } {
  const at = etag.indexOf('|');
  return at < 0 ? { action: etag, progress: null } : { action: etag.substring(0, at), progress: etag.substring(at + 1) };
}

/** The action's linked progress item id (`PstProgressItem`), from its REST item. */
export function linkedProgressId(actionItem: Record<string, unknown>): number | null {
  const value = actionItem[actionsList.fields.progressItem.internalName];
  return typeof value === 'number' && value > 0 ? value : null;
}

export const PROGRESS_SELECT = ['Id', 'PstActionId', 'PstStatus', 'PstProgress', 'PstHealth', 'PstLastCheckIn', 'PstCheckInKey'];

/** The action as its progress item (the lead's, when it is the one the action points to) says it stands. */
export function withProgress<A extends Action>(action: A, actionItem: Record<string, unknown>, progress: Record<string, unknown> | undefined): A {
  if (!progress || progress.Id !== linkedProgressId(actionItem)) return action;
  const status = progress.PstStatus;
  const health = progress.PstHealth;
  return {
    ...action,
    status: isActionStatus(status) ? status : action.status,
    progressPercent: typeof progress.PstProgress === 'number' ? progress.PstProgress : null,
    health: isHealth(health) ? health : null,
    lastCheckInDate: dayFromSharePoint(progress.PstLastCheckIn),
  };
}

/**
 * The coordination gives an action to its lead (seeding, upgrades, the CLI): space set up,
 * then the progress item linked on the action (`If-Match: *`). The panel's assignment
 * (SharePointPstRepository.assignLead) does the same with the ETag the coordinator saw.
 */
export async function grantActionToLead(sp: SPFI, webServerRelativeUrl: string, actionId: number, leadUserId: number, previousLeadUserId: number | null = null): Promise<void> {
  const actions = sp.web.getList(listUrl(webServerRelativeUrl, actionsList));
  const item: Record<string, unknown> = await actions.items.getById(actionId).select(...queryFor(actionsList, 'summary').select).expand(...queryFor(actionsList, 'summary').expand)();
  const me = ((await sp.web.currentUser.select('Id')()) as { Id: number }).Id;
  const space = await ensureActionSpace(sp, webServerRelativeUrl, actionFromItem(item as ListItem), linkedProgressId(item), me, leadUserId, previousLeadUserId);
  if (linkedProgressId(item) !== space.progressItemId) await actions.items.getById(actionId).update({ [actionsList.fields.progressItem.internalName]: space.progressItemId });
}

/**
 * Upgrades a site to the folders and progress items (idempotent): every action with a
 * lead gets its space (its progress item starts from the action's summary) and loses the
 * item-level Contribute earlier versions gave its lead on the action item itself.
 * Check-ins written before stay in the root folder, which leads can no longer write.
 */
export async function ensureActionSpaces(sp: SPFI, webServerRelativeUrl: string): Promise<string[]> {
  const changes: string[] = [];
  const actions = sp.web.getList(listUrl(webServerRelativeUrl, actionsList));
  const { select, expand } = queryFor(actionsList, 'summary');
  // Both lists may hold more than 5,000 items: read page after page (ID order, always allowed).
  // The summary expands the lead's name and address; the upgrade needs their id.
  const leadIdProperty = lookupIdProperty(actionsList.fields.projectLead);
  const items = await readAll(actions.items.select(...select, leadIdProperty, 'HasUniqueRoleAssignments').expand(...expand).top(MAX_PAGE_SIZE));
  const progress = await readAll(sp.web.getList(listUrl(webServerRelativeUrl, progressList)).items.select('Id', `${progressList.fields.lead.internalName}Id`).top(MAX_PAGE_SIZE));
  const leadOf = new Map(progress.map((p) => [p.Id, p[`${progressList.fields.lead.internalName}Id`] as number | null]));
  // Sites set up before the indicator values: their led actions get that folder too (one
  // read per led action: provisioning is rare, and folders cannot be filtered on an index).
  const hasValuesFolder = async (actionId: number): Promise<boolean> => {
    try {
      await sp.web.getFolderByServerRelativePath(checkInFolderPath(webServerRelativeUrl, actionId, indicatorValuesList)).listItemAllFields.select('Id')();
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  };
  let me: number | undefined;
  for (const item of items) {
    const action = actionFromItem(item);
    if (item.HasUniqueRoleAssignments === true) {
      await actions.items.getById(action.id).resetRoleInheritance();
      changes.push(`action ${action.id} : permissions de l'élément rendues à la liste`);
    }
    const leadId = typeof item[leadIdProperty] === 'number' ? (item[leadIdProperty] as number) : null;
    if (leadId === null) continue;
    const linked = linkedProgressId(item);
    if (linked !== null && leadOf.has(linked) && leadOf.get(linked) === leadId && (await hasValuesFolder(action.id))) continue;
    me = me ?? ((await sp.web.currentUser.select('Id')()) as { Id: number }).Id;
    const space = await ensureActionSpace(sp, webServerRelativeUrl, action, linked, me, leadId, null);
    if (linked !== space.progressItemId) await actions.items.getById(action.id).update({ [actionsList.fields.progressItem.internalName]: space.progressItemId });
    changes.push(`action ${action.id} : dossier de suivis et fiche d'avancement pour son chef de projet`);
  }
  return changes;
}
