import * as React from 'react';
import * as strings from 'PstStrings';
import { DefaultButton, IContextualMenuItem, MessageBar, MessageBarType, Spinner, SpinnerSize, Stack } from '@fluentui/react';
import { loadReportDetails, ReportDetails } from './loadReportDetails';
import { ExportMenuProps, loadExports, messageOf } from './exportSupport';

export type { ExportMenuProps } from './exportSupport';

type OpenDialog = 'public' | 'ecomptes' | 'evaluation' | null;

const loadDialogs = () => import(/* webpackChunkName: 'pst-export-dialogs' */ './ExportDialogs');
const PublicPageDialog = React.lazy(() => loadDialogs().then((m) => ({ default: m.PublicPageDialog })));
const EcomptesDialog = React.lazy(() => loadDialogs().then((m) => ({ default: m.EcomptesDialog })));
const EvaluationDialog = React.lazy(() => loadDialogs().then((m) => ({ default: m.EvaluationDialog })));

export function ExportMenu(props: ExportMenuProps): JSX.Element {
  const { data, today, lang, repository } = props;
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);
  const [notice, setNotice] = React.useState<{ text: string; lines: readonly string[] } | null>(null);
  const [dialog, setDialog] = React.useState<OpenDialog>(null);

  // The page's snapshot has no check-ins nor indicators: read them like the report does.
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
          await exports.downloadPlanWorkbook({ ...data, ...more }, today, lang);
        }),
    },
    { key: 'public', text: strings.ExportPublicPage, iconProps: { iconName: 'Globe' }, onClick: () => setDialog('public') },
    { key: 'ecomptes', text: strings.ExportEcomptes, iconProps: { iconName: 'FileCode' }, onClick: () => setDialog('ecomptes') },
    { key: 'evaluation', text: strings.ExportEvaluation, iconProps: { iconName: 'Compare' }, onClick: () => setDialog('evaluation') },
  ];

  const close = () => setDialog(null);

  return (
    <Stack className="pst-no-print" tokens={{ childrenGap: 4 }}>
      <Stack horizontal verticalAlign="center" tokens={{ childrenGap: 8 }}>
        <DefaultButton text={strings.ExportMenu} iconProps={{ iconName: 'Share' }} menuProps={{ items }} disabled={busy} />
        {busy && <Spinner size={SpinnerSize.small} label={strings.ExportWorking} labelPosition="right" />}
      </Stack>
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
                warnings = await exports.downloadEcomptes({ ...data, checkIns: more.checkIns }, today, ins);
              });
              if (done) {
                close();
                if (warnings.length > 0) setNotice({ text: strings.ExportEcomptesWarnings, lines: warnings });
              }
            }}
          />
        )}
        {dialog === 'evaluation' && <EvaluationDialog {...props} details={details} onClose={close} />}
      </React.Suspense>
    </Stack>
  );
}
