import * as React from 'react';
import {
  Checkbox,
  ChoiceGroup,
  DefaultButton,
  Dropdown,
  IChoiceGroup,
  IChoiceGroupOption,
  IDropdown,
  ITextField,
  MessageBar,
  MessageBarType,
  PrimaryButton,
  Spinner,
  SpinnerSize,
  Stack,
  TextField,
} from '@fluentui/react';
import * as strings from 'PstStrings';
import type { NewCheckIn, PstRepository } from '../../../data/PstRepository';
import type { ActionDetails } from '../../../data/actionDetails';
import { actionAfterCheckIn, checkInGuardrails, CheckInGuardrail, latestCheckIn, mayCorrect } from '../../../domain/checkIns';
import type { Action, ActionStatus, CheckIn, Health, IsoDate, Person } from '../../../domain/model';
import { formatDate, formatNumber } from '../../../domain/parsing';
import { validateCheckIn } from '../../../domain/validation';
import { Lang, healthLabel, isActionStatus, isHealth, statusLabel } from '../../../domain/vocabularies';
import { SaveFeedback } from '../save/SaveFeedback';
import type { ConflictRow } from '../save/saveModel';
import { useConflictSave } from '../save/useConflictSave';
import { FieldWarnings, usePanelClassNames } from '../parts';
import { formatMessage } from '../../../text/format';
import { HEALTH_ICONS, healthOptions, readDay, readPercent, statusOptions } from '../panelModel';
import { IndicatorValues } from './IndicatorValues';

export interface CheckInFormProps {
  readonly details: ActionDetails;
  readonly repository: PstRepository;
  readonly today: IsoDate;
  readonly lang: Lang;
  /** The signed-in user: their own latest check-in can be corrected. */
  readonly me?: Person | null;
  /** The check-in is recorded (or corrected): the details with the action updated, the history and the new ETag. */
  readonly onSaved: (details: ActionDetails, corrected: boolean) => void;
  /** After a conflict, the user took the stored version. */
  readonly onReplaceDetails: (details: ActionDetails) => void;
}

export interface CheckInValues {
  readonly status: ActionStatus | '';
  readonly percent: string;
  readonly health: Health | '';
  readonly comment: string;
  readonly date: string;
}

type CheckInField = keyof CheckInValues;

/** Visual (and tab) order: the first invalid one gets the focus. */
const FIELD_ORDER: readonly CheckInField[] = ['status', 'percent', 'date', 'health', 'comment'];

/** The form starts from where the action stands, dated today. */
export function initialCheckInValues(action: Action, today: IsoDate): CheckInValues {
  return {
    status: action.status ?? '',
    percent: action.progressPercent == null ? '' : formatNumber(action.progressPercent, { maxDecimals: 1 }),
    health: action.health ?? '',
    comment: '',
    date: formatDate(today),
  };
}

/** The form filled with a check-in, to correct it. */
export function checkInValuesOf(checkIn: CheckIn): CheckInValues {
  return {
    status: checkIn.status,
    percent: checkIn.percent == null ? '' : formatNumber(checkIn.percent, { maxDecimals: 1 }),
    health: checkIn.health ?? '',
    comment: checkIn.comment ?? '',
    date: formatDate(checkIn.date),
  };
}

export interface CheckInCheck {
  readonly checkIn: NewCheckIn | null;
  readonly errors: Partial<Record<CheckInField, string>>;
  readonly warnings: Partial<Record<CheckInField, string[]>>;
  /** The guardrails the typed check-in meets (domain/checkIns.ts): the form offers their fix or confirmation. */
  readonly guardrails: CheckInGuardrail[];
}

export interface CheckInCheckOptions {
  /** The action's planned start: a check-in dated before it is questioned. */
  readonly actionStart?: IsoDate | null;
  /** The user confirmed a date before the start. */
  readonly dateConfirmed?: boolean;
}

/** Reads and validates the form (validateCheckIn, then the guardrails), one message per field. */
export function checkCheckIn(values: CheckInValues, actionId: number, today: IsoDate, lang: Lang, options: CheckInCheckOptions = {}): CheckInCheck {
  const errors: Partial<Record<CheckInField, string>> = {};
  const warnings: Partial<Record<CheckInField, string[]>> = {};
  const percent = readPercent(values.percent);
  if ('error' in percent) errors.percent = percent.error;
  const date = readDay(values.date, today, lang);
  if ('error' in date) errors.date = date.error;
  const comment = values.comment.trim() === '' ? null : values.comment.trim();
  const candidate: Partial<CheckIn> = {
    actionId,
    date: 'value' in date ? date.value : undefined,
    status: values.status === '' ? undefined : values.status,
    percent: 'value' in percent ? percent.value : null,
    health: values.health === '' ? null : values.health,
    comment,
  };
  for (const issue of validateCheckIn(candidate, { today, lang })) {
    const field = FIELD_ORDER.indexOf(issue.field as CheckInField) >= 0 ? (issue.field as CheckInField) : null;
    if (field === null) continue;
    if (issue.severity === 'error') {
      if (!errors[field]) errors[field] = issue.message;
    } else {
      (warnings[field] = warnings[field] ?? []).push(issue.message);
    }
  }
  const guardrails =
    isActionStatus(candidate.status) && candidate.date !== undefined && candidate.date !== '' && !('error' in percent)
      ? checkInGuardrails({ date: candidate.date, status: candidate.status, percent: candidate.percent ?? null, health: candidate.health ?? null, comment }, options.actionStart ?? null, lang)
      : [];
  for (const guardrail of guardrails) {
    if (errors[guardrail.field]) continue;
    if (guardrail.severity === 'refused') errors[guardrail.field] = guardrail.message;
    else if (!options.dateConfirmed) errors[guardrail.field] = strings.CheckInConfirmDateRequired;
  }
  const valid = Object.keys(errors).length === 0 && isActionStatus(candidate.status) && candidate.date !== undefined;
  return {
    checkIn: valid
      ? {
          actionId,
          date: candidate.date as IsoDate,
          status: candidate.status as ActionStatus,
          percent: candidate.percent ?? null,
          health: candidate.health ?? null,
          comment,
        }
      : null,
    errors,
    warnings,
    guardrails,
  };
}

function conflictRows(values: CheckInValues, current: Action, lang: Lang): ConflictRow[] {
  const theirs = initialCheckInValues(current, '2000-01-01');
  const rows: ConflictRow[] = [];
  const text = (value: string, label: (v: string) => string): string => (value === '' ? strings.ConflictEmpty : label(value));
  if (values.status !== theirs.status) {
    rows.push({
      label: strings.PanelStatus,
      mine: text(values.status, (v) => (isActionStatus(v) ? statusLabel(v, lang) : v)),
      theirs: text(theirs.status, (v) => (isActionStatus(v) ? statusLabel(v, lang) : v)),
    });
  }
  const mine = readPercent(values.percent);
  const same = 'value' in mine && mine.value === current.progressPercent;
  if (!same) rows.push({ label: strings.CheckInPercent, mine: text(values.percent.trim(), (v) => v), theirs: text(theirs.percent, (v) => v) });
  if (values.health !== theirs.health) {
    rows.push({
      label: strings.PanelHealth,
      mine: text(values.health, (v) => (isHealth(v) ? healthLabel(v, lang) : v)),
      theirs: text(theirs.health, (v) => (isHealth(v) ? healthLabel(v, lang) : v)),
    });
  }
  return rows;
}

/** A check-in in under a minute: status, percent, health, comment, date (today). */

/** A key generated once per check-in typed (not per attempt to save it). */
function newCheckInKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}

export function CheckInForm({ details, repository, today, lang, me, onSaved, onReplaceDetails }: CheckInFormProps): JSX.Element {
  const classNames = usePanelClassNames();
  const [values, setValues] = React.useState<CheckInValues>(() => initialCheckInValues(details.action, today));
  const [submitted, setSubmitted] = React.useState(false);
  const [dateConfirmed, setDateConfirmed] = React.useState(false);
  /** The check-in being corrected; null: a new one. */
  const [correcting, setCorrecting] = React.useState<CheckIn | null>(null);
  const reset = (action: Action): void => {
    setValues(initialCheckInValues(action, today));
    setSubmitted(false);
    setDateConfirmed(false);
    setCorrecting(null);
  };
  const saving = useConflictSave({
    details,
    onTakeTheirs: (stored) => reset(stored.action),
    onReplaceDetails,
  });
  const latest = latestCheckIn(details.checkIns);
  const correctable = latest && mayCorrect(details.checkIns, latest, me) ? latest : null;
  const { conflict, busy } = saving;

  const checkInKey = React.useRef(newCheckInKey());
  const statusRef = React.useRef<IDropdown>(null);
  const percentRef = React.useRef<ITextField>(null);
  const dateRef = React.useRef<ITextField>(null);
  const healthRef = React.useRef<IChoiceGroup>(null);
  const commentRef = React.useRef<ITextField>(null);
  const focusField = (field: CheckInField): void => {
    if (field === 'status') statusRef.current?.focus(false);
    else if (field === 'percent') percentRef.current?.focus();
    else if (field === 'date') dateRef.current?.focus();
    else if (field === 'health') healthRef.current?.focus();
    else commentRef.current?.focus();
  };

  const actionStart = details.action.plannedStart?.start ?? null;
  const check = React.useMemo(
    () => checkCheckIn(values, details.action.id, today, lang, { actionStart, dateConfirmed }),
    [values, details.action.id, today, lang, actionStart, dateConfirmed],
  );
  const errors = submitted ? check.errors : {};
  const set = <K extends CheckInField>(field: K, value: CheckInValues[K]): void => {
    if (field === 'date') setDateConfirmed(false);
    setValues((v) => ({ ...v, [field]: value }));
  };
  const doneNot100 = check.guardrails.find((g) => g.code === 'done.not100');
  const beforeStart = check.guardrails.find((g) => g.code === 'date.beforeStart');
  const needsReason = check.guardrails.some((g) => g.code === 'reason.required') || values.health === 'blocage' || values.health === 'risque';

  const save = (on: ActionDetails): Promise<void> =>
    saving.run(on, {
      prepare: () => {
        setSubmitted(true);
        if (check.checkIn) return check.checkIn;
        const first = FIELD_ORDER.find((f) => check.errors[f]);
        if (first) focusField(first);
        return null;
      },
      // The same key on every attempt of this check-in: a retry finds what an interrupted save wrote.
      write: (checkIn, target) =>
        correcting
          ? repository.correctCheckIn({ ...checkIn, checkInId: correcting.id, key: checkInKey.current }, target.etag)
          : repository.addCheckIn({ ...checkIn, key: checkInKey.current }, target.etag),
      onWritten: (saved, checkIn, target) => {
        checkInKey.current = newCheckInKey();
        // The action as the repository now stores it (the same rule: domain/checkIns).
        const action = actionAfterCheckIn(target.action, checkIn);
        const wasCorrection = correcting !== null;
        const checkIns = wasCorrection ? target.checkIns.map((c) => (c.id === saved.checkIn.id ? saved.checkIn : c)) : [saved.checkIn, ...target.checkIns];
        // The form clears: the next check-in starts from where the action now stands.
        reset(action);
        onSaved({ ...target, action, etag: saved.actionEtag, checkIns }, wasCorrection);
      },
    });

  const healthChoices: IChoiceGroupOption[] = healthOptions(lang).map((o) => ({
    key: o.key,
    text: o.text,
    iconProps: { iconName: HEALTH_ICONS[o.key] },
  }));

  return (
    <section className={classNames.card} aria-labelledby="pst-panel-checkin">
      <h3 id="pst-panel-checkin" className={classNames.sectionTitle}>
        {correcting ? formatMessage(strings.CheckInCorrectHeading, formatDate(correcting.date)) : strings.CheckInHeading}
      </h3>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save(details);
        }}
      >
        <Stack tokens={{ childrenGap: 12 }}>
          <Stack horizontal wrap tokens={{ childrenGap: 12 }}>
            <Stack.Item grow styles={{ root: { minWidth: 200 } }}>
              <Dropdown
                componentRef={statusRef}
                label={strings.PanelStatus}
                placeholder={strings.CheckInChooseStatus}
                required
                options={statusOptions(lang)}
                selectedKey={values.status === '' ? null : values.status}
                onChange={(_, option) => option && set('status', option.key as ActionStatus)}
                errorMessage={errors.status}
              />
              <FieldWarnings messages={check.warnings.status ?? []} />
            </Stack.Item>
            <Stack.Item styles={{ root: { width: 150 } }}>
              <TextField
                componentRef={percentRef}
                label={strings.CheckInPercent}
                value={values.percent}
                inputMode="decimal"
                autoComplete="off"
                description={strings.CheckInPercentHint}
                onChange={(_, value) => set('percent', value ?? '')}
                errorMessage={errors.percent}
              />
              <FieldWarnings messages={check.warnings.percent ?? []} />
              {doneNot100 && !errors.percent && <FieldWarnings messages={[doneNot100.message]} />}
              {doneNot100 && <DefaultButton text={strings.CheckInConfirmDone} onClick={() => set('percent', formatNumber(100, { maxDecimals: 1 }))} styles={{ root: { marginTop: 4 } }} />}
            </Stack.Item>
            <Stack.Item styles={{ root: { width: 150 } }}>
              <TextField
                componentRef={dateRef}
                label={strings.CheckInDate}
                value={values.date}
                autoComplete="off"
                required
                description={strings.CheckInDateHint}
                onChange={(_, value) => set('date', value ?? '')}
                errorMessage={errors.date}
              />
            </Stack.Item>
          </Stack>
          {beforeStart && (
            <Stack tokens={{ childrenGap: 4 }}>
              <MessageBar messageBarType={MessageBarType.warning} isMultiline>
                {beforeStart.message}
              </MessageBar>
              <Checkbox label={strings.CheckInConfirmDate} checked={dateConfirmed} onChange={(_, checked) => setDateConfirmed(!!checked)} />
            </Stack>
          )}
          <div>
            <ChoiceGroup
              componentRef={healthRef}
              label={strings.PanelHealth}
              options={healthChoices}
              selectedKey={values.health === '' ? null : values.health}
              onChange={(_, option) => option && set('health', option.key as Health)}
              styles={{ flexContainer: { display: 'flex', flexWrap: 'wrap', gap: 8 } }}
            />
            {errors.health && (
              <div role="alert" className={classNames.errorText}>
                {errors.health}
              </div>
            )}
          </div>
          <div>
            <TextField
              componentRef={commentRef}
              label={strings.CheckInComment}
              required={needsReason}
              description={needsReason ? strings.CheckInReasonLabel : undefined}
              multiline
              autoAdjustHeight
              rows={3}
              value={values.comment}
              onChange={(_, value) => set('comment', value ?? '')}
              errorMessage={errors.comment}
            />
            <FieldWarnings messages={check.warnings.comment ?? []} />
          </div>
          <SaveFeedback saving={saving} conflictRows={(stored) => conflictRows(values, stored, lang)} onKeepMine={(stored) => void save(stored)} />
          {!conflict && (
            <Stack horizontal wrap verticalAlign="center" tokens={{ childrenGap: 12 }}>
              <PrimaryButton type="submit" text={correcting ? strings.CheckInCorrectSave : strings.CheckInSave} disabled={busy} allowDisabledFocus />
              {correcting ? (
                <DefaultButton text={strings.CheckInCorrectCancel} disabled={busy} onClick={() => reset(details.action)} />
              ) : (
                correctable && (
                  <DefaultButton
                    iconProps={{ iconName: 'EditNote' }}
                    text={strings.CheckInCorrectLatest}
                    disabled={busy}
                    onClick={() => {
                      checkInKey.current = newCheckInKey();
                      setValues(checkInValuesOf(correctable));
                      setSubmitted(false);
                      setDateConfirmed(false);
                      setCorrecting(correctable);
                    }}
                  />
                )
              )}
              {busy && <Spinner size={SpinnerSize.small} label={strings.FormSaving} labelPosition="right" />}
            </Stack>
          )}
        </Stack>
      </form>
      <IndicatorValues details={details} repository={repository} today={today} lang={lang} onSaved={onReplaceDetails} />
    </section>
  );
}
