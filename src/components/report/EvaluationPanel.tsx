import * as React from 'react';
import * as strings from 'PstStrings';
import {
  ChoiceGroup,
  DefaultButton,
  Dropdown,
  IDropdownOption,
  MessageBar,
  MessageBarType,
  Panel,
  PanelType,
  PrimaryButton,
  Spinner,
  SpinnerSize,
  Stack,
  Text,
  TextField,
} from '@fluentui/react';
import type { PstRepository } from '../../data/PstRepository';
import { AssessmentsConflictError, ForbiddenError, PstError } from '../../data/errors';
import type { StoredSnapshot } from '../../data/SharePointSnapshotArchive';
import type { StoredAssessments } from '../../data/evaluationAssessments';
import type { IsoDate } from '../../domain/model';
import type { PlanTreeInput } from '../../domain/tree';
import { statusLabel, type Lang } from '../../domain/vocabularies';
import type { ActionRef, EvaluationAssessments, EvaluationKind, FrozenPlan, FrozenStats, ObjectiveComparison, PlanComparison } from '../../domain/evaluation';
import { comparePlans, differingAssessments, EVALUATION_KIND_LABELS, evaluationKey, objectiveAssessmentKey } from '../../domain/evaluation';
import { formatDate, formatEuro, formatNumber, formatPercent } from '../../domain/parsing';
import { formatMessage } from '../../text/format';
import type { ReportDetails } from './loadReportDetails';
import type { ReportFormat } from './generateReport';

/**
 * The coordinator's evaluation (mid-term, end of term): takes a frozen snapshot of the plan,
 * compares two snapshots (or a snapshot and today) on screen, takes the assessment of each
 * OS/OO and the « bilan des synergies commune-CPAS », saves them in the site (ETag-checked:
 * a colleague's newer version is shown next to the typed one, nothing typed is lost) and
 * writes the evaluation report (Word, PDF) with them. Opened from « Exporter / publier »;
 * exported so that a toolbar may place it elsewhere.
 */
export interface EvaluationPanelProps {
  readonly data: PlanTreeInput;
  readonly today: IsoDate;
  readonly lang: Lang;
  readonly repository: Pick<PstRepository, 'loadActionDetails' | 'loadMeans' | 'evaluationArchive'>;
  /** Each action's check-ins and indicators (the page's snapshot has neither). */
  readonly details: () => Promise<ReportDetails>;
  readonly onClose: () => void;
}

const loadExports = () => import(/* webpackChunkName: 'pst-export' */ './generateExports');

const SNAPSHOT_KINDS: readonly EvaluationKind[] = ['miParcours', 'finDeLegislature'];
/** The « compared with » choice that stands for the plan as it is today. */
const TODAY_OPTION = '';

function messageOf(e: unknown): string {
  const failure = PstError.from(e);
  return failure instanceof ForbiddenError ? strings.ExportForbidden : formatMessage(strings.ExportFailed, failure.message);
}

const percent = (value: number | null | undefined): string => (value === null || value === undefined ? '—' : formatPercent(value, 0));
const objectiveName = (o: Pick<ObjectiveComparison, 'level' | 'code' | 'title'>): string => `${o.level === 'os' ? 'OS' : 'OO'}${o.code ? ` ${o.code}` : ''} – ${o.title}`;
const actionName = (a: ActionRef): string => (a.code ? `${a.code} – ${a.title}` : a.title);
const whenSaved = (iso: string | null): string => (iso ? formatDate(iso.slice(0, 10) as IsoDate) : '');

interface Loaded {
  readonly key: string;
  readonly label: string;
  readonly before: FrozenPlan;
  readonly after: FrozenPlan;
  readonly comparison: PlanComparison;
}

export function EvaluationPanel(props: EvaluationPanelProps): JSX.Element {
  const { data, today, lang, repository, details } = props;
  const archive = React.useMemo(() => repository.evaluationArchive(), [repository]);
  const [snapshots, setSnapshots] = React.useState<StoredSnapshot[] | null>(null);
  const [beforeKey, setBeforeKey] = React.useState<string | null>(null);
  const [afterKey, setAfterKey] = React.useState<string>(TODAY_OPTION);
  const [loaded, setLoaded] = React.useState<Loaded | null>(null);
  const [stored, setStored] = React.useState<StoredAssessments | null>(null);
  // What was typed, per evaluation: a change of the pair compared, a failure or a conflict never loses it.
  const [drafts, setDrafts] = React.useState<{ readonly [key: string]: EvaluationAssessments }>({});
  const [conflict, setConflict] = React.useState<StoredAssessments | null>(null);
  const [busy, setBusy] = React.useState(false);
  const [loading, setLoading] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);
  const [notice, setNotice] = React.useState<string | null>(null);

  const refresh = React.useCallback(
    async (select?: string) => {
      const all = await archive.snapshots();
      // The snapshots of the plan shown (a site may keep several plans).
      const ofPlan = all.filter((s) => s.planId === null || s.planId === data.plan.id);
      setSnapshots(ofPlan);
      setBeforeKey((current) => select ?? current ?? (ofPlan.length > 0 ? ofPlan[ofPlan.length - 1].key : null));
    },
    [archive, data.plan.id],
  );

  React.useEffect(() => {
    refresh().catch((e) => {
      setSnapshots([]);
      setError(messageOf(e));
    });
  }, [refresh]);

  const work = async (task: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await task();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  /** The plan today as a snapshot freezes it: with each action's indicators and means lines (the page's snapshot has neither). */
  const freezeToday = React.useCallback(
    async (options: { kind?: EvaluationKind; label: string }) => {
      const [exports, more, means] = await Promise.all([loadExports(), details(), repository.loadMeans()]);
      const actions = data.actions.map((a) => (means.has(a.id) ? { ...a, resources: { ...a.resources, lines: means.get(a.id) } } : a));
      return exports.freezeToday({ ...data, actions, indicators: more.indicators }, today, options);
    },
    [data, details, repository, today],
  );

  // The pair compared: both plans read, compared, and the assessments stored for it.
  React.useEffect(() => {
    if (!beforeKey) return;
    let live = true;
    setLoading(true);
    setError(null);
    setConflict(null);
    (async () => {
      const [before, after] = await Promise.all([archive.load(beforeKey), afterKey === TODAY_OPTION ? freezeToday({ label: strings.ExportTodayLabel }) : archive.load(afterKey)]);
      const key = evaluationKey(beforeKey, afterKey === TODAY_OPTION ? null : afterKey);
      const saved = await archive.assessments(key);
      if (!live) return;
      setLoaded({ key, label: `${before.label} (${formatDate(before.takenOn)}) → ${after.label} (${formatDate(after.takenOn)})`, before, after, comparison: comparePlans(before, after) });
      setStored(saved);
    })()
      .catch((e) => live && setError(messageOf(e)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [archive, beforeKey, afterKey, freezeToday]);

  const draft: EvaluationAssessments | null = loaded ? drafts[loaded.key] ?? stored?.assessments ?? null : null;
  const unsaved = !!loaded && !!stored && !!drafts[loaded.key] && differingAssessments(drafts[loaded.key], stored.assessments).length > 0;
  const edit = (change: (current: EvaluationAssessments) => EvaluationAssessments) => {
    if (!loaded || !draft) return;
    setNotice(null);
    setDrafts((all) => ({ ...all, [loaded.key]: change(draft) }));
  };
  const setObjective = (o: ObjectiveComparison, text: string) =>
    edit((current) => {
      const objectives: { [key: string]: string } = { ...current.objectives, [objectiveAssessmentKey(o)]: text };
      // A text the CLI stored by code gives way to the one typed here.
      if (o.code && o.code in objectives) delete objectives[o.code];
      return { ...current, objectives };
    });

  const save = (over: StoredAssessments | null = stored) =>
    work(async () => {
      if (!loaded || !draft || !over) return;
      try {
        const next = await archive.saveAssessments({ key: loaded.key, label: loaded.label, planId: data.plan.id }, draft, over.etag);
        setStored(next);
        setConflict(null);
        setDrafts((all) => {
          const rest = { ...all };
          delete rest[loaded.key];
          return rest;
        });
        setNotice(formatMessage(strings.EvaluationSaved, next.modifiedBy ?? '', whenSaved(next.modified)));
      } catch (e) {
        if (e instanceof AssessmentsConflictError) {
          setConflict(e.current);
          return;
        }
        throw e;
      }
    });

  const takeTheirs = () => {
    if (!loaded || !conflict) return;
    setStored(conflict);
    setDrafts((all) => ({ ...all, [loaded.key]: conflict.assessments }));
    setConflict(null);
  };

  const generate = (format: ReportFormat) =>
    work(async () => {
      if (!loaded || !draft) return;
      const exports = await loadExports();
      await exports.generateEvaluation(loaded.before, loaded.after, draft, format);
    });

  const afterOptions: IDropdownOption[] = [
    { key: TODAY_OPTION, text: formatMessage(strings.EvaluationTodayOption, formatDate(today)) },
    ...(snapshots ?? []).filter((s) => s.key !== beforeKey).map((s) => ({ key: s.key, text: `${s.label} – ${formatDate(s.takenOn)}` })),
  ];

  return (
    <Panel
      isOpen
      type={PanelType.large}
      headerText={strings.ExportEvaluationTitle}
      closeButtonAriaLabel={strings.ExportClose}
      onDismiss={() => !busy && props.onClose()}
      isBlocking={busy}
    >
      <Stack tokens={{ childrenGap: 16 }}>
        <TakeSnapshot
          lang={lang}
          busy={busy}
          onTake={(kind, label) =>
            work(async () => {
              if (label.trim() === '') throw new Error(strings.ExportSnapshotLabelMissing);
              const frozen = await freezeToday({ kind, label });
              const saved = await archive.save(frozen);
              setNotice(formatMessage(strings.ExportSnapshotTaken, saved.label, formatDate(saved.takenOn), String(frozen.actions.length)));
              await refresh(saved.key);
            })
          }
        />

        <Text variant="large" as="h2">
          {strings.EvaluationCompareHeading}
        </Text>
        {snapshots === null ? (
          <Spinner size={SpinnerSize.small} label={strings.ExportSnapshotsLoading} labelPosition="right" />
        ) : snapshots.length === 0 ? (
          <Text>{strings.ExportSnapshotsNone}</Text>
        ) : (
          <Stack horizontal wrap tokens={{ childrenGap: 12 }}>
            <Dropdown
              label={strings.ExportSnapshotChoice}
              selectedKey={beforeKey ?? undefined}
              options={snapshots.map((s) => ({ key: s.key, text: `${s.label} – ${formatDate(s.takenOn)}` }))}
              onChange={(_e, option) => {
                if (!option) return;
                setBeforeKey(String(option.key));
                if (String(option.key) === afterKey) setAfterKey(TODAY_OPTION);
              }}
              styles={{ root: { minWidth: 280 } }}
            />
            <Dropdown label={strings.EvaluationComparedWith} selectedKey={afterKey} options={afterOptions} onChange={(_e, option) => option && setAfterKey(String(option.key))} styles={{ root: { minWidth: 280 } }} />
          </Stack>
        )}
        {loading && <Spinner size={SpinnerSize.small} label={strings.EvaluationComparing} labelPosition="right" />}
        {busy && <Spinner size={SpinnerSize.small} label={strings.ExportWorking} labelPosition="right" />}
        {notice && (
          <MessageBar messageBarType={MessageBarType.success} onDismiss={() => setNotice(null)}>
            {notice}
          </MessageBar>
        )}
        {error && (
          <MessageBar messageBarType={MessageBarType.error} onDismiss={() => setError(null)} isMultiline>
            {error}
          </MessageBar>
        )}
        {conflict && loaded && draft && (
          <ConflictBar conflict={conflict} mine={draft} comparison={loaded.comparison} busy={busy} onKeepMine={() => void save(conflict)} onTakeTheirs={takeTheirs} />
        )}

        {loaded && draft && !loading && (
          <>
            <ComparisonView comparison={loaded.comparison} assessments={draft} onObjective={setObjective} disabled={busy} />
            <TextField
              label={strings.ExportSynergies}
              multiline
              autoAdjustHeight
              rows={4}
              value={draft.synergies}
              disabled={busy}
              onChange={(_e, value) => edit((current) => ({ ...current, synergies: value ?? '' }))}
            />
            <Text>
              {unsaved
                ? strings.EvaluationUnsaved
                : stored?.modified
                  ? formatMessage(strings.EvaluationLastSaved, stored.modifiedBy ?? '', whenSaved(stored.modified))
                  : strings.EvaluationNeverSaved}
            </Text>
            <Stack horizontal wrap tokens={{ childrenGap: 8 }}>
              <PrimaryButton text={strings.EvaluationSave} iconProps={{ iconName: 'Save' }} disabled={busy || !!conflict} onClick={() => void save()} />
              <DefaultButton text={strings.ExportEvaluationWord} iconProps={{ iconName: 'WordDocument' }} disabled={busy} onClick={() => void generate('docx')} />
              <DefaultButton text={strings.ExportEvaluationPdf} iconProps={{ iconName: 'PDF' }} disabled={busy} onClick={() => void generate('pdf')} />
            </Stack>
          </>
        )}
      </Stack>
    </Panel>
  );
}

// ---------------------------------------------------------------- taking a snapshot

function TakeSnapshot(props: { lang: Lang; busy: boolean; onTake: (kind: EvaluationKind, label: string) => Promise<void> }): JSX.Element {
  const [kind, setKind] = React.useState<EvaluationKind>('miParcours');
  const [label, setLabel] = React.useState<string>(EVALUATION_KIND_LABELS.miParcours[props.lang]);
  const [labelTouched, setLabelTouched] = React.useState(false);
  return (
    <Stack tokens={{ childrenGap: 8 }}>
      <Text variant="large" as="h2">
        {strings.ExportSnapshotHeading}
      </Text>
      <ChoiceGroup
        label={strings.ExportSnapshotKind}
        selectedKey={kind}
        options={SNAPSHOT_KINDS.map((k) => ({ key: k, text: EVALUATION_KIND_LABELS[k][props.lang] }))}
        onChange={(_e, option) => {
          if (!option) return;
          const next = option.key as EvaluationKind;
          setKind(next);
          if (!labelTouched) setLabel(EVALUATION_KIND_LABELS[next][props.lang]);
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
        <PrimaryButton text={strings.ExportSnapshotTake} iconProps={{ iconName: 'Camera' }} disabled={props.busy} onClick={() => void props.onTake(kind, label)} />
      </Stack>
    </Stack>
  );
}

// ---------------------------------------------------------------- the comparison on screen

const tableStyle: React.CSSProperties = { borderCollapse: 'collapse', width: '100%' };
const cellStyle: React.CSSProperties = { borderBottom: '1px solid currentColor', padding: '4px 8px', textAlign: 'left', verticalAlign: 'top' };
const numberStyle: React.CSSProperties = { ...cellStyle, textAlign: 'right', whiteSpace: 'nowrap' };

function Table(props: { caption: string; head: readonly string[]; numeric?: readonly number[]; rows: readonly (readonly string[])[] }): JSX.Element {
  const isNumber = (i: number) => (props.numeric ?? []).indexOf(i) >= 0;
  return (
    <table style={tableStyle}>
      <caption style={{ textAlign: 'left', fontWeight: 600, padding: '4px 0' }}>{props.caption}</caption>
      <thead>
        <tr>
          {props.head.map((h, i) => (
            <th key={h} scope="col" style={isNumber(i) ? numberStyle : cellStyle}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row, r) => (
          <tr key={r}>
            {row.map((cell, i) => (
              <td key={i} style={isNumber(i) ? numberStyle : cellStyle}>
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ActionList(props: { title: string; actions: readonly ActionRef[]; extra?: (a: ActionRef) => string }): JSX.Element {
  return (
    <Stack tokens={{ childrenGap: 4 }}>
      <Text variant="mediumPlus" as="h4">
        {formatMessage(strings.EvaluationCount, props.title, String(props.actions.length))}
      </Text>
      {props.actions.length === 0 ? (
        <Text>{strings.EvaluationNone}</Text>
      ) : (
        <ul style={{ margin: 0 }}>
          {props.actions.map((a) => (
            <li key={a.id}>
              {actionName(a)}
              {props.extra ? ` (${props.extra(a)})` : ''}
            </li>
          ))}
        </ul>
      )}
    </Stack>
  );
}

function statsText(stats: FrozenStats | null): string {
  return stats ? formatMessage(strings.EvaluationObjectiveStats, percent(stats.progress), String(stats.total), String(stats.done)) : strings.EvaluationNotInSnapshot;
}

function ComparisonView(props: { comparison: PlanComparison; assessments: EvaluationAssessments; onObjective: (o: ObjectiveComparison, text: string) => void; disabled: boolean }): JSX.Element {
  const c = props.comparison;
  const before = formatMessage(strings.EvaluationBefore, formatDate(c.before.takenOn));
  const after = formatMessage(strings.EvaluationAfter, formatDate(c.after.takenOn));
  const pair = (f: (s: FrozenStats) => string) => [f(c.figures.before), f(c.figures.after)];
  const changes = new Map(c.progressed.concat(c.completed).map((p) => [p.id, p] as const));
  const postponed = new Map(c.postponed.map((p) => [p.id, p] as const));
  return (
    <Stack tokens={{ childrenGap: 16 }}>
      <Table
        caption={strings.EvaluationSummary}
        head={['', before, after]}
        numeric={[1, 2]}
        rows={[
          [strings.EvaluationFigureActions, ...pair((s) => formatNumber(s.total))],
          [strings.EvaluationFigureDone, ...pair((s) => formatNumber(s.done))],
          [strings.EvaluationFigureProgress, ...pair((s) => percent(s.progress))],
          [strings.EvaluationFigureLate, ...pair((s) => formatNumber(s.late))],
          [strings.EvaluationFigureBlocked, ...pair((s) => formatNumber(s.blocked))],
          [strings.EvaluationFigureCancelled, ...pair((s) => formatNumber(s.cancelled))],
        ]}
      />

      <Text variant="large" as="h3">
        {strings.EvaluationObjectivesHeading}
      </Text>
      {c.objectives.map((o) => (
        <Stack key={`${o.level}${o.id}`} tokens={{ childrenGap: 4 }} style={{ marginLeft: o.level === 'oo' ? 24 : 0 }}>
          <Text variant={o.level === 'os' ? 'mediumPlus' : 'medium'} as={o.level === 'os' ? 'h4' : 'h5'} style={{ fontWeight: 600, margin: 0 }}>
            {objectiveName(o)}
          </Text>
          <Text>
            {before} : {statsText(o.before)} · {after} : {statsText(o.after)}
          </Text>
          <TextField
            label={formatMessage(strings.EvaluationAssessmentOf, objectiveName(o))}
            multiline
            autoAdjustHeight
            rows={2}
            disabled={props.disabled}
            value={props.assessments.objectives[objectiveAssessmentKey(o)] ?? (o.code ? props.assessments.objectives[o.code] : undefined) ?? ''}
            onChange={(_e, value) => props.onObjective(o, value ?? '')}
          />
        </Stack>
      ))}

      <Text variant="large" as="h3">
        {strings.EvaluationChangesHeading}
      </Text>
      <ActionList title={strings.EvaluationCompleted} actions={c.completed} />
      <ActionList title={strings.EvaluationProgressed} actions={c.progressed} extra={(a) => `${percent(changes.get(a.id)?.before)} → ${percent(changes.get(a.id)?.after)}${changes.get(a.id)?.statusAfter ? `, ${statusLabel(changes.get(a.id)!.statusAfter!)}` : ''}`} />
      <ActionList title={strings.EvaluationAdded} actions={c.added} />
      <ActionList title={strings.EvaluationArchived} actions={c.archived} />
      <ActionList title={strings.EvaluationRemoved} actions={c.removed} />
      <ActionList title={strings.EvaluationPostponed} actions={c.postponed} extra={(a) => `${formatDate(postponed.get(a.id)?.endBefore) || '—'} → ${formatDate(postponed.get(a.id)?.endAfter) || '—'}`} />

      {c.indicators.length === 0 ? (
        <Text>{strings.EvaluationNoIndicators}</Text>
      ) : (
        <Table
          caption={strings.EvaluationIndicatorsHeading}
          head={[strings.EvaluationColumnAction, strings.EvaluationColumnIndicator, before, after, strings.EvaluationColumnTarget, strings.EvaluationColumnReached]}
          numeric={[2, 3, 4, 5]}
          rows={c.indicators.map((i) => [actionName(i.action), i.unit ? `${i.label} (${i.unit})` : i.label, formatNumber(i.before) || '—', formatNumber(i.after) || '—', formatNumber(i.target) || '—', percent(i.reached)])}
        />
      )}
      {c.means.length === 0 ? (
        <Text>{strings.EvaluationNoMeans}</Text>
      ) : (
        <Table
          caption={strings.EvaluationMeansHeading}
          head={[strings.EvaluationColumnYear, formatMessage(strings.EvaluationColumnPlanned, before), formatMessage(strings.EvaluationColumnPlanned, after), strings.EvaluationColumnSpent, strings.EvaluationColumnEtp]}
          numeric={[1, 2, 3, 4]}
          rows={c.means.map((m) => [String(m.year), formatEuro(m.plannedBefore), formatEuro(m.plannedAfter), formatEuro(m.spent), formatNumber(m.etp)])}
        />
      )}
    </Stack>
  );
}

// ---------------------------------------------------------------- a colleague's newer version

function ConflictBar(props: {
  conflict: StoredAssessments;
  mine: EvaluationAssessments;
  comparison: PlanComparison;
  busy: boolean;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}): JSX.Element {
  const { conflict, mine } = props;
  const theirs = conflict.assessments;
  const name = (key: string): string => {
    if (key === 'synergies') return strings.ExportSynergies;
    const o = props.comparison.objectives.find((x) => objectiveAssessmentKey(x) === key || (x.code !== null && x.code === key));
    return o ? objectiveName(o) : key;
  };
  const textOf = (a: EvaluationAssessments, key: string) => (key === 'synergies' ? a.synergies : a.objectives[key] ?? '').trim() || strings.EvaluationEmptyText;
  return (
    <MessageBar
      messageBarType={MessageBarType.warning}
      isMultiline
      actions={
        <div>
          <PrimaryButton text={strings.EvaluationKeepMine} disabled={props.busy} onClick={props.onKeepMine} />
          <DefaultButton text={strings.EvaluationTakeTheirs} disabled={props.busy} onClick={props.onTakeTheirs} />
        </div>
      }
    >
      <Text block>{formatMessage(strings.EvaluationConflict, conflict.modifiedBy ?? strings.EvaluationSomeoneElse, whenSaved(conflict.modified))}</Text>
      <dl>
        {differingAssessments(mine, theirs).map((key) => (
          <React.Fragment key={key}>
            <dt style={{ fontWeight: 600 }}>{name(key)}</dt>
            <dd>
              {strings.EvaluationTheirVersion} {textOf(theirs, key)}
            </dd>
            <dd>
              {strings.EvaluationYourVersion} {textOf(mine, key)}
            </dd>
          </React.Fragment>
        ))}
      </dl>
    </MessageBar>
  );
}
