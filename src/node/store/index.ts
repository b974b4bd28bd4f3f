/**
 * The embedded, SharePoint-compatible store: SharePoint Online's REST API (the subset the
 * product's PnPjs v4 code sends) on a SQLite file, so that provisioning, the repository and
 * the web parts run unchanged without a tenant — only the base URL and the token differ.
 *
 * ```ts
 * const store = await startEmbeddedStore({ dataFile: 'data/pst.sqlite' });
 * store.db.ensureUser({ email: 'anne@cpas.example', title: 'Anne', isSiteAdmin: true });
 * const sp = createNodeSp(store.siteUrl, async () => 'local:anne@cpas.example');
 * ```
 *
 * Where the store is stricter or looser than SharePoint Online, on purpose:
 * - writes are checked as SharePoint's REST service checks them (types, lengths, users,
 *   lookups); `validation: 'strict'` adds what only its forms check (required columns,
 *   choices, Min/Max) — see `StoreValidation`;
 * - only custom lists (BaseTemplate 100); no files, folders, views, content types,
 *   attachments, versions history, CAML (`getitems`), `renderListDataAsStream`;
 *   what is not supported answers 501 "Not implemented by the embedded store", never a
 *   made-up success.
 */
export { startEmbeddedStore } from './server';
export type { EmbeddedStore, EmbeddedStoreOptions, RequestLogEntry, ExtraRoutes } from './server';
export { StoreDatabase } from './db/database';
export type { StoreValidation } from './db/connection';
export { urlNameFromTitle } from './db/listStore';
export type { NewList, ListChanges, FieldChanges } from './db/listStore';
export { displayNameFromEmail } from './db/principalStore';
export type { NewUser } from './db/principalStore';
export { WEB_SCOPE, listScope, itemScope } from './db/scopes';
export { defaultResolveUser, LOCAL_TOKEN_PREFIX, USER_COOKIE } from './http/auth';
export { parseFieldXml } from './fields/fieldXml';
export { Permissions, allowEverything } from './security/authorization';
export type { Operation, Authorizer, AuthorizationContext, AuthorizationResult } from './security/authorization';
export { roleBasedAuthorizer } from './security/roleAuthorizer';
export { PermissionKind, ROLE_DEFINITIONS, FULL_MASK, EMPTY_MASK, maskOf, hasKind } from './security/permissionMasks';
export type { BasePermissions, RoleDefinition } from './security/permissionMasks';
export { LIST_VIEW_THRESHOLD, DEFAULT_TOP } from './items/itemQuery';
export { brusselsDayOf, brusselsMidnightUtc, dateOnlyValue } from './values/siteTimeZone';
export type { StoreUser, StoreGroup, FieldRecord, FieldType, ListRecord, ItemRecord } from './records';
export type { FaultOptions } from './http/faults';
