/**
 * Throttling on demand. SharePoint Online answers an over-eager client with 429 Too Many
 * Requests or 503 Server Too Busy and a `Retry-After` header in seconds
 * (https://learn.microsoft.com/en-us/sharepoint/dev/general-development/how-to-avoid-getting-throttled-or-blocked-in-sharepoint-online).
 * The store does the same for a chosen share of `/_api` requests, decided by a seeded
 * generator so that a test fails the same requests every run, and BEFORE anything is read
 * or written: a client that retries never applies a write twice.
 */
import type { ApiResponse } from './apiTypes';

export interface FaultOptions {
  /** Share of `/_api` requests answered 429 (0…1). */
  readonly rate429?: number;
  /** Share of `/_api` requests answered 503 (0…1). */
  readonly rate503?: number;
  /** `Retry-After` header value, in seconds (default 1). */
  readonly retryAfterSeconds?: number;
  /** Seed of the deterministic generator deciding which requests fail. */
  readonly seed?: number;
}

/** mulberry32: small, fast, good enough to spread faults evenly. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultInjector {
  private options: FaultOptions = {};
  private next: () => number = generator(1);

  constructor(options?: FaultOptions) {
    this.set(options ?? {});
  }

  set(options: FaultOptions): void {
    this.options = { ...options };
    this.next = generator(options.seed ?? 0x5eed);
  }

  /** The fault response for this request, or undefined to serve it. */
  decide(): ApiResponse | undefined {
    const rate429 = this.options.rate429 ?? 0;
    const rate503 = this.options.rate503 ?? 0;
    if (rate429 <= 0 && rate503 <= 0) return undefined;
    const draw = this.next();
    const retryAfter = String(this.options.retryAfterSeconds ?? 1);
    if (draw < rate429) {
      return {
        status: 429,
        headers: { 'Retry-After': retryAfter, 'Content-Type': 'application/json;odata=minimalmetadata;charset=utf-8' },
        // Store's wording: SharePoint's throttling page documents the status and Retry-After, not a body.
        body: JSON.stringify({
          'odata.error': { code: '-2147024860, Microsoft.SharePoint.SPRequestThrottledException', message: { lang: 'en-US', value: 'The request has been throttled. Retry after the number of seconds in Retry-After.' } },
        }),
      };
    }
    if (draw < rate429 + rate503) {
      return { status: 503, headers: { 'Retry-After': retryAfter, 'Content-Type': 'text/plain; charset=utf-8' }, body: 'Server Too Busy' };
    }
    return undefined;
  }
}
