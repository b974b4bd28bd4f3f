/**
 * The values of an item write (`items.add`, `item.update`) checked against the list's
 * columns and put in the stored form:
 * - properties by internal name; lookups and people as `<Name>Id` (a number, or an array
 *   of numbers / `{ results: [] }` when multi-valued), as PnPjs and SharePoint expect them
 *   (https://learn.microsoft.com/en-us/sharepoint/dev/sp-add-ins/working-with-lists-and-list-items-with-rest);
 * - numbers refuse text, dates must parse, choices must be one of the choices unless
 *   FillInChoice, people must be site users, lookups must point to an existing item;
 * - date-only columns keep local midnight of the site's time zone (see siteTimeZone.ts).
 *
 * Stored form (the item's JSON): text/choice → string, number → number, boolean →
 * true/false, date → `YYYY-MM-DDTHH:MM:SSZ`, multi-choice → string[], lookup/person → id,
 * multi lookup/person → id[]. Empty text is stored as null, as SharePoint returns it.
 */
import {
  cannotConvert,
  invalidArgument,
  invalidFieldValue,
  SharePointError,
  unknownProperty,
} from '../http/errors';
import type { FieldRecord } from '../records';
import { dateOnlyValue, isoSeconds } from './siteTimeZone';

export interface ValueChecks {
  userExists(id: number): boolean;
  itemExists(listId: string, id: number): boolean;
  /**
   * Also refuse what SharePoint's REST service lets through and only its forms refuse:
   * a value outside a choice column's choices or a number column's Min/Max (see
   * `StoreValidation`). Required columns are checked by `checkRequired`, in strict mode only.
   */
  readonly strict: boolean;
}

const NAVIGATION_VALUE_MESSAGE =
  "A 'PrimitiveValue' node with non-null value was found when trying to read the value of a navigation property; however, a 'StartArray' node, a 'StartObject' node, or a 'PrimitiveValue' node with null value was expected.";

export const isPersonField = (field: FieldRecord): boolean => field.type === 'User' || field.type === 'UserMulti';
export const isLookupField = (field: FieldRecord): boolean => field.type === 'Lookup' || field.type === 'LookupMulti';
export const isReferenceField = (field: FieldRecord): boolean => isPersonField(field) || isLookupField(field);
export const isMultiValued = (field: FieldRecord): boolean =>
  field.type === 'UserMulti' || field.type === 'LookupMulti' || field.type === 'MultiChoice';

/** Body properties that carry metadata, not values (verbose `__metadata`, JSON light annotations). */
function isAnnotation(key: string): boolean {
  return key === '__metadata' || key.startsWith('odata.') || key.includes('@odata.');
}

/** `[1, 2]`, `{ results: [1, 2] }` (verbose) or a single value → an array. */
function arrayOf(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  const results = (value as { results?: unknown } | null)?.results;
  return Array.isArray(results) ? results : undefined;
}

function toNumber(field: FieldRecord, value: unknown, strict: boolean): number | null {
  if (value === null) return null;
  let n: number;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string' && value.trim() !== '' && isFinite(Number(value))) n = Number(value);
  else throw cannotConvert('Edm.Double');
  if (!isFinite(n)) throw cannotConvert('Edm.Double');
  if (!strict) return n;
  // Store's wording: SharePoint refuses out-of-range numbers for a column with Min/Max.
  if (field.min !== undefined && n < field.min) throw invalidFieldValue(`The value of the field '${field.title}' (${field.internalName}) must be at least ${field.min}.`);
  if (field.max !== undefined && n > field.max) throw invalidFieldValue(`The value of the field '${field.title}' (${field.internalName}) must be at most ${field.max}.`);
  return n;
}

function toText(field: FieldRecord, value: unknown): string | null {
  if (value === null || value === '') return null;
  if (typeof value !== 'string') throw cannotConvert('Edm.String');
  if (field.maxLength !== undefined && value.length > field.maxLength) {
    // Store's wording for SharePoint's length limit of single-line text (255 by default).
    throw invalidFieldValue(`The value of the field '${field.title}' (${field.internalName}) is longer than ${field.maxLength} characters.`);
  }
  return value;
}

const ISO_PARTS = /^\s*([+-]?\d{4,6})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/;

/** False when an ISO 8601 value names a day, month, hour, minute or second that does not exist. */
export function existsInCalendar(value: string): boolean {
  const parts = ISO_PARTS.exec(value);
  if (!parts) return true;
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one.
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return false;
  const [hour, minute, second] = [Number(parts[4] ?? 0), Number(parts[5] ?? 0), Number(parts[6] ?? 0)];
  return hour <= 23 && minute <= 59 && second <= 59;
}

function toDate(field: FieldRecord, value: unknown): string | null {
  if (value === null || value === '') return null;
  if (typeof value !== 'string') throw cannotConvert('Edm.DateTime');
  // Date.parse rolls 2025-02-31 over to 2025-03-03; SharePoint's OData reader refuses a day,
  // month or time that does not exist.
  if (!existsInCalendar(value)) throw cannotConvert('Edm.DateTime');
  const instant = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00Z` : value);
  if (isNaN(instant)) throw cannotConvert('Edm.DateTime');
  return field.dateOnly ? dateOnlyValue(instant) : isoSeconds(instant);
}

function toBoolean(value: unknown): boolean | null {
  if (value === null) return null;
  if (typeof value === 'boolean') return value;
  throw cannotConvert('Edm.Boolean');
}

function checkChoice(field: FieldRecord, choice: string, strict: boolean): string {
  if (!strict || field.fillInChoice || (field.choices ?? []).includes(choice)) return choice;
  // Store's wording: the value is not one of the column's choices.
  throw invalidFieldValue(`The value '${choice}' is not one of the choices of the field '${field.title}' (${field.internalName}).`);
}

function toChoice(field: FieldRecord, value: unknown, strict: boolean): string | null {
  if (value === null || value === '') return null;
  if (typeof value !== 'string') throw cannotConvert('Edm.String');
  return checkChoice(field, value, strict);
}

function toChoices(field: FieldRecord, value: unknown, strict: boolean): string[] {
  if (value === null) return [];
  const values = arrayOf(value);
  if (!values) throw cannotConvert('Collection(Edm.String)');
  return values.map((v) => {
    if (typeof v !== 'string') throw cannotConvert('Edm.String');
    return checkChoice(field, v, strict);
  });
}

function toId(value: unknown): number | null {
  if (value === null || value === 0 || value === -1 || value === '') return null;
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) throw cannotConvert('Edm.Int32');
  return n;
}

function checkReference(field: FieldRecord, id: number, checks: ValueChecks): number {
  if (isPersonField(field)) {
    if (!checks.userExists(id)) throw invalidArgument('The user does not exist or is not unique.');
  } else if (field.lookupList && !checks.itemExists(field.lookupList, id)) {
    throw invalidArgument('Invalid lookup value. A lookup field contains invalid data. Please check the value and try again.');
  }
  return id;
}

function toReference(field: FieldRecord, value: unknown, checks: ValueChecks): number | number[] | null {
  if (field.type === 'UserMulti' || field.type === 'LookupMulti') {
    if (value === null) return [];
    const values = arrayOf(value);
    if (!values) throw cannotConvert('Collection(Edm.Int32)');
    return values.map(toId).filter((id): id is number => id !== null).map((id) => checkReference(field, id, checks));
  }
  const id = toId(value);
  return id === null ? null : checkReference(field, id, checks);
}

export function normalizeValue(field: FieldRecord, value: unknown, checks: ValueChecks): unknown {
  switch (field.type) {
    case 'Text':
      return toText(field, value);
    case 'Note':
      return toText({ ...field, maxLength: undefined }, value);
    case 'Number':
    case 'Currency':
      return toNumber(field, value, checks.strict);
    case 'DateTime':
      return toDate(field, value);
    case 'Boolean':
      return toBoolean(value);
    case 'Choice':
      return toChoice(field, value, checks.strict);
    case 'MultiChoice':
      return toChoices(field, value, checks.strict);
    case 'User':
    case 'UserMulti':
    case 'Lookup':
    case 'LookupMulti':
      return toReference(field, value, checks);
    default:
      throw invalidArgument(`The field '${field.internalName}' cannot be written.`);
  }
}

/**
 * The changes a write body makes, by internal name, in stored form. Throws SharePoint's
 * error for an unknown property, a read-only field or a value the column refuses.
 */
const fieldMaps = new WeakMap<readonly FieldRecord[], Map<string, FieldRecord>>();

function byInternalName(fields: readonly FieldRecord[]): Map<string, FieldRecord> {
  let map = fieldMaps.get(fields);
  if (!map) {
    map = new Map(fields.map((f) => [f.internalName, f]));
    fieldMaps.set(fields, map);
  }
  return map;
}

export function normalizeItemChanges(
  fields: readonly FieldRecord[],
  body: Record<string, unknown>,
  entityTypeName: string,
  checks: ValueChecks,
): Record<string, unknown> {
  const byName = byInternalName(fields);
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (isAnnotation(key)) continue;
    const direct = byName.get(key);
    if (direct) {
      if (isReferenceField(direct)) {
        if (value === null) {
          changes[direct.internalName] = isMultiValued(direct) ? [] : null;
          continue;
        }
        throw new SharePointError(400, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', NAVIGATION_VALUE_MESSAGE);
      }
      if (direct.readOnly) throw invalidArgument(`The field '${direct.internalName}' is read-only and cannot be set.`); // store's wording
      changes[direct.internalName] = normalizeValue(direct, value, checks);
      continue;
    }
    const idSuffix = /^(.+?)(String)?Id$/.exec(key);
    const reference = idSuffix ? byName.get(idSuffix[1]) : undefined;
    if (reference && isReferenceField(reference) && (!idSuffix![2] || isPersonField(reference))) {
      if (reference.readOnly) throw invalidArgument(`The field '${reference.internalName}' is read-only and cannot be set.`);
      changes[reference.internalName] = normalizeValue(reference, value, checks);
      continue;
    }
    throw unknownProperty(key, entityTypeName);
  }
  return changes;
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/**
 * Strict mode: required columns must have a value after the write (store's wording).
 * SharePoint's REST service does not check them — "Client object model always allowed to
 * ignore required fields" (https://github.com/SharePoint/PnP-JS-Core/issues/376) — only
 * its forms do.
 */
export function checkRequired(fields: readonly FieldRecord[], values: Record<string, unknown>, changedOnly?: Record<string, unknown>): void {
  for (const field of fields) {
    if (!field.required || field.readOnly) continue;
    if (changedOnly && !(field.internalName in changedOnly)) continue;
    if (isEmpty(values[field.internalName])) {
      throw invalidFieldValue(`The field '${field.title}' (${field.internalName}) is required and cannot be empty.`);
    }
  }
}
