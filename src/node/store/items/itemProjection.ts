/**
 * An item as SharePoint Online's REST service returns it for `Accept: application/json`
 * (JSON light, minimal metadata): `odata.type`, `odata.id`, `odata.etag`,
 * `odata.editLink`, then the properties asked for in `$select` — or SharePoint's default
 * set without `$select` — with lookups and people as `<Name>Id` and, when expanded, as
 * objects carrying the projected fields (`$select=Author/Title&$expand=Author`).
 * https://learn.microsoft.com/en-us/sharepoint/dev/sp-add-ins/use-odata-query-operations-in-sharepoint-rest-requests
 */
import type { StoreDatabase } from '../db/database';
import { unknownFieldInQuery } from '../http/errors';
import type { FieldRecord, ItemRecord, ListRecord, StoreUser } from '../records';
import type { BasePermissions } from '../security/permissionMasks';
import { isLookupField, isPersonField, isReferenceField } from '../values/itemValues';
import { notExpanded, PERSON_PROPERTIES } from './itemProperties';

export type Json = Record<string, unknown>;

export interface ProjectionContext {
  readonly db: StoreDatabase;
  /** `http://127.0.0.1:port/sites/pst`, for `odata.id`. */
  readonly webAbsoluteUrl: string;
  readonly list: ListRecord;
  readonly select: readonly string[];
  readonly expand: readonly string[];
  /** The caller's permissions on an item, for `$select=EffectiveBasePermissions`. */
  readonly permissionsOf: (item: ItemRecord) => BasePermissions;
}

const ITEM_CONTENT_TYPE_ID = '0x0100';

export function itemEntityId(list: ListRecord, id: number): string {
  return `Web/Lists(guid'${list.id}')/Items(${id})`;
}

export function itemEtag(item: ItemRecord): string {
  return `"${item.version}"`;
}

function itemGuid(item: ItemRecord): string {
  // Stable per item: the list id with the item id in its last group.
  return `${item.listId.substring(0, 24)}${item.id.toString(16).padStart(12, '0')}`;
}

/** Properties every item has besides its columns (SharePoint's SP.ListItem). */
const ITEM_PROPERTIES = new Set([
  'FileSystemObjectType',
  'Id',
  'ID',
  'ServerRedirectedEmbedUri',
  'ServerRedirectedEmbedUrl',
  'ContentTypeId',
  'OData__UIVersionString',
  'GUID',
  'Attachments',
  'EffectiveBasePermissions',
  'HasUniqueRoleAssignments',
  'Created',
  'Modified',
  'AuthorId',
  'EditorId',
  'FileDirRef',
  'FileRef',
  'FileLeafRef',
  'FSObjType',
]);

/** SharePoint's Folder content type (`0x0120`), the parent of every folder's content type id. */
export const FOLDER_CONTENT_TYPE_ID = '0x0120';

/**
 * Where an item lives: items and folders created in a folder keep its server-relative
 * path in `FileDirRef` (see AddValidateUpdateItemUsingPath); the others are in the root
 * folder. A list item's leaf name is `<id>_.000`, as SharePoint shows it.
 */
export function itemLocation(list: ListRecord, item: ItemRecord): { dir: string; leaf: string; isFolder: boolean } {
  const dir = typeof item.values.FileDirRef === 'string' ? item.values.FileDirRef : list.url;
  const isFolder = item.values.FSObjType === 1;
  const leaf = typeof item.values.FileLeafRef === 'string' ? item.values.FileLeafRef : `${item.id}_.000`;
  return { dir, leaf, isFolder };
}

/** Looks up the people and target items an expansion needs, once per page. */
class ExpansionCache {
  private users?: Map<number, StoreUser>;
  private readonly targets = new Map<string, Map<number, ItemRecord>>();

  constructor(private readonly db: StoreDatabase) {}

  user(id: number): StoreUser | undefined {
    if (!this.users) this.users = new Map(this.db.listUsers().map((u) => [u.id, u]));
    return this.users.get(id);
  }

  prefetch(listId: string, ids: Iterable<number>): void {
    const known = this.targets.get(listId) ?? new Map<number, ItemRecord>();
    this.targets.set(listId, known);
    const missing = [...new Set(ids)].filter((id) => !known.has(id));
    for (let start = 0; start < missing.length; start += 500) {
      const chunk = missing.slice(start, start + 500);
      const rows = this.db.sql
        .prepare(`SELECT * FROM items WHERE list_id = ? AND id IN (${chunk.map(() => '?').join(',')})`)
        .all(listId, ...chunk) as Record<string, unknown>[];
      for (const row of rows) {
        const item = this.db.readItemRow(row);
        known.set(item.id, item);
      }
    }
  }

  item(listId: string, id: number): ItemRecord | undefined {
    if (!this.targets.get(listId)?.has(id)) this.prefetch(listId, [id]);
    return this.targets.get(listId)?.get(id);
  }
}

function idsOf(value: unknown): number[] {
  if (Array.isArray(value)) return value.filter((v): v is number => typeof v === 'number');
  return typeof value === 'number' ? [value] : [];
}

export class ItemProjector {
  private readonly fields: readonly FieldRecord[];
  private readonly byName: Map<string, FieldRecord>;
  private readonly cache: ExpansionCache;
  private readonly expanded: Set<string>;
  private readonly itemType: string;

  constructor(private readonly context: ProjectionContext) {
    this.fields = context.db.fields(context.list.id);
    this.byName = new Map(this.fields.map((f) => [f.internalName, f]));
    this.cache = new ExpansionCache(context.db);
    this.itemType = context.db.itemEntityTypeName(context.list);
    this.expanded = new Set();
    for (const entry of context.expand) {
      const [name, ...rest] = entry.split('/');
      const field = this.byName.get(name);
      if (!field || !isReferenceField(field) || rest.length > 0) throw unknownFieldInQuery(entry);
      this.expanded.add(name);
    }
    this.validateSelect();
  }

  private validateSelect(): void {
    for (const path of this.context.select) {
      if (path === '*') continue;
      const [head, sub, ...deeper] = path.split('/');
      if (deeper.length > 0) throw unknownFieldInQuery(path);
      if (sub !== undefined) {
        const field = this.byName.get(head);
        if (!field || !isReferenceField(field)) throw unknownFieldInQuery(path);
        if (!this.expanded.has(head)) throw notExpanded(path, head);
        this.checkProjected(field, sub, path);
        continue;
      }
      if (ITEM_PROPERTIES.has(head) || this.byName.has(head)) continue;
      const reference = /^(.+?)(String)?Id$/.exec(head);
      const field = reference ? this.byName.get(reference[1]) : undefined;
      if (field && isReferenceField(field) && (!reference![2] || isPersonField(field))) continue;
      throw unknownFieldInQuery(path);
    }
  }

  private checkProjected(field: FieldRecord, property: string, path: string): void {
    if (property === '*') return;
    if (isPersonField(field)) {
      if (!PERSON_PROPERTIES[property]) throw unknownFieldInQuery(path);
      return;
    }
    const target = field.lookupList ? this.context.db.getList(field.lookupList) : undefined;
    if (!target) throw unknownFieldInQuery(path);
    if (property === 'Id' || property === 'ID') return;
    const targetField = this.context.db.getField(target.id, property);
    if (!targetField || isReferenceField(targetField)) throw unknownFieldInQuery(path);
  }

  /** Loads the targets of the lookups expanded on a page in one query per target list. */
  prefetch(items: readonly ItemRecord[]): void {
    for (const name of this.expanded) {
      const field = this.byName.get(name)!;
      if (!isLookupField(field) || !field.lookupList) continue;
      this.cache.prefetch(
        field.lookupList,
        items.flatMap((item) => idsOf(item.values[name])),
      );
    }
  }

  private metadata(item: ItemRecord): Json {
    const editLink = itemEntityId(this.context.list, item.id);
    return {
      'odata.type': this.itemType,
      'odata.id': `${this.context.webAbsoluteUrl}/_api/${editLink}`,
      'odata.etag': itemEtag(item),
      'odata.editLink': editLink,
    };
  }

  private referenceIds(item: ItemRecord, field: FieldRecord): number | number[] | null {
    const value = field.internalName === 'Author' ? item.authorId : field.internalName === 'Editor' ? item.editorId : item.values[field.internalName];
    if (field.type === 'UserMulti' || field.type === 'LookupMulti') return idsOf(value);
    return typeof value === 'number' ? value : null;
  }

  private columnValue(item: ItemRecord, field: FieldRecord): unknown {
    switch (field.internalName) {
      case 'ID':
        return item.id;
      case 'Created':
        return item.created;
      case 'Modified':
        return item.modified;
      case 'ContentTypeId':
        return itemLocation(this.context.list, item).isFolder ? FOLDER_CONTENT_TYPE_ID : ITEM_CONTENT_TYPE_ID;
      case 'Attachments':
        return false;
      case '_UIVersionString':
        return `${item.version}.0`;
      case 'GUID':
        return itemGuid(item);
      case 'ContentType':
        return itemLocation(this.context.list, item).isFolder ? 'Folder' : 'Item';
    }
    const value = item.values[field.internalName];
    if (field.type === 'MultiChoice') return Array.isArray(value) ? value : [];
    return value === undefined ? null : value;
  }

  /** A property asked for by name (not a projection). */
  private property(item: ItemRecord, name: string): [string, unknown][] {
    switch (name) {
      case 'Id':
        return [['Id', item.id]];
      case 'ID':
        return [['ID', item.id]];
      case 'FileSystemObjectType':
        return [['FileSystemObjectType', itemLocation(this.context.list, item).isFolder ? 1 : 0]];
      case 'FSObjType':
        return [['FSObjType', itemLocation(this.context.list, item).isFolder ? 1 : 0]];
      case 'FileDirRef':
        return [['FileDirRef', itemLocation(this.context.list, item).dir]];
      case 'FileLeafRef':
        return [['FileLeafRef', itemLocation(this.context.list, item).leaf]];
      case 'FileRef': {
        const { dir, leaf } = itemLocation(this.context.list, item);
        return [['FileRef', `${dir}/${leaf}`]];
      }
      case 'ServerRedirectedEmbedUri':
        return [['ServerRedirectedEmbedUri', null]];
      case 'ServerRedirectedEmbedUrl':
        return [['ServerRedirectedEmbedUrl', '']];
      case 'ContentTypeId':
        return [['ContentTypeId', itemLocation(this.context.list, item).isFolder ? FOLDER_CONTENT_TYPE_ID : ITEM_CONTENT_TYPE_ID]];
      case 'OData__UIVersionString':
        return [['OData__UIVersionString', `${item.version}.0`]];
      case 'GUID':
        return [['GUID', itemGuid(item)]];
      case 'Attachments':
        return [['Attachments', false]];
      case 'EffectiveBasePermissions':
        return [['EffectiveBasePermissions', this.context.permissionsOf(item)]];
      case 'HasUniqueRoleAssignments':
        return [['HasUniqueRoleAssignments', item.hasUniqueRoleAssignments]];
      case 'Created':
        return [['Created', item.created]];
      case 'Modified':
        return [['Modified', item.modified]];
      case 'AuthorId':
        return [['AuthorId', item.authorId]];
      case 'EditorId':
        return [['EditorId', item.editorId]];
    }
    const field = this.byName.get(name);
    if (field && !isReferenceField(field)) return [[name, this.columnValue(item, field)]];
    if (field && isReferenceField(field)) {
      // The navigation property itself: its expanded object when expanded, else nothing.
      return this.expanded.has(name) ? [[name, this.expandedValue(item, field, ['Id', 'Title'])]] : [];
    }
    const reference = /^(.+?)(String)?Id$/.exec(name);
    const target = reference ? this.byName.get(reference[1]) : undefined;
    if (target && isReferenceField(target)) {
      const ids = this.referenceIds(item, target);
      if (reference![2]) return [[name, Array.isArray(ids) ? ids.map(String) : ids === null ? null : String(ids)]];
      return [[name, ids]];
    }
    return [];
  }

  /** SharePoint's default properties of an item, when there is no `$select`. */
  private defaults(item: ItemRecord): Json {
    const isFolder = itemLocation(this.context.list, item).isFolder;
    const result: Json = {
      FileSystemObjectType: isFolder ? 1 : 0,
      Id: item.id,
      ServerRedirectedEmbedUri: null,
      ServerRedirectedEmbedUrl: '',
      ID: item.id,
      ContentTypeId: isFolder ? FOLDER_CONTENT_TYPE_ID : ITEM_CONTENT_TYPE_ID,
    };
    for (const field of this.fields) {
      if (field.builtIn && field.internalName !== 'Title') continue;
      if (isReferenceField(field)) {
        const ids = this.referenceIds(item, field);
        result[`${field.internalName}Id`] = ids;
        if (isPersonField(field)) result[`${field.internalName}StringId`] = Array.isArray(ids) ? ids.map(String) : ids === null ? null : String(ids);
      } else {
        result[field.internalName] = this.columnValue(item, field);
      }
    }
    Object.assign(result, {
      Modified: item.modified,
      Created: item.created,
      AuthorId: item.authorId,
      EditorId: item.editorId,
      OData__UIVersionString: `${item.version}.0`,
      Attachments: false,
      GUID: itemGuid(item),
    });
    return result;
  }

  private personObject(id: number, properties: readonly string[]): Json | null {
    const user = this.cache.user(id);
    if (!user) return null;
    const result: Json = {
      'odata.type': 'SP.Data.UserInfoItem',
      'odata.id': `${this.context.webAbsoluteUrl}/_api/Web/SiteUserInfoList/Items(${id})`,
    };
    const values: Record<string, unknown> = {
      Id: user.id,
      ID: user.id,
      Title: user.title,
      EMail: user.email,
      Name: user.loginName,
      UserName: user.email,
      IsSiteAdmin: user.isSiteAdmin,
    };
    for (const p of properties.includes('*') ? Object.keys(values) : properties) result[p] = values[p];
    return result;
  }

  private lookupObject(field: FieldRecord, id: number, properties: readonly string[]): Json | null {
    const target = field.lookupList ? this.context.db.getList(field.lookupList) : undefined;
    const item = target ? this.cache.item(target.id, id) : undefined;
    if (!target || !item) return null;
    const result: Json = {
      'odata.type': this.context.db.itemEntityTypeName(target),
      'odata.id': `${this.context.webAbsoluteUrl}/_api/${itemEntityId(target, id)}`,
    };
    const wanted = properties.includes('*') ? ['Id', 'Title'] : properties;
    for (const p of wanted) {
      if (p === 'Id' || p === 'ID') result[p] = item.id;
      else {
        const targetField = this.context.db.getField(target.id, p);
        result[p] = targetField ? (item.values[p] ?? null) : null;
      }
    }
    return result;
  }

  private expandedValue(item: ItemRecord, field: FieldRecord, properties: readonly string[]): unknown {
    const ids = this.referenceIds(item, field);
    const one = (id: number): Json | null =>
      isPersonField(field) ? this.personObject(id, properties) : this.lookupObject(field, id, properties);
    if (Array.isArray(ids)) return ids.map(one).filter((o) => o !== null);
    return ids === null ? null : one(ids);
  }

  project(item: ItemRecord): Json {
    const result = this.metadata(item);
    const select = this.context.select;
    if (select.length === 0 || select.includes('*')) Object.assign(result, this.defaults(item));
    const projections = new Map<string, string[]>();
    for (const path of select) {
      if (path === '*') continue;
      const [head, sub] = path.split('/');
      if (sub !== undefined) {
        projections.set(head, [...(projections.get(head) ?? []), sub]);
        continue;
      }
      for (const [key, value] of this.property(item, head)) result[key] = value;
    }
    for (const name of this.expanded) {
      const field = this.byName.get(name)!;
      const properties = projections.get(name);
      if (properties) result[name] = this.expandedValue(item, field, properties);
      else if (!(name in result) && select.length === 0) result[name] = this.expandedValue(item, field, ['Id', 'Title']);
    }
    return result;
  }
}
