/**
 * `$batch` exactly as PnPjs v4 writes it (node_modules/@pnp/sp/batching.js) and answered as
 * SharePoint Online answers it: one `batchresponse` part per request, in order, each with
 * its own status; a failing part fails alone (SharePoint's batches are not transactional).
 * https://learn.microsoft.com/en-us/sharepoint/dev/sp-add-ins/make-batch-requests-with-the-rest-apis
 */
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/batching';
import '@pnp/sp/site-users/web';
import { parseBatch, formatBatchResponse } from '../../../src/node/store/http/batch';
import { COORDINATOR, startTestStore, TestStore } from './storeTestSupport';

describe('$batch', () => {
  let t: TestStore;
  beforeEach(async () => {
    t = await startTestStore();
    const list = t.store.db.createList({ title: 'Notes' });
    t.store.db.addItems(list.id, [{ Title: 'one' }, { Title: 'two' }], { authorId: t.store.db.getUserByEmail(COORDINATOR)!.id });
  });
  afterEach(() => t.store.close());

  it('runs reads and writes of sp.batched() in one request; a failing sub-request (404, 400, 412) rejects only its own promise', async () => {
    const [batched, execute] = t.sp().batched();
    const notes = () => batched.web.lists.getByTitle('Notes').items;
    const results = [
      notes().select('Title')(),
      batched.web.lists.getByTitle('Missing').items(),
      notes().add({ Title: 'three' }),
      notes().add({ Title: 'bad', Unknown: 1 }),
      notes().getById(1).update({ Title: 'ONE' }, '"1"'),
      notes().getById(2).update({ Title: 'TWO' }, '"9"'),
      batched.web.currentUser.select('Title')(),
      notes().getById(2).delete(),
    ].map((p) => p.then((value) => ({ ok: true as const, value }), (error: { status: number }) => ({ ok: false as const, status: error.status })));
    const before = t.store.requests.length;
    await execute();
    const settled = await Promise.all(results);

    expect(t.store.requests.slice(before).map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(['POST /sites/pst/_api/$batch 200']);
    expect(settled.map((r) => (r.ok ? 'ok' : r.status))).toEqual(['ok', 404, 'ok', 400, 'ok', 412, 'ok', 'ok']);
    expect((settled[0] as { value: { Title: string }[] }).value.map((i) => i.Title)).toEqual(['one', 'two']);
    expect((settled[2] as { value: { Id: number } }).value.Id).toBe(3);
    expect((settled[4] as { value: { etag: string } }).value).toEqual({ etag: '"2"' });
    expect((settled[6] as { value: { Title: string } }).value.Title).toBe('Anne Dupont');
    const titles = (await t.sp().web.lists.getByTitle('Notes').items.select('Title')()).map((i: { Title: string }) => i.Title);
    expect(titles).toEqual(['ONE', 'three']);
  });

  it('refuses to reuse one PnPjs instance for several requests of a batch (a PnPjs rule, not the store\'s): use a fresh one per request', async () => {
    // What SharePointPstRepository.addAll does today: one `items` for every add of a batch.
    const [batched, execute] = t.sp().batched();
    const items = batched.web.lists.getByTitle('Notes').items;
    const adds = Promise.all([items.add({ Title: 'a' }), items.add({ Title: 'b' })]);
    // PnPjs rejects one of the adds, and `execute()` never settles: the caller hangs.
    const executed = execute().then(() => 'settled');
    await expect(adds).rejects.toThrow('This instance is already part of a batch');
    expect(await Promise.race([executed, new Promise((resolve) => setTimeout(() => resolve('still pending'), 300))])).toBe('still pending');

    const [fresh, run] = t.sp().batched();
    const added = ['a', 'b', 'c'].map((title) => fresh.web.lists.getByTitle('Notes').items.add({ Title: title }));
    await run();
    const ids = (await Promise.all(added)).map((i: { Id: number }) => i.Id);
    expect(ids).toEqual([ids[0], ids[0] + 1, ids[0] + 2]);
  });

  it('parses a PnPjs body with changesets and answers parts in order with LF line endings', () => {
    const body = [
      '--batch_1',
      'Content-Type: application/http',
      'Content-Transfer-Encoding: binary',
      '',
      "GET http://127.0.0.1/sites/pst/_api/web/lists/getByTitle('Notes')/items HTTP/1.1",
      'accept: application/json',
      '',
      '--batch_1',
      'Content-Type: multipart/mixed; boundary="changeset_2"',
      '',
      '--changeset_2',
      'Content-Type: application/http',
      'Content-Transfer-Encoding: binary',
      '',
      'MERGE http://127.0.0.1/sites/pst/_api/web/lists/getByTitle(\'Notes\')/items(1) HTTP/1.1',
      'if-match: "1"',
      'content-type: application/json;charset=utf-8',
      '',
      '{"Title":"x"}',
      '',
      '--changeset_2--',
      '',
      '--batch_1--',
      '',
    ].join('\n');
    const parts = parseBatch(body, 'multipart/mixed; boundary=batch_1');
    expect(parts.map((p) => [p.method, p.headers.get('if-match') ?? null, p.body])).toEqual([
      ['GET', null, ''],
      ['MERGE', '"1"', '{"Title":"x"}'],
    ]);
    const answer = formatBatchResponse([
      { status: 200, headers: { 'Content-Type': 'application/json' }, body: '{"value":[]}' },
      { status: 204, headers: { ETag: '"2"' }, body: '' },
    ]);
    expect(answer.body).not.toContain('\r');
    expect(answer.body).toMatch(/HTTP\/1\.1 200 OK\n[\s\S]*HTTP\/1\.1 204 No Content\nETag: "2"\n/);
    expect(answer.body.trimEnd().endsWith('--')).toBe(true);
  });
});
