/**
 * `GET …/items` in SQL: `$filter` and `$orderby` become a WHERE and an ORDER BY on the
 * items table (using the expression indexes of indexed columns), `$top` a LIMIT and
 * `$skiptoken` a keyset condition, so that a page of a 50,000-item list costs an index
 * seek rather than a scan.
 *
 * SharePoint Online's rules, applied here:
 * - `$top` defaults to 100; paging is by `$skiptoken=Paged=TRUE&p_ID=<last id>` and the
 *   response carries `odata.nextLink` while items remain
 *   (https://learn.microsoft.com/en-us/sharepoint/dev/sp-add-ins/use-odata-query-operations-in-sharepoint-rest-requests, "Page through returned items");
 * - the list view threshold (5,000 items, not raisable online): on a list holding more,
 *   a query must be served by an index — its `$filter` needs, among its top-level AND
 *   terms, a comparison on an indexed column selecting at most 5,000 items, its
 *   `$orderby` only indexed columns, and `$top` at most 5,000; otherwise
 *   SPQueryThrottledException (https://learn.microsoft.com/en-us/previous-versions/office/developer/sharepoint-2010/ee557257(v=office.14),
 *   "Queries on lists consisting of more than 5,000 items that include fields that are
 *   not indexed in their query conditions will also fail"; `$top` above the threshold:
 *   https://github.com/SharePoint/PnP-JS-Core/issues/203). An unfiltered query ordered by
 *   ID is served by the ID index and allowed, which is how paging through a large list works.
 */
import type { StoreDatabase } from '../db/database';
import { badRequest, notImplemented, thresholdExceeded } from '../http/errors';
import { FilterNode, Literal, topLevelConjuncts } from '../odata/filter';
import type { OrderKey, QueryOptions } from '../odata/queryOptions';
import type { ItemRecord, ListRecord } from '../records';
import { isoSeconds } from '../values/siteTimeZone';
import { ItemProperties, ResolvedProperty } from './itemProperties';

export const LIST_VIEW_THRESHOLD = 5000;
export const DEFAULT_TOP = 100;

type SqlValue = string | number | null;

interface Compiled {
  readonly sql: string;
  readonly params: SqlValue[];
}

export interface ItemPage {
  readonly items: ItemRecord[];
  /** The `$skiptoken` of the next page, when items remain. */
  readonly nextSkipToken?: string;
}

function invalidValue(property: ResolvedProperty, literal: Literal): Error {
  const shown = literal.type === 'null' ? 'null' : String(literal.value);
  return badRequest(`The value '${shown}' cannot be compared with the field '${property.path}'.`);
}

/** A literal converted to the stored form of the property it is compared with. */
function sqlValueOf(property: ResolvedProperty, literal: Literal): SqlValue {
  if (literal.type === 'null') return null;
  switch (property.kind) {
    case 'text':
    case 'multiText':
      if (literal.type === 'string') return literal.value;
      if (literal.type === 'number') return String(literal.value);
      throw invalidValue(property, literal);
    case 'number':
    case 'multiNumber': {
      if (literal.type === 'number') return literal.value;
      if (literal.type === 'string' && literal.value.trim() !== '' && isFinite(Number(literal.value))) return Number(literal.value);
      throw invalidValue(property, literal);
    }
    case 'boolean':
      if (literal.type === 'boolean') return literal.value ? 1 : 0;
      if (literal.type === 'number' && (literal.value === 0 || literal.value === 1)) return literal.value;
      throw invalidValue(property, literal);
    case 'date': {
      if (literal.type !== 'string' && literal.type !== 'datetime') throw invalidValue(property, literal);
      const instant = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(literal.value) ? `${literal.value}T00:00:00Z` : literal.value);
      if (isNaN(instant)) throw invalidValue(property, literal);
      return isoSeconds(instant);
    }
  }
}

const SQL_OPERATOR = { eq: '=', ne: '<>', lt: '<', le: '<=', gt: '>', ge: '>=' } as const;

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export class ItemQuery {
  private readonly properties: ItemProperties;

  constructor(
    private readonly db: StoreDatabase,
    private readonly list: ListRecord,
    private readonly options: QueryOptions,
  ) {
    const expanded = new Set(options.expand.map((e) => e.split('/')[0]));
    this.properties = new ItemProperties(db, list, expanded);
  }

  compileFilter(node: FilterNode): Compiled {
    switch (node.kind) {
      case 'and':
      case 'or': {
        const left = this.compileFilter(node.left);
        const right = this.compileFilter(node.right);
        return { sql: `(${left.sql} ${node.kind.toUpperCase()} ${right.sql})`, params: [...left.params, ...right.params] };
      }
      case 'not': {
        const operand = this.compileFilter(node.operand);
        return { sql: `(NOT ${operand.sql})`, params: operand.params };
      }
      case 'startswith':
      case 'substringof': {
        const property = this.properties.resolve(node.property);
        if (property.kind !== 'text') throw badRequest(`${node.kind}() applies to text fields; '${node.property}' is not one.`);
        const pattern = node.kind === 'startswith' ? `${escapeLike(node.value)}%` : `%${escapeLike(node.value)}%`;
        return { sql: `(${property.sql} LIKE ? ESCAPE '\\')`, params: [pattern] };
      }
      case 'compare':
        return this.compileComparison(this.properties.resolve(node.property), node.op, node.value);
    }
  }

  private compileComparison(property: ResolvedProperty, op: keyof typeof SQL_OPERATOR, literal: Literal): Compiled {
    const value = sqlValueOf(property, literal);
    const multi = property.kind === 'multiText' || property.kind === 'multiNumber';
    if (value === null) {
      if (op !== 'eq' && op !== 'ne') throw invalidValue(property, literal);
      const isEmpty = multi ? `(${property.sql} IS NULL OR json_array_length(${property.sql}) = 0)` : `${property.sql} IS NULL`;
      return { sql: op === 'eq' ? isEmpty : `(NOT ${isEmpty})`, params: [] };
    }
    if (multi) {
      // A multi-valued column "equals" a value when it contains it.
      if (op !== 'eq' && op !== 'ne') throw badRequest(`Only eq and ne apply to the multi-valued field '${property.path}'.`);
      const contains = `EXISTS (SELECT 1 FROM json_each(${property.sql}) WHERE value = ?${property.collation})`;
      return { sql: op === 'eq' ? contains : `(NOT ${contains})`, params: [value] };
    }
    if (property.kind === 'boolean') {
      // An empty Yes/No column reads as No.
      return { sql: `(IFNULL(${property.sql}, 0) ${SQL_OPERATOR[op]} ?)`, params: [value] };
    }
    return { sql: `(${property.sql} ${SQL_OPERATOR[op]} ?${property.collation})`, params: [value] };
  }

  private orderKeys(): { property: ResolvedProperty; descending: boolean }[] {
    const keys = this.options.orderBy.map((key: OrderKey) => {
      const property = this.properties.resolve(key.property);
      if (property.kind === 'multiText' || property.kind === 'multiNumber') {
        throw badRequest(`The field '${key.property}' is multi-valued and cannot be used in $orderby.`);
      }
      return { property, descending: key.descending };
    });
    if (!keys.some((k) => k.property.sql === 'i.id')) keys.push({ property: this.properties.resolve('ID'), descending: false });
    return keys;
  }

  /**
   * The top-level AND term an index serves, as SharePoint picks it: the first comparison
   * (not `ne`, not with null) on an indexed column.
   */
  private indexedTerm(filter: FilterNode | undefined): { term: FilterNode; property: ResolvedProperty } | undefined {
    if (!filter) return undefined;
    for (const term of topLevelConjuncts(filter)) {
      if (term.kind !== 'compare' || term.op === 'ne' || term.value.type === 'null') continue;
      const property = this.properties.resolve(term.property);
      if (property.indexed) return { term, property };
    }
    return undefined;
  }

  /** Refuses, as SharePoint does, a query that the indexes cannot serve on a list past the threshold. */
  private checkThreshold(top: number, keys: { property: ResolvedProperty }[], filter: FilterNode | undefined): void {
    if (this.db.itemCount(this.list.id) <= LIST_VIEW_THRESHOLD) return;
    if (top > LIST_VIEW_THRESHOLD) throw thresholdExceeded();
    if (keys.some((k) => !k.property.indexed)) throw thresholdExceeded();
    if (!filter) return;
    const indexed = this.indexedTerm(filter);
    if (!indexed) throw thresholdExceeded();
    if (indexed.property.sql === 'i.id') return; // ID ranges are what paging itself uses.
    const term = this.compileFilter(indexed.term);
    const row = this.db.sql
      .prepare(`SELECT COUNT(*) AS n FROM (SELECT 1 FROM items i INDEXED BY "${indexed.property.indexName}" WHERE i.list_id = ? AND ${term.sql} LIMIT ${LIST_VIEW_THRESHOLD + 1})`)
      .get(this.list.id, ...term.params) as { n: number };
    if (row.n > LIST_VIEW_THRESHOLD) throw thresholdExceeded();
  }

  /**
   * `FROM items i`, with the index of the filter's indexed term forced: without statistics
   * SQLite may prefer the index that gives the ORDER BY and walk the whole list instead.
   */
  private fromClause(filter: FilterNode | undefined): string {
    const indexed = this.indexedTerm(filter);
    return indexed?.property.indexName ? `items i INDEXED BY "${indexed.property.indexName}"` : 'items i';
  }

  /** The keyset condition "after the last item of the previous page" for the sort keys. */
  private afterSkipToken(keys: { property: ResolvedProperty; descending: boolean }[]): Compiled | undefined {
    const token = this.options.skipToken;
    if (!token) return undefined;
    const params = new URLSearchParams(token);
    if (params.get('PagedPrev')?.toUpperCase() === 'TRUE') throw notImplemented('$skiptoken with PagedPrev=TRUE (paging backwards)');
    const lastId = Number(params.get('p_ID'));
    if (!Number.isInteger(lastId)) throw badRequest(`The $skiptoken '${token}' is not valid.`);
    const valueOf = (key: { property: ResolvedProperty }): SqlValue | undefined => {
      if (key.property.sql === 'i.id') return lastId;
      const raw = params.get(`p_${key.property.path.replace(/\//g, '_')}`);
      if (raw === null) return undefined;
      if (raw === '') return null;
      return key.property.kind === 'number' || key.property.kind === 'boolean' ? Number(raw) : raw;
    };
    const values = keys.map(valueOf);
    if (values.some((v) => v === undefined)) {
      // A bare `p_ID` (PnPjs `skip(id)`): position by ID only.
      return { sql: 'i.id > ?', params: [lastId] };
    }
    const alternatives: string[] = [];
    const all: SqlValue[] = [];
    keys.forEach((key, index) => {
      const parts: string[] = [];
      const params: SqlValue[] = [];
      for (let j = 0; j < index; j++) {
        parts.push(`${keys[j].property.sql} IS ?${keys[j].property.collation}`);
        params.push(values[j] as SqlValue);
      }
      const v = values[index] as SqlValue;
      const expr = key.property.sql;
      const collation = key.property.collation;
      // SQLite sorts NULL first ascending, last descending.
      if (!key.descending) {
        if (v === null) parts.push(`${expr} IS NOT NULL`);
        else {
          parts.push(`${expr} > ?${collation}`);
          params.push(v);
        }
      } else if (v === null) {
        parts.push('0');
      } else {
        parts.push(`(${expr} < ?${collation} OR ${expr} IS NULL)`);
        params.push(v);
      }
      alternatives.push(`(${parts.join(' AND ')})`);
      all.push(...params);
    });
    return { sql: `(${alternatives.join(' OR ')})`, params: all };
  }

  private skipTokenAfter(item: ItemRecord, row: Record<string, unknown>, keys: { property: ResolvedProperty }[]): string {
    const parts = ['Paged=TRUE'];
    keys.forEach((key, index) => {
      if (key.property.sql === 'i.id') return;
      const value = row[`k${index}`];
      parts.push(`p_${key.property.path.replace(/\//g, '_')}=${encodeURIComponent(value === null || value === undefined ? '' : String(value))}`);
    });
    parts.push(`p_ID=${item.id}`);
    return parts.join('&');
  }

  run(): ItemPage {
    const top = this.options.top ?? DEFAULT_TOP;
    const keys = this.orderKeys();
    this.checkThreshold(top, keys, this.options.filter);
    const where: string[] = ['i.list_id = ?'];
    const params: SqlValue[] = [this.list.id];
    if (this.options.filter) {
      const filter = this.compileFilter(this.options.filter);
      where.push(filter.sql);
      params.push(...filter.params);
    }
    const after = this.afterSkipToken(keys);
    if (after) {
      where.push(after.sql);
      params.push(...after.params);
    }
    const keyColumns = keys.map((k, index) => `${k.property.sql} AS k${index}`).join(', ');
    const orderBy = keys.map((k) => `${k.property.sql}${k.property.collation} ${k.descending ? 'DESC' : 'ASC'}`).join(', ');
    const sql = `SELECT i.*, ${keyColumns} FROM ${this.fromClause(this.options.filter)} WHERE ${where.join(' AND ')} ORDER BY ${orderBy} LIMIT ?`;
    const rows = this.db.sql.prepare(sql).all(...params, top + 1) as Record<string, unknown>[];
    const page = rows.slice(0, top);
    const items = page.map((row) => this.db.readItemRow(row));
    const more = rows.length > top && page.length > 0;
    return {
      items,
      nextSkipToken: more ? this.skipTokenAfter(items[items.length - 1], page[page.length - 1], keys) : undefined,
    };
  }

  /** The query plan, for tests that check the indexes are used. */
  explain(): string[] {
    const where: string[] = ['i.list_id = ?'];
    const params: SqlValue[] = [this.list.id];
    if (this.options.filter) {
      const filter = this.compileFilter(this.options.filter);
      where.push(filter.sql);
      params.push(...filter.params);
    }
    const keys = this.orderKeys();
    const orderBy = keys.map((k) => `${k.property.sql}${k.property.collation} ${k.descending ? 'DESC' : 'ASC'}`).join(', ');
    return (this.db.sql.prepare(`EXPLAIN QUERY PLAN SELECT i.* FROM ${this.fromClause(this.options.filter)} WHERE ${where.join(' AND ')} ORDER BY ${orderBy}`).all(...params) as { detail: string }[]).map(
      (r) => r.detail,
    );
  }
}
