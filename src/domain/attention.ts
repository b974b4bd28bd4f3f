/**
 * Why an action needs the steering committee's attention, read from its check-ins: the
 * reason is the comment of its latest check-in that has one; "since" is the day of the
 * first check-in of the latest unbroken run of check-ins in that state (blocked: status
 * PROBLEME or health `blocage`; at risk: health `risque`, or blocked). When the latest
 * check-in is not in that state (the state was set on the sheet), "since" is unknown.
 */
import type { CheckIn, IsoDate } from './model';

export type AttentionKind = 'blocked' | 'atRisk';

export interface AttentionHistory {
  readonly reason: string | null;
  /** The day of that comment. */
  readonly reasonDate: IsoDate | null;
  readonly since: IsoDate | null;
}

type CheckInFacts = Pick<CheckIn, 'date' | 'status' | 'health' | 'comment'>;

const IN_STATE: { readonly [K in AttentionKind]: (c: CheckInFacts) => boolean } = {
  blocked: (c) => c.status === 'PROBLEME' || c.health === 'blocage',
  atRisk: (c) => c.health === 'risque' || IN_STATE.blocked(c),
};

export function attentionHistory(checkIns: readonly CheckInFacts[], kind: AttentionKind): AttentionHistory {
  const newestFirst = checkIns.slice().sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  const withComment = newestFirst.find((c) => (c.comment ?? '').trim() !== '');
  let since: IsoDate | null = null;
  for (const checkIn of newestFirst) {
    if (!IN_STATE[kind](checkIn)) break;
    since = checkIn.date;
  }
  return { reason: withComment ? (withComment.comment as string).trim() : null, reasonDate: withComment?.date ?? null, since };
}
