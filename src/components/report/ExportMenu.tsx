import * as React from 'react';
import * as strings from 'PstStrings';
import { DefaultButton, IContextualMenuItem, MessageBar, MessageBarType, Spinner, SpinnerSize, Stack } from '@fluentui/react';
import { withMeansLines } from '../../domain/meansFigures';
import type { PageCommand } from '../ui/pageCommand';
import { loadReportDetails, ReportDetails } from './loadReportDetails';
import { ExportMenuProps, loadExports, messageOf } from './exportSupport';

export type { ExportMenuProps } from './exportSupport';

type OpenDialog = 'public' | 'ecomptes' | 'evaluation' | null;

// The dialogs and the evaluation panel come with their first use, not with the page.
const loadDialogs = () => import(/* webpackChunkName: 'pst-export-dialogs' */ './ExportDialogs');
const PublicPageDialog = React.lazy(() => loadDialogs().then((m) => ({ default: m.PublicPageDialog })));
const EcomptesDialog = React.lazy(() => loadDialogs().then((m) => ({ default: m.EcomptesDialog })));
const EvaluationPanel = React.lazy(() => import(/* webpackChunkName: 'pst-evaluation-view' */ './EvaluationPanel').then((m) => ({ default: m.EvaluationPanel })));

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
      <React.Suspense fallback={dialog ? <Spinner size={SpinnerSize.small} label={strings.Loading} /> : null}>
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
        {dialog === 'evaluation' && <EvaluationPanel {...props} details={details} onClose={close} />}
      </React.Suspense>
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
