/**
 * How a column's value is reached in SQL, shared by the expression indexes and the item
 * queries: SQLite uses an index on an expression only when the query contains the very
 * same expression (https://www.sqlite.org/expridx.html), so both are built here.
 */
import { ITEM_COLUMN_OF } from '../fields/builtInFields';
import type { FieldRecord } from '../records';

const SAFE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function assertSafeInternalName(name: string): void {
  if (!SAFE_NAME.test(name)) throw new Error(`Unsupported internal name '${name}' (letters, digits and _ only)`);
}

/** Text-like columns compare and sort case-insensitively, as SharePoint's collation does. */
export function isTextLike(field: FieldRecord): boolean {
  return field.type === 'Text' || field.type === 'Note' || field.type === 'Choice' || field.type === 'MultiChoice' || field.type === 'Computed';
}

/** The SQL expression of a column's stored value; `alias` is the items table alias ('' in index definitions). */
export function valueExpression(field: FieldRecord, alias = 'i'): string {
  const prefix = alias ? `${alias}.` : '';
  const column = ITEM_COLUMN_OF[field.internalName];
  if (column) return `${prefix}${column}`;
  assertSafeInternalName(field.internalName);
  return `json_extract(${prefix}data, '$.${field.internalName}')`;
}

export function collationOf(field: FieldRecord): string {
  return isTextLike(field) ? ' COLLATE NOCASE' : '';
}

/** Name of the SQLite index behind an indexed column (shared by the lists that have a column of that name). */
export function indexName(field: FieldRecord): string {
  const column = ITEM_COLUMN_OF[field.internalName];
  return `ix_items_${column ?? field.internalName}${isTextLike(field) ? '_ci' : ''}`;
}

/** The index that makes a column "indexed" in SharePoint's sense. */
export function indexStatement(field: FieldRecord): string {
  return `CREATE INDEX IF NOT EXISTS "${indexName(field)}" ON items(list_id, ${valueExpression(field, '')}${collationOf(field)})`;
}
