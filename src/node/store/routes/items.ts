/**
 * `…/items`: query, add; `…/items(n)`: read, update (MERGE with If-Match), delete,
 * recycle, EffectiveBasePermissions, role assignments. Requests as PnPjs v4 sends them
 * (node_modules/@pnp/sp/items/types.js): `items.add` POSTs the properties; `update` POSTs
 * with `X-HTTP-Method: MERGE` and `IF-Match` and reads the new ETag from the response
 * header; `delete` POSTs with `X-HTTP-Method: DELETE` and `IF-Match`.
 * https://learn.microsoft.com/en-us/sharepoint/dev/sp-add-ins/working-with-lists-and-list-items-with-rest
 */
import { randomUUID } from 'node:crypto';
import { itemScope } from '../db/scopes';
import type { RouteResult } from '../http/apiTypes';
import { badRequest, etagMismatch, itemNotFound } from '../http/errors';
import { itemEtag, ItemProjector } from '../items/itemProjection';
import { ItemQuery } from '../items/itemQuery';
import { PathSegment, firstArgument } from '../odata/path';
import type { ItemRecord, ListRecord } from '../records';
import type { RequestContext } from './context';
import { isRead, isUpdate, unsupported } from './results';
import { breakInheritanceRoute, resetInheritanceRoute, roleAssignmentsRoute } from './security';

function projector(ctx: RequestContext, list: ListRecord, select = ctx.options.select, expand = ctx.options.expand): ItemProjector {
  return new ItemProjector({
    db: ctx.db,
    webAbsoluteUrl: ctx.webAbsoluteUrl,
    list,
    select,
    expand,
    permissionsOf: (item) => ctx.permissionsAt({ list, item }),
  });
}

function itemIdOf(segment: PathSegment): number {
  const id = Number(firstArgument(segment));
  if (!Number.isInteger(id) || id <= 0) throw badRequest(`The item id '${String(firstArgument(segment))}' is not valid.`);
  return id;
}

function queryItems(ctx: RequestContext, list: ListRecord): RouteResult {
  ctx.demand('read', { list });
  const project = projector(ctx, list);
  const page = new ItemQuery(ctx.db, list, ctx.options).run();
  // Items the caller may not read are left out, as SharePoint's item-level permissions do.
  const visible = page.items.filter((item) => ctx.allows('read', { list, item }));
  project.prefetch(visible);
  let nextLink: string | undefined;
  if (page.nextSkipToken) {
    const next = new URL(ctx.request.url.toString());
    next.searchParams.set('$skiptoken', page.nextSkipToken);
    nextLink = next.toString();
  }
  return {
    kind: 'collection',
    items: visible.map((item) => project.project(item)),
    nextLink,
    metadata: `SP.ListData.${ctx.db.listEntityName(list)}Items`,
  };
}

function addItem(ctx: RequestContext, list: ListRecord): RouteResult {
  const changes = ctx.db.normalizeChanges(list.id, ctx.body());
  ctx.demand('addItem', { list, changes });
  const item = ctx.db.insertNormalizedItem(list.id, changes, { authorId: ctx.user.id });
  // SharePoint answers 201 with the new item's default properties.
  return { kind: 'entity', status: 201, json: projector(ctx, list, [], []).project(item), etag: itemEtag(item) };
}

/** `If-Match: *` always matches; otherwise the ETag must be the item's current one. */
function checkEtag(ctx: RequestContext, item: ItemRecord): void {
  const sent = ctx.header('if-match');
  if (sent === undefined || sent.trim() === '*') return;
  const current = itemEtag(item);
  if (sent.trim() !== current) throw etagMismatch(sent.trim(), current);
}

function itemRoute(ctx: RequestContext, list: ListRecord, itemId: number, rest: readonly PathSegment[]): RouteResult {
  const item = ctx.db.getItem(list.id, itemId);
  if (!item) throw itemNotFound();
  if (rest.length === 0) {
    if (isRead(ctx)) {
      ctx.demand('read', { list, item });
      const project = projector(ctx, list);
      project.prefetch([item]);
      return { kind: 'entity', json: project.project(item), etag: itemEtag(item), metadata: `SP.ListData.${ctx.db.listEntityName(list)}Items/@Element` };
    }
    if (isUpdate(ctx)) {
      const changes = ctx.db.normalizeChanges(list.id, ctx.body());
      ctx.demand('editItem', { list, item, changes });
      checkEtag(ctx, item);
      const updated = ctx.db.updateItem(list.id, item.id, changes, ctx.user.id);
      return { kind: 'empty', status: 204, etag: itemEtag(updated) };
    }
    if (ctx.method === 'DELETE') {
      ctx.demand('deleteItem', { list, item });
      checkEtag(ctx, item);
      ctx.db.deleteItem(list.id, item.id);
      return { kind: 'empty', status: 200 };
    }
    return unsupported(ctx, rest);
  }
  const [segment, ...deeper] = rest;
  switch (segment.name) {
    case 'effectivebasepermissions':
      if (!isRead(ctx) || deeper.length > 0) return unsupported(ctx, rest);
      ctx.demand('read', { list, item });
      return { kind: 'value', name: 'EffectiveBasePermissions', json: { ...ctx.permissionsAt({ list, item }) }, metadata: 'SP.ApiData.BasePermissions' };
    case 'recycle':
      if (ctx.method !== 'POST') return unsupported(ctx, rest);
      ctx.demand('deleteItem', { list, item });
      ctx.db.deleteItem(list.id, item.id);
      return { kind: 'value', name: 'Recycle', json: { value: randomUUID() } };
    case 'roleassignments':
      return roleAssignmentsRoute(ctx, itemScope(list.id, item.id), `Web/Lists(guid'${list.id}')/Items(${item.id})`, segment, deeper, {
        list,
        item,
      });
    case 'breakroleinheritance':
      return breakInheritanceRoute(ctx, segment, { list, item });
    case 'resetroleinheritance':
      return resetInheritanceRoute(ctx, { list, item });
    default:
      return unsupported(ctx, rest);
  }
}

/** `…/items`, `…/items(n)`, `…/items/getById(n)`, `…/getItemById(n)`. */
export function itemsRoute(ctx: RequestContext, list: ListRecord, itemsSegment: PathSegment, rest: readonly PathSegment[]): RouteResult {
  if (itemsSegment.called) return itemRoute(ctx, list, itemIdOf(itemsSegment), rest);
  if (rest.length === 0) {
    if (isRead(ctx)) return queryItems(ctx, list);
    if (ctx.method === 'POST') return addItem(ctx, list);
    return unsupported(ctx, [itemsSegment]);
  }
  const [segment, ...deeper] = rest;
  if (segment.name === 'getbyid') return itemRoute(ctx, list, itemIdOf(segment), deeper);
  return unsupported(ctx, rest);
}

export function itemByIdRoute(ctx: RequestContext, list: ListRecord, segment: PathSegment, rest: readonly PathSegment[]): RouteResult {
  return itemRoute(ctx, list, itemIdOf(segment), rest);
}
