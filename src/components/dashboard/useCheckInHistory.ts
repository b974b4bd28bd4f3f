import * as React from 'react';
import type { CheckIn, IsoDate } from '../../domain/model';

/** Reads the check-ins of one action, newest first (the panel's read: filtered on the indexed action column). */
export type CheckInLoader = (actionId: number) => Promise<readonly CheckIn[]>;

export type HistoryState = { readonly kind: 'loading' } | { readonly kind: 'ready'; readonly checkIns: readonly CheckIn[] } | { readonly kind: 'failed' };

const PARALLEL = 3;

/**
 * The check-ins of the given actions, read a few at a time and kept while the action's
 * latest check-in date stays the same (a new check-in reads it again). Without a loader,
 * nothing is read and every action is 'failed' (the table says the reason is not known).
 */
export function useCheckInHistory(actions: readonly { id: number; lastCheckInDate: IsoDate | null }[], load: CheckInLoader | undefined): ReadonlyMap<number, HistoryState> {
  const cache = React.useRef(new Map<string, HistoryState>());
  const [, setVersion] = React.useState(0);
  const keyOf = (a: { id: number; lastCheckInDate: IsoDate | null }) => `${a.id}@${a.lastCheckInDate ?? ''}`;
  const wanted = actions.map(keyOf).join(',');

  React.useEffect(() => {
    if (!load) return undefined;
    let cancelled = false;
    const missing = actions.filter((a) => !cache.current.has(keyOf(a)));
    for (const a of missing) cache.current.set(keyOf(a), { kind: 'loading' });
    let next = 0;
    const worker = async (): Promise<void> => {
      while (!cancelled && next < missing.length) {
        const action = missing[next++];
        let state: HistoryState;
        try {
          state = { kind: 'ready', checkIns: await load(action.id) };
        } catch {
          state = { kind: 'failed' };
        }
        cache.current.set(keyOf(action), state);
        if (!cancelled) setVersion((v) => v + 1);
      }
    };
    for (let i = 0; i < Math.min(PARALLEL, missing.length); i++) void worker();
    return () => {
      cancelled = true;
      // what was not read yet is read again next time
      for (const a of missing) if (cache.current.get(keyOf(a))?.kind === 'loading') cache.current.delete(keyOf(a));
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [wanted, load]);

  const result = new Map<number, HistoryState>();
  for (const a of actions) result.set(a.id, load ? cache.current.get(keyOf(a)) ?? { kind: 'loading' } : { kind: 'failed' });
  return result;
}
