/**
 * Where an action stands against its planned end on a given day.
 *
 * Rules (today is always a parameter; the planned end is the LAST day of its period:
 * an end written "2024" means 31/12/2024, "09/2024" means 30/09/2024):
 * - cancelled: status ANNULE_ABANDONNE.
 * - done: status TERMINE (even if it was finished after the deadline).
 * - overdue: not done, planned end before today; daysLate = days since the end (≥ 1).
 * - dueSoon: not done, planned end today or within `dueSoonDays`; daysLeft = days to go (0 = today).
 * - stale: not done, last check-in `staleDays` days ago or more, or no check-in ever while
 *   the planned start is before today.
 * - unscheduled: no planned end. onTrack: none of the above.
 * The primary state follows cancelled > done > overdue > dueSoon > stale > onTrack/unscheduled;
 * every flag that holds is reported too (an action can be overdue and stale).
 * An unknown status (null) is treated as "not done".
 */
import type { Action, CheckIn, IsoDate } from './model';
import { daysBetween, isValidIsoDate } from './model';

export interface LatenessThresholds {
  /** An end within this many days (inclusive) is "due soon". */
  dueSoonDays: number;
  /** No check-in for this many days (or more) is "stale". */
  staleDays: number;
}

export const DEFAULT_LATENESS_THRESHOLDS: Readonly<LatenessThresholds> = { dueSoonDays: 30, staleDays: 45 };

export type LatenessState = 'cancelled' | 'done' | 'overdue' | 'dueSoon' | 'stale' | 'onTrack' | 'unscheduled';

export interface LatenessFlags {
  cancelled: boolean;
  done: boolean;
  overdue: boolean;
  dueSoon: boolean;
  stale: boolean;
  unscheduled: boolean;
}

export interface Lateness {
  state: LatenessState;
  flags: LatenessFlags;
  /** Last day of the planned end, null when there is none. */
  dueDate: IsoDate | null;
  /** Set when overdue. */
  daysLate: number | null;
  /** Set when the end is today or later and the action is not done/cancelled. */
  daysLeft: number | null;
  /** Days since the last check-in, null when there was none. */
  daysSinceCheckIn: number | null;
  /** True when never checked in (whatever the state). */
  neverCheckedIn: boolean;
}

type LatenessInput = Pick<Action, 'status' | 'plannedStart' | 'plannedEnd'> & {
  lastCheckInDate?: IsoDate | null;
};

export function classifyLateness(
  action: LatenessInput,
  today: IsoDate,
  thresholds: Partial<LatenessThresholds> = {},
): Lateness {
  if (!isValidIsoDate(today)) throw new RangeError(`classifyLateness: today is not a YYYY-MM-DD day: ${today}`);
  const { dueSoonDays, staleDays } = { ...DEFAULT_LATENESS_THRESHOLDS, ...thresholds };

  const cancelled = action.status === 'ANNULE_ABANDONNE';
  const done = action.status === 'TERMINE';
  const active = !cancelled && !done;
  const dueDate = action.plannedEnd ? action.plannedEnd.end : null;
  const lastCheckIn = action.lastCheckInDate && isValidIsoDate(action.lastCheckInDate) ? action.lastCheckInDate : null;

  const daysToDue = dueDate ? daysBetween(today, dueDate) : null;
  const overdue = active && daysToDue !== null && daysToDue < 0;
  const dueSoon = active && daysToDue !== null && daysToDue >= 0 && daysToDue <= dueSoonDays;

  const daysSinceCheckIn = lastCheckIn ? daysBetween(lastCheckIn, today) : null;
  const startPassed = action.plannedStart ? daysBetween(action.plannedStart.start, today) > 0 : false;
  const stale =
    active && (daysSinceCheckIn !== null ? daysSinceCheckIn >= staleDays : startPassed);

  const flags: LatenessFlags = { cancelled, done, overdue, dueSoon, stale, unscheduled: dueDate === null };
  let state: LatenessState;
  if (cancelled) state = 'cancelled';
  else if (done) state = 'done';
  else if (overdue) state = 'overdue';
  else if (dueSoon) state = 'dueSoon';
  else if (stale) state = 'stale';
  else state = dueDate === null ? 'unscheduled' : 'onTrack';

  return {
    state,
    flags,
    dueDate,
    daysLate: overdue && daysToDue !== null ? -daysToDue : null,
    daysLeft: active && daysToDue !== null && daysToDue >= 0 ? daysToDue : null,
    daysSinceCheckIn,
    neverCheckedIn: lastCheckIn === null,
  };
}

/** Latest check-in date per action, to fill Action.lastCheckInDate from the check-in list. */
export function latestCheckInDates(checkIns: readonly Pick<CheckIn, 'actionId' | 'date'>[]): Map<number, IsoDate> {
  const latest = new Map<number, IsoDate>();
  for (const checkIn of checkIns) {
    if (!isValidIsoDate(checkIn.date)) continue;
    const known = latest.get(checkIn.actionId);
    if (known === undefined || checkIn.date > known) latest.set(checkIn.actionId, checkIn.date);
  }
  return latest;
}

/** The actions with lastCheckInDate taken from the check-ins when those are more recent. */
export function withLatestCheckIns<A extends Pick<Action, 'id'> & { lastCheckInDate?: IsoDate | null }>(
  actions: readonly A[],
  checkIns: readonly Pick<CheckIn, 'actionId' | 'date'>[],
): A[] {
  const latest = latestCheckInDates(checkIns);
  return actions.map((action) => {
    const fromCheckIns = latest.get(action.id);
    if (fromCheckIns === undefined) return action;
    if (action.lastCheckInDate && action.lastCheckInDate >= fromCheckIns) return action;
    return { ...action, lastCheckInDate: fromCheckIns };
  });
}
