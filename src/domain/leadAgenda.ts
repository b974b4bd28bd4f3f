/**
 * A project lead's start: their open actions that need something, most urgent first, and
 * what to do about them.
 *
 * Rules
 * - The lead's actions: those whose project lead is `me` (see `isSamePerson`); done and
 *   cancelled ones are left out.
 * - Urgency, at `today` (lateness.ts): overdue first (most days late first), then due soon
 *   (fewest days left first), then without a recent check-in (never checked in first, then
 *   longest without one). An action that is overdue and stale counts as overdue.
 * - Ties: by code, then title. Open actions with none of those are counted as up to date.
 */
import type { Action, IsoDate, Person } from './model';
import { classifyLateness, LatenessThresholds } from './lateness';
import { isSamePerson } from './filter/people';
import { compareCodes } from './tree';

export type AgendaReason = 'overdue' | 'dueSoon' | 'stale';

export interface AgendaItem {
  readonly action: Action;
  readonly reason: AgendaReason;
  readonly dueDate: IsoDate | null;
  /** Set when overdue. */
  readonly daysLate: number | null;
  /** Set when due soon. */
  readonly daysLeft: number | null;
  /** Days since the last check-in; null when never checked in. */
  readonly daysSinceCheckIn: number | null;
}

export interface LeadAgenda {
  /** Most urgent first. */
  readonly items: AgendaItem[];
  readonly overdue: number;
  readonly dueSoon: number;
  readonly stale: number;
  /** Open actions of the lead with nothing to do. */
  readonly upToDate: number;
}

const RANK: { readonly [R in AgendaReason]: number } = { overdue: 0, dueSoon: 1, stale: 2 };

/** `me` leads at least one action of the list. */
export function leadsAnAction(actions: readonly Action[], me: Person | null | undefined): boolean {
  return !!me && actions.some((action) => isSamePerson(action.projectLead, me));
}

function urgency(item: AgendaItem): number {
  if (item.reason === 'overdue') return -(item.daysLate ?? 0);
  if (item.reason === 'dueSoon') return item.daysLeft ?? 0;
  return item.daysSinceCheckIn === null ? -Infinity : -item.daysSinceCheckIn;
}

export function leadAgenda(
  actions: readonly Action[],
  me: Person | null | undefined,
  today: IsoDate,
  thresholds: Partial<LatenessThresholds> = {},
): LeadAgenda {
  const items: AgendaItem[] = [];
  let upToDate = 0;
  for (const action of actions) {
    if (!me || !isSamePerson(action.projectLead, me)) continue;
    const lateness = classifyLateness(action, today, thresholds);
    const { flags } = lateness;
    if (flags.done || flags.cancelled) continue;
    const reason: AgendaReason | null = flags.overdue ? 'overdue' : flags.dueSoon ? 'dueSoon' : flags.stale ? 'stale' : null;
    if (reason === null) {
      upToDate += 1;
      continue;
    }
    items.push({
      action,
      reason,
      dueDate: lateness.dueDate,
      daysLate: lateness.daysLate,
      daysLeft: lateness.daysLeft,
      daysSinceCheckIn: lateness.daysSinceCheckIn,
    });
  }
  items.sort(
    (a, b) =>
      RANK[a.reason] - RANK[b.reason] ||
      urgency(a) - urgency(b) ||
      compareCodes(a.action.code, b.action.code) ||
      a.action.title.localeCompare(b.action.title, 'fr'),
  );
  const count = (reason: AgendaReason) => items.filter((i) => i.reason === reason).length;
  return { items, overdue: count('overdue'), dueSoon: count('dueSoon'), stale: count('stale'), upToDate };
}
