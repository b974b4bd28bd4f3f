/**
 * Which reminders are due on a run date, grouped into one digest per person.
 *
 * - A lead gets ONE digest listing their actions that are due soon, overdue, or without
 *   a check-in for too long. Done and cancelled actions never appear.
 * - Never the same reminder twice: each reminder has a key that names what it is about
 *   (action, kind, and the deadline or last check-in it refers to). Keys already in the
 *   ledger are left out; a new deadline or a new check-in makes a new key.
 * - A digest with nothing in it is not produced at all.
 * - The steering committee gets a weekly digest (late, blocked, done in the last 7 days),
 *   keyed by ISO week so that a second run in the same week sends nothing.
 */
import type { Action, CheckIn, IsoDate, Person } from './model';
import { addDays, daysBetween, parseIsoDate } from './model';
import { classifyLateness, LatenessThresholds, DEFAULT_LATENESS_THRESHOLDS } from './lateness';
import { isBlocked } from './rollup';

export type ReminderKind = 'dueSoon' | 'overdue' | 'stale';

export interface ReminderItem {
  readonly kind: ReminderKind;
  readonly action: Action;
  /** Days left (dueSoon), days late (overdue) or days without check-in (stale). */
  readonly days: number;
  readonly dueDate: IsoDate | null;
  readonly lastCheckInDate: IsoDate | null;
  readonly key: string;
}

export interface LeadDigest {
  readonly recipient: Person & { email: string };
  readonly items: ReminderItem[];
  /** The keys to record once the digest is sent. */
  readonly keys: string[];
}

export interface CommitteeDigest {
  readonly key: string;
  readonly weekStart: IsoDate;
  readonly late: ReminderItem[];
  readonly blocked: Action[];
  readonly doneThisWeek: Action[];
}

export interface ReminderThresholds extends LatenessThresholds {
  /** Overdue actions are reminded again every N days (0 = only once per deadline). */
  readonly overdueRepeatDays: number;
}

export const DEFAULT_REMINDER_THRESHOLDS: ReminderThresholds = { ...DEFAULT_LATENESS_THRESHOLDS, overdueRepeatDays: 0 };

/** The reminder key: same action, kind and reference date → same reminder. */
export function reminderKey(kind: ReminderKind, actionId: number, reference: string): string {
  return `${kind}:${actionId}:${reference}`;
}

/** Monday of the ISO week of `date`. */
export function weekStart(date: IsoDate): IsoDate {
  const parts = parseIsoDate(date);
  if (!parts) throw new RangeError(`weekStart: ${date}`);
  // 1970-01-05 was a Monday.
  const dayOfWeek = ((daysBetween('1970-01-05', date) % 7) + 7) % 7;
  return addDays(date, -dayOfWeek);
}

function itemsFor(action: Action, today: IsoDate, thresholds: ReminderThresholds): ReminderItem[] {
  const lateness = classifyLateness(action, today, thresholds);
  if (lateness.flags.done || lateness.flags.cancelled) return [];
  const base = { action, dueDate: lateness.dueDate, lastCheckInDate: action.lastCheckInDate ?? null };
  const items: ReminderItem[] = [];
  if (lateness.flags.overdue && lateness.daysLate !== null && lateness.dueDate) {
    // Reminded on the first day late, then every overdueRepeatDays: the period number is the reference.
    const period = thresholds.overdueRepeatDays > 0 ? Math.floor((lateness.daysLate - 1) / thresholds.overdueRepeatDays) : 0;
    items.push({ ...base, kind: 'overdue', days: lateness.daysLate, key: reminderKey('overdue', action.id, `${lateness.dueDate}#${period}`) });
  } else if (lateness.flags.dueSoon && lateness.daysLeft !== null && lateness.dueDate) {
    items.push({ ...base, kind: 'dueSoon', days: lateness.daysLeft, key: reminderKey('dueSoon', action.id, lateness.dueDate) });
  }
  if (lateness.flags.stale) {
    const days = lateness.daysSinceCheckIn ?? (action.plannedStart ? daysBetween(action.plannedStart.start, today) : 0);
    items.push({ ...base, kind: 'stale', days, key: reminderKey('stale', action.id, action.lastCheckInDate ?? 'jamais') });
  }
  return items;
}

/** The lead digests of a run: only reminders not yet in `sentKeys`, only people with an e-mail. */
export function leadDigests(
  actions: readonly Action[],
  today: IsoDate,
  sentKeys: ReadonlySet<string>,
  thresholds: ReminderThresholds = DEFAULT_REMINDER_THRESHOLDS,
): { digests: LeadDigest[]; withoutEmail: Action[] } {
  const byRecipient = new Map<string, { recipient: Person & { email: string }; items: ReminderItem[] }>();
  const withoutEmail: Action[] = [];
  for (const action of actions) {
    const items = itemsFor(action, today, thresholds).filter((item) => !sentKeys.has(item.key));
    if (items.length === 0) continue;
    const email = action.projectLead?.email?.trim().toLowerCase();
    if (!email) {
      withoutEmail.push(action);
      continue;
    }
    const entry = byRecipient.get(email) ?? { recipient: { ...action.projectLead!, email }, items: [] };
    entry.items.push(...items);
    byRecipient.set(email, entry);
  }
  const order: Record<ReminderKind, number> = { overdue: 0, dueSoon: 1, stale: 2 };
  const digests = Array.from(byRecipient.values())
    .map(({ recipient, items }) => {
      const sorted = items.sort((a, b) => order[a.kind] - order[b.kind] || b.days - a.days);
      return { recipient, items: sorted, keys: sorted.map((i) => i.key) };
    })
    .sort((a, b) => a.recipient.email.localeCompare(b.recipient.email));
  return { digests, withoutEmail };
}

/** The steering committee's weekly digest, or null when already sent this week or when there is nothing to say. */
export function committeeDigest(
  actions: readonly Action[],
  today: IsoDate,
  sentKeys: ReadonlySet<string>,
  thresholds: ReminderThresholds = DEFAULT_REMINDER_THRESHOLDS,
): CommitteeDigest | null {
  const monday = weekStart(today);
  const key = `committee:${monday}`;
  if (sentKeys.has(key)) return null;
  const late: ReminderItem[] = [];
  const blocked: Action[] = [];
  const doneThisWeek: Action[] = [];
  const since = addDays(today, -7);
  for (const action of actions) {
    const lateness = classifyLateness(action, today, thresholds);
    if (lateness.flags.overdue && lateness.daysLate !== null) {
      late.push({ kind: 'overdue', action, days: lateness.daysLate, dueDate: lateness.dueDate, lastCheckInDate: action.lastCheckInDate ?? null, key: '' });
    }
    if (!lateness.flags.done && !lateness.flags.cancelled && isBlocked(action)) blocked.push(action);
    if (lateness.flags.done && action.lastCheckInDate && action.lastCheckInDate > since) doneThisWeek.push(action);
  }
  late.sort((a, b) => b.days - a.days);
  if (late.length + blocked.length + doneThisWeek.length === 0) return null;
  return { key, weekStart: monday, late, blocked, doneThisWeek };
}

/** Why an action is blocked, as its lead last wrote it. */
export interface BlockedReason {
  readonly comment: string;
  readonly date: IsoDate;
}

/** The newest check-in that says something (a check-in without comment gives no reason). */
export function blockedReason(checkIns: readonly CheckIn[]): BlockedReason | null {
  let best: CheckIn | null = null;
  for (const checkIn of checkIns) {
    if (!checkIn.comment || checkIn.comment.trim() === '') continue;
    if (!best || checkIn.date > best.date || (checkIn.date === best.date && checkIn.id > best.id)) best = checkIn;
  }
  return best ? { comment: best.comment!.trim(), date: best.date } : null;
}

// ---------------------------------------------------------------- ledger

/** What a reminder run records of each message, so that it is never sent twice. */
export interface LedgerEntry {
  readonly key: string;
  readonly recipient: string;
  readonly kind: 'dueSoon' | 'overdue' | 'stale' | 'committee';
  readonly runDate: IsoDate;
  readonly messageId: string;
}

export interface ReminderLedger {
  /** Keys already sent (recent enough to matter). */
  sentKeys(today: IsoDate): Promise<Set<string>>;
  record(entries: readonly LedgerEntry[]): Promise<void>;
}
