import { spfi, DefaultHeaders, DefaultInit } from '@pnp/sp';
import '@pnp/sp/webs';
import { DefaultParse } from '@pnp/queryable';
import { DEFAULT_RETRY_POLICY, retryDelayMs, sendWithRetry, SendRequest, ThrottledSend } from '../../src/data/throttledSend';

/** A fake SharePoint: answers the queued responses in order, records each call. */
function fakeSend(...answers: (() => Response)[]): SendRequest & { calls: string[] } {
  const calls: string[] = [];
  const send: SendRequest = async (url) => {
    calls.push(url);
    const next = answers.shift();
    if (!next) throw new Error('no more answers');
    return next();
  };
  return Object.assign(send, { calls });
}

const json = (body: unknown) => () => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
const throttled = (status: 429 | 503, retryAfter?: string) => () =>
  new Response(status === 429 ? 'Too Many Requests' : 'Server Too Busy', { status, headers: retryAfter === undefined ? {} : { 'Retry-After': retryAfter } });

describe('retryDelayMs', () => {
  it('takes Retry-After in seconds, as SharePoint sends it', () => {
    expect(retryDelayMs('7', 1)).toBe(7000);
  });

  it('takes Retry-After as an HTTP date', () => {
    const now = Date.parse('2026-12-02T10:00:00Z');
    expect(retryDelayMs('Wed, 02 Dec 2026 10:00:03 GMT', 1, DEFAULT_RETRY_POLICY, now)).toBe(3000);
  });

  it('doubles the delay without Retry-After, and caps every wait', () => {
    const policy = { retries: 6, firstDelayMs: 100, maxDelayMs: 1000 };
    expect([1, 2, 3, 4, 5].map((attempt) => retryDelayMs(null, attempt, policy))).toEqual([100, 200, 400, 800, 1000]);
    expect(retryDelayMs('3600', 1, policy)).toBe(1000);
    expect(retryDelayMs('garbage', 2, policy)).toBe(200);
  });
});

describe('sendWithRetry', () => {
  it('asks again after a 429 and returns the 200 that follows, having waited what Retry-After said', async () => {
    const send = fakeSend(throttled(429, '2'), json({ ok: 1 }));
    const waits: number[] = [];
    const response = await sendWithRetry(send, DEFAULT_RETRY_POLICY, async (ms) => void waits.push(ms))('https://cpas.sharepoint.com/_api/web', {});
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: 1 });
    expect(send.calls).toHaveLength(2);
    expect(waits).toEqual([2000]);
  });

  it('honours Retry-After on a 503 too', async () => {
    const send = fakeSend(throttled(503, '5'), throttled(503, '1'), json({}));
    const waits: number[] = [];
    const response = await sendWithRetry(send, DEFAULT_RETRY_POLICY, async (ms) => void waits.push(ms))('u', {});
    expect(response.status).toBe(200);
    expect(waits).toEqual([5000, 1000]);
  });

  it('gives up after the bounded number of retries and hands back the last answer', async () => {
    const send = fakeSend(throttled(429), throttled(429), throttled(429), json({}));
    const waits: number[] = [];
    const response = await sendWithRetry(send, { retries: 2, firstDelayMs: 10, maxDelayMs: 1000 }, async (ms) => void waits.push(ms))('u', {});
    expect(response.status).toBe(429);
    expect(send.calls).toHaveLength(3);
    expect(waits).toEqual([10, 20]);
  });

  it('does not retry other failures, nor a request the caller aborted', async () => {
    const notFound = fakeSend(() => new Response('', { status: 404 }));
    expect((await sendWithRetry(notFound, DEFAULT_RETRY_POLICY, async () => undefined)('u', {})).status).toBe(404);
    expect(notFound.calls).toHaveLength(1);
    const controller = new AbortController();
    controller.abort();
    const aborted = fakeSend(throttled(429, '1'), json({}));
    expect((await sendWithRetry(aborted, DEFAULT_RETRY_POLICY, async () => undefined)('u', { signal: controller.signal })).status).toBe(429);
    expect(aborted.calls).toHaveLength(1);
  });
});

describe('ThrottledSend as the PnPjs behaviour', () => {
  it('a PnPjs read through a throttled sender gets its data after the 429', async () => {
    const send = fakeSend(throttled(429, '0'), json({ Title: 'PST' }));
    const sp = spfi('https://cpas.sharepoint.com/sites/pst').using(DefaultHeaders(), DefaultInit(), ThrottledSend(send), DefaultParse());
    const web = await sp.web.select('Title')();
    expect(web).toEqual({ Title: 'PST' });
    expect(send.calls).toEqual(['https://cpas.sharepoint.com/sites/pst/_api/web?%24select=Title', 'https://cpas.sharepoint.com/sites/pst/_api/web?%24select=Title']);
  });
});
