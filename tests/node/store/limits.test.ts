/**
 * The attacks of issue #17 on the embedded store, point 3, replayed against a site set up as
 * provisioning sets up SharePoint: each refused or bounded with SharePoint's error, and
 * nothing changed. Source of every limit: src/node/store/http/limits.ts.
 */
import * as http from 'node:http';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/site-users/web';
import '@pnp/sp/site-groups/web';
import { ensurePstLists } from '../../../src/data/provisioning';
import { addUserToPstGroup, ensurePstPermissions } from '../../../src/data/permissions';
import { actionToItem } from '../../../src/schema/mapping';
import { createAction } from '../../../src/domain/model';
import { roleBasedAuthorizer } from '../../../src/node/store';
import { MAX_BATCH_PARTS, MAX_REQUEST_BYTES } from '../../../src/node/store/http/limits';
import { COORDINATOR, LEAD, READER, sharePointErrorOf, startTestStore, TestStore } from './storeTestSupport';

const DENIED = {
  status: 403,
  code: '-2147024891, System.UnauthorizedAccessException',
  message: 'Access denied. You do not have permission to perform this action or access this resource.',
};
const COMMITTEE = 'pierre.lemaire@cpas.example';
const OUTSIDER = 'mallory@outside.example';

let t: TestStore;
let actionsListId: string;
let actionId: number;

beforeAll(async () => {
  t = await startTestStore({ authorize: roleBasedAuthorizer, requestLogSize: 100 });
  t.store.db.ensureUser({ email: COMMITTEE, title: 'Pierre Lemaire' });
  const sp = t.sp(COORDINATOR);
  actionsListId = (await ensurePstLists(sp, t.webPath)).listIds.actions;
  await ensurePstPermissions(sp, t.webPath);
  await addUserToPstGroup(sp, 'leads', LEAD);
  await addUserToPstGroup(sp, 'committee', COMMITTEE);
  await sp.web.associatedVisitorGroup.users.add(READER);
  const coordinator = t.store.db.getUserByEmail(COORDINATOR)!.id;
  actionId = t.store.db.addItems(actionsListId, [actionToItem(createAction({ id: 1, title: 'A' }))], { authorId: coordinator })[0].id;
});
afterAll(() => t.store.close());

const api = (path: string) => `${t.store.siteUrl}/_api/${path}`;
const bearer = (email: string) => ({ Authorization: `Bearer local:${email}`, Accept: 'application/json' });
function itemCount(): number {
  let n = 0;
  for (let id = 1; id < 400; id++) if (t.store.db.itemExists(actionsListId, id)) n++;
  return n;
}

/** A raw POST that declares or streams `size` bytes; resolves with the status and body the store answered. */
function rawPost(path: string, size: number, declare: boolean): Promise<{ status: number; body: string; sent: number }> {
  return new Promise((resolve, reject) => {
    const url = new URL(api(path));
    const headers: Record<string, string | number> = { 'Content-Type': 'application/json', Accept: 'application/json' };
    if (declare) headers['Content-Length'] = size;
    const req = http.request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers });
    let sent = 0;
    const chunk = Buffer.alloc(64 * 1024, 'a');
    let done = false;
    req.on('response', (res) => {
      done = true;
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, sent }));
    });
    req.on('error', (error) => (done ? undefined : reject(error)));
    const pump = (): void => {
      while (!done && sent < size) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!done) req.end();
    };
    pump();
  });
}

function batchBody(parts: number, changeset: boolean): { body: string; contentType: string } {
  const boundary = 'batch_0f2c';
  const inner = 'changeset_77a1';
  const item = `POST ${api(`web/lists(guid'${actionsListId}')/items`)} HTTP/1.1\nContent-Type: application/json\nAccept: application/json\n\n{"Title":"injecté"}\n`;
  const get = `--${boundary}\nContent-Type: application/http\nContent-Transfer-Encoding: binary\n\nGET ${api('web/currentuser')} HTTP/1.1\nAccept: application/json\n\n`;
  const body = changeset
    ? `--${boundary}\nContent-Type: multipart/mixed; boundary=${inner}\n\n${Array.from({ length: parts }, () => `--${inner}\nContent-Type: application/http\nContent-Transfer-Encoding: binary\n\n${item}`).join('')}--${inner}--\n--${boundary}--\n`
    : `${get.repeat(parts)}--${boundary}--\n`;
  return { body, contentType: `multipart/mixed; boundary=${boundary}` };
}

describe('request bodies', () => {
  it('refuses an unauthenticated 560 MB POST with 413 from its Content-Length, buffering none of it', async () => {
    const before = itemCount();
    const answer = await rawPost(`web/lists(guid'${actionsListId}')/items`, 560 * 1024 * 1024, true);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({
      'odata.error': { code: '-1, Microsoft.SharePoint.Client.ClientServiceException', message: { lang: 'en-US', value: `The request message is too big. The server does not allow messages larger than ${MAX_REQUEST_BYTES} bytes.` } },
    });
    console.log(`560 MB declared: answered after ${(answer.sent / 1024 / 1024).toFixed(1)} MB sent`);
    expect(answer.sent).toBeLessThan(100 * 1024 * 1024);
    expect(itemCount()).toBe(before);
    expect((await fetch(api('web'), { headers: bearer(COORDINATOR) })).status).toBe(200);
  });

  it('refuses a chunked body once it passes 2 MiB, and accepts one just under', async () => {
    const answer = await rawPost('web/ensureuser', MAX_REQUEST_BYTES + 256 * 1024, false);
    expect(answer.status).toBe(413);
    const near = await fetch(api(`web/lists(guid'${actionsListId}')/items(${actionId})`), {
      method: 'POST',
      headers: { ...bearer(COORDINATOR), 'Content-Type': 'application/json', 'X-HTTP-Method': 'MERGE', 'IF-MATCH': '*' },
      body: JSON.stringify({ PstDescription: `<p>${'x'.repeat(MAX_REQUEST_BYTES - 1024)}</p>` }),
    });
    expect(near.status).toBe(204);
  });
});

describe('$batch', () => {
  it('refuses 10,000 parts sent by a reader, and 101, with the OData quota error; nothing runs', async () => {
    for (const parts of [10_000, MAX_BATCH_PARTS + 1]) {
      const { body, contentType } = batchBody(parts, false);
      const start = performance.now();
      const response = await fetch(api('$batch'), { method: 'POST', headers: { ...bearer(READER), 'Content-Type': contentType }, body });
      console.log(`$batch of ${parts} parts (${(body.length / 1024).toFixed(0)} KB): ${response.status} in ${(performance.now() - start).toFixed(0)} ms`);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        'odata.error': {
          code: '-1, Microsoft.Data.OData.ODataException',
          message: { lang: 'en-US', value: "The current batch message contains too many parts. Only batch messages with a maximum number of '100' query operations and change sets are allowed." },
        },
      });
    }
    const { body, contentType } = batchBody(MAX_BATCH_PARTS, false);
    expect((await fetch(api('$batch'), { method: 'POST', headers: { ...bearer(READER), 'Content-Type': contentType }, body })).status).toBe(200);
  });

  it('refuses a changeset of 1,001 writes before writing any', async () => {
    const before = itemCount();
    const { body, contentType } = batchBody(1001, true);
    const response = await fetch(api('$batch'), { method: 'POST', headers: { ...bearer(COORDINATOR), 'Content-Type': contentType }, body });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { 'odata.error': { message: { value: string } } })['odata.error'].message.value).toBe(
      "The current change set contains too many operations. Only change sets with a maximum number of '1000' operations are allowed.",
    );
    expect(itemCount()).toBe(before);
  });
});

describe('the request log', () => {
  it('keeps the last requests only, and cuts long paths', async () => {
    for (let i = 0; i < 130; i++) await fetch(api(`web?i=${i}&pad=${'p'.repeat(i === 129 ? 5000 : 1)}`), { headers: bearer(COORDINATOR) });
    expect(t.store.requests.length).toBeLessThanOrEqual(100);
    expect(t.store.requests.length).toBeGreaterThanOrEqual(50);
    const last = t.store.requests[t.store.requests.length - 1];
    expect(last.path.startsWith('/sites/pst/_api/web?i=129&pad=ppp')).toBe(true);
    expect(last.path.length).toBe(512);
  });
});

describe('dates that do not exist', () => {
  it('refuses 2025-02-31, 2025-02-29, month 13 and 24:00 as SharePoint does, and keeps the item as it was', async () => {
    const before = t.store.db.getItem(actionsListId, actionId)!;
    for (const value of ['2025-02-31', '2025-02-31T00:00:00Z', '2025-02-29T12:00:00Z', '2025-13-01', '2025-04-31', '2025-06-01T24:00:00Z', '2025-06-01T10:60:00Z']) {
      const error = await sharePointErrorOf(t.sp(COORDINATOR).web.lists.getById(actionsListId).items.getById(actionId).update({ PstPlannedEnd: value }));
      expect({ value, ...error }).toEqual({
        value,
        status: 400,
        code: '-1, Microsoft.SharePoint.Client.InvalidClientQueryException',
        message: "Cannot convert a primitive value to the expected type 'Edm.DateTime'. See the inner exception for more details.",
      });
    }
    expect(t.store.db.getItem(actionsListId, actionId)).toEqual(before);
    await t.sp(COORDINATOR).web.lists.getById(actionsListId).items.getById(actionId).update({ PstPlannedEnd: '2024-02-29' });
    expect(t.store.db.getItem(actionsListId, actionId)!.values.PstPlannedEnd).toBe('2024-02-28T23:00:00Z');
  });
});

describe('ensureuser and siteusers.add', () => {
  it('refuses a lead, a committee member and a reader adding an outside address; nobody is created', async () => {
    for (const email of [LEAD, COMMITTEE, READER]) {
      expect({ email, ...(await sharePointErrorOf(t.sp(email).web.ensureUser(OUTSIDER))) }).toEqual({ email, ...DENIED });
      expect({ email, ...(await sharePointErrorOf(t.sp(email).web.siteUsers.add(`i:0#.f|membership|${OUTSIDER}`))) }).toEqual({ email, ...DENIED });
    }
    expect(t.store.db.getUserByEmail(OUTSIDER)).toBeUndefined();
  });

  it('lets anyone who reads the site resolve a user already there, and a site owner add one', async () => {
    const known = (await t.sp(LEAD).web.ensureUser(COMMITTEE)) as { Email: string };
    expect(known.Email).toBe(COMMITTEE);
    const added = (await t.sp(COORDINATOR).web.ensureUser(OUTSIDER)) as { Email: string };
    expect(added.Email).toBe(OUTSIDER);
  });
});
