/**
 * Reads the CAML `<Field>` element that `fields/createFieldAsXml` receives (the one
 * src/schema/fieldXml.ts writes): Type, Name/StaticName, DisplayName, Required, Indexed,
 * MaxLength, Min/Max/Decimals, Format="DateOnly", CHOICES, FillInChoice, Mult, List,
 * ShowField. Field schema reference:
 * https://learn.microsoft.com/en-us/sharepoint/dev/schema/field-element-field
 */
import { randomUUID } from 'node:crypto';
import { decodeEntities } from '../../../text/htmlEntities';
import { badRequest } from '../http/errors';
import type { FieldRecord, FieldType } from '../records';

const SUPPORTED_TYPES: readonly FieldType[] = [
  'Text',
  'Note',
  'Number',
  'Currency',
  'DateTime',
  'Boolean',
  'Choice',
  'MultiChoice',
  'User',
  'UserMulti',
  'Lookup',
  'LookupMulti',
];

function attributesOf(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  const pattern = /([A-Za-z_][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(tag)) !== null) {
    attributes.set(match[1].toLowerCase(), decodeEntities(match[3] ?? match[4] ?? '', 'xml'));
  }
  return attributes;
}

const isTrue = (value: string | undefined): boolean => value !== undefined && value.toUpperCase() === 'TRUE';

function numberOrUndefined(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  return isFinite(n) ? n : undefined;
}

/** A field record from `<Field …>`; the list id of a lookup comes without braces. */
export function parseFieldXml(schemaXml: string): FieldRecord {
  const open = /<Field\b([^>]*?)(\/?)>/i.exec(schemaXml);
  if (!open) throw badRequest('The field schema XML is not a <Field> element.');
  const attributes = attributesOf(open[1]);
  const rawType = attributes.get('type') ?? '';
  const mult = isTrue(attributes.get('mult'));
  let type = SUPPORTED_TYPES.find((t) => t.toLowerCase() === rawType.toLowerCase());
  if (!type) throw badRequest(`Field type '${rawType}' is not supported by the embedded store.`);
  if (type === 'User' && mult) type = 'UserMulti';
  if (type === 'Lookup' && mult) type = 'LookupMulti';

  const internalName = attributes.get('name') ?? attributes.get('staticname');
  if (!internalName) throw badRequest('The field schema XML has no Name.');
  const choices: string[] = [];
  const choicePattern = /<CHOICE>([\s\S]*?)<\/CHOICE>/gi;
  let choice: RegExpExecArray | null;
  while ((choice = choicePattern.exec(schemaXml)) !== null) choices.push(decodeEntities(choice[1], 'xml'));

  const lookupList = attributes.get('list')?.replace(/[{}]/g, '').toLowerCase();
  return {
    id: (attributes.get('id') ?? randomUUID()).replace(/[{}]/g, '').toLowerCase(),
    internalName,
    title: attributes.get('displayname') ?? internalName,
    type,
    required: isTrue(attributes.get('required')),
    indexed: isTrue(attributes.get('indexed')),
    builtIn: false,
    readOnly: false,
    hidden: isTrue(attributes.get('hidden')),
    choices: type === 'Choice' || type === 'MultiChoice' ? choices : undefined,
    fillInChoice: type === 'Choice' || type === 'MultiChoice' ? isTrue(attributes.get('fillinchoice')) : undefined,
    lookupList: type === 'Lookup' || type === 'LookupMulti' ? lookupList : undefined,
    showField: attributes.get('showfield'),
    maxLength: type === 'Text' ? numberOrUndefined(attributes.get('maxlength')) ?? 255 : undefined,
    min: numberOrUndefined(attributes.get('min')),
    max: numberOrUndefined(attributes.get('max')),
    decimals: numberOrUndefined(attributes.get('decimals')),
    dateOnly: type === 'DateTime' ? (attributes.get('format') ?? '').toLowerCase() === 'dateonly' : undefined,
    richText: type === 'Note' ? isTrue(attributes.get('richtext')) : undefined,
    schemaXml,
  };
}

/** The SchemaXml of a field after a change of its properties (e.g. Indexed). */
export function withXmlAttribute(schemaXml: string, name: string, value: string): string {
  const open = /<Field\b([^>]*?)(\/?)>/i.exec(schemaXml);
  if (!open) return schemaXml;
  const pattern = new RegExp(`\\s${name}\\s*=\\s*("[^"]*"|'[^']*')`, 'i');
  const current = open[1].replace(/\s+$/, '');
  const attributes = pattern.test(current) ? current.replace(pattern, ` ${name}="${value}"`) : `${current} ${name}="${value}"`;
  return schemaXml.replace(open[0], `<Field${attributes}${open[2] ? ' />' : '>'}`);
}
