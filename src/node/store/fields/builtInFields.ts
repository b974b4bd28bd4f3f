/**
 * The columns SharePoint creates with every custom list (BaseTemplate 100). Their values
 * are kept by the store itself (ID, Created, Modified, Author, Editor, version), except
 * Title, a required single line of text. Ids are SharePoint's well-known field ids.
 */
import type { FieldRecord, FieldType } from '../records';

function builtIn(
  id: string,
  internalName: string,
  title: string,
  type: FieldType,
  extra: Partial<FieldRecord> = {},
): FieldRecord {
  const readOnly = extra.readOnly ?? true;
  return {
    id,
    internalName,
    title,
    type,
    required: false,
    indexed: false,
    builtIn: true,
    readOnly,
    hidden: false,
    schemaXml: `<Field ID="{${id}}" Type="${type}" Name="${internalName}" StaticName="${internalName}" DisplayName="${title}"${readOnly ? ' ReadOnly="TRUE"' : ''} />`,
    ...extra,
  };
}

export const BUILT_IN_FIELDS: readonly FieldRecord[] = [
  builtIn('03e45e84-1992-4d42-9116-26f756012634', 'ContentTypeId', 'Content Type ID', 'ContentTypeId', { hidden: true }),
  builtIn('fa564e0f-0c70-4ab9-b863-0177e6ddd247', 'Title', 'Title', 'Text', {
    readOnly: false,
    required: true,
    maxLength: 255,
    schemaXml:
      '<Field ID="{fa564e0f-0c70-4ab9-b863-0177e6ddd247}" Type="Text" Name="Title" StaticName="Title" DisplayName="Title" Required="TRUE" MaxLength="255" />',
  }),
  builtIn('1d22ea11-1e32-424e-89ab-9fedbadb6ce1', 'ID', 'ID', 'Counter'),
  builtIn('c042a256-787d-4a6f-8a8a-cf6ab767f12d', 'ContentType', 'Content Type', 'Computed'),
  builtIn('28cf69c5-fa48-462a-b5cd-27b6f9d2bd5f', 'Modified', 'Modified', 'DateTime', { dateOnly: false }),
  builtIn('8c06beca-0777-48f7-91c7-6da68bc07b69', 'Created', 'Created', 'DateTime', { dateOnly: false }),
  builtIn('1df5e554-ec7e-46a6-901d-d85a3881cb18', 'Author', 'Created By', 'User'),
  builtIn('d31655d1-1d5b-4511-95a1-7a09e9b75bf2', 'Editor', 'Modified By', 'User'),
  builtIn('67df98f4-9dec-48ff-a553-29bece9c5bf4', 'Attachments', 'Attachments', 'Attachments'),
  builtIn('dce8262a-3ae9-45aa-aab4-83bd75fb738a', '_UIVersionString', 'Version', 'Text', { hidden: true }),
  builtIn('ae069f25-3ac2-4256-b9c3-15dbc15da0e0', 'GUID', 'GUID', 'Guid', { hidden: true }),
];

/** Built-in fields whose value lives in a column of the items table, not in its JSON. */
export const ITEM_COLUMN_OF: Readonly<Record<string, string>> = {
  ID: 'id',
  Created: 'created',
  Modified: 'modified',
  Author: 'author_id',
  Editor: 'editor_id',
};
