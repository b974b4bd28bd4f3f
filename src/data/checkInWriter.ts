/**
 * The two writes that used to leave half a save after a crash, made so that a retry
 * completes them and never does anything twice (issue 17, point 2):
 * - a check-in: (1) the check-in, with its client key, in the action's folder; (2) the
 *   progress item takes its effect (domain/checkIns.ts) and its key. A retry finds the
 *   check-in by key and does only (2) if its key is not there yet;
 * - a lead assignment: the folder, the progress item and their permissions (each step
 *   idempotent, see actionSpaces.ts), then — the last write — the lead and the progress
 *   item's link on the action, with the ETag the coordinator saw.
 * Nothing is sent after the last write: what the caller needs (the current user…) is read first.
 */
import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/regional-settings/web';
import type { CheckIn, IsoDate, Person } from '../domain/model';
import { checkInEffect } from '../domain/checkIns';
import { checkInsList, progressList } from '../schema/listSchema';
import { checkInFromItem, ListItem } from '../schema/mapping';
import { ensureActionSpace, checkInFolderPath, composeEtag, progressPayload } from './actionSpaces';
import type { NewCheckIn } from './PstRepository';
import { listUrl } from './sharePointPaths';

export interface RegionalFormat {
  readonly dateFormat: number;
  readonly dateSeparator: string;
  readonly decimalSeparator: string;
}

const formats = new WeakMap<SPFI, Promise<RegionalFormat>>();

/** Form values take dates and numbers as the web's regional settings write them (an ISO date is refused). */
export function regionalFormat(sp: SPFI): Promise<RegionalFormat> {
  let format = formats.get(sp);
  if (!format) {
    format = (sp.web.regionalSettings.select('DateFormat', 'DateSeparator', 'DecimalSeparator')() as Promise<{ DateFormat: number; DateSeparator: string; DecimalSeparator: string }>).then(
      (r) => ({ dateFormat: r.DateFormat, dateSeparator: r.DateSeparator || '/', decimalSeparator: r.DecimalSeparator || ',' }),
    );
    format.catch(() => formats.delete(sp));
    formats.set(sp, format);
  }
  return format;
}

/** SP.DateFormat: 0 month/day/year, 1 day/month/year, 2 year/month/day. */
export function formDate(day: IsoDate, format: RegionalFormat): string {
  const [y, m, d] = day.split('-').map(Number);
  const parts = format.dateFormat === 0 ? [m, d, y] : format.dateFormat === 2 ? [y, m, d] : [d, m, y];
  return parts.join(format.dateSeparator);
}

export function formNumber(value: number | null, format: RegionalFormat): string {
  return value === null ? '' : String(value).replace('.', format.decimalSeparator);
}

export function newCheckInKey(): string {
  const random = typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
  return random.replace(/[^0-9a-zA-Z-]/g, '');
}

/** The check-in with this key, if it was written. */
export async function findCheckInByKey(sp: SPFI, webServerRelativeUrl: string, key: string): Promise<ListItem | undefined> {
  const f = checkInsList.fields;
  const found: ListItem[] = await sp.web
    .getList(listUrl(webServerRelativeUrl, checkInsList))
    .items.select('Id', 'FileDirRef', `${f.action.internalName}Id`, f.date.internalName, f.status.internalName, f.progress.internalName, f.health.internalName, f.comment.internalName)
    .filter(`${f.key.internalName} eq '${key.replace(/'/g, "''")}'`)
    .top(2)();
  return found[0];
}

/** Writes the check-in into the action's folder; its id. */
export async function writeCheckIn(sp: SPFI, webServerRelativeUrl: string, checkIn: NewCheckIn, key: string): Promise<number> {
  const format = await regionalFormat(sp);
  const f = checkInsList.fields;
  const formValues = [
    { FieldName: 'Title', FieldValue: `${checkIn.date} – ${checkIn.status}` },
    { FieldName: f.action.internalName, FieldValue: String(checkIn.actionId) },
    { FieldName: f.date.internalName, FieldValue: formDate(checkIn.date, format) },
    { FieldName: f.status.internalName, FieldValue: checkIn.status },
    { FieldName: f.progress.internalName, FieldValue: formNumber(checkIn.percent, format) },
    { FieldName: f.health.internalName, FieldValue: checkIn.health ?? '' },
    { FieldName: f.comment.internalName, FieldValue: checkIn.comment ?? '' },
    { FieldName: f.key.internalName, FieldValue: key },
  ];
  const result = (await sp.web
    .getList(listUrl(webServerRelativeUrl, checkInsList))
    .addValidateUpdateItemUsingPath(formValues, checkInFolderPath(webServerRelativeUrl, checkIn.actionId))) as {
    FieldName: string;
    FieldValue: string;
    HasException: boolean;
    ErrorMessage: string | null;
  }[];
  const failed = result.filter((r) => r.HasException);
  if (failed.length > 0) throw new Error(`Suivi refusé par SharePoint : ${failed.map((r) => `${r.FieldName} (${r.ErrorMessage ?? ''})`).join(', ')}`);
  return Number(result.find((r) => r.FieldName === 'Id')!.FieldValue);
}

/** (2): the progress item takes the check-in's effect and key, if still at `progressEtag`; its new ETag. */
export async function applyToProgress(sp: SPFI, webServerRelativeUrl: string, progressItemId: number, checkIn: NewCheckIn, key: string, progressEtag: string): Promise<string> {
  const effect = checkInEffect(checkIn);
  const result = await sp.web
    .getList(listUrl(webServerRelativeUrl, progressList))
    .items.getById(progressItemId)
    .update({ ...progressPayload(effect), [progressList.fields.checkInKey.internalName]: key }, progressEtag);
  return (result as { etag?: string }).etag ?? '*';
}

export function savedCheckIn(item: ListItem | { Id: number }, checkIn: NewCheckIn, author: Person): CheckIn {
  const fromItem = 'FileDirRef' in item ? checkInFromItem(item as ListItem) : null;
  return { ...(fromItem ?? { ...checkIn, id: item.Id }), id: item.Id, author };
}

export { ensureActionSpace, composeEtag };
