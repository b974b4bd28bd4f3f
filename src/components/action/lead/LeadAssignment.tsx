import * as React from 'react';
import {
  Checkbox,
  DefaultButton,
  IPersonaProps,
  Label,
  MessageBar,
  MessageBarType,
  NormalPeoplePicker,
  PrimaryButton,
  Spinner,
  SpinnerSize,
  Stack,
} from '@fluentui/react';
import * as strings from 'PstStrings';
import type { PstRepository } from '../../../data/PstRepository';
import type { ActionDetails } from '../../../data/actionDetails';
import type { Person } from '../../../domain/model';
import type { ActionMailFacts, MailService } from '../../../mail/mailService';
import { formatMessage } from '../../../text/format';
import { useMounted } from '../../ui/useMounted';
import { conflictOf } from '../save/saveModel';

export interface LeadAssignmentProps {
  readonly details: ActionDetails;
  readonly repository: PstRepository;
  /** Absent where Graph is not available: the assignment is saved without a mail. */
  readonly mail?: MailService;
  /** The signed-in coordinator: the mail goes out in their name. */
  readonly me?: Person | null;
  /** Where the action sits and the day, for the mail. */
  readonly mailFacts: ActionMailFacts;
  /** The lead is saved: the details with the new lead and ETag, and what to tell the user. */
  readonly onAssigned: (details: ActionDetails, message: string) => void;
  /** Someone saved the action in between: the stored version replaces the one shown. */
  readonly onReplaceDetails: (details: ActionDetails) => void;
}

type Outcome = { kind: 'idle' } | { kind: 'saving' } | { kind: 'warning' | 'error'; message: string };

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));
const personaOf = (person: Person): IPersonaProps & { person: Person } => ({ key: person.email, text: person.displayName, secondaryText: person.email, person });
const sameEmail = (a: string | undefined, b: string | undefined): boolean => !!a && !!b && a.toLowerCase() === b.toLowerCase();

/**
 * The coordinator gives the action a project lead: a people picker (SharePoint's people
 * search), the assignment saved with the lead's rights on the action, and the assignment
 * mail sent as the coordinator (delegated Graph) when asked.
 */
export function LeadAssignment({ details, repository, mail, me, mailFacts, onAssigned, onReplaceDetails }: LeadAssignmentProps): JSX.Element {
  const mounted = useMounted();
  const [open, setOpen] = React.useState(false);
  const [picked, setPicked] = React.useState<(IPersonaProps & { person: Person })[]>([]);
  const [notify, setNotify] = React.useState(true);
  const [outcome, setOutcome] = React.useState<Outcome>({ kind: 'idle' });
  const current = details.action.projectLead;
  const canMail = !!mail && !!me;

  const suggest = async (text: string): Promise<IPersonaProps[]> => {
    try {
      return (await repository.searchPeople(text)).map(personaOf);
    } catch (error) {
      if (mounted.current) setOutcome({ kind: 'error', message: formatMessage(strings.LeadAssignFailed, errorText(error)) });
      return [];
    }
  };

  const assign = async (): Promise<void> => {
    const lead = picked[0]?.person;
    if (!lead) return;
    if (current && sameEmail(current.email, lead.email)) {
      setOutcome({ kind: 'error', message: formatMessage(strings.LeadAlready, lead.displayName) });
      return;
    }
    setOutcome({ kind: 'saving' });
    let next: ActionDetails;
    let permissionError: string | null;
    try {
      const result = await repository.assignLead(details.action.id, lead, details.etag);
      next = { ...details, action: { ...details.action, projectLead: result.lead }, etag: result.etag };
      permissionError = result.permissionError;
    } catch (error) {
      if (!mounted.current) return;
      const stored = conflictOf(error);
      if (stored) {
        onReplaceDetails(stored);
        setOutcome({ kind: 'error', message: strings.LeadConflict });
      } else setOutcome({ kind: 'error', message: formatMessage(strings.LeadAssignFailed, errorText(error)) });
      return;
    }
    const told: string[] = [formatMessage(strings.LeadAssigned, next.action.projectLead!.displayName)];
    let mailError: string | null = null;
    if (notify && canMail) {
      try {
        await mail!.sendAssignment(next.action, next.action.projectLead!, me!, mailFacts);
        told.push(strings.LeadMailSent);
      } catch (error) {
        mailError = formatMessage(strings.LeadMailFailed, errorText(error));
      }
    }
    if (!mounted.current) return;
    const problems = [permissionError ? formatMessage(strings.LeadPermissionFailed, next.action.projectLead!.displayName, permissionError) : null, mailError].filter(
      (p): p is string => !!p,
    );
    setOutcome(problems.length > 0 ? { kind: 'warning', message: problems.join(' ') } : { kind: 'idle' });
    setOpen(false);
    setPicked([]);
    onAssigned(next, told.join(' '));
  };

  const message =
    outcome.kind === 'warning' || outcome.kind === 'error' ? (
      <MessageBar messageBarType={outcome.kind === 'warning' ? MessageBarType.warning : MessageBarType.error} isMultiline role="alert">
        {outcome.message}
      </MessageBar>
    ) : null;

  if (!open) {
    return (
      <Stack tokens={{ childrenGap: 8 }}>
        {message}
        <Stack horizontal>
          <DefaultButton iconProps={{ iconName: 'People' }} text={current ? strings.LeadChange : strings.LeadChoose} onClick={() => setOpen(true)} />
        </Stack>
      </Stack>
    );
  }
  return (
    <Stack tokens={{ childrenGap: 8 }}>
      <Label htmlFor="pst-lead-picker">{strings.LeadPickerLabel}</Label>
      <NormalPeoplePicker
        onResolveSuggestions={(filter) => (filter.trim().length >= 2 ? suggest(filter) : [])}
        getTextFromItem={(persona) => persona.text ?? ''}
        selectedItems={picked}
        onChange={(items) => setPicked((items ?? []) as (IPersonaProps & { person: Person })[])}
        itemLimit={1}
        resolveDelay={300}
        pickerSuggestionsProps={{ noResultsFoundText: strings.LeadNoResults, suggestionsHeaderText: strings.LeadSuggestions, loadingText: strings.Loading }}
        inputProps={{ id: 'pst-lead-picker', placeholder: strings.LeadPickerPlaceholder, 'aria-label': strings.LeadPickerLabel }}
      />
      {canMail && <Checkbox label={strings.LeadNotify} checked={notify} onChange={(_, checked) => setNotify(!!checked)} />}
      {message}
      <Stack horizontal verticalAlign="center" tokens={{ childrenGap: 8 }}>
        <PrimaryButton text={strings.LeadAssign} disabled={picked.length === 0 || outcome.kind === 'saving'} onClick={() => void assign()} allowDisabledFocus />
        <DefaultButton
          text={strings.EditCancel}
          disabled={outcome.kind === 'saving'}
          onClick={() => {
            setOpen(false);
            setPicked([]);
            setOutcome({ kind: 'idle' });
          }}
        />
        {outcome.kind === 'saving' && <Spinner size={SpinnerSize.small} label={strings.FormSaving} labelPosition="right" />}
      </Stack>
    </Stack>
  );
}
