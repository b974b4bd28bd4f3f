/**
 * The structure toolbar's change log and plan dialogs (state, next plan), loaded when one is
 * first opened (StructureToolbar.tsx).
 */
import * as React from 'react';
import { DefaultButton, Dialog, DialogFooter, DialogType, Dropdown, MessageBar, MessageBarType, Panel, PanelType, PrimaryButton, Spinner, Stack, Text, TextField } from '@fluentui/react';
import * as strings from 'PstStrings';
import type { PstRepository } from '../../data/PstRepository';
import { PstError } from '../../data/errors';
import type { ChangeLogEntry } from '../../domain/changeLog';
import { isoDateOfLocalDay, Plan } from '../../domain/model';
import { formatDate, isParseError, parsePeriod } from '../../domain/parsing';
import { PLAN_STATES, PlanState } from '../../domain/vocabularies';
import { formatMessage } from '../../text/format';
import { saveErrorMessage } from '../action/save/saveModel';

const stateLabel = (state: PlanState): string => (strings as unknown as Record<string, string>)[`PlanState_${state}`] ?? state;

/** « 02/12/2026 14:05 » in the user's time zone. */
function dateTime(at: string): string {
  const date = new Date(at);
  if (isNaN(date.getTime())) return at;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${formatDate(isoDateOfLocalDay(date))} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The plan's change log: who, when, what. */
/** The plan's change log in a side panel (« Journal des modifications »). */
export function ChangeLogPanel({ repository, planId, onDismiss }: { repository: PstRepository; planId: number; onDismiss: () => void }): JSX.Element {
  return (
    <Panel isOpen type={PanelType.medium} headerText={strings.StructureChangeLog} closeButtonAriaLabel={strings.Close} onDismiss={onDismiss}>
      <ChangeLogView repository={repository} planId={planId} />
    </Panel>
  );
}

export function ChangeLogView({ repository, planId }: { repository: PstRepository; planId: number }): JSX.Element {
  const [entries, setEntries] = React.useState<ChangeLogEntry[] | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  React.useEffect(() => {
    let alive = true;
    repository.structure.loadChangeLog(planId).then(
      (loaded) => alive && setEntries(loaded),
      (failure) => alive && setError(saveErrorMessage(failure)),
    );
    return () => {
      alive = false;
    };
  }, [repository, planId]);
  if (error) return <MessageBar messageBarType={MessageBarType.error}>{error}</MessageBar>;
  if (!entries) return <Spinner label={strings.Loading} />;
  if (entries.length === 0) return <Text>{strings.StructureChangeLogEmpty}</Text>;
  return (
    <table style={{ borderCollapse: 'collapse', width: '100%' }} data-testid="change-log">
      <thead>
        <tr>
          <th scope="col" style={{ textAlign: 'left' }}>{strings.StructureChangeLogWhen}</th>
          <th scope="col" style={{ textAlign: 'left' }}>{strings.StructureChangeLogWho}</th>
          <th scope="col" style={{ textAlign: 'left' }}>{strings.StructureChangeLogWhat}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.id} style={{ verticalAlign: 'top' }}>
            <td style={{ whiteSpace: 'nowrap', paddingRight: 8 }}>{dateTime(entry.at)}</td>
            <td style={{ paddingRight: 8 }}>{entry.author?.displayName ?? ''}</td>
            <td>{entry.summary}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function PlanStateDialog({ plan, repository, onDone, onCancel }: { plan: Plan; repository: PstRepository; onDone: () => void; onCancel: () => void }): JSX.Element {
  const [state, setState] = React.useState<PlanState>(plan.state ?? 'enVigueur');
  const [adopted, setAdopted] = React.useState(plan.adoptedOn ? formatDate(plan.adoptedOn) : '');
  const [problem, setProblem] = React.useState<string | null>(null);
  const [busy, setBusy] = React.useState(false);
  const save = async (): Promise<void> => {
    setProblem(null);
    let day: string | null = null;
    if (adopted.trim() !== '') {
      const period = parsePeriod(adopted);
      if (!period || isParseError(period) || period.precision !== 'day') {
        setProblem(strings.PlanAdoptionDateInvalid);
        return;
      }
      day = period.start;
    }
    setBusy(true);
    try {
      await repository.structure.setPlanState(plan, state, day);
      onDone();
    } catch (failure) {
      const error = PstError.from(failure);
      setProblem(error.kind === 'invalidRequest' ? error.message : saveErrorMessage(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog hidden={false} onDismiss={onCancel} dialogContentProps={{ type: DialogType.normal, title: formatMessage(strings.PlanStateDialogTitle, plan.title) }} modalProps={{ isBlocking: true, isAlert: false }} minWidth={420}>
      <Stack tokens={{ childrenGap: 10 }}>
        <Dropdown
          label={strings.PlanStateLabel}
          options={PLAN_STATES.map((s) => ({ key: s, text: stateLabel(s) }))}
          selectedKey={state}
          onChange={(_e, option) => option && setState(option.key as PlanState)}
        />
        <TextField label={strings.PlanAdoptionDate} value={adopted} onChange={(_e, v) => setAdopted(v ?? '')} placeholder="31/12/2024" />
        <Text block>{strings.PlanInForceNote}</Text>
        {problem && (
          <MessageBar messageBarType={MessageBarType.error} isMultiline>
            {problem}
          </MessageBar>
        )}
      </Stack>
      <DialogFooter>
        <PrimaryButton text={strings.StructureSave} onClick={() => void save()} disabled={busy} />
        <DefaultButton text={strings.StructureCancel} onClick={onCancel} disabled={busy} />
      </DialogFooter>
    </Dialog>
  );
}

export function NextPlanDialog({ plan, repository, onDone, onCancel }: { plan: Plan; repository: PstRepository; onDone: () => void; onCancel: () => void }): JSX.Element {
  const nextStart = plan.endYear !== null ? plan.endYear + 1 : null;
  const length = plan.startYear !== null && plan.endYear !== null ? plan.endYear - plan.startYear : 5;
  const [title, setTitle] = React.useState(nextStart !== null ? `PST ${nextStart}-${nextStart + length}` : '');
  const [start, setStart] = React.useState(nextStart !== null ? String(nextStart) : '');
  const [end, setEnd] = React.useState(nextStart !== null ? String(nextStart + length) : '');
  const [problem, setProblem] = React.useState<string | null>(null);
  const [busy, setBusy] = React.useState(false);
  const year = (text: string): number | null | undefined => (text.trim() === '' ? null : /^\d{4}$/.test(text.trim()) ? Number(text.trim()) : undefined);
  const save = async (): Promise<void> => {
    setProblem(null);
    const startYear = year(start);
    const endYear = year(end);
    if (title.trim() === '') return setProblem(strings.StructureTitleRequired);
    if (startYear === undefined || endYear === undefined) return setProblem(strings.PlanYearInvalid);
    setBusy(true);
    try {
      await repository.structure.startNextPlan(plan.id, { title: title.trim(), organisation: plan.organisation, startYear, endYear });
      onDone();
    } catch (failure) {
      const error = PstError.from(failure);
      setProblem(error.kind === 'invalidRequest' ? error.message : saveErrorMessage(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog hidden={false} onDismiss={onCancel} dialogContentProps={{ type: DialogType.normal, title: strings.PlanStartNext.replace(/…$/, '') }} modalProps={{ isBlocking: true, isAlert: false }} minWidth={420}>
      <Stack tokens={{ childrenGap: 10 }}>
        <Text block>{formatMessage(strings.PlanStartNextText, plan.title)}</Text>
        <TextField label={strings.PlanNewTitle} value={title} onChange={(_e, v) => setTitle(v ?? '')} required />
        <Stack horizontal tokens={{ childrenGap: 8 }}>
          <TextField label={strings.PlanNewStart} value={start} onChange={(_e, v) => setStart(v ?? '')} inputMode="numeric" />
          <TextField label={strings.PlanNewEnd} value={end} onChange={(_e, v) => setEnd(v ?? '')} inputMode="numeric" />
        </Stack>
        {problem && (
          <MessageBar messageBarType={MessageBarType.error} isMultiline>
            {problem}
          </MessageBar>
        )}
      </Stack>
      <DialogFooter>
        <PrimaryButton text={strings.StructureConfirm} onClick={() => void save()} disabled={busy} />
        <DefaultButton text={strings.StructureCancel} onClick={onCancel} disabled={busy} />
      </DialogFooter>
    </Dialog>
  );
}
