/**
 * Response compression (src/node/store/server.ts `send`): SharePoint Online answers JSON
 * gzip-compressed when the client sends `Accept-Encoding: gzip` (browsers and Node's fetch
 * do). The request log keeps the bytes on the wire and the bytes before compression.
 */
import * as http from 'node:http';
import { gunzipSync } from 'node:zlib';
import { acceptsGzip } from '../../../src/node/store/server';
import { ensurePstLists } from '../../../src/data/provisioning';
import { actionToItem } from '../../../src/schema/mapping';
import { createAction } from '../../../src/domain/model';
import { COORDINATOR, startTestStore, TestStore } from './storeTestSupport';

/** A raw GET (node:http does not decompress), as the coordinator. */
function get(url: string, headers: Record<string, string>): Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { Authorization: `Bearer local:${COORDINATOR}`, ...headers } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

describe('gzip responses', () => {
  let t: TestStore;
  let itemsUrl: string;
  beforeAll(async () => {
    t = await startTestStore();
    const { listIds } = await ensurePstLists(t.sp(), t.webPath);
    const author = t.store.db.getUserByEmail(COORDINATOR)!.id;
    t.store.db.addItems(listIds.actions, Array.from({ length: 200 }, (_, i) => actionToItem(createAction({ id: i + 1, title: `Action ${i + 1}` }))), { authorId: author });
    itemsUrl = `${t.store.siteUrl}/_api/web/lists(guid'${listIds.actions}')/items?$top=200&$select=Id,Title`;
  });
  afterAll(() => t.store.close());

  it('compresses a JSON answer when the client accepts gzip, and logs both sizes', async () => {
    const from = t.store.requests.length;
    const zipped = await get(itemsUrl, { Accept: 'application/json;odata=nometadata', 'Accept-Encoding': 'gzip, deflate' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toBe('Accept-Encoding');
    const json = JSON.parse(gunzipSync(zipped.body).toString('utf8')) as { value: { Id: number; Title: string }[] };
    expect(json.value).toHaveLength(200);
    expect(json.value[199]).toEqual({ Id: 200, Title: 'Action 200' });
    const logged = t.store.requests[from];
    expect(logged.bytes).toBe(zipped.body.length);
    expect(logged.bodyBytes).toBe(gunzipSync(zipped.body).length);
    expect(logged.bytes).toBeLessThan(logged.bodyBytes / 3);
  });

  it('answers plain when gzip is not asked for or refused, and leaves small answers plain', async () => {
    for (const encoding of [undefined, 'identity', 'gzip;q=0']) {
      const plain = await get(itemsUrl, { Accept: 'application/json;odata=nometadata', ...(encoding ? { 'Accept-Encoding': encoding } : {}) });
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect((JSON.parse(plain.body.toString('utf8')) as { value: unknown[] }).value).toHaveLength(200);
    }
    const small = await get(`${t.store.siteUrl}/_api/web/currentuser?$select=Title`, { Accept: 'application/json', 'Accept-Encoding': 'gzip' });
    expect(small.headers['content-encoding']).toBeUndefined();
  });

  it('reads Accept-Encoding as HTTP does', () => {
    expect(acceptsGzip('gzip, deflate, br')).toBe(true);
    expect(acceptsGzip('br;q=1.0, gzip;q=0.8')).toBe(true);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('deflate, br')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});
