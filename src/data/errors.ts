/**
 * The failures of the data layer, by kind. What PnPjs or fetch throws (an HTTP status, a
 * network failure…) is translated here, once, by `PstError.from`; the components tell the
 * kinds apart with `instanceof` and never read HTTP status codes.
 */
import type { ActionDetails } from './actionDetails';
import type { Person } from '../domain/model';
import type { StructureItem } from '../domain/structure';
import type { StoredAssessments } from './evaluationAssessments';

export type PstErrorKind = 'conflict' | 'forbidden' | 'notFound' | 'invalidRequest' | 'busy' | 'network' | 'unexpected';

/** What a translated error keeps of the original one. */
export interface ErrorDetails {
  /** What happened, with the HTTP status when there was one (« 500 Internal Server Error »); by default the message. */
  readonly detail?: string;
  /** What was thrown underneath (PnPjs' HTTP error, fetch's TypeError…). */
  readonly original?: unknown;
}

/** A failure of the data layer, of one kind. */
export class PstError extends Error {
  readonly detail: string;
  readonly original: unknown;

  constructor(
    readonly kind: PstErrorKind,
    message: string,
    details: ErrorDetails = {},
  ) {
    super(message);
    this.name = 'PstError';
    this.detail = details.detail ?? message;
    this.original = details.original;
  }

  /** What was thrown, as the error of its kind (an error already translated is returned as is). */
  static from(error: unknown): PstError {
    return translateError(error);
  }
}

/**
 * Someone else saved the action after it was loaded. Carries the version now stored,
 * so that the UI can show it next to what the user typed; nothing was written.
 */
export class ConflictError extends PstError {
  constructor(readonly current: ActionDetails) {
    super('conflict', "Cette action a été modifiée par quelqu'un d'autre entre-temps.");
    this.name = 'ConflictError';
  }
}

/**
 * Someone else changed an item of the structure (an OS, an OO, an action…) after it was
 * shown: nothing was written; carries the version stored now, who saved it and when, so
 * that the dialog shows it next to what the user typed.
 */
export class StructureConflictError extends PstError {
  constructor(
    readonly current: StructureItem,
    readonly modifiedBy: Person | null,
    readonly modified: string | null,
  ) {
    super('conflict', "Cet élément a été modifié par quelqu'un d'autre entre-temps.");
    this.name = 'StructureConflictError';
  }
}

/**
 * Another coordinator saved the assessments of this evaluation after they were loaded:
 * nothing was written; carries the version stored now, shown next to what the user typed.
 */
export class AssessmentsConflictError extends PstError {
  constructor(readonly current: StoredAssessments) {
    super('conflict', "Ces appréciations ont été modifiées par quelqu'un d'autre entre-temps.");
    this.name = 'AssessmentsConflictError';
  }
}

/** Not signed in, or not allowed (HTTP 401, 403). */
export class ForbiddenError extends PstError {
  constructor(message: string, details?: ErrorDetails) {
    super('forbidden', message, details);
    this.name = 'ForbiddenError';
  }
}

/** The item or list is not (or no longer) there (HTTP 404). */
export class NotFoundError extends PstError {
  constructor(message: string, details?: ErrorDetails) {
    super('notFound', message, details);
    this.name = 'NotFoundError';
  }
}

/** The request was refused as malformed, e.g. it names a column the list lacks (HTTP 400). */
export class InvalidRequestError extends PstError {
  constructor(message: string, details?: ErrorDetails) {
    super('invalidRequest', message, details);
    this.name = 'InvalidRequestError';
  }
}

/** SharePoint is throttling or momentarily unavailable (HTTP 429, 503): try again later. */
export class BusyError extends PstError {
  constructor(message: string, details?: ErrorDetails) {
    super('busy', message, details);
    this.name = 'BusyError';
  }
}

/** The server could not be reached (offline, DNS, timeout, aborted request). */
export class NetworkError extends PstError {
  constructor(message: string, details?: ErrorDetails) {
    super('network', message, details);
    this.name = 'NetworkError';
  }
}

/** Any other failure (an HTTP status not named above, an exception of the code…). */
export class UnexpectedError extends PstError {
  constructor(message: string, details?: ErrorDetails) {
    super('unexpected', message, details);
    this.name = 'UnexpectedError';
  }
}

// ---------------------------------------------------------------- translation

/** The HTTP status of what PnPjs (or the local store) threw, if it carries one. */
export function httpStatusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

export function isNotFound(error: unknown): boolean {
  return httpStatusOf(error) === 404;
}

function isNetworkFailure(error: unknown): boolean {
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return true;
  if (error instanceof TypeError) return true;
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'AbortError' || name === 'TimeoutError' || name === 'NetworkError') return true;
  const message = error instanceof Error ? error.message : String(error);
  return /failed to fetch|network|networkerror|load failed|ECONNRE|ETIMEDOUT|ENOTFOUND|offline/i.test(message);
}

/** Duck-typed so that a ConflictError from another bundle of the same class still counts. */
function storedVersionOf(error: unknown): ActionDetails | null {
  if (error && typeof error === 'object' && (error as { name?: unknown }).name === 'ConflictError') {
    const current = (error as { current?: ActionDetails }).current;
    if (current && current.action) return current;
  }
  return null;
}

function translateError(error: unknown): PstError {
  if (error instanceof PstError && !(error instanceof ConflictError)) return error;
  const stored = storedVersionOf(error);
  if (stored) return error instanceof ConflictError ? error : new ConflictError(stored);
  const status = httpStatusOf(error);
  const message = error instanceof Error ? error.message : String(error);
  const details: ErrorDetails = { detail: status !== undefined ? `${status} ${message}`.trim() : message, original: error };
  if (status === 401 || status === 403) return new ForbiddenError(message, details);
  if (status === 404) return new NotFoundError(message, details);
  if (status === 400) return new InvalidRequestError(message, details);
  if (status === 429 || status === 503) return new BusyError(message, details);
  if (status === undefined && isNetworkFailure(error)) return new NetworkError(message, details);
  return new UnexpectedError(message, details);
}
