import * as React from 'react';
import { DefaultButton, IPersonaProps, Label, MessageBar, MessageBarType, NormalPeoplePicker, PrimaryButton, Spinner, SpinnerSize, Stack, Text } from '@fluentui/react';
import * as strings from 'PstStrings';
import type { PstRepository } from '../../../data/PstRepository';
import type { ActionDetails } from '../../../data/actionDetails';
import type { Person } from '../../../domain/model';
import { formatMessage } from '../../../text/format';
import { useMounted } from '../../ui/useMounted';
import { conflictOf } from '../save/saveModel';

type Persona = IPersonaProps & { person: Person };

const personaOf = (person: Person): Persona => ({ key: person.email ?? `texte:${person.displayName}`, text: person.displayName, secondaryText: person.email, person });
const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

interface PersonFieldProps {
  readonly id: string;
  readonly label: string;
  readonly people: readonly Person[];
  readonly limit?: number;
  readonly disabled?: boolean;
  readonly search: (text: string) => Promise<Person[]>;
  readonly onChange: (people: Person[]) => void;
}

/**
 * A people picker on SharePoint's people search that keeps free text: the last suggestion
 * is always what was typed, as written (a body, a name the directory lacks). Keyboard: type,
 * arrow down to a suggestion, Enter.
 */
export function PersonField({ id, label, people, limit, disabled, search, onChange }: PersonFieldProps): JSX.Element {
  const suggest = async (filter: string): Promise<Persona[]> => {
    const text = filter.trim();
    if (text.length < 2) return [];
    const found = await search(text).catch(() => [] as Person[]);
    const asWritten: Persona = { ...personaOf({ displayName: text }), secondaryText: formatMessage(strings.PeopleUseText, text) };
    return [...found.map(personaOf), asWritten];
  };
  return (
    <div>
      <Label htmlFor={id}>{label}</Label>
      <NormalPeoplePicker
        onResolveSuggestions={suggest}
        getTextFromItem={(persona) => persona.text ?? ''}
        selectedItems={people.map(personaOf)}
        onChange={(items) => onChange(((items ?? []) as Persona[]).map((p) => p.person))}
        itemLimit={limit}
        resolveDelay={300}
        disabled={disabled}
        pickerSuggestionsProps={{ noResultsFoundText: strings.LeadNoResults, suggestionsHeaderText: strings.LeadSuggestions, loadingText: strings.Loading }}
        inputProps={{ id, 'aria-label': label, placeholder: strings.LeadPickerPlaceholder }}
      />
    </div>
  );
}

export interface PeoplePickersProps {
  readonly details: ActionDetails;
  readonly repository: PstRepository;
  /** Saved: the details with the people and the new ETag. */
  readonly onSaved: (details: ActionDetails, message: string) => void;
  /** Someone saved the action in between: the stored version replaces the one shown. */
  readonly onReplaceDetails: (details: ActionDetails) => void;
}

/** The coordinator names the pilot (CODIR), the team and the mandataire with people pickers. */
export function PeoplePickers({ details, repository, onSaved, onReplaceDetails }: PeoplePickersProps): JSX.Element {
  const mounted = useMounted();
  const action = details.action;
  const initialMandatary = action.mandatary === null ? [] : [typeof action.mandatary === 'string' ? { displayName: action.mandatary } : action.mandatary];
  const [open, setOpen] = React.useState(false);
  const [pilot, setPilot] = React.useState<Person[]>(action.pilot ? [action.pilot] : []);
  const [team, setTeam] = React.useState<Person[]>(action.team);
  const [mandatary, setMandatary] = React.useState<Person[]>(initialMandatary);
  const [state, setState] = React.useState<{ kind: 'idle' | 'saving' } | { kind: 'error'; message: string }>({ kind: 'idle' });
  const search = (text: string): Promise<Person[]> => repository.searchPeople(text);

  const reset = (): void => {
    setPilot(action.pilot ? [action.pilot] : []);
    setTeam(action.team);
    setMandatary(initialMandatary);
    setState({ kind: 'idle' });
  };

  const save = async (): Promise<void> => {
    setState({ kind: 'saving' });
    const chosenMandatary = mandatary[0] ?? null;
    const changes = {
      pilot: pilot[0] ?? null,
      team,
      // A body or a name without an account stays text, as the document wrote it.
      mandatary: chosenMandatary === null ? null : chosenMandatary.email ? chosenMandatary : chosenMandatary.displayName,
    };
    try {
      const etag = await repository.updateAction(action.id, changes, details.etag);
      const next = await repository.loadActionDetails(action.id);
      if (!mounted.current) return;
      setState({ kind: 'idle' });
      setOpen(false);
      onSaved({ ...next, etag: next.etag || etag }, strings.EditSaved);
    } catch (error) {
      if (!mounted.current) return;
      const stored = conflictOf(error);
      if (stored) {
        onReplaceDetails(stored);
        setState({ kind: 'error', message: strings.LeadConflict });
      } else setState({ kind: 'error', message: errorText(error) });
    }
  };

  if (!open) {
    return (
      <Stack horizontal>
        <DefaultButton
          iconProps={{ iconName: 'Contact' }}
          text={`${strings.EditPilot}, ${strings.EditTeam.toLowerCase()}, ${strings.EditMandatary.toLowerCase()}`}
          onClick={() => {
            reset();
            setOpen(true);
          }}
        />
      </Stack>
    );
  }
  const saving = state.kind === 'saving';
  return (
    <Stack tokens={{ childrenGap: 8 }} as="section" aria-label={`${strings.EditPilot}, ${strings.EditTeam}, ${strings.EditMandatary}`}>
      <Text variant="small">{strings.PeopleFreeTextHint}</Text>
      <PersonField id="pst-people-pilot" label={strings.EditPilot} people={pilot} limit={1} disabled={saving} search={search} onChange={setPilot} />
      <PersonField id="pst-people-team" label={strings.EditTeam} people={team} disabled={saving} search={search} onChange={setTeam} />
      <PersonField id="pst-people-mandatary" label={strings.EditMandatary} people={mandatary} limit={1} disabled={saving} search={search} onChange={setMandatary} />
      {state.kind === 'error' && (
        <MessageBar messageBarType={MessageBarType.error} isMultiline role="alert">
          {state.message}
        </MessageBar>
      )}
      <Stack horizontal verticalAlign="center" tokens={{ childrenGap: 8 }}>
        <PrimaryButton text={strings.EditSave} disabled={saving} onClick={() => void save()} allowDisabledFocus />
        <DefaultButton text={strings.EditCancel} disabled={saving} onClick={() => setOpen(false)} />
        {saving && <Spinner size={SpinnerSize.small} label={strings.FormSaving} labelPosition="right" />}
      </Stack>
    </Stack>
  );
}
