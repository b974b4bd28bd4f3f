/**
 * The whole check-in history, for the progress over time (domain/trend.ts). The list
 * grows past the view threshold (a plan of 500 actions checked in monthly for six years
 * holds 36,000 check-ins), so it is read through the ID index, which SharePoint always
 * allows, in pages of 5,000 followed by `odata.nextLink`, with the five columns the trend
 * needs and no OData metadata. Chosen over a monthly summary kept by the job or a save:
 * the check-ins are the truth, a summary list could drift from them, would need a writer,
 * a backfill for sites set up before it, and one more list to provision and secure.
 * Its cost is measured by `npm run bench:store`.
 */
import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { checkInsList } from '../schema/listSchema';
import { checkInFromItem } from '../schema/mapping';
import { lookupIdProperty } from '../schema/query';
import type { TrendCheckIn } from '../domain/trend';
import { MAX_PAGE_SIZE } from '../domain/limits';
import { belongsToAction } from './actionSpaces';
import { listUrl } from './sharePointPaths';
import { noMetadata, readAll } from './requests';

export async function readCheckInHistory(sp: SPFI, webServerRelativeUrl: string): Promise<TrendCheckIn[]> {
  const f = checkInsList.fields;
  const items = await readAll(
    sp.web
      .getList(listUrl(webServerRelativeUrl, checkInsList))
      .items.select('Id', lookupIdProperty(f.action), f.date.internalName, f.status.internalName, f.progress.internalName, f.health.internalName, 'FileDirRef')
      .using(noMetadata())
      .top(MAX_PAGE_SIZE),
  );
  const history: TrendCheckIn[] = [];
  for (const item of items) {
    const { id, actionId, date, status, percent, health } = checkInFromItem(item);
    // The folder decides which action a check-in is about, not its (editable) lookup.
    if (date !== '' && actionId > 0 && belongsToAction(webServerRelativeUrl, item, actionId)) history.push({ id, actionId, date, status, percent, health });
  }
  return history;
}
