/**
 * Throttling on demand: SharePoint Online answers 429 Too Many Requests or 503 Server Too
 * Busy with `Retry-After` (seconds) and expects the client to wait and retry
 * (https://learn.microsoft.com/en-us/sharepoint/dev/general-development/how-to-avoid-getting-throttled-or-blocked-in-sharepoint-online).
 * The product's `createNodeSp` uses PnPjs `BrowserFetchWithRetry`, which honours Retry-After
 * (node_modules/@pnp/queryable/behaviors/browser-fetch.js). Faults strike before anything
 * is done, so a retried write is applied once.
 */
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/batching';
import { COORDINATOR, startTestStore, TestStore } from './storeTestSupport';

describe('faults', () => {
  let t: TestStore;
  afterEach(() => t.store.close());

  it('answers 429 with Retry-After and 503, deterministically for a seed', async () => {
    t = await startTestStore({ faults: { rate429: 0.5, rate503: 0.5, retryAfterSeconds: 7, seed: 42 } });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const response = await fetch(`${t.store.siteUrl}/_api/web`, { headers: { Accept: 'application/json', Authorization: `Bearer local:${COORDINATOR}` } });
      statuses.push(response.status);
      expect(response.headers.get('Retry-After')).toBe('7');
    }
    expect(statuses.every((s) => s === 429 || s === 503)).toBe(true);
    expect(new Set(statuses).size).toBe(2);
    t.store.setFaults({ rate429: 0.5, rate503: 0.5, retryAfterSeconds: 7, seed: 42 });
    const again: number[] = [];
    for (let i = 0; i < 6; i++) again.push((await fetch(`${t.store.siteUrl}/_api/web`, { headers: { Authorization: `Bearer local:${COORDINATOR}` } })).status);
    expect(again).toEqual(statuses);
    t.store.setFaults({});
    expect((await fetch(`${t.store.siteUrl}/_api/web`, { headers: { Authorization: `Bearer local:${COORDINATOR}` } })).status).toBe(200);
  });

  it('createNodeSp retries through 429/503 and every add is applied exactly once', async () => {
    t = await startTestStore();
    const list = t.store.db.createList({ title: 'Suivis' });
    t.store.setFaults({ rate429: 0.25, rate503: 0.15, retryAfterSeconds: 0, seed: 7 });
    const items = () => t.sp().web.lists.getById(list.id).items;
    for (let i = 0; i < 25; i++) await items().add({ Title: `suivi ${i}` });
    // A batch is retried as a whole, its writes included.
    const [batched, execute] = t.sp().batched();
    const pending = Promise.all([0, 1, 2].map((i) => batched.web.lists.getById(list.id).items.add({ Title: `lot ${i}` })));
    await execute();
    await pending;
    t.store.setFaults({});

    const faults = t.store.requests.filter((r) => r.status === 429 || r.status === 503);
    expect(faults.length).toBeGreaterThan(5);
    expect(faults.some((r) => r.status === 429) && faults.some((r) => r.status === 503)).toBe(true);
    const titles = t.store.db.sql.prepare("SELECT json_extract(data, '$.Title') AS title FROM items WHERE list_id = ?").all(list.id).map((r) => r.title);
    expect(titles).toHaveLength(28);
    expect(new Set(titles).size).toBe(28);
  });
});
