/**
 * The records of the embedded store and the hooks a host can plug in (who the caller is,
 * what they may do, which faults to inject). Everything here is plain data: the HTTP layer
 * turns it into SharePoint's REST shapes.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { StoreDatabase } from './db/database';

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

export type Operation = 'read' | 'addItem' | 'editItem' | 'deleteItem' | 'manageLists' | 'managePermissions';

export interface AuthorizationContext {
  readonly user: StoreUser;
  readonly operation: Operation;
  readonly list?: ListRecord;
  readonly item?: ItemRecord;
  /** What a write would set (normalized values by internal name). */
  readonly changes?: Record<string, unknown>;
  /** The store's data, for authorizers that look at groups, role assignments or other items. */
  readonly db: StoreDatabase;
}

export type AuthorizationResult = { allowed: true } | { allowed: false; message?: string };

/** Called before every operation; EffectiveBasePermissions are derived from it too. */
export type Authorizer = (context: AuthorizationContext) => AuthorizationResult;

export interface FaultOptions {
  /** Share of `/_api` requests answered 429 (0…1). */
  readonly rate429?: number;
  /** Share of `/_api` requests answered 503 (0…1). */
  readonly rate503?: number;
  /** `Retry-After` header value, in seconds (default 1). */
  readonly retryAfterSeconds?: number;
  /** Seed of the deterministic generator deciding which requests fail. */
  readonly seed?: number;
}

export interface RequestLogEntry {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly bytes: number;
}

export type ExtraRoutes = (req: IncomingMessage, res: ServerResponse, url: URL) => boolean | Promise<boolean>;
