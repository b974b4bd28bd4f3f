/**
 * The store's data: users, groups, permissions, lists, fields and items, in one SQLite
 * file (`node:sqlite`). The HTTP layer speaks SharePoint's REST API on top of it; seeding
 * and tests may use it directly (e.g. to insert 50,000 items without 50,000 requests).
 *
 * Lists and fields are few and read on every request: they are cached in memory and
 * written through. Items are only ever read through SQL.
 *
 * The class is built in layers, each in its own file and using only the layers below it:
 * connection.ts (SQLite, statements, transactions, the web's facts) → listStore.ts (lists
 * and fields) → principalStore.ts (users, groups, role assignments) → this file (items,
 * opening a file and seeding a new site).
 */
import { itemNotFound } from '../http/errors';
import type { ItemRecord } from '../records';
import { checkRequired, normalizeItemChanges, ValueChecks } from '../values/itemValues';
import { now, Row, StoreValidation } from './connection';
import { PrincipalStore } from './principalStore';
import { SCHEMA_VERSION } from './schema';
import { itemScope, WEB_SCOPE } from './scopes';

export interface NewItemOptions {
  readonly authorId: number;
  readonly created?: string;
  /** Server-relative path of the folder the item goes into (an existing folder; default the root folder). */
  readonly folder?: string;
  /** Creates a folder of this name (FileSystemObjectType 1, content type 0x0120). */
  readonly folderName?: string;
}

export class StoreDatabase extends PrincipalStore {
  private constructor(file: string, sitePath: string, webTitle: string, validation: StoreValidation) {
    super(file, sitePath, webTitle, validation);
    if (this.meta('schemaVersion') === undefined) this.setMeta('schemaVersion', String(this.seedDefaults()));
    if (this.meta('webCreated') === undefined) this.setMeta('webCreated', now());
    this.loadCaches();
  }

  static open(file: string, options: { sitePath?: string; webTitle?: string; validation?: StoreValidation } = {}): StoreDatabase {
    return new StoreDatabase(file, options.sitePath ?? '/sites/pst', options.webTitle ?? 'PST', options.validation ?? 'sharepoint');
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

  /** The folder at a server-relative path, with its canonical path; undefined if there is none. */
  folderByPath(listId: string, path: string): { item: ItemRecord; path: string } | undefined {
    const row = this.folderRow(listId, path);
    if (!row) return undefined;
    const item = this.getItem(listId, row.id as number)!;
    return { item, path: `${item.values.FileDirRef as string}/${item.values.FileLeafRef as string}` };
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
  insertNormalizedItem(listId: string, changes: Record<string, unknown>, options: NewItemOptions): ItemRecord {
    const fields = this.fields(listId);
    const values: Record<string, unknown> = {};
    for (const field of fields) {
      if (field.builtIn && field.internalName !== 'Title') continue;
      if (field.internalName in changes) values[field.internalName] = changes[field.internalName];
    }
    // Where it lives (not columns: no client writes them): see itemLocation in itemProjection.ts.
    const list = this.requireList(listId);
    const folder = options.folder?.replace(/\/+$/, '');
    if (folder !== undefined && folder.toLowerCase() !== list.url.toLowerCase()) values.FileDirRef = this.folderByPath(listId, folder)!.path;
    if (options.folderName !== undefined) {
      values.FSObjType = 1;
      values.FileLeafRef = options.folderName;
      values.FileDirRef = values.FileDirRef ?? list.url;
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
