import * as React from 'react';
import { DefaultButton, IconButton, PrimaryButton, Spinner, SpinnerSize, Stack, Text, TextField } from '@fluentui/react';
import * as strings from 'PstStrings';
import type { PstRepository } from '../../../data/PstRepository';
import type { ActionDetails } from '../../../data/actionDetails';
import { indicatorIssues } from '../../../domain/indicators';
import type { Indicator } from '../../../domain/model';
import { formatNumber, isParseError, parseBelgianNumber } from '../../../domain/parsing';
import type { Lang } from '../../../domain/vocabularies';
import { formatMessage } from '../../../text/format';
import { usePanelClassNames, FormCard } from '../parts';
import { SaveFeedback } from '../save/SaveFeedback';
import type { ConflictRow } from '../save/saveModel';
import { useConflictSave } from '../save/useConflictSave';

type Field = 'label' | 'unit' | 'baseline' | 'target' | 'year';

interface Row {
  readonly key: string;
  readonly id: number;
  readonly label: string;
  readonly unit: string;
  readonly baseline: string;
  readonly target: string;
  readonly year: string;
  /** Kept as stored: the current value comes from the history, not from this form. */
  readonly current: number | null;
}

let rows = 0;
const numberText = (value: number | null): string => (value === null ? '' : formatNumber(value, { maxDecimals: 4 }));
const rowOf = (i: Indicator): Row => ({ key: `indicator-${++rows}`, id: i.id, label: i.label, unit: i.unit ?? '', baseline: numberText(i.baseline), target: numberText(i.target), year: i.year === null ? '' : String(i.year), current: i.current });

function read(rowsTyped: readonly Row[], actionId: number, lang: Lang): { indicators: Indicator[]; errors: Record<string, Partial<Record<Field, string>>> } {
  const errors: Record<string, Partial<Record<Field, string>>> = {};
  const indicators = rowsTyped.map((row) => {
    const rowErrors: Partial<Record<Field, string>> = {};
    const num = (field: 'baseline' | 'target'): number | null => {
      const value = parseBelgianNumber(row[field]);
      if (isParseError(value)) {
        rowErrors[field] = lang === 'fr' ? value.error : value.errorEn;
        return null;
      }
      return value;
    };
    const yearText = row.year.trim();
    const indicator: Indicator = {
      id: row.id,
      actionId,
      label: row.label.trim(),
      unit: row.unit.trim() === '' ? null : row.unit.trim(),
      baseline: num('baseline'),
      target: num('target'),
      current: row.current,
      year: yearText === '' ? null : /^\d{4}$/.test(yearText) ? Number(yearText) : NaN,
    };
    for (const issue of indicatorIssues(indicator)) if (issue.field !== 'value' && !rowErrors[issue.field]) rowErrors[issue.field] = issue.message[lang];
    if (Object.keys(rowErrors).length > 0) errors[row.key] = rowErrors;
    return indicator;
  });
  return { indicators, errors };
}

const describe = (list: readonly Indicator[]): string =>
  list.length === 0 ? strings.IndicatorsNone : list.map((i) => [i.label, i.unit, numberText(i.baseline), numberText(i.target), i.year ?? ''].filter((p) => p !== '' && p !== null).join(' · ')).join('\n');

export interface IndicatorEditorProps {
  readonly details: ActionDetails;
  readonly repository: PstRepository;
  readonly lang: Lang;
  readonly onSaved: (details: ActionDetails) => void;
  readonly onReplaceDetails: (details: ActionDetails) => void;
  readonly onCancel: () => void;
}

/** The coordinator's form for the action's indicators: label, unit, baseline, target, year. */
export function IndicatorEditor({ details, repository, lang, onSaved, onReplaceDetails, onCancel }: IndicatorEditorProps): JSX.Element {
  const classNames = usePanelClassNames();
  const [typed, setTyped] = React.useState<Row[]>(() => details.indicators.map(rowOf));
  const [submitted, setSubmitted] = React.useState(false);
  const saving = useConflictSave({ details, onTakeTheirs: (stored) => setTyped(stored.indicators.map(rowOf)), onReplaceDetails });
  const reading = React.useMemo(() => read(typed, details.action.id, lang), [typed, details.action.id, lang]);
  const errors = submitted ? reading.errors : {};
  const set = (key: string, field: Field, value: string): void => setTyped((all) => all.map((r) => (r.key === key ? { ...r, [field]: value } : r)));
  const save = (on: ActionDetails): Promise<void> =>
    saving.run(on, {
      prepare: () => {
        setSubmitted(true);
        return Object.keys(reading.errors).length > 0 ? null : reading.indicators;
      },
      write: (indicators, target) => repository.saveIndicators(details.action.id, indicators, target.indicatorsVersion ?? ''),
      onWritten: (next) => onSaved(next),
    });
  const conflictRows = (stored: readonly Indicator[]): ConflictRow[] => {
    const mine = describe(reading.indicators);
    const theirs = describe(stored);
    return mine === theirs ? [] : [{ label: strings.IndicatorsHeading, mine, theirs }];
  };
  return (
    <FormCard id="pst-panel-indicators-edit" title={strings.IndicatorsEditHeading} onSubmit={() => void save(details)}>
      <Stack tokens={{ childrenGap: 12 }}>
        {typed.length === 0 && <Text block>{strings.IndicatorsNone}</Text>}
        {typed.map((row, index) => {
          const label = formatMessage(strings.IndicatorNumber, String(index + 1));
          const e = errors[row.key] ?? {};
          return (
            <fieldset key={row.key} style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }} data-testid="indicator-row">
              <legend className={classNames.sectionTitle}>{label}</legend>
              <Stack horizontal wrap tokens={{ childrenGap: 8 }} verticalAlign="start">
                <TextField label={strings.IndicatorLabel} required value={row.label} onChange={(_, v) => set(row.key, 'label', v ?? '')} errorMessage={e.label} styles={{ root: { minWidth: 220, flexGrow: 1 } }} autoComplete="off" />
                <TextField label={strings.IndicatorUnit} value={row.unit} onChange={(_, v) => set(row.key, 'unit', v ?? '')} styles={{ root: { width: 90 } }} autoComplete="off" />
                <TextField label={strings.IndicatorBaseline} value={row.baseline} onChange={(_, v) => set(row.key, 'baseline', v ?? '')} errorMessage={e.baseline} inputMode="decimal" styles={{ root: { width: 110 } }} autoComplete="off" />
                <TextField label={strings.IndicatorTarget} value={row.target} onChange={(_, v) => set(row.key, 'target', v ?? '')} errorMessage={e.target} inputMode="decimal" styles={{ root: { width: 110 } }} autoComplete="off" />
                <TextField label={strings.IndicatorYear} value={row.year} onChange={(_, v) => set(row.key, 'year', v ?? '')} errorMessage={e.year} inputMode="numeric" styles={{ root: { width: 90 } }} autoComplete="off" />
                <IconButton
                  iconProps={{ iconName: 'Delete' }}
                  title={formatMessage(strings.IndicatorRemove, row.label || label)}
                  ariaLabel={formatMessage(strings.IndicatorRemove, row.label || label)}
                  onClick={() => setTyped((all) => all.filter((r) => r.key !== row.key))}
                  styles={{ root: { marginTop: 28 } }}
                />
              </Stack>
            </fieldset>
          );
        })}
        <Stack horizontal>
          <DefaultButton
            iconProps={{ iconName: 'Add' }}
            text={strings.IndicatorAdd}
            onClick={() => setTyped((all) => [...all, { key: `indicator-${++rows}`, id: 0, label: '', unit: '', baseline: '', target: '', year: '', current: null }])}
          />
        </Stack>
        <SaveFeedback saving={saving} conflictRows={() => conflictRows(saving.conflict?.indicators ?? [])} onKeepMine={(stored) => void save(stored)} />
        {submitted && Object.keys(reading.errors).length > 0 && <Text className={classNames.errorText}>{strings.FormHasErrors}</Text>}
        <Stack horizontal wrap verticalAlign="center" tokens={{ childrenGap: 8 }}>
          {!saving.conflict && <PrimaryButton type="submit" text={strings.IndicatorsSave} disabled={saving.busy} allowDisabledFocus />}
          <DefaultButton text={strings.EditCancel} onClick={onCancel} disabled={saving.busy} allowDisabledFocus />
          {saving.busy && <Spinner size={SpinnerSize.small} label={strings.FormSaving} labelPosition="right" />}
        </Stack>
      </Stack>
    </FormCard>
  );
}
