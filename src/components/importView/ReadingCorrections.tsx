/**
 * How the document was read (its profile, in French) and the coordinator's corrections:
 * a profile line that names a kind of line is clicked to say what those lines are (OS,
 * OO, actions, sub-actions, a field label, to be ignored); "lines starting with … are …"
 * and "this label is a field" cover the rest. Each correction re-runs the preview at once
 * (the view applies them as a rules file), and the corrections download as the rules
 * JSON of `npm run import -- FILE --rules regles.json`.
 */
import * as React from 'react';
import { DefaultButton, Dropdown, IconButton, IDropdownOption, Link, MessageBar, MessageBarType, PrimaryButton, Stack, Text, TextField } from '@fluentui/react';
import * as strings from 'PstStrings';
import type { ProfileEntry } from '../../import';
import { formatMessage } from '../../text/format';
import { offerDownload } from '../ui/download';

export type CorrectionLevel = 'os' | 'oo' | 'action' | 'sous-action' | 'ignorer';

export interface Corrections {
  /** `start` as the coordinator sees it; `pattern`, when the profile gave one, is the rules expression itself. */
  readonly levels: readonly { readonly start: string; readonly level: CorrectionLevel; readonly pattern?: string }[];
  readonly fields: readonly { readonly label: string; readonly field: string }[];
}

export const NO_CORRECTIONS: Corrections = { levels: [], fields: [] };

const LEVEL_TEXT: { readonly [L in CorrectionLevel]: () => string } = {
  os: () => strings.ImportLevelOs,
  oo: () => strings.ImportLevelOo,
  action: () => strings.ImportLevelAction,
  'sous-action': () => strings.ImportLevelSubAction,
  ignorer: () => strings.ImportLevelIgnore,
};

/** "1.1.1" → ^\d+\.\d+\.\d+ not followed by a deeper number; words are taken as printed. */
export function linePattern(start: string): string {
  const escaped = start
    .trim()
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/\d+/g, '\\d+');
  return escaped.endsWith('\\d+') ? `^${escaped}(?!\\.?\\d)` : `^${escaped}`;
}

/** The corrections as the rules file of the CLI (French keys). */
export function rulesJson(corrections: Corrections): { niveaux: { lignes: string; niveau: string }[]; champs: { libelle: string; champ: string }[]; ignorer: string[] } {
  return {
    niveaux: corrections.levels.map((l) => ({ lignes: l.pattern || linePattern(l.start), niveau: l.level })),
    champs: corrections.fields.map((f) => ({ libelle: f.label, champ: f.field })),
    ignorer: [],
  };
}

export function hasCorrections(corrections: Corrections): boolean {
  return corrections.levels.length + corrections.fields.length > 0;
}

const LEVEL_OF_ROLE: { readonly [role: string]: CorrectionLevel } = { os: 'os', oo: 'oo', action: 'action', subAction: 'sous-action' };
const AS_FIELD = 'champ';

/** « 1.1.1 … » → "1.1.1": the shape as the list of corrections shows it. */
const shapeText = (entry: ProfileEntry): string => (entry.shape || entry.text).replace(/^«\s*|\s*»$/g, '').replace(/\s*…$/, '');

interface ProfileLineEditorProps {
  readonly entry: ProfileEntry;
  readonly levelOptions: IDropdownOption[];
  readonly fieldOptions: IDropdownOption[];
  readonly onApply: (choice: { level: CorrectionLevel } | { field: string }) => void;
  readonly onCancel: () => void;
}

/** What the lines of one profile entry are: a level, a field label, or nothing to read. */
function ProfileLineEditor({ entry, levelOptions, fieldOptions, onApply, onCancel }: ProfileLineEditorProps): JSX.Element {
  const current = entry.role ? LEVEL_OF_ROLE[entry.role] : undefined;
  const options = entry.label ? levelOptions.concat([{ key: AS_FIELD, text: strings.ImportProfileAsField }]) : levelOptions;
  const [choice, setChoice] = React.useState<string>(String((options.find((o) => o.key !== current) || options[0]).key));
  const [field, setField] = React.useState<string>(String(fieldOptions.length > 0 ? fieldOptions[0].key : ''));
  const shape = entry.shape || entry.text;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onApply(choice === AS_FIELD ? { field } : { level: choice as CorrectionLevel });
      }}
    >
      <Stack horizontal wrap verticalAlign="end" tokens={{ childrenGap: 8 }} style={{ margin: '4px 0 8px' }}>
        <Dropdown label={formatMessage(strings.ImportProfileLinesAre, shape)} options={options} selectedKey={choice} onChange={(_e, o) => o && setChoice(String(o.key))} styles={{ root: { minWidth: 220 } }} />
        {choice === AS_FIELD && (
          <Dropdown label={formatMessage(strings.ImportProfileFieldOf, shape)} options={fieldOptions} selectedKey={field} onChange={(_e, o) => o && setField(String(o.key))} styles={{ root: { minWidth: 220 } }} />
        )}
        <PrimaryButton type="submit" text={strings.ImportProfileApply} />
        <DefaultButton text={strings.ImportProfileCancel} onClick={onCancel} />
      </Stack>
    </form>
  );
}

export interface ReadingCorrectionsProps {
  readonly profileLines: readonly string[];
  /** The same lines with the rules expression of each kind of line, when the analysis gives them. */
  readonly profileEntries?: readonly ProfileEntry[];
  /** Field names in French, by field key (the importer's FIELD_NAMES_FR). */
  readonly fieldNames: { readonly [field: string]: string };
  readonly corrections: Corrections;
  readonly onChange: (corrections: Corrections) => void;
  /** Why the last correction could not be applied, if it could not. */
  readonly refused: string | null;
}

export function ReadingCorrections(props: ReadingCorrectionsProps): JSX.Element {
  const { profileLines, profileEntries, fieldNames, corrections, onChange, refused } = props;
  const entries: readonly ProfileEntry[] = profileEntries || profileLines.map((text) => ({ text }));
  const [editing, setEditing] = React.useState<number | null>(null);
  const [start, setStart] = React.useState('');
  const [level, setLevel] = React.useState<CorrectionLevel>('action');
  const [label, setLabel] = React.useState('');
  const [field, setField] = React.useState<string>('projectLead');
  const id = 'pst-import-reading';

  const levelOptions: IDropdownOption[] = (Object.keys(LEVEL_TEXT) as CorrectionLevel[]).map((key) => ({ key, text: LEVEL_TEXT[key]() }));
  const fieldOptions: IDropdownOption[] = Object.keys(fieldNames)
    .filter((key) => key !== 'title' && key !== 'code')
    .map((key) => ({ key, text: fieldNames[key] }));
  const items = [
    ...corrections.levels.map((l) => formatMessage(strings.ImportCorrectionLevelItem, l.start, LEVEL_TEXT[l.level]())),
    ...corrections.fields.map((f) => formatMessage(strings.ImportCorrectionFieldItem, f.label, fieldNames[f.field] || f.field)),
  ];
  const remove = (index: number): void => {
    const n = corrections.levels.length;
    onChange(index < n ? { ...corrections, levels: corrections.levels.filter((_l, k) => k !== index) } : { ...corrections, fields: corrections.fields.filter((_f, k) => k !== index - n) });
  };
  const addLines = (): void => {
    if (start.trim() === '') return;
    onChange({ ...corrections, levels: [...corrections.levels, { start: start.trim(), level }] });
    setStart('');
  };
  const addLabel = (): void => {
    if (label.trim() === '') return;
    onChange({ ...corrections, fields: [...corrections.fields, { label: label.trim(), field }] });
    setLabel('');
  };
  const applyToEntry = (entry: ProfileEntry, choice: { level: CorrectionLevel } | { field: string }): void => {
    setEditing(null);
    if ('field' in choice) onChange({ ...corrections, fields: [...corrections.fields, { label: entry.label as string, field: choice.field }] });
    else onChange({ ...corrections, levels: [...corrections.levels, { start: shapeText(entry), level: choice.level, pattern: entry.lines }] });
  };
  const download = (): void => {
    const json = JSON.stringify(rulesJson(corrections), null, 2) + '\n';
    offerDownload(new TextEncoder().encode(json), 'regles-import-PST.json', 'application/json');
  };

  return (
    <section aria-labelledby={`${id}-title`}>
      <Text variant="mediumPlus" as="h4" id={`${id}-title`} style={{ margin: '0 0 8px' }}>
        {strings.ImportProfileTitle}
      </Text>
      <ul aria-label={strings.ImportProfileTitle} style={{ margin: '0 0 8px', paddingLeft: 20 }}>
        {entries.map((entry, index) => (
          <li key={index}>
            {entry.lines ? (
              <>
                <Link onClick={() => setEditing(editing === index ? null : index)} aria-expanded={editing === index} aria-label={formatMessage(strings.ImportProfileLineCorrect, entry.text)}>
                  {entry.text}
                </Link>
                {editing === index && (
                  <ProfileLineEditor entry={entry} levelOptions={levelOptions} fieldOptions={fieldOptions} onApply={(choice) => applyToEntry(entry, choice)} onCancel={() => setEditing(null)} />
                )}
              </>
            ) : (
              entry.text
            )}
          </li>
        ))}
      </ul>
      <Text block style={{ marginBottom: 8 }}>
        {strings.ImportCorrectIntro}
      </Text>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          addLines();
        }}
      >
        <Stack horizontal wrap verticalAlign="end" tokens={{ childrenGap: 8 }}>
          <TextField label={strings.ImportCorrectLines} description={strings.ImportCorrectLinesHint} value={start} onChange={(_e, v) => setStart(v || '')} />
          <Dropdown label={strings.ImportCorrectLevel} options={levelOptions} selectedKey={level} onChange={(_e, o) => o && setLevel(o.key as CorrectionLevel)} styles={{ root: { minWidth: 220 } }} />
          <PrimaryButton type="submit" text={strings.ImportCorrectApplyLines} disabled={start.trim() === ''} />
        </Stack>
      </form>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          addLabel();
        }}
      >
        <Stack horizontal wrap verticalAlign="end" tokens={{ childrenGap: 8 }} style={{ marginTop: 8 }}>
          <TextField label={strings.ImportCorrectLabel} value={label} onChange={(_e, v) => setLabel(v || '')} />
          <Dropdown label={strings.ImportCorrectField} options={fieldOptions} selectedKey={field} onChange={(_e, o) => o && setField(String(o.key))} styles={{ root: { minWidth: 220 } }} />
          <DefaultButton type="submit" text={strings.ImportCorrectApplyLabel} disabled={label.trim() === ''} />
        </Stack>
      </form>
      {refused !== null && (
        <MessageBar messageBarType={MessageBarType.error} isMultiline role="alert" style={{ marginTop: 8 }}>
          {formatMessage(strings.ImportCorrectionRefused, refused)}
        </MessageBar>
      )}
      {items.length > 0 && (
        <div style={{ marginTop: 8 }}>
          <Text as="h5" style={{ margin: 0 }}>
            {formatMessage(strings.ImportCorrectionsList, String(items.length))}
          </Text>
          <ul style={{ margin: '4px 0', paddingLeft: 20 }}>
            {items.map((item, index) => (
              <li key={index}>
                {item}
                <IconButton iconProps={{ iconName: 'Cancel' }} ariaLabel={formatMessage(strings.ImportCorrectionRemove, item)} title={formatMessage(strings.ImportCorrectionRemove, item)} onClick={() => remove(index)} />
              </li>
            ))}
          </ul>
          <DefaultButton iconProps={{ iconName: 'Download' }} text={strings.ImportRulesDownload} onClick={download} />
        </div>
      )}
    </section>
  );
}
