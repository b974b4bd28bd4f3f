/**
 * SharePoint field XML (CAML `<Field>`) derived from the list schema, as sent to
 * `fields/createFieldAsXml`. Internal names come from `Name`/`StaticName`; the
 * display name is French, the users' language.
 */
import { escapeXml } from '../../../src/text/htmlEntities';
import { FieldDef, FieldKind, ListKey } from './listSchema';

/** Belgian French: currency fields show `1 234,50 €`. */
export const LCID_FR_BE = 2060;

const FIELD_TYPE: { readonly [K in FieldKind]: string } = {
  text: 'Text',
  note: 'Note',
  richText: 'Note',
  number: 'Number',
  currency: 'Currency',
  date: 'DateTime',
  boolean: 'Boolean',
  choice: 'Choice',
  multiChoice: 'MultiChoice',
  person: 'User',
  personMulti: 'UserMulti',
  lookup: 'Lookup',
  lookupMulti: 'LookupMulti',
};

/** The `TypeAsString` SharePoint reports for a field of this kind. */
export function sharePointFieldType(kind: FieldKind): string {
  return FIELD_TYPE[kind];
}

export function fieldXml(field: FieldDef, listIds: Partial<Record<ListKey, string>>): string {
  const attributes: [string, string | number | undefined][] = [
    ['Type', FIELD_TYPE[field.kind]],
    ['Name', field.internalName],
    ['StaticName', field.internalName],
    ['DisplayName', field.title.fr],
    ['Required', field.required ? 'TRUE' : 'FALSE'],
  ];
  if (field.indexed) attributes.push(['Indexed', 'TRUE']);
  let children = '';
  switch (field.kind) {
    case 'text':
      attributes.push(['MaxLength', field.maxLength ?? 255]);
      break;
    case 'note':
      attributes.push(['NumLines', 6], ['RichText', 'FALSE']);
      break;
    case 'richText':
      attributes.push(['NumLines', 10], ['RichText', 'TRUE'], ['RichTextMode', 'FullHtml']);
      break;
    case 'number':
    case 'currency':
      if (field.min !== undefined) attributes.push(['Min', field.min]);
      if (field.max !== undefined) attributes.push(['Max', field.max]);
      if (field.decimals !== undefined) attributes.push(['Decimals', field.decimals]);
      if (field.kind === 'currency') attributes.push(['LCID', LCID_FR_BE]);
      break;
    case 'date':
      attributes.push(['Format', 'DateOnly']);
      break;
    case 'choice':
    case 'multiChoice':
      attributes.push(['Format', 'Dropdown'], ['FillInChoice', field.fillInChoice ? 'TRUE' : 'FALSE']);
      children = `<CHOICES>${(field.choices ?? []).map((c) => `<CHOICE>${escapeXml(c)}</CHOICE>`).join('')}</CHOICES>`;
      break;
    case 'person':
    case 'personMulti':
      attributes.push(['UserSelectionMode', 'PeopleOnly'], ['ShowField', 'ImnName']);
      if (field.kind === 'personMulti') attributes.push(['Mult', 'TRUE']);
      break;
    case 'lookup':
    case 'lookupMulti': {
      const target = field.lookupList ? listIds[field.lookupList] : undefined;
      if (!target) throw new Error(`Lookup ${field.internalName}: the id of list '${field.lookupList}' is not known yet`);
      attributes.push(['List', `{${target}}`], ['ShowField', 'Title']);
      if (field.kind === 'lookupMulti') attributes.push(['Mult', 'TRUE']);
      break;
    }
    case 'boolean':
      break;
  }
  const rendered = attributes
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `${name}="${escapeXml(String(value))}"`)
    .join(' ');
  return children ? `<Field ${rendered}>${children}</Field>` : `<Field ${rendered} />`;
}
