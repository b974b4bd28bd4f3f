/**
 * What a save that failed tells the user: the comparison shown on a conflict, who made the
 * other version, and a sentence for any other failure (the form keeps what was typed).
 * The kinds of failure come from the data layer (`PstError.from`), never HTTP statuses.
 */
import * as strings from 'PstStrings';
import type { ActionDetails } from '../../../data/actionDetails';
import { BusyError, ConflictError, ForbiddenError, NetworkError, NotFoundError, PstError } from '../../../data/errors';
import type { Action, IsoDate, Person } from '../../../domain/model';
import { displayNameOf, isoDateOfLocalDay, isValidIsoDate } from '../../../domain/model';
import { formatDate } from '../../../domain/parsing';
import { formatMessage } from '../../../text/format';

// ---------------------------------------------------------------- conflicts

/** One field that differs: what the user typed, what is stored now. */
export interface ConflictRow {
  readonly label: string;
  readonly mine: string;
  readonly theirs: string;
}

/** Who changed the action, and when, if the repository says so. */
export interface ConflictAuthor {
  readonly name: string | null;
  readonly date: IsoDate | null;
}

type MaybeModified = { modifiedBy?: Person | string | null; modified?: string | null; editor?: Person | string | null };

function dayOf(value: string | null | undefined): IsoDate | null {
  if (!value) return null;
  if (isValidIsoDate(value)) return value;
  const parsed = new Date(value);
  return isNaN(parsed.getTime()) ? null : isoDateOfLocalDay(parsed);
}

/**
 * The author and day of the other version: from the item's "modified by / modified" when
 * the repository passes them (on the details or on the action), otherwise from the newest
 * check-in that the user had not seen.
 */
export function conflictAuthor(current: ActionDetails, seen: ActionDetails): ConflictAuthor {
  const onDetails = current as ActionDetails & MaybeModified;
  const onAction = current.action as Action & MaybeModified;
  const name = displayNameOf(onDetails.modifiedBy ?? onDetails.editor ?? onAction.modifiedBy ?? onAction.editor ?? null);
  const date = dayOf(onDetails.modified ?? onAction.modified ?? null);
  if (name) return { name, date };
  const seenIds = new Set(seen.checkIns.map((c) => c.id));
  const unseen = current.checkIns.filter((c) => !seenIds.has(c.id)).sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))[0];
  if (unseen && unseen.author) return { name: unseen.author.displayName, date: isValidIsoDate(unseen.date) ? unseen.date : null };
  return { name: null, date: date };
}

export function conflictMessage(author: ConflictAuthor): string {
  return author.name && author.date ? formatMessage(strings.ConflictBy, author.name, formatDate(author.date)) : strings.ConflictBySomeone;
}

/** The version now stored, when the save failed because someone else saved meanwhile. */
export function conflictOf(error: unknown): ActionDetails | null {
  const failure = PstError.from(error);
  return failure instanceof ConflictError ? failure.current : null;
}

// ---------------------------------------------------------------- failed saves

/** A French (or English) sentence for a failed save; the form keeps what was typed. */
export function saveErrorMessage(error: unknown): string {
  const failure = PstError.from(error);
  if (failure instanceof ForbiddenError) return strings.ErrorForbidden;
  if (failure instanceof NotFoundError) return strings.ErrorNotFound;
  if (failure instanceof BusyError) return strings.ErrorBusy;
  if (failure instanceof NetworkError) return strings.ErrorNetwork;
  return formatMessage(strings.ErrorSave, failure.detail);
}
