/**
 * Indicators and their values (issue 13.3). The coordination edits an action's indicators
 * (label, unit, baseline, target, year: « PST – Indicateurs », where leads only read); the
 * lead enters a value per year with a check-in, in the action's folder of « PST – Valeurs
 * des indicateurs » (actionSpaces.ts gives it to them), so a lead writes values of their
 * own actions only, and SharePoint enforces it. Values are added, never overwritten.
 */
import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/batching';
import type { Indicator, IsoDate } from '../domain/model';
import type { IndicatorValue, NewIndicatorValue } from '../domain/indicators';
import { MAX_BATCH_REQUESTS, MAX_PAGE_SIZE } from '../domain/limits';
import { indicatorsList, indicatorValuesList } from '../schema/listSchema';
import { changedProperties, indicatorFromItem, indicatorToItem, indicatorValueFromItem, ListItem } from '../schema/mapping';
import { lookupIdProperty, queryFor } from '../schema/query';
import { belongsToAction, checkInFolderPath } from './actionSpaces';
import { formDate, formNumber, regionalFormat } from './checkInWriter';
import { batched, readAll } from './requests';
import { listUrl } from './sharePointPaths';

function etagOf(item: ListItem): string {
  const etag = item['odata.etag'] ?? (item as { __metadata?: { etag?: string } }).__metadata?.etag;
  return typeof etag === 'string' ? etag : '*';
}

/** The version of an action's indicators: each one's id and ETag. */
export function indicatorsVersionOf(items: readonly ListItem[]): string {
  return items
    .map((item) => `${item.Id}:${etagOf(item)}`)
    .sort()
    .join(';');
}

/** The query of one action's values, on the indexed action column (the list grows past the threshold); batched or not. */
export function actionValuesQuery(sp: SPFI, webServerRelativeUrl: string, actionId: number) {
  const { select, expand } = queryFor(indicatorValuesList);
  return sp.web
    .getList(listUrl(webServerRelativeUrl, indicatorValuesList))
    .items.select(...select, 'FileDirRef', 'FSObjType')
    .expand(...expand)
    .filter(`${lookupIdProperty(indicatorValuesList.fields.action)} eq ${actionId}`)
    .top(MAX_PAGE_SIZE);
}

/** The values of the action from its folder only (a value whose lookup says another action is not its). */
export function actionValuesFrom(webServerRelativeUrl: string, items: readonly ListItem[], actionId: number): IndicatorValue[] {
  return items
    .filter((item) => item.FSObjType !== 1 && belongsToAction(webServerRelativeUrl, item, actionId, indicatorValuesList))
    .map(indicatorValueFromItem);
}

/**
 * Records the values in the action's folder (form values: the web's regional formats), in
 * one `$batch`. A lead may write in the folders of the actions they lead only.
 */
export async function writeIndicatorValues(sp: SPFI, webServerRelativeUrl: string, actionId: number, values: readonly NewIndicatorValue[], day: IsoDate): Promise<void> {
  if (values.length === 0) return;
  const format = await regionalFormat(sp);
  const f = indicatorValuesList.fields;
  const folder = checkInFolderPath(webServerRelativeUrl, actionId, indicatorValuesList);
  for (let start = 0; start < values.length; start += MAX_BATCH_REQUESTS) {
    const [batchedSp, execute] = batched(sp);
    const pending = Promise.all(
      values.slice(start, start + MAX_BATCH_REQUESTS).map(
        (value) =>
          batchedSp.web.getList(listUrl(webServerRelativeUrl, indicatorValuesList)).addValidateUpdateItemUsingPath(
            [
              { FieldName: 'Title', FieldValue: `${value.year} – ${value.value}` },
              { FieldName: f.indicator.internalName, FieldValue: String(value.indicatorId) },
              { FieldName: f.action.internalName, FieldValue: String(actionId) },
              { FieldName: f.year.internalName, FieldValue: String(value.year) },
              { FieldName: f.value.internalName, FieldValue: formNumber(value.value, format) },
              { FieldName: f.date.internalName, FieldValue: formDate(day, format) },
            ],
            folder,
          ) as Promise<{ FieldName: string; HasException: boolean; ErrorMessage: string | null }[]>,
      ),
    );
    pending.catch(() => undefined);
    await execute();
    for (const result of await pending) {
      const failed = result.filter((r) => r.HasException);
      if (failed.length > 0) throw new Error(`Valeur refusée par SharePoint : ${failed.map((r) => `${r.FieldName} (${r.ErrorMessage ?? ''})`).join(', ')}`);
    }
  }
}

/** The version check failed: someone saved this action's indicators meanwhile. */
export class IndicatorsVersionChanged extends Error {
  constructor() {
    super('Les indicateurs de cette action ont été modifiés entre-temps.');
    this.name = 'IndicatorsVersionChanged';
  }
}

/**
 * Makes the action's indicators be `indicators` (with an id above 0: updated where changed;
 * without: added; stored but absent: deleted, their values stay in the history), if they
 * are still at `version`; else IndicatorsVersionChanged and nothing written.
 */
export async function saveActionIndicators(sp: SPFI, webServerRelativeUrl: string, actionId: number, indicators: readonly Indicator[], version: string): Promise<void> {
  const items = () => sp.web.getList(listUrl(webServerRelativeUrl, indicatorsList)).items;
  const stored = await readAll(items().select(...queryFor(indicatorsList).select).filter(`${lookupIdProperty(indicatorsList.fields.action)} eq ${actionId}`).top(MAX_PAGE_SIZE));
  if (indicatorsVersionOf(stored) !== version) throw new IndicatorsVersionChanged();
  const byId = new Map(stored.map((item) => [item.Id, item]));
  const kept = new Set<number>();
  const writes: ((from: SPFI) => Promise<unknown>)[] = [];
  const list = (from: SPFI) => from.web.getList(listUrl(webServerRelativeUrl, indicatorsList)).items;
  for (const indicator of indicators) {
    const payload = indicatorToItem({ ...indicator, actionId });
    const before = indicator.id > 0 ? byId.get(indicator.id) : undefined;
    if (!before) {
      writes.push((from) => list(from).add(payload));
      continue;
    }
    kept.add(before.Id);
    const changed = changedProperties(indicatorToItem({ ...indicatorFromItem(before), actionId }), payload);
    if (Object.keys(changed).length > 0) writes.push((from) => list(from).getById(before.Id).update(changed, etagOf(before)));
  }
  for (const item of stored) if (!kept.has(item.Id)) writes.push((from) => list(from).getById(item.Id).delete(etagOf(item)));
  for (let start = 0; start < writes.length; start += MAX_BATCH_REQUESTS) {
    const [batchedSp, execute] = batched(sp);
    const pending = Promise.all(writes.slice(start, start + MAX_BATCH_REQUESTS).map((write) => write(batchedSp)));
    pending.catch(() => undefined);
    await execute();
    await pending;
  }
}
