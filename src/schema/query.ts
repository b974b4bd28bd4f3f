/**
 * `$select` and `$expand` of a list query, derived from the schema: lookups are read as
 * their id (`PstActionId`), people are expanded to their name and e-mail.
 */
import { FieldDef, ListDef } from './listSchema';

const PERSON_PROPERTIES = ['Id', 'Title', 'EMail'];

export interface ListQuery {
  readonly select: string[];
  readonly expand: string[];
}

export function isPersonField(field: FieldDef): boolean {
  return field.kind === 'person' || field.kind === 'personMulti';
}

export function isLookupField(field: FieldDef): boolean {
  return field.kind === 'lookup' || field.kind === 'lookupMulti';
}

/** The property carrying a lookup's id(s) in REST payloads: `PstAction` → `PstActionId`. */
export function lookupIdProperty(field: FieldDef): string {
  return `${field.internalName}Id`;
}

/**
 * `scope: 'summary'` leaves out the long texts (`detailOnly`) that only an action's panel
 * shows: the whole plan loads in a fraction of the bytes.
 */
export function queryFor(list: ListDef, scope: 'all' | 'summary' = 'all'): ListQuery {
  const select = ['Id'];
  const expand: string[] = [];
  for (const field of Object.values(list.fields)) {
    if (scope === 'summary' && field.detailOnly) continue;
    if (isLookupField(field)) {
      select.push(lookupIdProperty(field));
    } else if (isPersonField(field)) {
      select.push(...PERSON_PROPERTIES.map((p) => `${field.internalName}/${p}`));
      expand.push(field.internalName);
    } else {
      select.push(field.internalName);
    }
  }
  return { select, expand };
}
