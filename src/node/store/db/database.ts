/**
 * The store's data: users, groups, permissions, lists, fields and items, in one SQLite
 * file (`node:sqlite`). The HTTP layer speaks SharePoint's REST API on top of it; seeding
 * and tests may use it directly (e.g. to insert 50,000 items without 50,000 requests).
 *
 * Lists and fields are few and read on every request: they are cached in memory and
 * written through. Items are only ever read through SQL.
 */
import { randomUUID } from 'node:crypto';
import { BUILT_IN_FIELDS } from '../fields/builtInFields';
import { parseFieldXml, withXmlAttribute } from '../fields/fieldXml';
import { invalidArgument, itemNotFound, SharePointError } from '../http/errors';
import type { FieldRecord, ItemRecord, ListRecord, StoreGroup, StoreUser } from '../records';
import { isoSeconds } from '../values/siteTimeZone';
import { checkRequired, normalizeItemChanges, ValueChecks } from '../values/itemValues';
import { assertSafeInternalName, indexStatement } from './columns';
import { CREATE_TABLES, SCHEMA_VERSION } from './schema';
import { itemScope, listScope, WEB_SCOPE } from './scopes';
import { openSqlite, Sqlite } from './sqlite';
import type { StatementSync } from 'node:sqlite';

export interface NewUser {
  readonly email: string;
  readonly title?: string;
  readonly isSiteAdmin?: boolean;
}

export interface NewList {
  readonly title: string;
  readonly description?: string;
  readonly baseTemplate?: number;
  readonly enableVersioning?: boolean;
  /** Last URL segment under `Lists/`; by default derived from the title, as SharePoint does. */
  readonly urlName?: string;
}

export interface ListChanges {
  readonly title?: string;
  readonly description?: string;
  readonly enableVersioning?: boolean;
  readonly writeSecurity?: number;
}

export interface FieldChanges {
  readonly title?: string;
  readonly indexed?: boolean;
  readonly required?: boolean;
  readonly hidden?: boolean;
}

type Row = Record<string, unknown>;

const now = (): string => isoSeconds(Date.now());

function loginNameOf(email: string): string {
  return `i:0#.f|membership|${email.toLowerCase()}`;
}

/** `anne.dupont@cpas.example` → `Anne Dupont`, for a user known only by e-mail. */
export function displayNameFromEmail(email: string): string {
  return email
    .split('@')[0]
    .split(/[._-]+/)
    .filter((p) => p !== '')
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join(' ');
}

/** SharePoint derives a new list's URL from its title: characters not allowed in URLs are dropped. */
export function urlNameFromTitle(title: string): string {
  const cleaned = title.replace(/[\s~"#%&*:<>?/\\{|}.'–—]+/g, '');
  return cleaned === '' ? 'List' : cleaned;
}

/**
 * How writes are checked. 'sharepoint' (default) refuses what SharePoint Online's REST
 * service refuses: unknown properties, values of the wrong type, text over its MaxLength,
 * unknown users and lookup targets. 'strict' also refuses what only SharePoint's forms
 * refuse: an empty required column, a value outside a choice column's choices (without
 * FillInChoice), a number outside Min/Max — useful in tests to catch data the UI would reject.
 */
export type StoreValidation = 'sharepoint' | 'strict';

export class StoreDatabase {
  readonly sql: Sqlite;
  readonly webId: string;
  private readonly listCache = new Map<string, ListRecord>();
  private readonly fieldCache = new Map<string, FieldRecord[]>();
  private readonly itemCounts = new Map<string, number>();
  private readonly statements = new Map<string, StatementSync>();
  /**
   * Bumped by every change of users, groups, memberships or role assignments: lets an
   * authorizer cache what it derived from them.
   */
  permissionsVersion = 0;

  private constructor(
    readonly file: string,
    readonly sitePath: string,
    readonly webTitle: string,
    readonly validation: StoreValidation,
  ) {
    this.sql = openSqlite(file);
    this.sql.exec(CREATE_TABLES);
    this.webId = this.meta('webId') ?? this.setMeta('webId', randomUUID());
    if (this.meta('schemaVersion') === undefined) this.setMeta('schemaVersion', String(this.seedDefaults()));
    if (this.meta('webCreated') === undefined) this.setMeta('webCreated', now());
    this.loadCaches();
  }

  static open(file: string, options: { sitePath?: string; webTitle?: string; validation?: StoreValidation } = {}): StoreDatabase {
    return new StoreDatabase(file, options.sitePath ?? '/sites/pst', options.webTitle ?? 'PST', options.validation ?? 'sharepoint');
  }

  close(): void {
    this.sql.close();
  }

  /** A prepared statement, prepared once per SQL text (preparing costs more than running). */
  prepare(sql: string): StatementSync {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.sql.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** Runs `work` in one SQLite transaction (all or nothing, and much faster for bulk writes). */
  transaction<T>(work: () => T): T {
    if (this.sql.isTransaction) return work();
    this.sql.exec('BEGIN IMMEDIATE');
    try {
      const result = work();
      this.sql.exec('COMMIT');
      return result;
    } catch (error) {
      this.sql.exec('ROLLBACK');
      throw error;
    }
  }

  get webCreated(): string {
    return this.meta('webCreated') ?? now();
  }

  private meta(key: string): string | undefined {
    const row = this.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value;
  }

  private setMeta(key: string, value: string): string {
    this.prepare('INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
    return value;
  }

  /**
   * A new site has SharePoint's three associated groups with their roles on the web:
   * Owners (Full Control), Members (Edit), Visitors (Read).
   */
  private seedDefaults(): number {
    const groups: [string, number][] = [
      [`${this.webTitle} Owners`, 1073741829],
      [`${this.webTitle} Visitors`, 1073741826],
      [`${this.webTitle} Members`, 1073741830],
    ];
    for (const [title, role] of groups) {
      const group = this.addGroup({ title, description: '' });
      this.addRoleAssignment(WEB_SCOPE, group.id, role);
    }
    return SCHEMA_VERSION;
  }

  private loadCaches(): void {
    this.listCache.clear();
    this.fieldCache.clear();
    for (const row of this.prepare('SELECT * FROM lists ORDER BY created, rowid').all()) {
      const list = this.listFromRow(row);
      this.listCache.set(list.id, list);
    }
    for (const row of this.prepare('SELECT list_id, definition FROM fields ORDER BY list_id, position').all()) {
      const fields = this.fieldCache.get(row.list_id as string) ?? [];
      fields.push(JSON.parse(row.definition as string) as FieldRecord);
      this.fieldCache.set(row.list_id as string, fields);
    }
  }

  // ------------------------------------------------------------------ users

  private userFromRow(row: Row): StoreUser {
    return {
      id: row.id as number,
      email: row.email as string,
      title: row.title as string,
      loginName: row.login_name as string,
      isSiteAdmin: row.is_site_admin === 1,
    };
  }

  /** The user with this e-mail, created if unknown; `title`/`isSiteAdmin` update an existing one when given. */
  ensureUser(input: NewUser): StoreUser {
    const email = input.email.trim();
    if (!/^[^@\s]+@[^@\s]+$/.test(email)) throw invalidArgument('The user does not exist or is not unique.');
    const existing = this.getUserByEmail(email);
    if (existing) {
      const title = input.title ?? existing.title;
      const isSiteAdmin = input.isSiteAdmin ?? existing.isSiteAdmin;
      if (title !== existing.title || isSiteAdmin !== existing.isSiteAdmin) {
        this.prepare('UPDATE principals SET title = ?, is_site_admin = ? WHERE id = ?').run(title, isSiteAdmin ? 1 : 0, existing.id);
        this.permissionsVersion++;
        return { ...existing, title, isSiteAdmin };
      }
      return existing;
    }
    const result = this.prepare("INSERT INTO principals(kind, title, email, login_name, is_site_admin) VALUES ('user', ?, ?, ?, ?)")
      .run(input.title ?? displayNameFromEmail(email), email, loginNameOf(email), input.isSiteAdmin ? 1 : 0);
    this.permissionsVersion++;
    return this.getUserById(Number(result.lastInsertRowid))!;
  }

  /** Same as ensureUser: adding a known user changes nothing, as `web/ensureuser` does. */
  addUser(input: NewUser): StoreUser {
    return this.ensureUser(input);
  }

  getUserById(id: number): StoreUser | undefined {
    const row = this.prepare("SELECT * FROM principals WHERE kind = 'user' AND id = ?").get(id);
    return row ? this.userFromRow(row) : undefined;
  }

  getUserByEmail(email: string): StoreUser | undefined {
    const row = this.prepare("SELECT * FROM principals WHERE kind = 'user' AND email = ?").get(email.trim());
    return row ? this.userFromRow(row) : undefined;
  }

  /** By e-mail, claims login (`i:0#.f|membership|x@y`) or plain login. */
  findUserByLogin(login: string): StoreUser | undefined {
    const email = login.includes('|') ? login.substring(login.lastIndexOf('|') + 1) : login;
    return this.getUserByEmail(email);
  }

  listUsers(): StoreUser[] {
    return this.prepare("SELECT * FROM principals WHERE kind = 'user' ORDER BY id").all().map((r) => this.userFromRow(r));
  }

  // ------------------------------------------------------------------ groups

  private groupFromRow(row: Row): StoreGroup {
    return { id: row.id as number, title: row.title as string, description: row.description as string, ownerId: (row.owner_id as number | null) ?? null };
  }

  addGroup(input: { title: string; description?: string; ownerId?: number }): StoreGroup {
    if (this.getGroupByTitle(input.title)) {
      throw new SharePointError(500, '-2130575293, Microsoft.SharePoint.SPException', `The specified name is already in use.`);
    }
    const result = this.prepare("INSERT INTO principals(kind, title, description, owner_id) VALUES ('group', ?, ?, ?)")
      .run(input.title, input.description ?? '', input.ownerId ?? null);
    this.permissionsVersion++;
    return this.getGroupById(Number(result.lastInsertRowid))!;
  }

  getGroupById(id: number): StoreGroup | undefined {
    const row = this.prepare("SELECT * FROM principals WHERE kind = 'group' AND id = ?").get(id);
    return row ? this.groupFromRow(row) : undefined;
  }

  getGroupByTitle(title: string): StoreGroup | undefined {
    const row = this.prepare("SELECT * FROM principals WHERE kind = 'group' AND title = ? COLLATE NOCASE").get(title);
    return row ? this.groupFromRow(row) : undefined;
  }

  listGroups(): StoreGroup[] {
    return this.prepare("SELECT * FROM principals WHERE kind = 'group' ORDER BY id").all().map((r) => this.groupFromRow(r));
  }

  /** `SetUserAsOwner(id)`: the owner is a user or a group. */
  setGroupOwner(groupId: number, ownerId: number): void {
    this.prepare("UPDATE principals SET owner_id = ? WHERE kind = 'group' AND id = ?").run(ownerId, groupId);
    this.permissionsVersion++;
  }

  addGroupMember(groupId: number, userId: number): void {
    this.prepare('INSERT OR IGNORE INTO group_members(group_id, user_id) VALUES (?, ?)').run(groupId, userId);
    this.permissionsVersion++;
  }

  removeGroupMember(groupId: number, userId: number): void {
    this.prepare('DELETE FROM group_members WHERE group_id = ? AND user_id = ?').run(groupId, userId);
    this.permissionsVersion++;
  }

  groupMembers(groupId: number): StoreUser[] {
    return this.prepare('SELECT p.* FROM principals p JOIN group_members m ON m.user_id = p.id WHERE m.group_id = ? ORDER BY p.id')
      .all(groupId)
      .map((r) => this.userFromRow(r));
  }

  groupsOfUser(userId: number): StoreGroup[] {
    return this.prepare('SELECT p.* FROM principals p JOIN group_members m ON m.group_id = p.id WHERE m.user_id = ? ORDER BY p.id')
      .all(userId)
      .map((r) => this.groupFromRow(r));
  }

  // ------------------------------------------------------------------ role assignments

  /** The assignments that apply at a scope: its own if it has unique permissions, else its parent's. */
  effectiveScope(listId?: string, itemId?: number): string {
    if (listId !== undefined && itemId !== undefined) {
      const row = this.prepare('SELECT unique_permissions FROM items WHERE list_id = ? AND id = ?').get(listId, itemId);
      if (row?.unique_permissions === 1) return itemScope(listId, itemId);
    }
    if (listId !== undefined && this.getList(listId)?.hasUniqueRoleAssignments) return listScope(listId);
    return WEB_SCOPE;
  }

  roleAssignments(scope: string): { principalId: number; roleDefinitionId: number }[] {
    return this.prepare('SELECT principal_id, role_definition_id FROM role_assignments WHERE scope = ? ORDER BY principal_id, role_definition_id')
      .all(scope)
      .map((r) => ({ principalId: r.principal_id as number, roleDefinitionId: r.role_definition_id as number }));
  }

  addRoleAssignment(scope: string, principalId: number, roleDefinitionId: number): void {
    this.prepare('INSERT OR IGNORE INTO role_assignments(scope, principal_id, role_definition_id) VALUES (?, ?, ?)').run(scope, principalId, roleDefinitionId);
    this.permissionsVersion++;
  }

  removeRoleAssignment(scope: string, principalId: number, roleDefinitionId: number): void {
    this.prepare('DELETE FROM role_assignments WHERE scope = ? AND principal_id = ? AND role_definition_id = ?').run(scope, principalId, roleDefinitionId);
    this.permissionsVersion++;
  }

  /** Gives a list or an item its own permissions, optionally copied from those it inherited. */
  breakRoleInheritance(listId: string, itemId: number | undefined, copyRoleAssignments: boolean): void {
    this.transaction(() => {
      const inherited = this.effectiveScope(listId, itemId);
      const scope = itemId === undefined ? listScope(listId) : itemScope(listId, itemId);
      if (inherited === scope) return;
      if (copyRoleAssignments) {
        for (const a of this.roleAssignments(inherited)) this.addRoleAssignment(scope, a.principalId, a.roleDefinitionId);
      }
      if (itemId === undefined) {
        this.prepare('UPDATE lists SET unique_permissions = 1 WHERE id = ?').run(listId);
        this.refreshList(listId);
      } else {
        this.prepare('UPDATE items SET unique_permissions = 1 WHERE list_id = ? AND id = ?').run(listId, itemId);
      }
      this.permissionsVersion++;
    });
  }

  resetRoleInheritance(listId: string, itemId: number | undefined): void {
    this.transaction(() => {
      const scope = itemId === undefined ? listScope(listId) : itemScope(listId, itemId);
      this.prepare('DELETE FROM role_assignments WHERE scope = ?').run(scope);
      if (itemId === undefined) {
        this.prepare('UPDATE lists SET unique_permissions = 0 WHERE id = ?').run(listId);
        this.refreshList(listId);
      } else {
        this.prepare('UPDATE items SET unique_permissions = 0 WHERE list_id = ? AND id = ?').run(listId, itemId);
      }
      this.permissionsVersion++;
    });
  }

  // ------------------------------------------------------------------ lists

  private listFromRow(row: Row): ListRecord {
    return {
      id: row.id as string,
      title: row.title as string,
      description: row.description as string,
      url: row.url as string,
      baseTemplate: row.base_template as number,
      enableVersioning: row.enable_versioning === 1,
      created: row.created as string,
      lastItemModified: row.last_item_modified as string,
      writeSecurity: row.write_security as number,
      hasUniqueRoleAssignments: row.unique_permissions === 1,
    };
  }

  private refreshList(id: string): ListRecord | undefined {
    const row = this.prepare('SELECT * FROM lists WHERE id = ?').get(id);
    if (!row) {
      this.listCache.delete(id);
      return undefined;
    }
    const list = this.listFromRow(row);
    this.listCache.set(id, list);
    return list;
  }

  get webUrl(): string {
    return this.sitePath;
  }

  listLists(): ListRecord[] {
    return [...this.listCache.values()];
  }

  getList(id: string): ListRecord | undefined {
    return this.listCache.get(id.replace(/[{}]/g, '').toLowerCase());
  }

  getListByTitle(title: string): ListRecord | undefined {
    const lower = title.toLowerCase();
    return this.listLists().find((l) => l.title.toLowerCase() === lower);
  }

  getListByUrl(serverRelativeUrl: string): ListRecord | undefined {
    const wanted = serverRelativeUrl.replace(/\/+$/, '').toLowerCase();
    return this.listLists().find((l) => l.url.toLowerCase() === wanted);
  }

  /**
   * Creates a list with SharePoint's built-in columns. The URL is `Lists/<urlName>`, by
   * default the title without the characters URLs cannot hold; a taken URL gets a number.
   */
  createList(input: NewList): ListRecord {
    if (this.getListByTitle(input.title)) {
      throw new SharePointError(
        500,
        '-2130575342, Microsoft.SharePoint.SPException',
        'A list, survey, discussion board, or document library with the specified title already exists in this Web site.  Please choose another title.',
      );
    }
    return this.transaction(() => {
      const id = randomUUID();
      const base = `${this.sitePath.replace(/\/+$/, '')}/Lists/${input.urlName ?? urlNameFromTitle(input.title)}`;
      let url = base;
      for (let n = 1; this.getListByUrl(url); n++) url = `${base}${n}`;
      const created = now();
      this.prepare('INSERT INTO lists(id, title, description, url, base_template, enable_versioning, created, last_item_modified) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(id, input.title, input.description ?? '', url, input.baseTemplate ?? 100, input.enableVersioning ? 1 : 0, created, created);
      BUILT_IN_FIELDS.forEach((field, position) => this.insertFieldRow(id, field, position));
      this.fieldCache.set(id, [...BUILT_IN_FIELDS]);
      return this.refreshList(id)!;
    });
  }

  updateList(id: string, changes: ListChanges): ListRecord {
    const list = this.requireList(id);
    if (changes.title !== undefined && changes.title !== list.title) {
      const other = this.getListByTitle(changes.title);
      if (other && other.id !== id) {
        throw new SharePointError(
          500,
          '-2130575342, Microsoft.SharePoint.SPException',
          'A list, survey, discussion board, or document library with the specified title already exists in this Web site.  Please choose another title.',
        );
      }
    }
    this.prepare('UPDATE lists SET title = ?, description = ?, enable_versioning = ?, write_security = ? WHERE id = ?')
      .run(
        changes.title ?? list.title,
        changes.description ?? list.description,
        (changes.enableVersioning ?? list.enableVersioning) ? 1 : 0,
        changes.writeSecurity ?? list.writeSecurity,
        id,
      );
    return this.refreshList(id)!;
  }

  deleteList(id: string): void {
    this.transaction(() => {
      this.prepare("DELETE FROM role_assignments WHERE scope = ? OR scope LIKE ?").run(listScope(id), `item:${id}:%`);
      this.prepare('DELETE FROM items WHERE list_id = ?').run(id);
      this.prepare('DELETE FROM fields WHERE list_id = ?').run(id);
      this.prepare('DELETE FROM lists WHERE id = ?').run(id);
    });
    this.listCache.delete(id);
    this.fieldCache.delete(id);
    this.itemCounts.delete(id);
    this.permissionsVersion++;
  }

  itemCount(listId: string): number {
    const cached = this.itemCounts.get(listId);
    if (cached !== undefined) return cached;
    const row = this.prepare('SELECT COUNT(*) AS n FROM items WHERE list_id = ?').get(listId) as { n: number };
    this.itemCounts.set(listId, row.n);
    return row.n;
  }

  requireList(id: string): ListRecord {
    const list = this.getList(id);
    if (!list) throw new Error(`Unknown list ${id}`);
    return list;
  }

  /** `SP.Data.<UrlName>ListItem`, the entity type of the list's items. */
  itemEntityTypeName(list: ListRecord): string {
    return `SP.Data.${this.listEntityName(list)}Item`;
  }

  /** `<UrlName>List`, SharePoint's EntityTypeName of a custom list (`_x0020_` for spaces). */
  listEntityName(list: ListRecord): string {
    const urlName = list.url.substring(list.url.lastIndexOf('/') + 1);
    const encoded = urlName.replace(/[^A-Za-z0-9]/g, (c) => `_x${c.charCodeAt(0).toString(16).padStart(4, '0')}_`);
    return `${encoded.charAt(0).toUpperCase()}${encoded.slice(1)}List`;
  }

  // ------------------------------------------------------------------ fields

  fields(listId: string): readonly FieldRecord[] {
    return this.fieldCache.get(listId) ?? [];
  }

  getField(listId: string, internalName: string): FieldRecord | undefined {
    return this.fields(listId).find((f) => f.internalName === internalName);
  }

  private insertFieldRow(listId: string, field: FieldRecord, position: number): void {
    this.prepare('INSERT INTO fields(list_id, internal_name, position, definition) VALUES (?, ?, ?, ?)').run(listId, field.internalName, position, JSON.stringify(field));
    if (field.indexed) this.sql.exec(indexStatement(field));
  }

  /** Adds a column from its `<Field>` XML (or a ready record). */
  addField(listId: string, definition: string | FieldRecord): FieldRecord {
    this.requireList(listId);
    const field = typeof definition === 'string' ? parseFieldXml(definition) : definition;
    assertSafeInternalName(field.internalName);
    const existing = this.fields(listId);
    if (existing.some((f) => f.internalName.toLowerCase() === field.internalName.toLowerCase())) {
      throw new SharePointError(
        500,
        '-2130575342, Microsoft.SharePoint.SPException',
        `A duplicate field name "${field.internalName}" was found.`,
      );
    }
    if (field.lookupList && !this.getList(field.lookupList)) {
      throw invalidArgument(`The lookup list {${field.lookupList}} of the field '${field.internalName}' does not exist.`);
    }
    this.transaction(() => this.insertFieldRow(listId, field, existing.length));
    this.fieldCache.set(listId, [...existing, field]);
    return field;
  }

  updateField(listId: string, internalName: string, changes: FieldChanges): FieldRecord {
    const fields = this.fields(listId);
    const index = fields.findIndex((f) => f.internalName === internalName);
    if (index < 0) throw new Error(`Unknown field ${internalName}`);
    let field = fields[index];
    let schemaXml = field.schemaXml;
    if (changes.indexed !== undefined) schemaXml = withXmlAttribute(schemaXml, 'Indexed', changes.indexed ? 'TRUE' : 'FALSE');
    if (changes.required !== undefined) schemaXml = withXmlAttribute(schemaXml, 'Required', changes.required ? 'TRUE' : 'FALSE');
    if (changes.title !== undefined) schemaXml = withXmlAttribute(schemaXml, 'DisplayName', changes.title);
    field = {
      ...field,
      title: changes.title ?? field.title,
      indexed: changes.indexed ?? field.indexed,
      required: changes.required ?? field.required,
      hidden: changes.hidden ?? field.hidden,
      schemaXml,
    };
    this.prepare('UPDATE fields SET definition = ? WHERE list_id = ? AND internal_name = ?').run(JSON.stringify(field), listId, internalName);
    if (field.indexed) this.sql.exec(indexStatement(field));
    const updated = fields.slice();
    updated[index] = field;
    this.fieldCache.set(listId, updated);
    return field;
  }

  // ------------------------------------------------------------------ items

  private itemFromRow(row: Row): ItemRecord {
    return {
      listId: row.list_id as string,
      id: row.id as number,
      version: row.version as number,
      created: row.created as string,
      modified: row.modified as string,
      authorId: row.author_id as number,
      editorId: row.editor_id as number,
      hasUniqueRoleAssignments: row.unique_permissions === 1,
      values: JSON.parse(row.data as string) as Record<string, unknown>,
    };
  }

  /** An item from a row of `SELECT * FROM items` (used by the query layer). */
  readItemRow(row: Row): ItemRecord {
    return this.itemFromRow(row);
  }

  getItem(listId: string, id: number): ItemRecord | undefined {
    const row = this.prepare('SELECT * FROM items WHERE list_id = ? AND id = ?').get(listId, id);
    return row ? this.itemFromRow(row) : undefined;
  }

  itemExists(listId: string, id: number): boolean {
    return this.prepare('SELECT 1 AS x FROM items WHERE list_id = ? AND id = ?').get(listId, id) !== undefined;
  }

  valueChecks(): ValueChecks {
    return {
      userExists: (id) => this.getUserById(id) !== undefined,
      itemExists: (listId, id) => this.itemExists(listId, id),
      strict: this.validation === 'strict',
    };
  }

  /**
   * The stored values a write body sets, checked against the list's columns. `body` is in
   * REST form (`{ Title, PstActionId: 5, PstSdgs: ['3'] }`).
   */
  normalizeChanges(listId: string, body: Record<string, unknown>): Record<string, unknown> {
    const list = this.requireList(listId);
    return normalizeItemChanges(this.fields(listId), body, this.itemEntityTypeName(list), this.valueChecks());
  }

  /** Adds an item from a REST-shaped body, as `items.add` does. */
  addItem(listId: string, body: Record<string, unknown>, options: { authorId: number; created?: string }): ItemRecord {
    const changes = this.normalizeChanges(listId, body);
    return this.insertNormalizedItem(listId, changes, options);
  }

  /**
   * Adds many items in one transaction (seeding, benchmarks): thousands per second instead
   * of thousands of HTTP requests. Values are checked as for `items.add`.
   */
  addItems(listId: string, bodies: readonly Record<string, unknown>[], options: { authorId: number; created?: string }): ItemRecord[] {
    return this.transaction(() => bodies.map((body) => this.addItem(listId, body, options)));
  }

  /** Inserts values already in stored form (after normalizeChanges and authorization). */
  insertNormalizedItem(listId: string, changes: Record<string, unknown>, options: { authorId: number; created?: string }): ItemRecord {
    const fields = this.fields(listId);
    const values: Record<string, unknown> = {};
    for (const field of fields) {
      if (field.builtIn && field.internalName !== 'Title') continue;
      if (field.internalName in changes) values[field.internalName] = changes[field.internalName];
    }
    if (this.validation === 'strict') checkRequired(fields, values);
    return this.transaction(() => {
      const counter = this.prepare('UPDATE lists SET next_item_id = next_item_id + 1 WHERE id = ? RETURNING next_item_id - 1 AS id').get(listId) as
        | { id: number }
        | undefined;
      if (!counter) throw new Error(`Unknown list ${listId}`);
      const stamp = options.created ?? now();
      this.prepare('INSERT INTO items(list_id, id, version, created, modified, author_id, editor_id, data) VALUES (?, ?, 1, ?, ?, ?, ?, ?)')
        .run(listId, counter.id, stamp, stamp, options.authorId, options.authorId, JSON.stringify(values));
      this.prepare('UPDATE lists SET last_item_modified = ? WHERE id = ?').run(stamp, listId);
      this.itemCounts.delete(listId);
      const item: ItemRecord = {
        listId,
        id: counter.id,
        version: 1,
        created: stamp,
        modified: stamp,
        authorId: options.authorId,
        editorId: options.authorId,
        hasUniqueRoleAssignments: false,
        values,
      };
      return item;
    });
  }

  /** Applies stored-form changes to an item: new version, Modified and Editor. */
  updateItem(listId: string, id: number, changes: Record<string, unknown>, editorId: number): ItemRecord {
    const item = this.getItem(listId, id);
    if (!item) throw itemNotFound();
    const values = { ...item.values, ...changes };
    if (this.validation === 'strict') checkRequired(this.fields(listId), values, changes);
    const stamp = now();
    this.prepare('UPDATE items SET version = version + 1, modified = ?, editor_id = ?, data = ? WHERE list_id = ? AND id = ?')
      .run(stamp, editorId, JSON.stringify(values), listId, id);
    this.prepare('UPDATE lists SET last_item_modified = ? WHERE id = ?').run(stamp, listId);
    return this.getItem(listId, id)!;
  }

  deleteItem(listId: string, id: number): void {
    this.transaction(() => {
      const result = this.prepare('DELETE FROM items WHERE list_id = ? AND id = ?').run(listId, id);
      if (Number(result.changes) === 0) throw itemNotFound();
      this.itemCounts.delete(listId);
      this.prepare('DELETE FROM role_assignments WHERE scope = ?').run(itemScope(listId, id));
      this.prepare('UPDATE lists SET last_item_modified = ? WHERE id = ?').run(now(), listId);
    });
  }
}
