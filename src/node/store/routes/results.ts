/** Small helpers the routes share to answer with an entity, a collection or nothing. */
import type { RouteResult } from '../http/apiTypes';
import { notImplemented } from '../http/errors';
import { Entity, projectEntity, queryEntities } from '../odata/entities';
import type { PathSegment } from '../odata/path';
import type { RequestContext } from './context';

export function entityResult(ctx: RequestContext, entity: Entity, status = 200): RouteResult {
  return {
    kind: 'entity',
    status,
    json: projectEntity(entity, ctx.options.select, ctx.options.expand, ctx.apiUrl),
    etag: entity.etag,
    metadata: `${entity.type}/@Element`,
  };
}

export function collectionResult(ctx: RequestContext, entities: readonly Entity[], metadata?: string): RouteResult {
  return { kind: 'collection', items: queryEntities(entities, ctx.options, ctx.apiUrl), metadata };
}

export const NO_CONTENT: RouteResult = { kind: 'empty', status: 204 };
/** What SharePoint answers to a POST that invokes a method returning nothing. */
export const OK_EMPTY: RouteResult = { kind: 'value', name: 'value', json: { 'odata.null': true } };

/** A path or verb SharePoint has but the store does not: 501, never a fake answer. */
export function unsupported(ctx: RequestContext, segments: readonly PathSegment[]): never {
  const path = segments.map((s) => s.rawName + (s.called ? '(…)' : '')).join('/');
  throw notImplemented(`${ctx.method} …/${path || '(this resource)'}`);
}

export function isRead(ctx: RequestContext): boolean {
  return ctx.method === 'GET';
}

export function isUpdate(ctx: RequestContext): boolean {
  return ctx.method === 'MERGE' || ctx.method === 'PATCH' || ctx.method === 'PUT';
}
