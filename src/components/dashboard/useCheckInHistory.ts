import * as React from 'react';
import type { CheckIn, IsoDate } from '../../domain/model';

/**
 * Reads the check-ins of several actions at once, newest first, by action id (the
 * repository's batched read). The page makes one per snapshot: what it read is kept with it.
 */
export type CheckInLoader = (actionIds: readonly number[]) => Promise<ReadonlyMap<number, readonly CheckIn[]>>;

export type HistoryState = { readonly kind: 'loading' } | { readonly kind: 'ready'; readonly checkIns: readonly CheckIn[] } | { readonly kind: 'failed' };

interface CacheEntry {
  state: HistoryState;
  /** While read: settles when `state` is known. */
  pending?: Promise<void>;
}

const LOADING: HistoryState = { kind: 'loading' };
const FAILED: HistoryState = { kind: 'failed' };

/**
 * What each loader read, by `id@lastCheckInDate`: kept as long as the loader (the page's
 * snapshot), whatever the filter and even when the table is unmounted and shown again.
 */
const caches = new WeakMap<CheckInLoader, Map<string, CacheEntry>>();

function cacheOf(load: CheckInLoader): Map<string, CacheEntry> {
  let cache = caches.get(load);
  if (!cache) caches.set(load, (cache = new Map()));
  return cache;
}

type Shown = { id: number; lastCheckInDate: IsoDate | null };
const keyOf = (a: Shown): string => `${a.id}@${a.lastCheckInDate ?? ''}`;

/**
 * The check-ins of the given actions: those not read yet for this loader in one batched
 * read after the render (a filter change never waits for it), kept while the action's
 * latest check-in date stays the same (a new check-in reads it again). Without a loader,
 * nothing is read and every action is 'failed' (the table says the reason is not known).
 */
export function useCheckInHistory(actions: readonly Shown[], load: CheckInLoader | undefined): ReadonlyMap<number, HistoryState> {
  const [, setVersion] = React.useState(0);
  const wanted = actions.map(keyOf).join(',');

  React.useEffect(() => {
    if (!load) return undefined;
    let mounted = true;
    const cache = cacheOf(load);
    const missing = actions.filter((a) => !cache.has(keyOf(a)));
    // Read by another table (or an earlier render) and not back yet: wait for it too.
    const waiting = actions.map((a) => cache.get(keyOf(a))?.pending).filter((p): p is Promise<void> => p !== undefined);
    if (missing.length > 0) {
      const read = Promise.resolve()
        .then(() => load(missing.map((a) => a.id)))
        .then(
          (found) => {
            for (const a of missing) cache.set(keyOf(a), { state: { kind: 'ready', checkIns: found.get(a.id) ?? [] } });
          },
          () => {
            for (const a of missing) cache.set(keyOf(a), { state: FAILED });
          },
        );
      for (const a of missing) cache.set(keyOf(a), { state: LOADING, pending: read });
      waiting.push(read);
    }
    if (waiting.length > 0) void Promise.all(waiting).then(() => mounted && setVersion((v) => v + 1));
    return () => {
      mounted = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [wanted, load]);

  const cache = load ? cacheOf(load) : undefined;
  const result = new Map<number, HistoryState>();
  for (const a of actions) result.set(a.id, cache ? cache.get(keyOf(a))?.state ?? LOADING : FAILED);
  return result;
}
