import * as React from 'react';
import {
  DefaultButton,
  Dropdown,
  IDropdown,
  IDropdownOption,
  ITextField,
  MessageBar,
  MessageBarType,
  PrimaryButton,
  Spinner,
  SpinnerSize,
  Stack,
  Text,
  TextField,
} from '@fluentui/react';
import * as strings from 'PstStrings';
import type { PstRepository } from '../../../data/PstRepository';
import type { ActionDetails } from '../../../data/actionDetails';
import type { Action } from '../../../domain/model';
import { validateAction } from '../../../domain/validation';
import type { Lang } from '../../../domain/vocabularies';
import { SaveFeedback } from '../save/SaveFeedback';
import { useConflictSave } from '../save/useConflictSave';
import { FieldWarnings, usePanelClassNames, FormCard } from '../parts';
import {
  SHEET_FIELDS,
  SHEET_GROUPS,
  SheetField,
  SheetValues,
  readSheet,
  sheetConflictRows,
  sheetField,
  sheetFieldOfIssue,
  sheetFieldsOfGroup,
  sheetValuesOf,
} from './sheetFields';

export interface SheetEditFormProps {
  readonly details: ActionDetails;
  readonly repository: PstRepository;
  readonly lang: Lang;
  /** The sheet is saved: the details with the action updated and the new ETag. */
  readonly onSaved: (details: ActionDetails) => void;
  /** After a conflict, the user took the stored version. */
  readonly onReplaceDetails: (details: ActionDetails) => void;
  readonly onCancel: () => void;
}

export interface SheetCheck {
  readonly reading: ReturnType<typeof readSheet>;
  readonly errors: Partial<Record<SheetField, string>>;
  readonly warnings: Partial<Record<SheetField, string[]>>;
  /** Remarks about fields this form does not edit (people, objectives): shown, not blocking. */
  readonly others: string[];
}

/** Reads the form against `base` and validates the resulting action with validateAction. */
export function checkSheet(values: SheetValues, base: Action, lang: Lang, target: Action = base): SheetCheck {
  const reading = readSheet(values, base, lang, target);
  const errors: Partial<Record<SheetField, string>> = { ...reading.errors };
  const warnings: Partial<Record<SheetField, string[]>> = {};
  const others: string[] = [];
  for (const issue of validateAction({ ...target, ...reading.changes }, { lang })) {
    const field = sheetFieldOfIssue(issue);
    if (field === null) others.push(issue.message);
    else if (issue.severity === 'error') {
      if (!errors[field]) errors[field] = issue.message;
    } else (warnings[field] = warnings[field] ?? []).push(issue.message);
  }
  return { reading, errors, warnings, others };
}

/** The coordinator's form for the main fields of the sheet. */
export function SheetEditForm({ details, repository, lang, onSaved, onReplaceDetails, onCancel }: SheetEditFormProps): JSX.Element {
  const classNames = usePanelClassNames();
  const base = details.action;
  const [values, setValues] = React.useState<SheetValues>(() => sheetValuesOf(base));
  const [submitted, setSubmitted] = React.useState(false);
  const [info, setInfo] = React.useState<string | null>(null);
  const refs = React.useRef<Partial<Record<SheetField, ITextField | IDropdown | null>>>({});
  React.useEffect(() => {
    refs.current.title?.focus();
  }, []);

  const saving = useConflictSave({
    details,
    onTakeTheirs: (stored) => {
      setValues(sheetValuesOf(stored.action));
      setSubmitted(false);
    },
    onReplaceDetails,
  });
  const { conflict, busy } = saving;
  const check = React.useMemo(() => checkSheet(values, base, lang, conflict ? conflict.action : base), [values, base, lang, conflict]);
  const errors = submitted ? check.errors : {};

  const save = (on: ActionDetails): Promise<void> =>
    saving.run(on, {
      prepare: () => {
        setSubmitted(true);
        setInfo(null);
        const first = SHEET_FIELDS.find((f) => check.errors[f.key]);
        if (first) {
          refs.current[first.key]?.focus();
          return null;
        }
        const changes = check.reading.changes;
        if (Object.keys(changes).length === 0) {
          setInfo(strings.EditNoChanges);
          return null;
        }
        return changes;
      },
      write: (changes, target) => repository.updateAction(base.id, changes, target.etag),
      // The sheet writes the resources text only: the action keeps its means lines.
      onWritten: (etag, changes, target) =>
        onSaved({ ...target, action: { ...target.action, ...changes, resources: { ...target.action.resources, ...changes.resources } }, etag }),
    });

  const renderField = (field: SheetField): JSX.Element => {
    const descriptor = sheetField(field);
    const kind = descriptor.input;
    const label = descriptor.label();
    const onText = (_: unknown, value?: string): void => setValues((v) => ({ ...v, [field]: value ?? '' }));
    let input: JSX.Element;
    if (kind.kind === 'choice') {
      const options: IDropdownOption[] = [{ key: '', text: strings.EditNone }, ...kind.options(lang)];
      input = (
        <Dropdown
          componentRef={(r: IDropdown | null) => {
            refs.current[field] = r;
          }}
          label={label}
          options={options}
          selectedKey={values[field]}
          onChange={(_, option) => option && setValues((v) => ({ ...v, [field]: String(option.key) }))}
          errorMessage={errors[field]}
        />
      );
    } else {
      input = (
        <TextField
          componentRef={(r: ITextField | null) => {
            refs.current[field] = r;
          }}
          label={label}
          value={values[field]}
          onChange={onText}
          multiline={kind.kind === 'multiline'}
          autoAdjustHeight={kind.kind === 'multiline'}
          rows={kind.kind === 'multiline' ? 3 : undefined}
          required={kind.kind === 'text' && kind.required}
          description={kind.hint?.()}
          autoComplete="off"
          errorMessage={errors[field]}
        />
      );
    }
    return (
      <div key={field}>
        {input}
        <FieldWarnings messages={check.warnings[field] ?? []} />
      </div>
    );
  };

  const hasErrors = submitted && Object.keys(check.errors).length > 0;
  return (
    <FormCard id="pst-panel-edit" title={strings.EditHeading} onSubmit={() => void save(details)}>
      <Stack tokens={{ childrenGap: 16 }}>
        {SHEET_GROUPS.map((group) => (
          <fieldset key={group.key} style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}>
            <legend className={classNames.sectionTitle}>{group.title()}</legend>
            <Stack tokens={{ childrenGap: 8 }}>{sheetFieldsOfGroup(group.key).map(renderField)}</Stack>
          </fieldset>
        ))}
        {check.others.length > 0 && (
          <div>
            <Text block>{strings.EditOtherIssues}</Text>
            <ul className={classNames.plainList}>
              {check.others.map((message) => (
                <li key={message}>
                  <Text>{message}</Text>
                </li>
              ))}
            </ul>
          </div>
        )}
        <SaveFeedback saving={saving} conflictRows={(stored) => sheetConflictRows(values, stored, lang)} onKeepMine={(stored) => void save(stored)} />
        {info && (
          <MessageBar messageBarType={MessageBarType.info} isMultiline>
            {info}
          </MessageBar>
        )}
        {hasErrors && <Text className={classNames.errorText}>{strings.FormHasErrors}</Text>}
        <Stack horizontal wrap verticalAlign="center" tokens={{ childrenGap: 8 }}>
          {!conflict && <PrimaryButton type="submit" text={strings.EditSave} disabled={busy} allowDisabledFocus />}
          <DefaultButton text={strings.EditCancel} onClick={onCancel} disabled={busy} allowDisabledFocus />
          {busy && <Spinner size={SpinnerSize.small} label={strings.FormSaving} labelPosition="right" />}
        </Stack>
      </Stack>
    </FormCard>
  );
}
