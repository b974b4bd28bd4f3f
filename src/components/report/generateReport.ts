/**
 * Writes a report in the browser and offers it as a download. Everything heavy is loaded
 * here with import(), when the coordinator asks for a document: the docx library and
 * pdfmake (with its fonts) each come in their own chunk, never in a web part's bundle.
 */
import type { ReportInput, ReportVariant } from '../../domain/report';
import type { IsoDate } from '../../domain/model';
import { offerDownload } from '../ui/download';

export type ReportFormat = 'docx' | 'pdf';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const PDF_TYPE = 'application/pdf';

export async function generateReport(input: ReportInput, variant: ReportVariant, format: ReportFormat, today: IsoDate, filterLines: readonly string[]): Promise<void> {
  const [{ buildReport }, { layoutReport }] = await Promise.all([
    import(/* webpackChunkName: 'pst-report' */ '../../domain/report'),
    import(/* webpackChunkName: 'pst-report' */ '../../export/report/layout'),
  ]);
  const doc = layoutReport(buildReport(input, { variant, today, filterLines }));
  const name = `PST-rapport-${variant}-${today}.${format}`;
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
