import * as React from 'react';
import { MessageBar, MessageBarType } from '@fluentui/react';
import type { ActionDetails } from '../../../data/actionDetails';
import { ConflictNotice } from './ConflictNotice';
import type { ConflictRow } from './saveModel';
import type { ConflictSave } from './useConflictSave';

export interface SaveFeedbackProps {
  readonly saving: ConflictSave;
  /** What the user typed next to the stored version, for the fields this form edits. */
  readonly conflictRows: (stored: ActionDetails['action']) => readonly ConflictRow[];
  /** Saves again over the stored version, keeping what was typed. */
  readonly onKeepMine: (stored: ActionDetails) => void;
}

/** What a form shows after a save that did not go through: the collision to resolve, or why it failed. */
export function SaveFeedback({ saving, conflictRows, onKeepMine }: SaveFeedbackProps): JSX.Element {
  const { conflict } = saving;
  return (
    <>
      {conflict && (
        <ConflictNotice
          message={saving.conflictMessage ?? ''}
          rows={conflictRows(conflict.action)}
          busy={saving.busy}
          onKeepMine={() => onKeepMine(conflict)}
          onTakeTheirs={saving.takeTheirs}
        />
      )}
      {saving.saveError && (
        <MessageBar messageBarType={MessageBarType.error} isMultiline>
          {saving.saveError}
        </MessageBar>
      )}
    </>
  );
}
