import * as React from 'react';
import * as strings from 'PstStrings';
import { IContextualMenuItem, MessageBar, MessageBarType, Spinner, SpinnerSize } from '@fluentui/react';
import type { ReportInput, ReportVariant } from '../../domain/report';
import type { IsoDate } from '../../domain/model';
import type { Lang } from '../../domain/vocabularies';
import type { ReportFormat } from './generateReport';
import { formatMessage } from '../../text/format';
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
  /** Kept for the callers; the texts follow the page's language (PstStrings). */
  readonly lang: Lang;
  /** One line per active filter, in words (describeFilter). */
  readonly filterLines: readonly string[];
  readonly loadDetails?: () => Promise<Pick<ReportInput, 'checkIns' | 'indicators'>>;
}

/** The menu's words for each variant (PstStrings: French or English with the page). */
const VARIANT_LABELS: { readonly [V in ReportVariant]: string } = {
  complet: strings.ReportVariantComplet,
  avancement: strings.ReportVariantAvancement,
  retards: strings.ReportVariantRetards,
  services: strings.ReportVariantServices,
  chefs: strings.ReportVariantChefs,
};

const VARIANTS: readonly ReportVariant[] = ['complet', 'avancement', 'retards', 'services', 'chefs'];

export function useReportCommand(props: ReportCommandProps): PageCommand {
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
        setError(formatMessage(strings.ReportFailed, e instanceof Error ? e.message : String(e)));
      } finally {
        setBusy(false);
      }
    },
    [props.data, props.loadDetails, props.today, props.filterLines],
  );

  const items: IContextualMenuItem[] = VARIANTS.map((variant) => ({
    key: variant,
    text: VARIANT_LABELS[variant],
    subMenuProps: {
      items: [
        { key: `${variant}-docx`, text: strings.ReportWord, iconProps: { iconName: 'WordDocument' }, onClick: () => void generate(variant, 'docx') },
        { key: `${variant}-pdf`, text: strings.ReportPdf, iconProps: { iconName: 'PDF' }, onClick: () => void generate(variant, 'pdf') },
      ],
    },
  }));

  return {
    item: { key: 'report', text: strings.ReportGenerate, iconProps: { iconName: 'ReportDocument' }, subMenuProps: { items }, disabled: busy },
    status: (
      <>
        {busy && <Spinner size={SpinnerSize.small} label={strings.ReportWorking} labelPosition="right" />}
        {error && (
          <MessageBar messageBarType={MessageBarType.error} onDismiss={() => setError(null)}>
            {error}
          </MessageBar>
        )}
      </>
    ),
  };
}
