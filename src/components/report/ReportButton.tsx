import * as React from 'react';
import { IContextualMenuItem, MessageBar, MessageBarType, Spinner, SpinnerSize } from '@fluentui/react';
import type { ReportInput, ReportVariant } from '../../domain/report';
import type { IsoDate } from '../../domain/model';
import type { Lang } from '../../domain/vocabularies';
import type { ReportFormat } from './generateReport';
import type { PageCommand } from '../ui/pageCommand';

/**
 * « Générer un rapport »: one command of the page's bar for the dashboard and the tree, a menu of the report
 * variants in Word or PDF. The report is written from the plan as shown (the active
 * filters, said on the title page) by generateReport, loaded on the click.
 * `loadDetails` adds each action's last check-in comment and indicators (the page's snapshot has neither).
 */
export interface ReportCommandProps {
  readonly data: ReportInput;
  readonly today: IsoDate;
  readonly lang: Lang;
  /** One line per active filter, in words (describeFilter). */
  readonly filterLines: readonly string[];
  readonly loadDetails?: () => Promise<Pick<ReportInput, 'checkIns' | 'indicators'>>;
}

const TEXTS = {
  fr: {
    button: 'Générer un rapport',
    working: 'Rapport en cours de rédaction…',
    failed: 'Le rapport n’a pas pu être écrit : {0}',
    word: 'Word (.docx)',
    pdf: 'PDF',
    variants: { complet: 'Rapport complet', avancement: 'État d’avancement (court)', retards: 'Actions en retard et bloquées', services: 'Par service', chefs: 'Par chef de projet' },
  },
  en: {
    button: 'Generate a report',
    working: 'Writing the report…',
    failed: 'The report could not be written: {0}',
    word: 'Word (.docx)',
    pdf: 'PDF',
    variants: { complet: 'Full report', avancement: 'Progress (short)', retards: 'Late and blocked actions', services: 'By service', chefs: 'By project lead' },
  },
} as const;

const VARIANTS: readonly ReportVariant[] = ['complet', 'avancement', 'retards', 'services', 'chefs'];

export function useReportCommand(props: ReportCommandProps): PageCommand {
  const t = TEXTS[props.lang] ?? TEXTS.fr;
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);

  const generate = React.useCallback(
    async (variant: ReportVariant, format: ReportFormat) => {
      setBusy(true);
      setError(null);
      try {
        const details = props.loadDetails ? await props.loadDetails() : {};
        const { generateReport } = await import(/* webpackChunkName: 'pst-report' */ './generateReport');
        await generateReport({ ...props.data, ...details }, variant, format, props.today, props.filterLines);
      } catch (e) {
        setError(t.failed.replace('{0}', e instanceof Error ? e.message : String(e)));
      } finally {
        setBusy(false);
      }
    },
    [props.data, props.loadDetails, props.today, props.filterLines, t],
  );

  const items: IContextualMenuItem[] = VARIANTS.map((variant) => ({
    key: variant,
    text: t.variants[variant],
    subMenuProps: {
      items: [
        { key: `${variant}-docx`, text: t.word, iconProps: { iconName: 'WordDocument' }, onClick: () => void generate(variant, 'docx') },
        { key: `${variant}-pdf`, text: t.pdf, iconProps: { iconName: 'PDF' }, onClick: () => void generate(variant, 'pdf') },
      ],
    },
  }));

  return {
    item: { key: 'report', text: t.button, iconProps: { iconName: 'ReportDocument' }, subMenuProps: { items }, disabled: busy },
    status: (
      <>
        {busy && <Spinner size={SpinnerSize.small} label={t.working} labelPosition="right" />}
        {error && (
          <MessageBar messageBarType={MessageBarType.error} onDismiss={() => setError(null)}>
            {error}
          </MessageBar>
        )}
      </>
    ),
  };
}
