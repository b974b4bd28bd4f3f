import * as React from 'react';
import { DefaultButton, MessageBar, MessageBarType, Spinner, SpinnerSize, Stack, Text, TextField } from '@fluentui/react';
import * as strings from 'PstStrings';
import type { PstRepository } from '../../../data/PstRepository';
import type { ActionDetails } from '../../../data/actionDetails';
import { indicatorSeries, indicatorValueIssues, NewIndicatorValue } from '../../../domain/indicators';
import type { IsoDate } from '../../../domain/model';
import { formatNumber, isParseError, parseBelgianNumber } from '../../../domain/parsing';
import type { Lang } from '../../../domain/vocabularies';
import { formatMessage } from '../../../text/format';
import { usePanelClassNames } from '../parts';
import { saveErrorMessage } from '../save/saveModel';

export interface IndicatorValuesProps {
  readonly details: ActionDetails;
  readonly repository: PstRepository;
  readonly today: IsoDate;
  readonly lang: Lang;
  /** The values are recorded: the details with the history updated. */
  readonly onSaved: (details: ActionDetails) => void;
}

interface Typed {
  readonly year: string;
  readonly value: string;
}

/**
 * With a check-in, the lead enters this year's value of each indicator of the action (issue
 * 13.3): added to the history, never overwriting the values entered before. Nothing when
 * the action has no indicator.
 */
export function IndicatorValues({ details, repository, today, lang, onSaved }: IndicatorValuesProps): JSX.Element | null {
  const classNames = usePanelClassNames();
  const year = today.substring(0, 4);
  const [typed, setTyped] = React.useState<Record<number, Typed>>({});
  const [errors, setErrors] = React.useState<Record<number, Partial<Record<'year' | 'value', string>>>>({});
  const [busy, setBusy] = React.useState(false);
  const [message, setMessage] = React.useState<{ ok: boolean; text: string } | null>(null);
  if (details.indicators.length === 0) return null;
  const history = details.indicatorValues ?? [];

  const save = async (): Promise<void> => {
    setMessage(null);
    const values: NewIndicatorValue[] = [];
    const found: Record<number, Partial<Record<'year' | 'value', string>>> = {};
    for (const indicator of details.indicators) {
      const entry = typed[indicator.id];
      if (!entry || entry.value.trim() === '') continue;
      const read = parseBelgianNumber(entry.value);
      const yearText = (entry.year || year).trim();
      const value: NewIndicatorValue = { indicatorId: indicator.id, year: /^\d{4}$/.test(yearText) ? Number(yearText) : NaN, value: typeof read === 'number' ? read : NaN };
      const issues: Partial<Record<'year' | 'value', string>> = {};
      if (isParseError(read)) issues.value = lang === 'fr' ? read.error : read.errorEn;
      for (const issue of indicatorValueIssues(value)) if (issue.field === 'year' || issue.field === 'value') issues[issue.field] = issues[issue.field] ?? issue.message[lang];
      if (Object.keys(issues).length > 0) found[indicator.id] = issues;
      else values.push(value);
    }
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    if (values.length === 0) {
      setMessage({ ok: false, text: strings.IndicatorValuesNothing });
      return;
    }
    setBusy(true);
    try {
      const next = await repository.addIndicatorValues(details.action.id, values, today);
      setTyped({});
      setMessage({ ok: true, text: strings.IndicatorValuesSaved });
      onSaved(next);
    } catch (error) {
      setMessage({ ok: false, text: saveErrorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <fieldset className={classNames.section} style={{ border: 0, margin: '12px 0 0', padding: '12px 0 0', minWidth: 0 }} data-testid="indicator-values">
      <legend className={classNames.sectionTitle}>{strings.IndicatorValuesHeading}</legend>
      <Stack tokens={{ childrenGap: 8 }}>
        {details.indicators.map((indicator) => {
          const series = indicatorSeries(indicator.id, history);
          const last = series[series.length - 1];
          const entry = typed[indicator.id] ?? { year, value: '' };
          const label = indicator.unit ? `${indicator.label} (${indicator.unit})` : indicator.label;
          const set = (field: keyof Typed, value: string): void => setTyped((all) => ({ ...all, [indicator.id]: { ...entry, [field]: value } }));
          return (
            <Stack key={indicator.id} horizontal wrap verticalAlign="start" tokens={{ childrenGap: 8 }}>
              <TextField
                label={formatMessage(strings.IndicatorValueOf, label)}
                value={entry.value}
                onChange={(_, v) => set('value', v ?? '')}
                inputMode="decimal"
                autoComplete="off"
                errorMessage={errors[indicator.id]?.value}
                description={last ? formatMessage(strings.IndicatorValueLast, formatNumber(last.value), String(last.year)) : strings.IndicatorValueNone}
                styles={{ root: { minWidth: 220, flexGrow: 1 } }}
              />
              <TextField
                label={formatMessage(strings.IndicatorValueYear, indicator.label)}
                value={entry.year}
                onChange={(_, v) => set('year', v ?? '')}
                inputMode="numeric"
                autoComplete="off"
                errorMessage={errors[indicator.id]?.year}
                styles={{ root: { width: 160 } }}
              />
            </Stack>
          );
        })}
        {message && (
          <MessageBar messageBarType={message.ok ? MessageBarType.success : MessageBarType.warning} isMultiline>
            {message.text}
          </MessageBar>
        )}
        <Stack horizontal verticalAlign="center" tokens={{ childrenGap: 12 }}>
          <DefaultButton text={strings.IndicatorValuesSave} onClick={() => void save()} disabled={busy} allowDisabledFocus />
          {busy && <Spinner size={SpinnerSize.small} label={strings.FormSaving} labelPosition="right" />}
        </Stack>
        <Text variant="small" block>
          {strings.IndicatorValuesHint}
        </Text>
      </Stack>
    </fieldset>
  );
}
