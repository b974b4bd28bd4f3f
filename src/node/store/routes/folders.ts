/**
 * Folders of a custom list, the part SharePoint Online's REST API offers that the product
 * sends through PnPjs v4:
 * - `list/AddValidateUpdateItemUsingPath()` (node_modules/@pnp/sp/lists/types.js): body
 *   `{ formValues: [{ FieldName, FieldValue }], bNewDocumentUpdate, listItemCreateInfo:
 *   { FolderPath: { DecodedUrl }, LeafName?, UnderlyingObjectType? } }`; it adds an item in
 *   the folder (or, with `UnderlyingObjectType: 1` and a `LeafName`, a folder) and answers
 *   200 with one `SP.ListItemFormUpdateValue` per field, `HasException` on those refused, and
 *   the new item's `Id` — a refused value is reported there, not as an HTTP error, and then
 *   nothing is written.
 *   https://learn.microsoft.com/en-us/sharepoint/dev/sp-add-ins/working-with-lists-and-list-items-with-rest
 * - form values are text as a form would send them: lookups `"12"`, numbers `"50"`, dates
 *   in the web's regional format (`web/RegionalSettings`: day/month/year with `/`; an ISO
 *   date is refused, as SharePoint refuses it: https://github.com/SharePoint/sp-dev-docs/issues/4917).
 * - `web/getFolderByServerRelativePath(decodedUrl='…')[/ListItemAllFields]`: the folder, 404
 *   System.IO.FileNotFoundException when there is none.
 * Adding needs Add Items where the item goes: the folder's permissions when it has its own
 * (items in it inherit them), else the list's.
 */
import type { RouteResult } from '../http/apiTypes';
import { badRequest, isSharePointError, SharePointError } from '../http/errors';
import { itemEtag, ItemProjector } from '../items/itemProjection';
import { firstArgument, PathSegment } from '../odata/path';
import type { FieldRecord, ItemRecord, ListRecord } from '../records';
import type { RequestContext } from './context';
import { entityResult, isRead, unsupported } from './results';

/** The store's web is French (Belgium): LCID 2060, dates day/month/year. */
export const REGIONAL_SETTINGS = { LocaleId: 2060, DateFormat: 1, DateSeparator: '/', DecimalSeparator: ',', ThousandSeparator: '.', Time24: true };

function fileNotFound(): SharePointError {
  return new SharePointError(404, '-2147024894, System.IO.FileNotFoundException', 'File Not Found.');
}

interface FormValue {
  readonly FieldName: string;
  readonly FieldValue: string;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** `31/12/2024` → `2024-12-31T12:00:00Z` (a date-only value, as the product writes them); undefined if not a date of that form. */
function dayFromForm(text: string): string | undefined {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (!match) return undefined;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${year}-${pad(month)}-${pad(day)}T12:00:00Z`;
}

/** One form value as a REST property, or the sentence SharePoint shows for it. */
function restPropertyOf(field: FieldRecord, text: string): { key: string; value: unknown } | { error: string } {
  const empty = text.trim() === '';
  switch (field.type) {
    case 'Lookup': {
      const id = Number(text.split(';#')[0]);
      if (empty) return { key: `${field.internalName}Id`, value: null };
      return Number.isInteger(id) && id > 0 ? { key: `${field.internalName}Id`, value: id } : { error: 'Invalid lookup value.' };
    }
    case 'Number':
    case 'Currency': {
      if (empty) return { key: field.internalName, value: null };
      const n = Number(text.replace(',', '.'));
      return Number.isFinite(n) ? { key: field.internalName, value: n } : { error: 'Only numbers can go here.' };
    }
    case 'DateTime': {
      if (empty) return { key: field.internalName, value: null };
      const day = dayFromForm(text);
      return day ? { key: field.internalName, value: day } : { error: 'Enter a date like this: 23/2/2012' };
    }
    case 'Boolean':
      return { key: field.internalName, value: text === '1' || text.toLowerCase() === 'yes' || text.toLowerCase() === 'true' };
    case 'Text':
    case 'Note':
    case 'Choice':
      return { key: field.internalName, value: empty ? null : text };
    default:
      return { error: `The embedded store does not take form values of type ${field.type}.` };
  }
}

function formValuesOf(ctx: RequestContext): FormValue[] {
  const values = ctx.body().formValues;
  if (!Array.isArray(values)) throw badRequest("The parameter 'formValues' is missing.");
  return values.map((v) => {
    const entry = v as Partial<FormValue>;
    if (typeof entry?.FieldName !== 'string') throw badRequest('A form value has no FieldName.');
    return { FieldName: entry.FieldName, FieldValue: typeof entry.FieldValue === 'string' ? entry.FieldValue : String(entry.FieldValue ?? '') };
  });
}

function decodedUrl(value: unknown): string | undefined {
  const url = (value as { DecodedUrl?: unknown } | undefined)?.DecodedUrl;
  return typeof url === 'string' ? url : undefined;
}

/** The folder an item goes into: the list's root folder or one of its folders (404 otherwise). */
function targetFolder(ctx: RequestContext, list: ListRecord, path: string | undefined): ItemRecord | undefined {
  const wanted = (path ?? list.url).replace(/\/+$/, '');
  if (wanted === '' || wanted.toLowerCase() === list.url.toLowerCase()) return undefined;
  const folder = ctx.db.folderByPath(list.id, wanted);
  if (!folder) throw fileNotFound();
  return folder.item;
}

/** `list/AddValidateUpdateItemUsingPath()` */
export function addValidateUpdateItemRoute(ctx: RequestContext, list: ListRecord): RouteResult {
  if (ctx.method !== 'POST') return unsupported(ctx, []);
  const info = (ctx.body().listItemCreateInfo ?? {}) as Record<string, unknown>;
  const folder = targetFolder(ctx, list, decodedUrl(info.FolderPath));
  const formValues = formValuesOf(ctx);
  const isFolder = Number(info.UnderlyingObjectType ?? 0) === 1;
  const leafName = decodedUrl(info.LeafName);
  ctx.demand('addItem', { list, item: folder });

  const fields = new Map(ctx.db.fields(list.id).map((f) => [f.internalName, f]));
  const results = formValues.map((v) => ({ ErrorCode: 0, ErrorMessage: null as string | null, FieldName: v.FieldName, FieldValue: v.FieldValue, HasException: false, ItemId: 0 }));
  const body: Record<string, unknown> = {};
  formValues.forEach((v, index) => {
    const field = fields.get(v.FieldName);
    const property = !field ? { error: `Column '${v.FieldName}' does not exist. It may have been deleted by another user.` } : restPropertyOf(field, v.FieldValue);
    if ('error' in property) {
      Object.assign(results[index], { ErrorCode: -2146232832, ErrorMessage: property.error, HasException: true });
      return;
    }
    try {
      ctx.db.normalizeChanges(list.id, { [property.key]: property.value });
      body[property.key] = property.value;
    } catch (error) {
      if (!isSharePointError(error)) throw error;
      Object.assign(results[index], { ErrorCode: -2146232832, ErrorMessage: error.message, HasException: true });
    }
  });
  if (results.some((r) => r.HasException)) return { kind: 'collection', items: results, metadata: 'Collection(SP.ListItemFormUpdateValue)' };

  let folderName: string | undefined;
  if (isFolder) {
    folderName = (leafName ?? String(body.Title ?? '')).trim();
    if (folderName === '' || /[\\/:*?"<>|#%]/.test(folderName)) throw badRequest('The folder name is not valid.');
    const parent = folder ? `${folder.values.FileDirRef as string}/${folder.values.FileLeafRef as string}` : list.url;
    if (ctx.db.folderByPath(list.id, `${parent}/${folderName}`)) {
      throw new SharePointError(500, '-2130245363, Microsoft.SharePoint.SPException', `A file or folder with the name ${parent}/${folderName} already exists.`);
    }
    if (!('Title' in body)) body.Title = folderName;
  }
  const changes = ctx.db.normalizeChanges(list.id, body);
  const created = ctx.db.insertNormalizedItem(list.id, changes, {
    authorId: ctx.user.id,
    folder: folder ? `${folder.values.FileDirRef as string}/${folder.values.FileLeafRef as string}` : undefined,
    folderName,
  });
  const items = [...results, { ErrorCode: 0, ErrorMessage: null, FieldName: 'Id', FieldValue: String(created.id), HasException: false, ItemId: created.id }].map((r) => ({
    ...r,
    ItemId: created.id,
  }));
  return { kind: 'collection', items, metadata: 'Collection(SP.ListItemFormUpdateValue)' };
}

/** `web/getFolderByServerRelativePath(decodedUrl='…')` and its `ListItemAllFields`. */
export function folderByPathRoute(ctx: RequestContext, segment: PathSegment, rest: readonly PathSegment[]): RouteResult {
  if (!isRead(ctx)) return unsupported(ctx, [segment, ...rest]);
  const path = String(firstArgument(segment, 'decodedurl') ?? '').replace(/\/+$/, '');
  const list = ctx.db.listLists().find((l) => path.toLowerCase().startsWith(`${l.url.toLowerCase()}/`) || path.toLowerCase() === l.url.toLowerCase());
  if (!list) throw fileNotFound();
  const folder = path.toLowerCase() === list.url.toLowerCase() ? undefined : ctx.db.folderByPath(list.id, path);
  if (path.toLowerCase() !== list.url.toLowerCase() && !folder) throw fileNotFound();
  ctx.demand('read', { list, item: folder?.item });
  if (rest.length === 0) {
    const url = folder?.path ?? list.url;
    return entityResult(ctx, {
      type: 'SP.Folder',
      path: `Web/GetFolderByServerRelativePath(decodedUrl='${url}')`,
      properties: { Exists: true, Name: url.substring(url.lastIndexOf('/') + 1), ServerRelativeUrl: url, ItemCount: 0 },
      navigation: {},
    });
  }
  const [next, ...deeper] = rest;
  if (next.name !== 'listitemallfields' || deeper.length > 0 || !folder) return unsupported(ctx, rest);
  const project = new ItemProjector({
    db: ctx.db,
    webAbsoluteUrl: ctx.webAbsoluteUrl,
    list,
    select: ctx.options.select,
    expand: ctx.options.expand,
    permissionsOf: (item) => ctx.permissionsAt({ list, item }),
  });
  project.prefetch([folder.item]);
  return { kind: 'entity', json: project.project(folder.item), etag: itemEtag(folder.item), metadata: `SP.ListData.${ctx.db.listEntityName(list)}Items/@Element` };
}
