/**
 * Entities other than list items (web, lists, fields, users, groups, role assignments):
 * a type name, an id, properties, and navigation properties that `$expand` can open.
 * `$select`, `$expand`, `$filter`, `$orderby` and `$top` apply to them in memory — these
 * collections hold tens of entries, unlike items, which always go through SQL.
 */
import { badRequest, unknownProperty } from '../http/errors';
import type { FilterNode, Literal } from './filter';
import type { QueryOptions } from './queryOptions';

export type Json = Record<string, unknown>;

export interface Entity {
  readonly type: string;
  /** Path of the entity under `_api/`, e.g. `Web/Lists(guid'…')`: gives `odata.id` and `odata.editLink`. */
  readonly path: string;
  readonly etag?: string;
  readonly properties: Json;
  /** Properties returned only when selected (e.g. EffectiveBasePermissions); computed on demand. */
  readonly onDemand?: Readonly<Record<string, () => unknown>>;
  readonly navigation?: Readonly<Record<string, () => Entity | Entity[] | null>>;
}

export function entityMetadata(entity: Entity, apiUrl: string): Json {
  const metadata: Json = {
    'odata.type': entity.type,
    'odata.id': `${apiUrl}/${entity.path}`,
    'odata.editLink': entity.path,
  };
  if (entity.etag) metadata['odata.etag'] = entity.etag;
  return metadata;
}

function subPaths(paths: readonly string[], head: string): string[] {
  return paths.filter((p) => p.split('/')[0] === head && p.includes('/')).map((p) => p.substring(head.length + 1));
}

/** The JSON of an entity for a `$select`/`$expand`. */
export function projectEntity(entity: Entity, select: readonly string[], expand: readonly string[], apiUrl: string): Json {
  const result = entityMetadata(entity, apiUrl);
  const all = select.length === 0 || select.includes('*');
  if (all) Object.assign(result, entity.properties);
  const expandedHeads = new Set(expand.map((e) => e.split('/')[0]));
  for (const head of expandedHeads) {
    if (!entity.navigation?.[head]) throw unknownProperty(head, entity.type);
  }
  for (const path of select) {
    if (path === '*') continue;
    const [head, ...rest] = path.split('/');
    if (rest.length > 0) {
      if (!entity.navigation?.[head]) throw unknownProperty(head, entity.type);
      if (!expandedHeads.has(head)) {
        throw badRequest(
          `The query to field '${path}' is not valid. The $select query string must specify the target fields and the $expand query string must contains ${head}.`,
        );
      }
      continue;
    }
    if (head in entity.properties) result[head] = entity.properties[head];
    else if (entity.onDemand?.[head]) result[head] = entity.onDemand[head]();
    else if (entity.navigation?.[head]) continue;
    else throw unknownProperty(head, entity.type);
  }
  for (const head of expandedHeads) {
    const target = entity.navigation![head]();
    const childSelect = subPaths(select, head);
    const childExpand = subPaths(expand, head);
    if (target === null) result[head] = null;
    else if (Array.isArray(target)) result[head] = target.map((t) => projectEntity(t, childSelect, childExpand, apiUrl));
    else result[head] = projectEntity(target, childSelect, childExpand, apiUrl);
  }
  return result;
}

function literalValue(literal: Literal): unknown {
  return literal.type === 'null' ? null : literal.value;
}

function compare(left: unknown, right: unknown): number {
  if (typeof left === 'string' && typeof right === 'string') return left.toLowerCase().localeCompare(right.toLowerCase());
  if (typeof left === 'number' && typeof right === 'string' && right.trim() !== '') return left - Number(right);
  if (typeof left === 'string' && typeof right === 'number') return Number(left) - right;
  if (typeof left === 'boolean') return Number(left) - Number(right);
  return (left as number) - (right as number);
}

function valueAt(entity: Entity, path: string): unknown {
  const [head, ...rest] = path.split('/');
  if (rest.length === 0) {
    if (head in entity.properties) return entity.properties[head];
    if (entity.onDemand?.[head]) return entity.onDemand[head]();
    throw unknownProperty(head, entity.type);
  }
  const target = entity.navigation?.[head]?.();
  if (target === undefined) throw unknownProperty(head, entity.type);
  if (target === null || Array.isArray(target)) return null;
  return valueAt(target, rest.join('/'));
}

export function matchesFilter(entity: Entity, node: FilterNode): boolean {
  switch (node.kind) {
    case 'and':
      return matchesFilter(entity, node.left) && matchesFilter(entity, node.right);
    case 'or':
      return matchesFilter(entity, node.left) || matchesFilter(entity, node.right);
    case 'not':
      return !matchesFilter(entity, node.operand);
    case 'startswith': {
      const value = valueAt(entity, node.property);
      return typeof value === 'string' && value.toLowerCase().startsWith(node.value.toLowerCase());
    }
    case 'substringof': {
      const value = valueAt(entity, node.property);
      return typeof value === 'string' && value.toLowerCase().includes(node.value.toLowerCase());
    }
    case 'compare': {
      const left = valueAt(entity, node.property);
      const right = literalValue(node.value);
      if (right === null || left === null || left === undefined) {
        const bothNull = (left === null || left === undefined) && right === null;
        return node.op === 'eq' ? bothNull : node.op === 'ne' ? !bothNull : false;
      }
      const order = compare(left, right);
      switch (node.op) {
        case 'eq':
          return order === 0;
        case 'ne':
          return order !== 0;
        case 'lt':
          return order < 0;
        case 'le':
          return order <= 0;
        case 'gt':
          return order > 0;
        case 'ge':
          return order >= 0;
      }
    }
  }
}

/** `$filter`, `$orderby`, `$top` on a small collection, then `$select`/`$expand` on each entity. */
export function queryEntities(entities: readonly Entity[], options: QueryOptions, apiUrl: string): Json[] {
  let selected = options.filter ? entities.filter((e) => matchesFilter(e, options.filter!)) : entities.slice();
  if (options.orderBy.length > 0) {
    selected = selected.slice().sort((a, b) => {
      for (const key of options.orderBy) {
        const order = compare(valueAt(a, key.property), valueAt(b, key.property));
        if (order !== 0) return key.descending ? -order : order;
      }
      return 0;
    });
  }
  if (options.top !== undefined) selected = selected.slice(0, options.top);
  return selected.map((e) => projectEntity(e, options.select, options.expand, apiUrl));
}
