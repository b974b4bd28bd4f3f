/** A report's bytes from a loaded plan: shared by `npm run report` and the tests. */
import type { ReportVariant } from '../../domain/report';
import { buildReport } from '../../domain/report';
import type { IsoDate } from '../../domain/model';
import { layoutReport } from '../../export/report/layout';
import { writeReportDocx } from '../../export/report/docx';
import { writeReportPdf } from '../../export/report/pdf';
import { nodePdfEngine } from './pdfEngine';
import type { LoadedPlan } from './loadPlan';

export type ReportFormat = 'docx' | 'pdf';

export async function reportBytes(data: LoadedPlan, format: ReportFormat, variant: ReportVariant, today: IsoDate, filterLines: readonly string[] = []): Promise<Uint8Array> {
  const doc = layoutReport(buildReport(data, { variant, today, filterLines }));
  return format === 'docx' ? writeReportDocx(doc) : writeReportPdf(doc, nodePdfEngine());
}
