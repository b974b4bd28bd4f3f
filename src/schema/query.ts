/**
 * `$select` and `$expand` of a list query, derived from the schema: lookups are read as
 * their id (`PstActionId`), people are expanded to their name and e-mail.
 *
 * The `'summary'` scope is what the snapshot reads: only the fields flagged `summary` (what
 * the views show and compute from). A person shown there (the project lead) is expanded to
 * its name and e-mail only; a group of people only matched against the viewer (the team)
 * travels as its ids.
 */
import { FieldDef, ListDef } from './listSchema';

const PERSON_PROPERTIES = ['Id', 'Title', 'EMail'];
/** A person in the snapshot: its id is of no use to the views, its name and address are. */
const SUMMARY_PERSON_PROPERTIES = ['Title', 'EMail'];

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

export type QueryScope = 'all' | 'summary';

/**
 * `scope: 'summary'` keeps only the fields flagged `summary` (see above): the whole plan
 * loads in a fraction of the bytes, the panel reads the rest of one action.
 */
export function queryFor(list: ListDef, scope: QueryScope = 'all'): ListQuery {
  const select = ['Id'];
  const expand: string[] = [];
  for (const field of Object.values(list.fields)) {
    if (field.migratedFrom || (scope === 'summary' && !field.summary)) continue;
    if (isLookupField(field) || (scope === 'summary' && field.kind === 'personMulti')) {
      select.push(lookupIdProperty(field));
    } else if (isPersonField(field)) {
      const properties = scope === 'summary' ? SUMMARY_PERSON_PROPERTIES : PERSON_PROPERTIES;
      select.push(...properties.map((p) => `${field.internalName}/${p}`));
      expand.push(field.internalName);
    } else {
      select.push(field.internalName);
    }
  }
  return { select, expand };
}
