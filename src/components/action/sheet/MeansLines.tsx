import * as React from 'react';
import { DefaultButton, Dropdown, IconButton, IDropdownOption, PrimaryButton, Spinner, SpinnerSize, Stack, Text, TextField } from '@fluentui/react';
import * as strings from 'PstStrings';
import type { PstRepository } from '../../../data/PstRepository';
import type { ActionDetails } from '../../../data/actionDetails';
import { FUNDING_SOURCE_LABELS, FUNDING_SOURCES, MEANS_DIRECTION_LABELS, MEANS_DIRECTIONS, MeansLine } from '../../../domain/means';
import { totalsPerYear } from '../../../domain/meansFigures';
import { formatEuro, formatNumber } from '../../../domain/parsing';
import { BUDGET_SERVICE_LABELS, BUDGET_SERVICES, Lang } from '../../../domain/vocabularies';
import { formatMessage } from '../../../text/format';
import { usePanelClassNames, FormCard } from '../parts';
import { SaveFeedback } from '../save/SaveFeedback';
import type { ConflictRow } from '../save/saveModel';
import { useConflictSave } from '../save/useConflictSave';
import { describeLine, MeansField, MeansRow, newRow, readMeansRows, rowOf } from './meansForm';

export interface MeansLinesProps {
  readonly details: ActionDetails;
  readonly repository: PstRepository;
  readonly lang: Lang;
  /** The coordination: may edit the lines. */
  readonly canEdit: boolean;
  /** The year a first line gets (the plan's first year, else this year). */
  readonly defaultYear: number;
  readonly onSaved: (details: ActionDetails) => void;
  readonly onReplaceDetails: (details: ActionDetails) => void;
}

const amount = (value: number | null): string => (value === null ? '' : formatEuro(value));

/** The action's means per year: the lines and their totals per year; the coordinator edits them. */
export function MeansLines(props: MeansLinesProps): JSX.Element | null {
  const { details, lang, canEdit } = props;
  const classNames = usePanelClassNames();
  const [editing, setEditing] = React.useState(false);
  const lines = details.action.resources.lines ?? [];
  if (editing && canEdit) {
    return (
      <MeansEditor
        {...props}
        onSaved={(next) => {
          setEditing(false);
          props.onSaved(next);
        }}
        onCancel={() => setEditing(false)}
      />
    );
  }
  if (lines.length === 0 && !canEdit) return null;
  const years = totalsPerYear(lines);
  return (
    <section className={classNames.section} aria-labelledby="pst-panel-means">
      <h3 id="pst-panel-means" className={classNames.sectionTitle}>
        {strings.MeansHeading}
      </h3>
      {lines.length === 0 ? (
        <Text block>{strings.MeansNone}</Text>
      ) : (
        <Stack tokens={{ childrenGap: 12 }}>
          <div className={classNames.tableWrapper} role="group" aria-labelledby="pst-panel-means-lines" tabIndex={0}>
            <table className={classNames.table}>
              <caption id="pst-panel-means-lines" className={classNames.visuallyHidden}>
                {strings.MeansLinesCaption}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{strings.MeansYear}</th>
                  <th scope="col">{strings.MeansDirection}</th>
                  <th scope="col">{strings.MeansService}</th>
                  <th scope="col">{strings.MeansSource}</th>
                  <th scope="col">{strings.MeansArticle}</th>
                  <th scope="col">{strings.MeansPlanned}</th>
                  <th scope="col">{strings.MeansActual}</th>
                  <th scope="col">{strings.MeansEtp}</th>
                </tr>
              </thead>
              <tbody>
                {lines.map((line, index) => (
                  <tr key={line.id ?? `new-${index}`}>
                    <th scope="row" style={{ fontWeight: 'normal' }}>
                      {line.year}
                    </th>
                    <td>{MEANS_DIRECTION_LABELS[line.direction][lang]}</td>
                    <td>{line.service ? BUDGET_SERVICE_LABELS[line.service][lang] : ''}</td>
                    <td>{line.source ? FUNDING_SOURCE_LABELS[line.source][lang] : ''}</td>
                    <td>{line.article ?? ''}</td>
                    <td className="number">{amount(line.planned)}</td>
                    <td className="number">{amount(line.actual)}</td>
                    <td className="number">{line.etp === null ? '' : formatNumber(line.etp)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className={classNames.tableWrapper} role="group" aria-labelledby="pst-panel-means-years" tabIndex={0}>
            <table className={classNames.table} data-testid="means-per-year">
              <caption id="pst-panel-means-years" className={classNames.caption}>
                {strings.MeansPerYear}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{strings.MeansYear}</th>
                  <th scope="col">{strings.MeansPlannedExpense}</th>
                  <th scope="col">{strings.MeansActualExpense}</th>
                  <th scope="col">{strings.MeansPlannedReceipt}</th>
                  <th scope="col">{strings.MeansActualReceipt}</th>
                  <th scope="col">{strings.MeansEtp}</th>
                </tr>
              </thead>
              <tbody>
                {years.map(({ year, totals }) => (
                  <tr key={year}>
                    <th scope="row">{formatMessage(strings.MeansTotalOfYear, String(year))}</th>
                    <td className="number">{formatEuro(totals.plannedExpense)}</td>
                    <td className="number">{formatEuro(totals.actualExpense)}</td>
                    <td className="number">{formatEuro(totals.plannedReceipt)}</td>
                    <td className="number">{formatEuro(totals.actualReceipt)}</td>
                    <td className="number">{formatNumber(totals.etp)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Stack>
      )}
      {canEdit && (
        <Stack horizontal styles={{ root: { marginTop: 8 } }}>
          <DefaultButton iconProps={{ iconName: 'Money' }} text={strings.MeansEdit} onClick={() => setEditing(true)} />
        </Stack>
      )}
    </section>
  );
}

/** The lines typed next to the stored ones, for the conflict notice. */
function conflictRows(mine: readonly MeansLine[], theirs: readonly MeansLine[], lang: Lang): ConflictRow[] {
  const text = (lines: readonly MeansLine[]): string => (lines.length === 0 ? strings.MeansNone : lines.map((l) => describeLine(l, lang)).join('\n'));
  const a = text(mine);
  const b = text(theirs);
  return a === b ? [] : [{ label: strings.MeansHeading, mine: a, theirs: b }];
}

function MeansEditor(props: MeansLinesProps & { onCancel: () => void }): JSX.Element {
  const { details, repository, lang, defaultYear, onSaved, onReplaceDetails, onCancel } = props;
  const classNames = usePanelClassNames();
  const [rows, setRows] = React.useState<MeansRow[]>(() => (details.action.resources.lines ?? []).map(rowOf));
  const [submitted, setSubmitted] = React.useState(false);
  const firstInput = React.useRef<HTMLDivElement>(null);
  const saving = useConflictSave({
    details,
    onTakeTheirs: (stored) => {
      setRows((stored.action.resources.lines ?? []).map(rowOf));
      setSubmitted(false);
    },
    onReplaceDetails,
  });
  const reading = React.useMemo(() => readMeansRows(rows, lang), [rows, lang]);
  const errors = submitted ? reading.errors : {};
  const { busy, conflict } = saving;

  React.useEffect(() => {
    firstInput.current?.querySelector('input')?.focus();
  }, []);

  const update = (key: string, field: MeansField, value: string): void => setRows((all) => all.map((r) => (r.key === key ? { ...r, [field]: value } : r)));
  const save = (on: ActionDetails): Promise<void> =>
    saving.run(on, {
      prepare: () => {
        setSubmitted(true);
        return reading.hasErrors ? null : reading.lines;
      },
      write: (lines, target) => repository.saveMeansLines(details.action.id, lines, target.meansVersion ?? ''),
      onWritten: (next) => onSaved(next),
    });

  const choice = (options: IDropdownOption[], blank: boolean): IDropdownOption[] => (blank ? [{ key: '', text: strings.EditNone }, ...options] : options);
  const serviceOptions = choice(BUDGET_SERVICES.map((s) => ({ key: s, text: BUDGET_SERVICE_LABELS[s][lang] })), true);
  const directionOptions = choice(MEANS_DIRECTIONS.map((d) => ({ key: d, text: MEANS_DIRECTION_LABELS[d][lang] })), false);
  const sourceOptions = choice(FUNDING_SOURCES.map((s) => ({ key: s, text: FUNDING_SOURCE_LABELS[s][lang] })), true);

  return (
    <FormCard id="pst-panel-means-edit" title={strings.MeansEditHeading} onSubmit={() => void save(details)}>
      <Stack tokens={{ childrenGap: 12 }}>
        {rows.length === 0 && <Text block>{strings.MeansNone}</Text>}
        {rows.map((row, index) => {
          const rowErrors = errors[row.key] ?? {};
          const label = formatMessage(strings.MeansLineLabel, String(index + 1));
          return (
            <fieldset key={row.key} style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }} data-testid="means-row">
              <legend className={classNames.sectionTitle}>{label}</legend>
              <div ref={index === 0 ? firstInput : undefined}>
                <Stack horizontal wrap tokens={{ childrenGap: 8 }} verticalAlign="start">
                  <TextField label={strings.MeansYear} value={row.year} onChange={(_, v) => update(row.key, 'year', v ?? '')} errorMessage={rowErrors.year} inputMode="numeric" styles={{ root: { width: 90 } }} autoComplete="off" />
                  <Dropdown label={strings.MeansDirection} options={directionOptions} selectedKey={row.direction} onChange={(_, o) => o && update(row.key, 'direction', String(o.key))} styles={{ root: { width: 120 } }} />
                  <Dropdown label={strings.MeansService} options={serviceOptions} selectedKey={row.service} onChange={(_, o) => o && update(row.key, 'service', String(o.key))} styles={{ root: { width: 150 } }} />
                  <Dropdown label={strings.MeansSource} options={sourceOptions} selectedKey={row.source} onChange={(_, o) => o && update(row.key, 'source', String(o.key))} styles={{ root: { width: 200 } }} />
                  <TextField label={strings.MeansArticle} value={row.article} onChange={(_, v) => update(row.key, 'article', v ?? '')} errorMessage={rowErrors.article} styles={{ root: { width: 130 } }} autoComplete="off" />
                  <TextField label={strings.MeansPlannedField} value={row.planned} onChange={(_, v) => update(row.key, 'planned', v ?? '')} errorMessage={rowErrors.planned} inputMode="decimal" styles={{ root: { width: 130 } }} autoComplete="off" />
                  <TextField label={strings.MeansActualField} value={row.actual} onChange={(_, v) => update(row.key, 'actual', v ?? '')} errorMessage={rowErrors.actual} inputMode="decimal" styles={{ root: { width: 130 } }} autoComplete="off" />
                  <TextField label={strings.MeansEtp} value={row.etp} onChange={(_, v) => update(row.key, 'etp', v ?? '')} errorMessage={rowErrors.etp} inputMode="decimal" styles={{ root: { width: 80 } }} autoComplete="off" />
                  <IconButton
                    iconProps={{ iconName: 'Delete' }}
                    title={formatMessage(strings.MeansRemoveLine, label)}
                    ariaLabel={formatMessage(strings.MeansRemoveLine, label)}
                    onClick={() => setRows((all) => all.filter((r) => r.key !== row.key))}
                    styles={{ root: { marginTop: 28 } }}
                    disabled={busy}
                  />
                </Stack>
              </div>
            </fieldset>
          );
        })}
        <Stack horizontal>
          <DefaultButton iconProps={{ iconName: 'Add' }} text={strings.MeansAddLine} onClick={() => setRows((all) => [...all, newRow(all[all.length - 1], defaultYear)])} disabled={busy} />
        </Stack>
        <SaveFeedback saving={saving} conflictRows={(stored) => conflictRows(reading.lines, stored.resources.lines ?? [], lang)} onKeepMine={(stored) => void save(stored)} />
        {submitted && reading.hasErrors && <Text className={classNames.errorText}>{strings.FormHasErrors}</Text>}
        <Stack horizontal wrap verticalAlign="center" tokens={{ childrenGap: 8 }}>
          {!conflict && <PrimaryButton type="submit" text={strings.MeansSave} disabled={busy} allowDisabledFocus />}
          <DefaultButton text={strings.EditCancel} onClick={onCancel} disabled={busy} allowDisabledFocus />
          {busy && <Spinner size={SpinnerSize.small} label={strings.FormSaving} labelPosition="right" />}
        </Stack>
      </Stack>
    </FormCard>
  );
}
