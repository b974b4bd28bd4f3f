/**
 * How the data layer reads and batches, whatever the list: `$batch` requests of up to 100
 * parts (SharePoint Online's limit; PnPjs cuts at 20 unless told), item pages followed to
 * the end through `odata.nextLink` (SharePoint answers one page per request, at most 5,000
 * items), and JSON without OData metadata where no ETag is needed.
 */
import { SPCollection, SPFI } from '@pnp/sp';
import '@pnp/sp/batching';
import type { IItems } from '@pnp/sp/items';
import { InjectHeaders, parseBinderWithErrorCheck, parseODataJSON } from '@pnp/queryable';
import type { ListItem } from '../schema/mapping';
import { MAX_BATCH_REQUESTS } from '../domain/limits';

/** A batch as SharePoint Online takes it: up to 100 requests per `$batch`. */
export function batched(sp: SPFI): [SPFI, () => Promise<void>] {
  return sp.batched({ maxRequests: MAX_BATCH_REQUESTS });
}

/**
 * `Accept: application/json;odata=nometadata`: items without `odata.type`, `odata.id`,
 * `odata.etag` and `odata.editLink` (a third of a small item). Not for reads whose ETag
 * an update needs.
 */
export function noMetadata() {
  return InjectHeaders({ Accept: 'application/json;odata=nometadata' });
}

export interface ItemPage {
  readonly items: ListItem[];
  /** The URL of the next page, while items remain. */
  readonly nextLink: string | null;
}

function pageParser() {
  return parseBinderWithErrorCheck(async (response: Response): Promise<ItemPage> => {
    const json = (await response.json()) as { 'odata.nextLink'?: unknown; d?: { __next?: unknown } };
    const next = json['odata.nextLink'] ?? json.d?.__next;
    return { items: parseODataJSON(json) as ListItem[], nextLink: typeof next === 'string' && next !== '' ? next : null };
  });
}

/** One page of `items` with the link to the next; inside a batch, one part of it. */
export function readPage(items: IItems): Promise<ItemPage> {
  return items.using(pageParser())() as unknown as Promise<ItemPage>;
}

/**
 * The items of `first` and of every page after it. `items` is the same query outside any
 * batch (the next pages are read one after the other: each link comes with the page before).
 */
export async function followPages(items: IItems, first: ItemPage): Promise<ListItem[]> {
  const all = first.items.slice();
  let next = first.nextLink;
  while (next !== null) {
    const page = (await SPCollection([items, next]).using(pageParser())()) as unknown as ItemPage;
    all.push(...page.items);
    next = page.nextLink;
  }
  return all;
}

/** Every item of a query, page after page. */
export async function readAll(items: IItems): Promise<ListItem[]> {
  return followPages(items, await readPage(items));
}
