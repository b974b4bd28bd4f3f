import * as React from 'react';
import * as strings from 'PstStrings';
import {
  Checkbox,
  DefaultButton,
  Dialog,
  DialogFooter,
  DialogType,
  IContextualMenuItem,
  MessageBar,
  MessageBarType,
  PrimaryButton,
  Spinner,
  SpinnerSize,
  Stack,
  TextField,
} from '@fluentui/react';
import type { PstRepository } from '../../data/PstRepository';
import { ForbiddenError, PstError } from '../../data/errors';
import type { IsoDate } from '../../domain/model';
import type { PlanTreeInput } from '../../domain/tree';
import type { Lang } from '../../domain/vocabularies';
import { withMeansLines } from '../../domain/meansFigures';
import { formatMessage } from '../../text/format';
import { loadReportDetails, ReportDetails } from './loadReportDetails';
import type { PageCommand } from '../ui/pageCommand';

/**
 * « Exporter / publier », the coordinator's documents of the plan shown (all of it, not the
 * page's filters: the council, the Region and the public receive the whole plan): the plan
 * workbook, the public page, the eComptes XML, and the evaluation (EvaluationPanel: snapshots
 * stored on the site, compared and assessed). The generators and the panel come with import() on use.
 */
export interface ExportMenuProps {
  readonly data: PlanTreeInput;
  readonly today: IsoDate;
  readonly lang: Lang;
  readonly repository: Pick<PstRepository, 'loadActionDetails' | 'loadMeans' | 'evaluationArchive'>;
}

type OpenDialog = 'public' | 'ecomptes' | 'evaluation' | null;

const loadExports = () => import(/* webpackChunkName: 'pst-export' */ './generateExports');
const EvaluationPanel = React.lazy(() => import(/* webpackChunkName: 'pst-evaluation-view' */ './EvaluationPanel').then((m) => ({ default: m.EvaluationPanel })));

/** A refusal of the site said as such (storing a snapshot is the coordination's right); else what failed. */
function messageOf(e: unknown): string {
  const failure = PstError.from(e);
  return failure instanceof ForbiddenError ? strings.ExportForbidden : formatMessage(strings.ExportFailed, failure.message);
}

/** The menu as a command of the page's bar (shell/PlanCommandBar). */
export function useExportCommand(props: ExportMenuProps): PageCommand {
  const { data, today, lang, repository } = props;
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);
  const [notice, setNotice] = React.useState<{ text: string; lines: readonly string[] } | null>(null);
  const [dialog, setDialog] = React.useState<OpenDialog>(null);

  // The page's snapshot has no check-ins, indicators nor means lines: read them like the report does.
  const details = React.useCallback((): Promise<ReportDetails> => loadReportDetails(repository, data.actions.map((a) => a.id)), [repository, data]);

  /** Runs one export with the spinner, its failure said in French; the dialog stays open on failure. */
  const run = React.useCallback(async (work: () => Promise<void>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await work();
      return true;
    } catch (e) {
      setError(messageOf(e));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);

  const items: IContextualMenuItem[] = [
    {
      key: 'workbook',
      text: strings.ExportWorkbook,
      iconProps: { iconName: 'ExcelDocument' },
      onClick: () =>
        void run(async () => {
          const [exports, more] = await Promise.all([loadExports(), details()]);
          await exports.downloadPlanWorkbook({ ...data, ...more, actions: withMeansLines(data.actions, more.means) }, today, lang);
        }),
    },
    { key: 'public', text: strings.ExportPublicPage, iconProps: { iconName: 'Globe' }, onClick: () => setDialog('public') },
    { key: 'ecomptes', text: strings.ExportEcomptes, iconProps: { iconName: 'FileCode' }, onClick: () => setDialog('ecomptes') },
    { key: 'evaluation', text: strings.ExportEvaluation, iconProps: { iconName: 'Compare' }, onClick: () => setDialog('evaluation') },
  ];

  const close = () => setDialog(null);

  return {
    item: { key: 'export', text: strings.ExportMenu, iconProps: { iconName: 'Share' }, subMenuProps: { items }, disabled: busy },
    status: (
    <>
      {busy && <Spinner size={SpinnerSize.small} label={strings.ExportWorking} labelPosition="right" />}
      {error && (
        <MessageBar messageBarType={MessageBarType.error} onDismiss={() => setError(null)}>
          {error}
        </MessageBar>
      )}
      {notice && (
        <MessageBar messageBarType={MessageBarType.warning} onDismiss={() => setNotice(null)} isMultiline>
          {notice.text}
          <ul>
            {notice.lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </MessageBar>
      )}
      {dialog === 'public' && (
        <PublicPageDialog
          busy={busy}
          onCancel={close}
          onDownload={async (options) => {
            const done = await run(async () => {
              const [exports, more] = await Promise.all([loadExports(), options.comments || options.checkIns ? details() : Promise.resolve(undefined)]);
              await exports.downloadPublicPage({ ...data, ...more }, { today, lang, ...options });
            });
            if (done) close();
          }}
        />
      )}
      {dialog === 'ecomptes' && (
        <EcomptesDialog
          busy={busy}
          onCancel={close}
          onDownload={async (ins) => {
            let warnings: string[] = [];
            const done = await run(async () => {
              const [exports, more] = await Promise.all([loadExports(), details()]);
              warnings = await exports.downloadEcomptes({ ...data, checkIns: more.checkIns, actions: withMeansLines(data.actions, more.means) }, today, ins);
            });
            if (done) {
              close();
              if (warnings.length > 0) setNotice({ text: strings.ExportEcomptesWarnings, lines: warnings });
            }
          }}
        />
      )}
      {dialog === 'evaluation' && (
        <React.Suspense fallback={<Spinner size={SpinnerSize.small} label={strings.ExportWorking} labelPosition="right" />}>
          <EvaluationPanel {...props} details={details} onClose={close} />
        </React.Suspense>
      )}
    </>
    ),
  };
}

/** The menu on its own, a button with its progress and dialogs below (where there is no command bar). */
export function ExportMenu(props: ExportMenuProps): JSX.Element {
  const { item, status } = useExportCommand(props);
  return (
    <Stack className="pst-no-print" tokens={{ childrenGap: 4 }}>
      <Stack horizontal>
        <DefaultButton text={item.text} iconProps={item.iconProps} menuProps={item.subMenuProps} disabled={item.disabled} />
      </Stack>
      {status}
    </Stack>
  );
}

// ---------------------------------------------------------------- public page

interface PublicChoice {
  readonly comments: boolean;
  readonly emails: boolean;
  readonly checkIns: boolean;
}

function PublicPageDialog(props: { busy: boolean; onCancel: () => void; onDownload: (options: PublicChoice) => Promise<void> }): JSX.Element {
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

function EcomptesDialog(props: { busy: boolean; onCancel: () => void; onDownload: (ins: number) => Promise<void> }): JSX.Element {
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
