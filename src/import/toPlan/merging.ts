/**
 * Two occurrences of an action are merged into one transversal action only when their
 * titles are identical after normalisation, they sit under different OO, the title is
 * specific enough and nothing they carry contradicts.
 */
import type { OutlineAction, OutlineActionFields } from './outlineTypes';
import { titleKey } from '../../domain/vocabularies';

export const MIN_WORDS_TO_MERGE = 5;

/** A new occurrence is compared with this many earlier ones at most (no quadratic step). */
export const MAX_CANDIDATES_TO_COMPARE = 20;

function isEmptyValue(value: unknown): boolean {
  return value == null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

/** Two occurrences contradict when one field holds two different non-empty values. */
export function conflictingKeys(a: OutlineAction, b: OutlineAction): string[] {
  const conflicts: string[] = [];
  const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);
  if (!isEmptyValue(a.code) && !isEmptyValue(b.code) && a.code !== b.code) conflicts.push('code');
  if (!isEmptyValue(a.description) && !isEmptyValue(b.description) && !same(a.description, b.description)) conflicts.push('description');
  const subA = (a.subActions || []).map((s) => titleKey(s.title || ''));
  const subB = (b.subActions || []).map((s) => titleKey(s.title || ''));
  if (subA.length > 0 && subB.length > 0 && !same(subA, subB)) conflicts.push('subActions');
  const fieldsA = a.fields || {};
  const fieldsB = b.fields || {};
  const keys = Object.keys(fieldsA).concat(Object.keys(fieldsB).filter((k) => !(k in fieldsA)));
  for (const key of keys) {
    const x = fieldsA[key];
    const y = fieldsB[key];
    if (!isEmptyValue(x) && !isEmptyValue(y) && !same(x, y)) conflicts.push(key);
  }
  return conflicts;
}

/** The first occurrence, completed with what only the later ones say. */
export function mergeOccurrences(occurrences: OutlineAction[]): OutlineAction {
  const merged: OutlineAction = { ...occurrences[0], fields: { ...(occurrences[0].fields || {}) } };
  for (const other of occurrences.slice(1)) {
    if (isEmptyValue(merged.code)) merged.code = other.code;
    if (isEmptyValue(merged.description)) merged.description = other.description;
    if ((merged.subActions || []).length === 0) merged.subActions = other.subActions;
    const fields = merged.fields as OutlineActionFields;
    for (const key of Object.keys(other.fields || {})) {
      if (isEmptyValue(fields[key])) fields[key] = (other.fields as OutlineActionFields)[key];
    }
  }
  return merged;
}
