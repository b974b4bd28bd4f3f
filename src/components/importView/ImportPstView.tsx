/**
 * « Importer un PST », the coordinator's view: a file is dropped (or chosen), read and
 * understood in the browser by the same importer as `npm run import`, the report and the
 * tree are previewed next to what the import would change on the site (a dry run), and
 * nothing is written before the coordinator confirms. A write that stops half-way says
 * so and can be resumed: what was written is matched again by code or title path.
 */
import * as React from 'react';
import {
  DefaultButton,
  FontIcon,
  Link,
  mergeStyleSets,
  MessageBar,
  MessageBarType,
  PrimaryButton,
  Spinner,
  SpinnerSize,
  Stack,
  Text,
  useTheme,
} from '@fluentui/react';
import * as strings from 'PstStrings';
import type { PstRepository, SiteImportResult } from '../../data/PstRepository';
import type { PstFilter } from '../../domain/filter';
import { filterFromQuery } from '../../domain/links/filterQuery';
import type { IsoDate, Plan } from '../../domain/model';
import type { Lang } from '../../domain/vocabularies';
import type { ImportAnalysis } from '../../import';
import { offerDownload, XLSX_TYPE } from '../ui/download';
import { formatMessage } from '../../text/format';
import { ObjectiveTree } from '../tree/ObjectiveTree';
import { useMounted } from '../ui/useMounted';
import { Corrections, hasCorrections, NO_CORRECTIONS, ReadingCorrections, rulesJson } from './ReadingCorrections';
import { ImportTargetChoice, ImportTargetPicker, importOptionsOf, SyncChangesTable } from './ImportTarget';

type Importer = typeof import('../../import');

/** The readers and the parser are a chunk of their own, loaded when the view opens. */
const loadImporter = (): Promise<Importer> => import(/* webpackChunkName: 'pst-import' */ '../../import');

export const ACCEPTED_EXTENSIONS = '.docx,.docm,.pdf,.md,.markdown,.txt,.xlsx,.xlsm,.csv,.xml';

export interface ImportPstViewProps {
  readonly repository: PstRepository;
  /** The plans already on the site, to name the one a document updates. */
  readonly existingPlans: readonly Plan[];
  readonly lang: Lang;
  readonly today: IsoDate;
  /** Something was written: the web parts reload. */
  readonly onImported: () => void;
  /** After a write: open « Désigner les chefs de projet » for the leads the document named. */
  readonly onDesignateLeads?: () => void;
}

type Comparison = { kind: 'loading' } | { kind: 'ready'; result: SiteImportResult } | { kind: 'failed'; message: string };

type Step =
  | { kind: 'choose'; refused?: { fileName: string; message: string } }
  | { kind: 'reading'; fileName: string }
  | { kind: 'preview'; importer: Importer; analysis: ImportAnalysis; comparison: Comparison }
  | { kind: 'writing'; importer: Importer; analysis: ImportAnalysis }
  | { kind: 'written'; importer: Importer; analysis: ImportAnalysis; result: SiteImportResult }
  | { kind: 'failed'; importer: Importer; analysis: ImportAnalysis; message: string };

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Blob.arrayBuffer where the browser has it, FileReader otherwise. */
function readBytes(file: Blob): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer().then((buffer) => new Uint8Array(buffer));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(file);
  });
}

/** Items added and updated by a write, all kinds together. */
function writtenTotals(result: SiteImportResult): { added: number; updated: number } {
  const counts = Object.values(result.written);
  return { added: counts.reduce((n, c) => n + c.added, 0), updated: counts.reduce((n, c) => n + c.updated, 0) };
}

/** Lets the spinner paint before a long synchronous parse. */
const nextFrame = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function useClasses() {
  const theme = useTheme();
  return React.useMemo(
    () =>
      mergeStyleSets({
        dropZone: {
          border: `2px dashed ${theme.palette.neutralTertiary}`,
          borderRadius: 4,
          padding: '28px 16px',
          textAlign: 'center',
          cursor: 'pointer',
          background: theme.semanticColors.bodyBackground,
          color: theme.semanticColors.bodyText,
          selectors: {
            ':focus': { outline: `2px solid ${theme.palette.themePrimary}`, outlineOffset: 2 },
            ':hover': { borderColor: theme.palette.themePrimary },
          },
        },
        dragging: { borderColor: theme.palette.themePrimary, background: theme.palette.themeLighterAlt },
        figures: { display: 'grid', gridTemplateColumns: 'max-content max-content', columnGap: 16, rowGap: 2, margin: 0 },
        figureValue: { margin: 0, textAlign: 'right', fontWeight: 600 },
        list: { margin: '4px 0', paddingLeft: 20 },
        muted: { color: theme.semanticColors.bodySubtext },
        hidden: { display: 'none' },
      }),
    [theme],
  );
}

export function ImportPstView(props: ImportPstViewProps): JSX.Element {
  const { repository, existingPlans, lang, today, onImported } = props;
  const classes = useClasses();
  const mounted = useMounted();
  const [step, setStep] = React.useState<Step>({ kind: 'choose' });
  const [dragging, setDragging] = React.useState(false);
  const input = React.useRef<HTMLInputElement>(null);
  // The document as read, kept to read it again under the coordinator's corrections.
  const [source, setSource] = React.useState<{ name: string; bytes: Uint8Array } | null>(null);
  const [corrections, setCorrections] = React.useState<Corrections>(NO_CORRECTIONS);
  const [refused, setRefused] = React.useState<string | null>(null);
  // The latest file wins: a comparison that answers after another file was dropped is dropped.
  const generation = React.useRef(0);
  // « Nouveau plan » or « mise à jour de … » (plan's life): by default the plan the document resembles.
  const target = React.useRef<ImportTargetChoice>({ kind: 'auto' });

  const compare = React.useCallback(
    async (importer: Importer, analysis: ImportAnalysis, current: number): Promise<void> => {
      let comparison: Comparison;
      try {
        comparison = { kind: 'ready', result: await repository.importDocumentPlan(analysis.plan, { ...importOptionsOf(target.current), dryRun: true }) };
      } catch (error) {
        comparison = { kind: 'failed', message: errorText(error) };
      }
      if (mounted.current && generation.current === current) setStep({ kind: 'preview', importer, analysis, comparison });
    },
    [repository, mounted],
  );

  const readFile = React.useCallback(
    async (file: File): Promise<void> => {
      const current = ++generation.current;
      setStep({ kind: 'reading', fileName: file.name });
      let importer: Importer;
      try {
        importer = await loadImporter();
      } catch (error) {
        setStep({ kind: 'choose', refused: { fileName: file.name, message: errorText(error) } });
        return;
      }
      let analysis: ImportAnalysis;
      let bytes: Uint8Array;
      try {
        // Refused on its size before being loaded into memory.
        importer.checkBeforeReading(file.name, file.size);
        bytes = await readBytes(file);
        await nextFrame();
        analysis = importer.analyseDocument(file.name, bytes);
      } catch (error) {
        if (mounted.current && generation.current === current) setStep({ kind: 'choose', refused: { fileName: file.name, message: errorText(error) } });
        return;
      }
      if (!mounted.current || generation.current !== current) return;
      setSource({ name: file.name, bytes });
      target.current = { kind: 'auto' };
      setCorrections(NO_CORRECTIONS);
      setRefused(null);
      setStep({ kind: 'preview', importer, analysis, comparison: { kind: 'loading' } });
      await compare(importer, analysis, current);
    },
    [compare, mounted],
  );

  const write = async (importer: Importer, analysis: ImportAnalysis): Promise<void> => {
    setStep({ kind: 'writing', importer, analysis });
    try {
      const result = await repository.importDocumentPlan(analysis.plan, importOptionsOf(target.current));
      if (mounted.current) setStep({ kind: 'written', importer, analysis, result });
      const totals = writtenTotals(result);
      if (totals.added + totals.updated > 0) onImported();
    } catch (error) {
      if (mounted.current) setStep({ kind: 'failed', importer, analysis, message: errorText(error) });
    }
  };

  /** The preview read again at once under the corrections; a correction that fails is refused and the preview kept. */
  const correct = (importer: Importer, next: Corrections): void => {
    if (!source) return;
    let analysis: ImportAnalysis;
    try {
      analysis = importer.analyseDocument(source.name, source.bytes, { rules: hasCorrections(next) ? importer.parseRules(rulesJson(next)) : undefined });
    } catch (error) {
      setRefused(errorText(error));
      return;
    }
    setRefused(null);
    setCorrections(next);
    const current = ++generation.current;
    setStep({ kind: 'preview', importer, analysis, comparison: { kind: 'loading' } });
    void compare(importer, analysis, current);
  };

  const chooseFile = (): void => input.current?.click();
  const downloadTemplate = async (): Promise<void> => {
    offerDownload((await loadImporter()).writeTemplate(), 'modele-import-PST.xlsx', XLSX_TYPE);
  };

  const fileInput = (
    <input
      ref={input}
      type="file"
      accept={ACCEPTED_EXTENSIONS}
      className={classes.hidden}
      aria-label={strings.ImportPst}
      data-testid="pst-import-file"
      onChange={(event) => {
        const file = event.target.files && event.target.files[0];
        event.target.value = '';
        if (file) void readFile(file);
      }}
    />
  );

  if (step.kind === 'choose' || step.kind === 'reading') {
    return (
      <Stack tokens={{ childrenGap: 12 }}>
        <Text>{strings.ImportIntro}</Text>
        {step.kind === 'choose' && step.refused && (
          <MessageBar messageBarType={MessageBarType.error} isMultiline role="alert">
            <strong>{formatMessage(strings.ImportRefused, step.refused.fileName)}</strong> {step.refused.message}
          </MessageBar>
        )}
        {step.kind === 'reading' ? (
          <Spinner size={SpinnerSize.large} label={formatMessage(strings.ImportReading, step.fileName)} ariaLive="polite" />
        ) : (
          <div
            role="button"
            tabIndex={0}
            aria-describedby="pst-import-formats"
            className={`${classes.dropZone} ${dragging ? classes.dragging : ''}`}
            onClick={chooseFile}
            onKeyDown={(event) => {
              if (event.key === 'Enter' || event.key === ' ') {
                event.preventDefault();
                chooseFile();
              }
            }}
            onDragOver={(event) => {
              event.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={(event) => {
              event.preventDefault();
              setDragging(false);
              const file = event.dataTransfer.files && event.dataTransfer.files[0];
              if (file) void readFile(file);
            }}
          >
            <FontIcon iconName="CloudUpload" aria-hidden style={{ fontSize: 32, display: 'block', marginBottom: 8 }} />
            <Text variant="mediumPlus">{strings.ImportDropZone}</Text>
          </div>
        )}
        <Text id="pst-import-formats" className={classes.muted}>
          {strings.ImportFormats}{' '}
          <Link onClick={() => void downloadTemplate()}>{strings.ImportTemplate}</Link>
        </Text>
        {fileInput}
      </Stack>
    );
  }

  const { importer, analysis } = step;
  const comparison: Comparison | null = step.kind === 'preview' ? step.comparison : null;
  const pending = comparison?.kind === 'ready' && comparison.result.sync ? importer.syncTotals(comparison.result.sync) : null;
  const nothingToDo = pending !== null && pending.adds + pending.updates === 0;

  return (
    <Stack tokens={{ childrenGap: 16 }}>
      <Text variant="large" as="h3" style={{ margin: 0 }}>
        {analysis.fileName}
        {[analysis.outline.organisation, analysis.outline.period].filter((v) => v).length > 0 && (
          <span className={classes.muted}> — {[analysis.outline.organisation, analysis.outline.period].filter((v) => v).join(', ')}</span>
        )}
      </Text>

      {step.kind === 'preview' && (
        <ImportTargetPicker
          plans={existingPlans}
          result={step.comparison.kind === 'ready' ? step.comparison.result : null}
          onChange={(next) => {
            target.current = next;
            const current = ++generation.current;
            setStep({ kind: 'preview', importer, analysis, comparison: { kind: 'loading' } });
            void compare(importer, analysis, current);
          }}
        />
      )}
      {step.kind === 'preview' && <ComparisonMessage comparison={step.comparison} importer={importer} existingPlans={existingPlans} />}
      {step.kind === 'preview' && step.comparison.kind === 'ready' && step.comparison.result.stored && (
        <SyncChangesTable result={step.comparison.result} stored={step.comparison.result.stored} planTitle={planTitleOf(existingPlans, step.comparison.result.planId)} lang={lang} />
      )}
      {step.kind === 'writing' && <Spinner size={SpinnerSize.large} label={strings.ImportWriting} ariaLive="assertive" />}
      {step.kind === 'written' && <WriteOutcome result={step.result} />}
      {step.kind === 'failed' && (
        <MessageBar messageBarType={MessageBarType.error} isMultiline role="alert">
          {formatMessage(strings.ImportFailed, step.message)}
        </MessageBar>
      )}

      <Stack horizontal wrap tokens={{ childrenGap: 8 }}>
        {step.kind === 'preview' && (
          <PrimaryButton
            text={strings.ImportConfirm}
            iconProps={{ iconName: 'CloudUpload' }}
            disabled={comparison?.kind !== 'ready' || nothingToDo}
            onClick={() => void write(importer, analysis)}
          />
        )}
        {step.kind === 'written' && props.onDesignateLeads && (
          <PrimaryButton text={strings.DesignateOpen} iconProps={{ iconName: 'People' }} onClick={props.onDesignateLeads} />
        )}
        {(step.kind === 'failed' || (step.kind === 'written' && !step.result.complete)) && (
          <PrimaryButton text={strings.ImportResume} iconProps={{ iconName: 'Refresh' }} onClick={() => void write(importer, analysis)} />
        )}
        {step.kind !== 'writing' && (
          <DefaultButton
            text={strings.ImportAnotherFile}
            iconProps={{ iconName: 'OpenFile' }}
            onClick={() => {
              generation.current++;
              setStep({ kind: 'choose' });
            }}
          />
        )}
      </Stack>

      <ImportReport analysis={analysis} importer={importer} />

      {step.kind === 'preview' && (
        <ReadingCorrections
          profileLines={analysis.profileLines || []}
          profileEntries={analysis.profileEntries}
          fieldNames={importer.FIELD_NAMES_FR}
          corrections={corrections}
          onChange={(next) => correct(importer, next)}
          refused={refused}
        />
      )}

      <section aria-label={strings.ImportTreePreview}>
        <Text variant="mediumPlus" as="h4" style={{ margin: '0 0 8px' }}>
          {strings.ImportTreePreview}
        </Text>
        <PreviewTree analysis={analysis} lang={lang} today={today} />
      </section>
      {fileInput}
    </Stack>
  );
}

function planTitleOf(plans: readonly Plan[], planId: number | null): string {
  return plans.find((p) => p.id === planId)?.title ?? '';
}

function ComparisonMessage({ comparison, importer, existingPlans }: { comparison: Comparison; importer: Importer; existingPlans: readonly Plan[] }): JSX.Element {
  if (comparison.kind === 'loading') return <Spinner label={strings.ImportComparing} labelPosition="right" ariaLive="polite" />;
  if (comparison.kind === 'failed') {
    return (
      <MessageBar messageBarType={MessageBarType.error} isMultiline>
        {formatMessage(strings.ImportCompareFailed, comparison.message)}
      </MessageBar>
    );
  }
  const result = comparison.result;
  if (result.mode === 'new' || !result.sync) return <MessageBar messageBarType={MessageBarType.info}>{strings.ImportWillCreate}</MessageBar>;
  const totals = importer.syncTotals(result.sync);
  const plan = existingPlans.find((p) => p.id === result.planId);
  if (totals.adds + totals.updates === 0) return <MessageBar messageBarType={MessageBarType.success}>{strings.ImportNothingToDo}</MessageBar>;
  return (
    <MessageBar messageBarType={MessageBarType.info} isMultiline>
      {formatMessage(strings.ImportWillUpdate, plan ? plan.title : `n° ${result.planId}`, String(totals.adds), String(totals.updates), String(totals.unchanged))}
      {totals.absent > 0 && <> {formatMessage(strings.ImportAbsentKept, String(totals.absent))}</>}
    </MessageBar>
  );
}

function WriteOutcome({ result }: { result: SiteImportResult }): JSX.Element {
  const w = result.written;
  if (!result.complete) {
    return (
      <MessageBar messageBarType={MessageBarType.severeWarning} isMultiline role="alert">
        {formatMessage(strings.ImportIncomplete, String(result.notWritten))}
        {result.failures.length > 0 && (
          <ul style={{ margin: '4px 0', paddingLeft: 20 }}>
            {result.failures.map((failure, index) => (
              <li key={index}>{failure}</li>
            ))}
          </ul>
        )}
      </MessageBar>
    );
  }
  const totals = writtenTotals(result);
  const message =
    result.mode === 'new'
      ? formatMessage(strings.ImportDoneNew, String(w.strategicObjectives.added), String(w.operationalObjectives.added), String(w.actions.added))
      : formatMessage(strings.ImportDoneSync, String(totals.added), String(totals.updated));
  return (
    <MessageBar messageBarType={MessageBarType.success} role="status">
      {message}
    </MessageBar>
  );
}

function ImportReport({ analysis, importer }: { analysis: ImportAnalysis; importer: Importer }): JSX.Element {
  const classes = useClasses();
  const figures = importer.reportFigures(analysis);
  const rows: [string, string][] = [
    [strings.ImportFigureVolets, figures.volets.length ? `${figures.volets.length} (${figures.volets.join(', ')})` : '0'],
    [strings.ImportFigureSections, String(figures.sections)],
    [strings.ImportFigureOs, String(figures.strategicObjectives)],
    [strings.ImportFigureOo, String(figures.operationalObjectives)],
    [strings.ImportFigureActions, String(figures.actions)],
    [strings.ImportFigureSubActions, String(figures.subActions)],
  ];
  const fieldKeys = Object.keys(analysis.fieldCounts).sort((a, b) => analysis.fieldCounts[b] - analysis.fieldCounts[a]);
  const fieldNames = importer.FIELD_NAMES_FR as { readonly [key: string]: string };
  const warnings = importer.valuesToCheck(analysis);
  return (
    <Stack tokens={{ childrenGap: 12 }}>
      <section aria-label={strings.ImportStructure}>
        <Text variant="mediumPlus" as="h4" style={{ margin: '0 0 4px' }}>
          {strings.ImportStructure}
        </Text>
        <dl className={classes.figures}>
          {rows.map(([label, value]) => (
            <React.Fragment key={label}>
              <dt>{label}</dt>
              <dd className={classes.figureValue}>{value}</dd>
            </React.Fragment>
          ))}
        </dl>
      </section>
      <section aria-label={formatMessage(strings.ImportFields, String(figures.actions))}>
        {fieldKeys.length === 0 ? (
          <Text>{strings.ImportNoFields}</Text>
        ) : (
          <>
            <Text variant="mediumPlus" as="h4" style={{ margin: '0 0 4px' }}>
              {formatMessage(strings.ImportFields, String(figures.actions))}
            </Text>
            <dl className={classes.figures}>
              {fieldKeys.map((key) => (
                <React.Fragment key={key}>
                  <dt>{fieldNames[key] || key}</dt>
                  <dd className={classes.figureValue}>{analysis.fieldCounts[key]}</dd>
                </React.Fragment>
              ))}
            </dl>
          </>
        )}
      </section>
      <section aria-label={formatMessage(strings.ImportAnomalies, String(analysis.anomalies.length))}>
        {analysis.anomalies.length === 0 ? (
          <Text>{strings.ImportNoAnomalies}</Text>
        ) : (
          <>
            <Text variant="mediumPlus" as="h4" style={{ margin: 0 }}>
              {formatMessage(strings.ImportAnomalies, String(analysis.anomalies.length))}
            </Text>
            <ul className={classes.list}>
              {analysis.anomalies.map((anomaly, index) => (
                <li key={index}>
                  <strong>
                    {anomaly.line > 0
                      ? anomaly.page
                        ? formatMessage(strings.ImportAnomalyLinePage, String(anomaly.line), String(anomaly.page))
                        : formatMessage(strings.ImportAnomalyLine, String(anomaly.line))
                      : strings.ImportAnomalyDocument}
                  </strong>
                  {' — '}
                  {anomalyTitle(anomaly.kind)} : {anomaly.message}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      {warnings.length > 0 && (
        <section aria-label={formatMessage(strings.ImportValuesToCheck, String(warnings.length))}>
          <Text variant="mediumPlus" as="h4" style={{ margin: 0 }}>
            {formatMessage(strings.ImportValuesToCheck, String(warnings.length))}
          </Text>
          <ul className={classes.list}>
            {warnings.map((warning, index) => (
              <li key={index}>
                <strong>{warning.path}</strong> — {warning.message}
              </li>
            ))}
          </ul>
        </section>
      )}
    </Stack>
  );
}

function anomalyTitle(kind: ImportAnalysis['anomalies'][number]['kind']): string {
  const key = `ImportAnomaly_${kind}` as keyof typeof strings;
  const title = strings[key];
  return typeof title === 'string' ? title : kind;
}

function PreviewTree({ analysis, lang, today }: { analysis: ImportAnalysis; lang: Lang; today: IsoDate }): JSX.Element {
  const [filter, setFilter] = React.useState<PstFilter>(() => filterFromQuery(''));
  return (
    <ObjectiveTree data={analysis.plan} today={today} lang={lang} filter={filter} onFilterChange={setFilter} onOpenAction={() => undefined} hideFilterBar preview />
  );
}
