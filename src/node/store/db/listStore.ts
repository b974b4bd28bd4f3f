/**
 * The second layer of `StoreDatabase` (see database.ts): lists and their fields. They are
 * few and read on every request, so they are cached in memory and written through; the
 * item count of a list is cached until its items change.
 */
import { randomUUID } from 'node:crypto';
import { BUILT_IN_FIELDS } from '../fields/builtInFields';
import { parseFieldXml, withXmlAttribute } from '../fields/fieldXml';
import { invalidArgument, SharePointError } from '../http/errors';
import type { FieldRecord, ListRecord } from '../records';
import { assertSafeInternalName, indexStatement } from './columns';
import { now, Row, StoreConnection } from './connection';
import { listScope } from './scopes';

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

/** SharePoint derives a new list's URL from its title: characters not allowed in URLs are dropped. */
export function urlNameFromTitle(title: string): string {
  const cleaned = title.replace(/[\s~"#%&*:<>?/\\{|}.'–—]+/g, '');
  return cleaned === '' ? 'List' : cleaned;
}

export abstract class ListStore extends StoreConnection {
  private readonly listCache = new Map<string, ListRecord>();
  private readonly fieldCache = new Map<string, FieldRecord[]>();
  protected readonly itemCounts = new Map<string, number>();

  /** Reads the lists and their fields into the caches (once, when the file is opened). */
  protected loadCaches(): void {
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

  protected refreshList(id: string): ListRecord | undefined {
    const row = this.prepare('SELECT * FROM lists WHERE id = ?').get(id);
    if (!row) {
      this.listCache.delete(id);
      return undefined;
    }
    const list = this.listFromRow(row);
    this.listCache.set(id, list);
    return list;
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
}
