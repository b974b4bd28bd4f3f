import * as React from 'react';
import { DefaultButton, MessageBar, MessageBarType, PrimaryButton, Stack, TextField } from '@fluentui/react';
import * as strings from 'PstStrings';
import type { Action, Person } from '../../../domain/model';
import type { ActionMailFacts, MailService } from '../../../mail/mailService';
import { formatMessage } from '../../../text/format';

export interface UpdateRequestProps {
  readonly action: Action;
  readonly mail: MailService;
  /** Who asks (the signed-in coordinator): the mail goes out in their name. */
  readonly requester: Person;
  /** Where the action sits and the day, for the mail. */
  readonly facts: ActionMailFacts;
}

/** « Demander une mise à jour »: the coordinator mails the lead, with an optional message. */
export function UpdateRequest({ action, mail, requester, facts }: UpdateRequestProps): JSX.Element | null {
  const [open, setOpen] = React.useState(false);
  const [message, setMessage] = React.useState('');
  const [state, setState] = React.useState<{ kind: 'idle' | 'sending' } | { kind: 'sent'; to: string } | { kind: 'error'; message: string }>({ kind: 'idle' });
  const lead = action.projectLead;
  if (!lead) return null;
  if (!lead.email) return <MessageBar messageBarType={MessageBarType.info}>{formatMessage(strings.UpdateRequestNoEmail, lead.displayName)}</MessageBar>;

  const send = async (): Promise<void> => {
    setState({ kind: 'sending' });
    try {
      await mail.requestUpdate(action, lead, requester, message.trim() || null, facts);
      setState({ kind: 'sent', to: lead.displayName });
      setOpen(false);
      setMessage('');
    } catch (error) {
      // What was typed stays in the box.
      setState({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <Stack tokens={{ childrenGap: 8 }}>
      {state.kind === 'sent' && <MessageBar messageBarType={MessageBarType.success}>{formatMessage(strings.UpdateRequestSent, state.to)}</MessageBar>}
      {state.kind === 'error' && <MessageBar messageBarType={MessageBarType.error}>{formatMessage(strings.UpdateRequestFailed, state.message)}</MessageBar>}
      {!open ? (
        <DefaultButton iconProps={{ iconName: 'Mail' }} text={formatMessage(strings.UpdateRequestButton, lead.displayName)} onClick={() => setOpen(true)} />
      ) : (
        <Stack tokens={{ childrenGap: 8 }}>
          <TextField label={strings.UpdateRequestMessage} multiline rows={3} value={message} onChange={(_, v) => setMessage(v ?? '')} />
          <Stack horizontal tokens={{ childrenGap: 8 }}>
            <PrimaryButton text={strings.UpdateRequestSend} disabled={state.kind === 'sending'} onClick={() => void send()} />
            <DefaultButton text={strings.EditCancel} onClick={() => setOpen(false)} />
          </Stack>
        </Stack>
      )}
    </Stack>
  );
}
