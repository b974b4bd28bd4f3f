/**
 * How every PnPjs request of the solution is sent: SharePoint's throttling answers (429 Too
 * Many Requests, 503 Server Too Busy) are asked again after the `Retry-After` SharePoint
 * gives (seconds or an HTTP date), else after a doubling delay; both capped, and a bounded
 * number of times. PnPjs's own `BrowserFetchWithRetry` does this for `fetch` only: the web
 * parts send through SPFx's `SPHttpClient`, which does not retry, so the retry lives here,
 * around whatever sends (the framework's client, the browser's or Node's fetch).
 */
import { delay, TimelinePipe } from '@pnp/core';
import type { Queryable } from '@pnp/queryable';

/** Sends one request; `fetch` has this shape, and SPHttpClient.fetch once wrapped. */
export type SendRequest = (url: string, init: RequestInit) => Promise<Response>;

export interface RetryPolicy {
  /** Tries after the first (default 4). */
  readonly retries: number;
  /** First delay without Retry-After, doubled at each try (default 500 ms). */
  readonly firstDelayMs: number;
  /** No wait is longer, whatever Retry-After says (default 30 s). */
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { retries: 4, firstDelayMs: 500, maxDelayMs: 30_000 };

const RETRIED_STATUSES = new Set([429, 503]);

/**
 * The wait before try `attempt` (1 for the first retry): SharePoint's `Retry-After` when it
 * gives one (delta-seconds, or an HTTP date from `now`), else the doubling delay; never
 * more than `maxDelayMs`, never negative.
 */
export function retryDelayMs(retryAfter: string | null, attempt: number, policy: RetryPolicy = DEFAULT_RETRY_POLICY, now: number = Date.now()): number {
  const backoff = policy.firstDelayMs * 2 ** (attempt - 1);
  let wait = backoff;
  const header = retryAfter?.trim() ?? '';
  if (/^\d+$/.test(header)) wait = Number(header) * 1000;
  else if (header !== '' && !isNaN(Date.parse(header))) wait = Date.parse(header) - now;
  return Math.min(Math.max(wait, 0), policy.maxDelayMs);
}

/**
 * `send`, asked again while SharePoint answers 429 or 503, at most `policy.retries` times;
 * the last answer is returned as it is (PnPjs's parser then raises the French error). A
 * request the caller aborted is never retried.
 */
export function sendWithRetry(send: SendRequest, policy: RetryPolicy = DEFAULT_RETRY_POLICY, wait: (ms: number) => Promise<void> = delay): SendRequest {
  return async (url, init) => {
    for (let attempt = 1; ; attempt++) {
      const response = await send(url, init);
      if (!RETRIED_STATUSES.has(response.status) || attempt > policy.retries || init.signal?.aborted) return response;
      await wait(retryDelayMs(response.headers.get('Retry-After'), attempt, policy));
    }
  };
}

/** The PnPjs behaviour: requests of this queryable go through `send`, with the retry above. */
export function ThrottledSend(send: SendRequest, policy: Partial<RetryPolicy> = {}): TimelinePipe<Queryable> {
  const retrying = sendWithRetry(send, { ...DEFAULT_RETRY_POLICY, ...policy });
  return (instance: Queryable) => {
    instance.on.send.replace(async (url: URL, init: RequestInit) => retrying(url.toString(), init));
    return instance;
  };
}
