import * as React from 'react';
import type { ActionDetails } from '../../../data/actionDetails';
import { useMounted } from '../../ui/useMounted';
import { conflictAuthor, conflictMessage, conflictOf, saveErrorMessage } from './saveModel';

export interface ConflictSaveOptions {
  /** The version the form was opened on: the other version's author is found against it. */
  readonly details: ActionDetails;
  /** « Reprendre la version enregistrée »: the form starts again from the stored version… */
  readonly onTakeTheirs: (stored: ActionDetails) => void;
  /** …and the panel shows that version. */
  readonly onReplaceDetails: (stored: ActionDetails) => void;
}

/** One save, as the form does it: `P` is what is written (the changes, the check-in), `R` what the write returns. */
export interface SaveSteps<P, R> {
  /** Reads the form: what to write, or null to stop there (errors shown, focus moved, nothing to save…). */
  readonly prepare: () => P | null;
  /** Writes on `on` with its ETag; the repository throws ConflictError if that is no longer the stored version. */
  readonly write: (payload: P, on: ActionDetails) => Promise<R>;
  /** The write went through (and the form is still there). */
  readonly onWritten: (result: R, payload: P, on: ActionDetails) => void;
}

export interface ConflictSave {
  readonly busy: boolean;
  /** The sentence of a failed save (other than a conflict); what was typed is kept. */
  readonly saveError: string | null;
  /** The version someone else stored meanwhile, while the user chooses what to keep. */
  readonly conflict: ActionDetails | null;
  /** « Cette action a été modifiée par … » when there is a conflict. */
  readonly conflictMessage: string | null;
  /** Saves on `on`: the version shown, or the stored one to keep what was typed over it. */
  readonly run: <P, R>(on: ActionDetails, steps: SaveSteps<P, R>) => Promise<void>;
  readonly takeTheirs: () => void;
}

/**
 * Saving with the ETag of the version shown. When someone else saved meanwhile, the form
 * keeps what was typed, shows the stored version next to it (ConflictNotice) and the user
 * saves over it or takes it; any other failure becomes a sentence. A save that ends after
 * the form is gone changes nothing.
 */
export function useConflictSave({ details, onTakeTheirs, onReplaceDetails }: ConflictSaveOptions): ConflictSave {
  const mounted = useMounted();
  const [busy, setBusy] = React.useState(false);
  const [saveError, setSaveError] = React.useState<string | null>(null);
  const [conflict, setConflict] = React.useState<ActionDetails | null>(null);

  const run = async <P, R>(on: ActionDetails, { prepare, write, onWritten }: SaveSteps<P, R>): Promise<void> => {
    setSaveError(null);
    const payload = prepare();
    if (payload === null) return;
    setBusy(true);
    try {
      const result = await write(payload, on);
      if (!mounted.current) return;
      setConflict(null);
      onWritten(result, payload, on);
    } catch (error) {
      if (!mounted.current) return;
      const current = conflictOf(error);
      if (current) setConflict(current);
      else setSaveError(saveErrorMessage(error));
    } finally {
      if (mounted.current) setBusy(false);
    }
  };

  const takeTheirs = (): void => {
    if (!conflict) return;
    onTakeTheirs(conflict);
    setSaveError(null);
    setConflict(null);
    onReplaceDetails(conflict);
  };

  return {
    busy,
    saveError,
    conflict,
    conflictMessage: conflict ? conflictMessage(conflictAuthor(conflict, details)) : null,
    run,
    takeTheirs,
  };
}
