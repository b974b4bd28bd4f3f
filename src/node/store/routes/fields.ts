/**
 * `…/fields`: the columns of a list, `createfieldasxml` (body
 * `{ parameters: { SchemaXml, Options } }`, node_modules/@pnp/sp/fields/types.js),
 * `getByInternalNameOrTitle('X')`, `getByTitle('X')`, `getById('guid')`, `fields('guid')`,
 * and MERGE of a field (`{ Indexed: true }`).
 * https://learn.microsoft.com/en-us/sharepoint/dev/sp-add-ins/working-with-lists-and-list-items-with-rest
 */
import type { RouteResult } from '../http/apiTypes';
import { badRequest, columnNotFound, notImplemented, unknownProperty } from '../http/errors';
import { firstArgument, PathSegment } from '../odata/path';
import type { FieldRecord, ListRecord } from '../records';
import type { RequestContext } from './context';
import { fieldEntity } from './entityBuilders';
import { collectionResult, entityResult, isRead, isUpdate, NO_CONTENT, unsupported } from './results';

/** SP.Field properties a MERGE may change here. */
const UPDATABLE: Readonly<Record<string, 'indexed' | 'title' | 'required' | 'hidden'>> = {
  Indexed: 'indexed',
  Title: 'title',
  Required: 'required',
  Hidden: 'hidden',
};

function fieldRoute(ctx: RequestContext, list: ListRecord, field: FieldRecord | undefined, name: string, rest: readonly PathSegment[]): RouteResult {
  if (!field) throw columnNotFound(name);
  if (rest.length > 0) return unsupported(ctx, rest);
  if (isRead(ctx)) {
    ctx.demand('read', { list });
    return entityResult(ctx, fieldEntity(list, field));
  }
  if (isUpdate(ctx)) {
    ctx.demand('manageLists', { list });
    const entity = fieldEntity(list, field);
    const changes: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(ctx.body())) {
      if (key === '__metadata' || key.startsWith('odata.') || key.includes('@odata.')) continue;
      const property = UPDATABLE[key];
      if (!property) {
        if (key in entity.properties) throw notImplemented(`changing the field property '${key}'`);
        throw unknownProperty(key, entity.type);
      }
      if (property === 'title' ? typeof value !== 'string' : typeof value !== 'boolean') throw badRequest(`The value of '${key}' is not valid.`);
      changes[property] = value;
    }
    ctx.db.updateField(list.id, field.internalName, changes);
    return NO_CONTENT;
  }
  return unsupported(ctx, rest);
}

export function fieldsRoute(ctx: RequestContext, list: ListRecord, segment: PathSegment, rest: readonly PathSegment[]): RouteResult {
  const fields = ctx.db.fields(list.id);
  if (segment.called) {
    const id = String(firstArgument(segment)).toLowerCase();
    return fieldRoute(ctx, list, fields.find((f) => f.id === id), id, rest);
  }
  if (rest.length === 0) {
    if (!isRead(ctx)) return unsupported(ctx, [segment]);
    ctx.demand('read', { list });
    return collectionResult(ctx, fields.map((f) => fieldEntity(list, f)), 'SP.ApiData.Fields');
  }
  const [next, ...deeper] = rest;
  const argument = String(firstArgument(next) ?? '');
  switch (next.name) {
    case 'getbyinternalnameortitle':
      return fieldRoute(
        ctx,
        list,
        fields.find((f) => f.internalName === argument) ?? fields.find((f) => f.title.toLowerCase() === argument.toLowerCase()),
        argument,
        deeper,
      );
    case 'getbytitle':
      return fieldRoute(ctx, list, fields.find((f) => f.title.toLowerCase() === argument.toLowerCase()), argument, deeper);
    case 'getbyid':
      return fieldRoute(ctx, list, fields.find((f) => f.id === argument.toLowerCase().replace(/[{}]/g, '')), argument, deeper);
    case 'createfieldasxml': {
      if (ctx.method !== 'POST' || deeper.length > 0) return unsupported(ctx, rest);
      ctx.demand('manageLists', { list });
      const parameters = ctx.body().parameters as { SchemaXml?: unknown } | undefined;
      if (!parameters || typeof parameters.SchemaXml !== 'string') throw badRequest('The parameter SchemaXml is missing.');
      const field = ctx.db.addField(list.id, parameters.SchemaXml);
      return entityResult(ctx, fieldEntity(list, field));
    }
    default:
      return unsupported(ctx, rest);
  }
}
