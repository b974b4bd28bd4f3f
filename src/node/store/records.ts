/**
 * The records of the embedded store: rows of its users, groups, lists, fields and items,
 * as plain data. The HTTP layer turns them into SharePoint's REST shapes. This file imports
 * nothing, so that every layer (the database included) can use it.
 */
/** A site user (a row of SharePoint's "User Information List"). */
export interface StoreUser {
  readonly id: number;
  readonly email: string;
  readonly title: string;
  /** `i:0#.f|membership|<email>`, the claims login SharePoint Online shows. */
  readonly loginName: string;
  readonly isSiteAdmin: boolean;
}

/** A SharePoint group of the site. */
export interface StoreGroup {
  readonly id: number;
  readonly title: string;
  readonly description: string;
  readonly ownerId: number | null;
}

export type FieldType =
  | 'Counter'
  | 'Text'
  | 'Note'
  | 'Number'
  | 'Currency'
  | 'DateTime'
  | 'Boolean'
  | 'Choice'
  | 'MultiChoice'
  | 'User'
  | 'UserMulti'
  | 'Lookup'
  | 'LookupMulti'
  | 'Computed'
  | 'ContentTypeId'
  | 'Attachments'
  | 'Guid';

/** A column of a list, as created from field XML (or built in). */
export interface FieldRecord {
  readonly id: string;
  readonly internalName: string;
  readonly title: string;
  readonly type: FieldType;
  readonly required: boolean;
  readonly indexed: boolean;
  readonly builtIn: boolean;
  /** Values are maintained by the store (ID, Created, Author…), never written by a client. */
  readonly readOnly: boolean;
  readonly hidden: boolean;
  readonly choices?: readonly string[];
  readonly fillInChoice?: boolean;
  /** Lookup: the target list's id (a GUID without braces). */
  readonly lookupList?: string;
  readonly showField?: string;
  readonly maxLength?: number;
  readonly min?: number;
  readonly max?: number;
  readonly decimals?: number;
  /** DateTime: `DateOnly` stores local midnight of the site's time zone. */
  readonly dateOnly?: boolean;
  readonly richText?: boolean;
  readonly schemaXml: string;
}

export interface ListRecord {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** Server-relative URL of the root folder, e.g. `/sites/pst/Lists/PstPlans`. */
  readonly url: string;
  readonly baseTemplate: number;
  readonly enableVersioning: boolean;
  readonly created: string;
  readonly lastItemModified: string;
  /** SP.List.WriteSecurity: 1 = edit any item, 2 = only items one created. */
  readonly writeSecurity: number;
  readonly hasUniqueRoleAssignments: boolean;
}

/** A list item; `values` by internal name, lookups and people as ids (arrays when multi). */
export interface ItemRecord {
  readonly listId: string;
  readonly id: number;
  readonly version: number;
  readonly created: string;
  readonly modified: string;
  readonly authorId: number;
  readonly editorId: number;
  readonly hasUniqueRoleAssignments: boolean;
  readonly values: Readonly<Record<string, unknown>>;
}
