/**
 * The coordinator's exports in the browser (« Exporter / publier »): the plan workbook, the
 * public page, the eComptes XML and the evaluation report. Loaded with import() from
 * ExportMenu, and each generator loaded from here with import() in turn, so no web part's
 * bundle carries the xlsx writer, docx or pdfmake.
 */
import type { IsoDate } from '../../domain/model';
import type { Lang } from '../../domain/vocabularies';
import type { PlanWorkbookInput } from '../../export/planWorkbook';
import type { PublicPageInput, PublicPageOptions } from '../../export/publicPage';
import type { EcomptesInput } from '../../export/ecomptes/ecomptesXml';
import type { EvaluationAssessments, FreezeInput, FrozenPlan } from '../../domain/evaluation';
import { offerDownload, XLSX_TYPE } from '../ui/download';
import { DOCX_TYPE, PDF_TYPE, ReportFormat } from './generateReport';

export const HTML_TYPE = 'text/html;charset=utf-8';
export const XML_TYPE = 'application/xml';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

export async function downloadPlanWorkbook(input: PlanWorkbookInput, today: IsoDate, lang: Lang): Promise<void> {
  const [{ planWorkbook }, { writeXlsx }] = await Promise.all([
    import(/* webpackChunkName: 'pst-export-xlsx' */ '../../export/planWorkbook'),
    import(/* webpackChunkName: 'pst-export-xlsx' */ '../../export/xlsx'),
  ]);
  offerDownload(writeXlsx(planWorkbook(input, today, lang)), `PST-classeur-${today}.xlsx`, XLSX_TYPE);
}

export async function downloadPublicPage(input: PublicPageInput, options: PublicPageOptions): Promise<void> {
  const { publicPageHtml } = await import(/* webpackChunkName: 'pst-export-public' */ '../../export/publicPage');
  offerDownload(utf8(publicPageHtml(input, options)), `PST-public-${options.today}.html`, HTML_TYPE);
}

/**
 * The eComptes XML, offered as written; the browser has no XSD validator (the tests and
 * `npm run export -- --ecomptes` validate the same writer). Returns what could not be written.
 */
export async function downloadEcomptes(input: EcomptesInput, today: IsoDate, ins: number): Promise<string[]> {
  const { ecomptesXml } = await import(/* webpackChunkName: 'pst-export-ecomptes' */ '../../export/ecomptes/ecomptesXml');
  const result = ecomptesXml(input, { today, ins });
  offerDownload(utf8(result.xml), `PST-eComptes-${today}.xml`, XML_TYPE);
  return result.warnings;
}

/** The plan as it is today, frozen like a stored snapshot (to compare one with today). */
export async function freezeToday(input: FreezeInput, today: IsoDate, options: { kind?: FrozenPlan['kind']; label?: string } = {}): Promise<FrozenPlan> {
  const { freezePlan } = await import(/* webpackChunkName: 'pst-evaluation' */ '../../domain/evaluation');
  return freezePlan(input, { takenOn: today, kind: options.kind ?? 'autre', label: options.label });
}

export async function generateEvaluation(before: FrozenPlan, after: FrozenPlan, assessments: EvaluationAssessments, format: ReportFormat): Promise<void> {
  const [{ comparePlans }, { layoutEvaluation }] = await Promise.all([
    import(/* webpackChunkName: 'pst-evaluation' */ '../../domain/evaluation'),
    import(/* webpackChunkName: 'pst-evaluation' */ '../../export/report/evaluationLayout'),
  ]);
  const doc = layoutEvaluation(comparePlans(before, after), assessments);
  const name = `PST-evaluation-${before.takenOn}-${after.takenOn}.${format}`;
  if (format === 'docx') {
    const { writeReportDocx } = await import(/* webpackChunkName: 'pst-report-docx' */ '../../export/report/docx');
    offerDownload(await writeReportDocx(doc), name, DOCX_TYPE);
  } else {
    const [{ writeReportPdf }, { browserPdfEngine }] = await Promise.all([
      import(/* webpackChunkName: 'pst-report-pdf' */ '../../export/report/pdf'),
      import(/* webpackChunkName: 'pst-report-pdf' */ '../../export/report/pdfEngine'),
    ]);
    offerDownload(await writeReportPdf(doc, await browserPdfEngine()), name, PDF_TYPE);
  }
}
