/**
 * `web/lists` (GET, POST as PnPjs `lists.add` sends it), `lists/getByTitle('T')`,
 * `lists('guid')`, `lists(guid'…')`, `lists/getById('…')`, `web/getList('/server/relative/url')`,
 * and a list's own routes (MERGE, DELETE, items, fields, permissions, RootFolder).
 * https://learn.microsoft.com/en-us/sharepoint/dev/sp-add-ins/working-with-lists-and-list-items-with-rest
 * Unknown list: 404 SPException "List '…' does not exist at site with URL '…'"; unknown
 * URL in getList: 404 FileNotFoundException, as SharePoint Online answers them.
 */
import { listScope } from '../db/scopes';
import type { RouteResult } from '../http/apiTypes';
import { badRequest, fileNotFound, listNotFound, notImplemented, unknownProperty } from '../http/errors';
import { firstArgument, PathSegment } from '../odata/path';
import type { ListRecord } from '../records';
import type { RequestContext } from './context';
import { addValidateUpdateItemRoute } from './folders';
import { listEntity, listPath, rootFolderEntity } from './entityBuilders';
import { fieldsRoute } from './fields';
import { itemByIdRoute, itemsRoute } from './items';
import { collectionResult, entityResult, isRead, isUpdate, unsupported } from './results';
import { breakInheritanceRoute, resetInheritanceRoute, roleAssignmentsRoute } from './security';

/** Body properties of `lists.add` and list MERGE that the store applies. */
const WRITABLE = new Set(['Title', 'Description', 'BaseTemplate', 'EnableVersioning', 'WriteSecurity']);
/** SP.List properties accepted and ignored (they change nothing the store models). */
const IGNORED = new Set([
  'AllowContentTypes',
  'ContentTypesEnabled',
  'EnableAttachments',
  'EnableFolderCreation',
  'EnableMinorVersions',
  'MajorVersionLimit',
  'OnQuickLaunch',
  'Hidden',
  'NoCrawl',
  'ReadSecurity',
]);

function listChanges(body: Record<string, unknown>): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === '__metadata' || key.startsWith('odata.') || key.includes('@odata.') || IGNORED.has(key)) continue;
    if (!WRITABLE.has(key)) throw unknownProperty(key, 'SP.List');
    changes[key] = value;
  }
  return changes;
}

function createList(ctx: RequestContext): RouteResult {
  ctx.demand('manageLists');
  const changes = listChanges(ctx.body());
  if (typeof changes.Title !== 'string' || changes.Title.trim() === '') throw badRequest('The list title is required.');
  const template = changes.BaseTemplate ?? 100;
  if (template !== 100) throw notImplemented(`lists with BaseTemplate ${String(template)} (only custom lists, 100)`);
  let list = ctx.db.createList({
    title: changes.Title,
    description: typeof changes.Description === 'string' ? changes.Description : '',
    enableVersioning: changes.EnableVersioning === true,
  });
  if (typeof changes.WriteSecurity === 'number') list = ctx.db.updateList(list.id, { writeSecurity: changes.WriteSecurity });
  return entityResult(ctx, listEntity(ctx, list), 201);
}

function updateList(ctx: RequestContext, list: ListRecord): RouteResult {
  ctx.demand('manageLists', { list });
  const changes = listChanges(ctx.body());
  if ('BaseTemplate' in changes) throw badRequest('The property BaseTemplate cannot be changed.');
  if (changes.Title !== undefined && (typeof changes.Title !== 'string' || changes.Title.trim() === '')) throw badRequest('The list title is required.');
  if (changes.WriteSecurity !== undefined && ![1, 2, 4].includes(changes.WriteSecurity as number)) throw badRequest('WriteSecurity must be 1, 2 or 4.');
  // The title changes, the URL does not: SharePoint keeps a list's URL when it is renamed.
  ctx.db.updateList(list.id, {
    title: changes.Title as string | undefined,
    description: changes.Description as string | undefined,
    enableVersioning: changes.EnableVersioning as boolean | undefined,
    writeSecurity: changes.WriteSecurity as number | undefined,
  });
  return { kind: 'empty', status: 204 };
}

/** The routes under one list. */
export function listRoute(ctx: RequestContext, list: ListRecord, rest: readonly PathSegment[]): RouteResult {
  if (rest.length === 0) {
    if (isRead(ctx)) {
      ctx.demand('read', { list });
      return entityResult(ctx, listEntity(ctx, list));
    }
    if (isUpdate(ctx)) return updateList(ctx, list);
    if (ctx.method === 'DELETE') {
      ctx.demand('manageLists', { list });
      ctx.db.deleteList(list.id);
      return { kind: 'empty', status: 200 };
    }
    return unsupported(ctx, rest);
  }
  const [segment, ...deeper] = rest;
  switch (segment.name) {
    case 'items':
      return itemsRoute(ctx, list, segment, deeper);
    case 'getitembyid':
      return itemByIdRoute(ctx, list, segment, deeper);
    case 'addvalidateupdateitemusingpath':
      if (deeper.length > 0) return unsupported(ctx, rest);
      return addValidateUpdateItemRoute(ctx, list);
    case 'fields':
      return fieldsRoute(ctx, list, segment, deeper);
    case 'effectivebasepermissions':
      if (!isRead(ctx) || deeper.length > 0) return unsupported(ctx, rest);
      ctx.demand('read', { list });
      return { kind: 'value', name: 'EffectiveBasePermissions', json: { ...ctx.permissionsAt({ list }) }, metadata: 'SP.ApiData.BasePermissions' };
    case 'rootfolder':
      if (!isRead(ctx) || deeper.length > 0) return unsupported(ctx, rest);
      ctx.demand('read', { list });
      return entityResult(ctx, rootFolderEntity(ctx, list));
    case 'roleassignments':
      return roleAssignmentsRoute(ctx, listScope(list.id), listPath(list), segment, deeper, { list });
    case 'breakroleinheritance':
      return breakInheritanceRoute(ctx, segment, { list });
    case 'resetroleinheritance':
      return resetInheritanceRoute(ctx, { list });
    default:
      return unsupported(ctx, rest);
  }
}

function listById(ctx: RequestContext, id: unknown): ListRecord {
  const list = typeof id === 'string' ? ctx.db.getList(id) : undefined;
  if (!list) throw listNotFound(String(id), ctx.webAbsoluteUrl);
  return list;
}

/** `web/lists…` */
export function listsRoute(ctx: RequestContext, segment: PathSegment, rest: readonly PathSegment[]): RouteResult {
  if (segment.called) return listRoute(ctx, listById(ctx, firstArgument(segment)), rest);
  if (rest.length === 0) {
    if (isRead(ctx)) {
      ctx.demand('read');
      const visible = ctx.db.listLists().filter((list) => ctx.allows('read', { list }));
      return collectionResult(ctx, visible.map((list) => listEntity(ctx, list)), 'SP.ApiData.Lists');
    }
    if (ctx.method === 'POST') return createList(ctx);
    return unsupported(ctx, [segment]);
  }
  const [next, ...deeper] = rest;
  switch (next.name) {
    case 'getbytitle': {
      const title = String(firstArgument(next) ?? '');
      const list = ctx.db.getListByTitle(title);
      if (!list) throw listNotFound(title, ctx.webAbsoluteUrl);
      return listRoute(ctx, list, deeper);
    }
    case 'getbyid':
      return listRoute(ctx, listById(ctx, firstArgument(next)), deeper);
    default:
      return unsupported(ctx, rest);
  }
}

/** `web/getList('/sites/pst/Lists/X')`. */
export function getListRoute(ctx: RequestContext, segment: PathSegment, rest: readonly PathSegment[]): RouteResult {
  const given = String(firstArgument(segment) ?? '');
  // Server-relative as the product passes it; absolute and web-relative URLs are accepted too.
  const url = /^https?:\/\//i.test(given) ? new URL(given).pathname : given;
  const list = ctx.db.getListByUrl(url.startsWith('/') ? url : `${ctx.db.sitePath.replace(/\/+$/, '')}/${url}`);
  if (!list) throw fileNotFound();
  return listRoute(ctx, list, rest);
}
