/**
 * A document that cannot be imported, with a message in French for the person who
 * gave it (what is wrong, what to do). Nothing is written when one is thrown.
 */
export type ImportErrorCode =
  | 'empty'
  | 'tooLarge'
  | 'image'
  | 'unsupportedFormat'
  | 'unreadable'
  | 'encrypted'
  | 'noText'
  | 'notAPst'
  | 'wrongColumns';

export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ImportError';
  }
}

export function isImportError(error: unknown): error is ImportError {
  return error instanceof ImportError;
}
