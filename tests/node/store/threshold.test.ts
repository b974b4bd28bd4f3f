/**
 * The list view threshold on a list past 5,000 items, as SharePoint Online applies it, and
 * paging with PnPjs v4's async iteration (node_modules/@pnp/sp/items/types.js
 * `[Symbol.asyncIterator]`, following `odata.nextLink`).
 * - https://learn.microsoft.com/en-us/previous-versions/office/developer/sharepoint-2010/ee557257(v=office.14)
 *   ("Queries on lists consisting of more than 5,000 items that include fields that are not
 *   indexed in their query conditions will also fail")
 * - SPQueryThrottledException, "The attempted operation is prohibited because it exceeds the
 *   list view threshold." (HTTP 500): https://github.com/vgrem/office365-rest-python-client/issues/392
 * - `$top` above the threshold: https://github.com/SharePoint/PnP-JS-Core/issues/203
 */
import { performance } from 'node:perf_hooks';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { ensurePstLists } from '../../../src/data/provisioning';
import { SharePointPstRepository } from '../../../src/data/SharePointPstRepository';
import { listUrl } from '../../../src/data/sharePointPaths';
import type { ListKey } from '../../../src/schema/listSchema';
import { checkInsList } from '../../../src/schema/listSchema';
import { actionToItem, checkInToItem } from '../../../src/schema/mapping';
import { createAction } from '../../../src/domain/model';
import { ItemQuery } from '../../../src/node/store/items/itemQuery';
import { parseQueryOptions } from '../../../src/node/store/odata/queryOptions';
import { COORDINATOR, sharePointErrorOf, startTestStore, TestStore } from './storeTestSupport';

const THROTTLED = {
  status: 500,
  code: '-2147024860, Microsoft.SharePoint.SPQueryThrottledException',
  message: 'The attempted operation is prohibited because it exceeds the list view threshold.',
};

function addCheckIns(t: TestStore, listIds: Record<ListKey, string>, actions: number, perAction: number): void {
  const db = t.store.db;
  const author = db.getUserByEmail(COORDINATOR)!.id;
  db.addItems(
    listIds.actions,
    Array.from({ length: actions }, (_, i) => actionToItem(createAction({ id: i + 1, title: `Action ${i + 1}` }))),
    { authorId: author },
  );
  const bodies: Record<string, unknown>[] = [];
  for (let a = 1; a <= actions; a++) {
    for (let n = 0; n < perAction; n++) {
      const day = new Date(Date.UTC(2024, 0, 1) + (n * 7 + a) * 86400000).toISOString().substring(0, 10);
      bodies.push(checkInToItem({ actionId: a, date: day, status: 'EN_COURS', percent: n, health: 'bon', comment: null }));
    }
  }
  db.addItems(listIds.checkIns, bodies, { authorId: author });
}

describe('a check-in list past the list view threshold (6,000 items)', () => {
  let t: TestStore;
  let listIds: Record<ListKey, string>;
  const checkIns = () => t.sp().web.getList(listUrl(t.webPath, checkInsList)).items;

  beforeAll(async () => {
    t = await startTestStore();
    listIds = (await ensurePstLists(t.sp(), t.webPath)).listIds;
    addCheckIns(t, listIds, 60, 100);
  });
  afterAll(() => t.store.close());

  it('pages through all 6,000 items with PnPjs async iteration, 1,000 at a time', async () => {
    const before = t.store.requests.length;
    const ids: number[] = [];
    for await (const page of checkIns().select('Id').top(1000)) ids.push(...page.map((i: { Id: number }) => i.Id));
    expect(ids).toHaveLength(6000);
    expect(new Set(ids).size).toBe(6000);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(t.store.requests.slice(before).map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
  });

  it('refuses a filter on a non-indexed column with SPQueryThrottledException (500)', async () => {
    expect(await sharePointErrorOf(checkIns().filter('PstProgress gt 50')())).toEqual(THROTTLED);
    expect(await sharePointErrorOf(checkIns().filter("PstComment eq 'x' and PstProgress eq 1")())).toEqual(THROTTLED);
    // An OR at the top level cannot be served by one index.
    expect(await sharePointErrorOf(checkIns().filter('PstActionId eq 1 or PstProgress eq 1')())).toEqual(THROTTLED);
  });

  it('serves a filter on an indexed column that selects under 5,000 items, even with other terms', async () => {
    const items = await checkIns().filter('PstActionId eq 7').select('Id', 'PstActionId').top(5000)();
    expect(items).toHaveLength(100);
    const combined = await checkIns().filter('PstProgress gt 89 and PstActionId eq 7').select('Id')();
    expect(combined).toHaveLength(10);
    // The repository's check-in query: indexed filter, ordered by an indexed date, newest first.
    const panel = await checkIns().filter('PstActionId eq 7').orderBy('PstCheckInDate', false).top(200)();
    expect(panel).toHaveLength(100);
  });

  it('refuses an indexed filter that still selects more than 5,000 items, an $orderby on a non-indexed column, and $top over 5,000', async () => {
    expect(await sharePointErrorOf(checkIns().filter("PstStatus eq 'EN_COURS'")())).toEqual(THROTTLED);
    expect(await sharePointErrorOf(checkIns().orderBy('PstProgress')())).toEqual(THROTTLED);
    expect(await sharePointErrorOf(checkIns().orderBy('Modified')())).toEqual(THROTTLED);
    expect(await sharePointErrorOf(checkIns().top(5001)())).toEqual(THROTTLED);
    // Unfiltered, ordered by ID, up to 5,000 at a time: allowed (that is how paging works).
    expect(await checkIns().select('Id').top(5000)()).toHaveLength(5000);
  });

  it('uses the SQLite expression index of an indexed column for the filter', () => {
    const list = t.store.db.getList(listIds.checkIns)!;
    const plan = new ItemQuery(t.store.db, list, parseQueryOptions(new URLSearchParams({ $filter: 'PstActionId eq 7', $orderby: 'PstCheckInDate desc' }))).explain();
    expect(plan.join('\n')).toMatch(/USING INDEX ix_items_PstAction/);
  });

  it('the product reads an action\'s history on the large list without hitting the threshold', async () => {
    const repository = new SharePointPstRepository(t.sp(), t.webPath);
    const details = await repository.loadActionDetails(7);
    expect(details.checkIns).toHaveLength(100);
  });
});

describe('timing on 50,000 check-ins', () => {
  let t: TestStore;
  let listIds: Record<ListKey, string>;

  beforeAll(async () => {
    t = await startTestStore();
    listIds = (await ensurePstLists(t.sp(), t.webPath)).listIds;
  });
  afterAll(() => t.store.close());

  it('inserts 50,000 items through the database layer and answers a filtered, ordered query quickly', async () => {
    let started = performance.now();
    addCheckIns(t, listIds, 500, 100);
    const insertMs = performance.now() - started;
    const items = t.sp().web.getList(listUrl(t.webPath, checkInsList)).items;
    await items.filter('PstActionId eq 250').top(1)(); // warm-up
    started = performance.now();
    const rounds = 20;
    for (let i = 0; i < rounds; i++) {
      const page = await items.filter(`PstActionId eq ${1 + i * 20}`).orderBy('PstCheckInDate', false).top(200)();
      expect(page).toHaveLength(100);
    }
    const queryMs = (performance.now() - started) / rounds;
    console.log(`50,000 check-ins: insert ${insertMs.toFixed(0)} ms; filtered query (100 rows, over HTTP with PnPjs) ${queryMs.toFixed(1)} ms`);
    expect(queryMs).toBeLessThan(250);
  }, 120000);
});
