/**
 * The dialogs of « Exporter / publier » (public page, eComptes, evaluation), loaded when
 * one is first opened (ExportMenu.tsx): their Fluent controls are not on a page's first render.
 */
import * as React from 'react';
import * as strings from 'PstStrings';
import { Checkbox, ChoiceGroup, DefaultButton, Dialog, DialogFooter, DialogType, Dropdown, MessageBar, MessageBarType, PrimaryButton, Spinner, SpinnerSize, Stack, Text, TextField } from '@fluentui/react';
import type { StoredSnapshot } from '../../data/SharePointSnapshotArchive';
import type { EvaluationKind } from '../../domain/evaluation';
import { EVALUATION_KIND_LABELS } from '../../domain/evaluation';
import { formatDate } from '../../domain/parsing';
import { formatMessage } from '../../text/format';
import type { ReportDetails } from './loadReportDetails';
import type { ReportFormat } from './generateReport';
import { ExportMenuProps, loadExports, messageOf } from './exportSupport';

// ---------------------------------------------------------------- public page

export interface PublicChoice {
  readonly comments: boolean;
  readonly emails: boolean;
  readonly checkIns: boolean;
}

export function PublicPageDialog(props: { busy: boolean; onCancel: () => void; onDownload: (options: PublicChoice) => Promise<void> }): JSX.Element {
  const [choice, setChoice] = React.useState<PublicChoice>({ comments: false, emails: false, checkIns: false });
  const toggle = (key: keyof PublicChoice) => (_e?: unknown, checked?: boolean) => setChoice((c) => ({ ...c, [key]: !!checked }));
  return (
    <Dialog hidden={false} onDismiss={props.onCancel} dialogContentProps={{ type: DialogType.normal, title: strings.ExportPublicTitle, subText: strings.ExportPublicIntro }} modalProps={{ isBlocking: props.busy }}>
      <Stack tokens={{ childrenGap: 8 }}>
        <Checkbox label={strings.ExportPublicComments} checked={choice.comments} onChange={toggle('comments')} />
        <Checkbox label={strings.ExportPublicEmails} checked={choice.emails} onChange={toggle('emails')} />
        <Checkbox label={strings.ExportPublicCheckIns} checked={choice.checkIns} onChange={toggle('checkIns')} />
      </Stack>
      <DialogFooter>
        <PrimaryButton text={strings.ExportDownload} disabled={props.busy} onClick={() => void props.onDownload(choice)} />
        <DefaultButton text={strings.ExportCancel} disabled={props.busy} onClick={props.onCancel} />
      </DialogFooter>
    </Dialog>
  );
}

// ---------------------------------------------------------------- eComptes

export function EcomptesDialog(props: { busy: boolean; onCancel: () => void; onDownload: (ins: number) => Promise<void> }): JSX.Element {
  const [ins, setIns] = React.useState('');
  const trimmed = ins.trim();
  const invalid = trimmed !== '' && !/^\d{1,9}$/.test(trimmed);
  return (
    <Dialog hidden={false} onDismiss={props.onCancel} dialogContentProps={{ type: DialogType.normal, title: strings.ExportEcomptesTitle, subText: strings.ExportEcomptesIntro }} modalProps={{ isBlocking: props.busy }}>
      <TextField
        label={strings.ExportEcomptesIns}
        value={ins}
        inputMode="numeric"
        onChange={(_e, value) => setIns(value ?? '')}
        errorMessage={invalid ? formatMessage(strings.ExportEcomptesInsInvalid, trimmed) : undefined}
      />
      <DialogFooter>
        <PrimaryButton text={strings.ExportDownload} disabled={props.busy || invalid} onClick={() => void props.onDownload(trimmed === '' ? 0 : Number(trimmed))} />
        <DefaultButton text={strings.ExportCancel} disabled={props.busy} onClick={props.onCancel} />
      </DialogFooter>
    </Dialog>
  );
}

// ---------------------------------------------------------------- evaluation

const SNAPSHOT_KINDS: readonly EvaluationKind[] = ['miParcours', 'finDeLegislature'];

export function EvaluationDialog(props: ExportMenuProps & { details: () => Promise<ReportDetails>; onClose: () => void }): JSX.Element {
  const { data, today, lang, repository, details } = props;
  const archive = React.useMemo(() => repository.evaluationArchive(), [repository]);
  const [kind, setKind] = React.useState<EvaluationKind>('miParcours');
  const [label, setLabel] = React.useState<string>(EVALUATION_KIND_LABELS.miParcours[lang]);
  const [labelTouched, setLabelTouched] = React.useState(false);
  const [snapshots, setSnapshots] = React.useState<StoredSnapshot[] | null>(null);
  const [chosen, setChosen] = React.useState<string | null>(null);
  const [synergies, setSynergies] = React.useState('');
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);
  const [saved, setSaved] = React.useState<string | null>(null);

  const refresh = React.useCallback(async (select?: string) => {
    const all = await archive.snapshots();
    // The snapshots of the plan shown (a site may keep several plans).
    const ofPlan = all.filter((s) => s.planId === null || s.planId === data.plan.id);
    setSnapshots(ofPlan);
    setChosen((current) => select ?? current ?? (ofPlan.length > 0 ? ofPlan[ofPlan.length - 1].key : null));
  }, [archive, data.plan.id]);

  React.useEffect(() => {
    refresh().catch((e) => {
      setSnapshots([]);
      setError(messageOf(e));
    });
  }, [refresh]);

  const work = async (task: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    setSaved(null);
    try {
      await task();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const take = () =>
    work(async () => {
      if (label.trim() === '') throw new Error(strings.ExportSnapshotLabelMissing);
      const [exports, more] = await Promise.all([loadExports(), details()]);
      const frozen = await exports.freezeToday({ ...data, indicators: more.indicators }, today, { kind, label });
      const stored = await archive.save(frozen);
      setSaved(formatMessage(strings.ExportSnapshotTaken, stored.label, formatDate(stored.takenOn), String(frozen.actions.length)));
      await refresh(stored.key);
    });

  const evaluate = (format: ReportFormat) =>
    work(async () => {
      if (!chosen) return;
      const [exports, before, more] = await Promise.all([loadExports(), archive.load(chosen), details()]);
      const after = await exports.freezeToday({ ...data, indicators: more.indicators }, today, { label: strings.ExportTodayLabel });
      await exports.generateEvaluation(before, after, { objectives: {}, synergies }, format);
    });

  return (
    <Dialog
      hidden={false}
      onDismiss={props.onClose}
      dialogContentProps={{ type: DialogType.normal, title: strings.ExportEvaluationTitle }}
      modalProps={{ isBlocking: busy }}
      minWidth={480}
    >
      <Stack tokens={{ childrenGap: 12 }}>
        <Text variant="mediumPlus" as="h3">
          {strings.ExportSnapshotHeading}
        </Text>
        <ChoiceGroup
          label={strings.ExportSnapshotKind}
          selectedKey={kind}
          options={SNAPSHOT_KINDS.map((k) => ({ key: k, text: EVALUATION_KIND_LABELS[k][lang] }))}
          onChange={(_e, option) => {
            if (!option) return;
            const next = option.key as EvaluationKind;
            setKind(next);
            if (!labelTouched) setLabel(EVALUATION_KIND_LABELS[next][lang]);
          }}
        />
        <TextField
          label={strings.ExportSnapshotLabel}
          value={label}
          required
          onChange={(_e, value) => {
            setLabel(value ?? '');
            setLabelTouched(true);
          }}
        />
        <Stack horizontal>
          <PrimaryButton text={strings.ExportSnapshotTake} iconProps={{ iconName: 'Camera' }} disabled={busy} onClick={() => void take()} />
        </Stack>
        {saved && <MessageBar messageBarType={MessageBarType.success}>{saved}</MessageBar>}

        <Text variant="mediumPlus" as="h3">
          {strings.ExportSnapshotsHeading}
        </Text>
        {snapshots === null ? (
          <Spinner size={SpinnerSize.small} label={strings.ExportSnapshotsLoading} labelPosition="right" />
        ) : snapshots.length === 0 ? (
          <Text>{strings.ExportSnapshotsNone}</Text>
        ) : (
          <>
            <Dropdown
              label={strings.ExportSnapshotChoice}
              selectedKey={chosen ?? undefined}
              options={snapshots.map((s) => ({ key: s.key, text: `${s.label} – ${formatDate(s.takenOn)}` }))}
              onChange={(_e, option) => option && setChosen(String(option.key))}
            />
            <TextField label={strings.ExportSynergies} multiline rows={3} value={synergies} onChange={(_e, value) => setSynergies(value ?? '')} />
            <Stack horizontal tokens={{ childrenGap: 8 }}>
              <DefaultButton text={strings.ExportEvaluationWord} iconProps={{ iconName: 'WordDocument' }} disabled={busy || !chosen} onClick={() => void evaluate('docx')} />
              <DefaultButton text={strings.ExportEvaluationPdf} iconProps={{ iconName: 'PDF' }} disabled={busy || !chosen} onClick={() => void evaluate('pdf')} />
            </Stack>
          </>
        )}
        {busy && <Spinner size={SpinnerSize.small} label={strings.ExportWorking} labelPosition="right" />}
        {error && (
          <MessageBar messageBarType={MessageBarType.error} onDismiss={() => setError(null)}>
            {error}
          </MessageBar>
        )}
      </Stack>
      <DialogFooter>
        <DefaultButton text={strings.ExportClose} disabled={busy} onClick={props.onClose} />
      </DialogFooter>
    </Dialog>
  );
}
