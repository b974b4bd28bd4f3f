/** The evaluation report's bytes and the snapshot archive of a site: shared by `npm run report` and the tests. */
import type { EvaluationAssessments, FrozenPlan } from '../../domain/evaluation';
import { comparePlans } from '../../domain/evaluation';
import { SharePointSnapshotArchive } from '../../data/SharePointSnapshotArchive';
import { layoutEvaluation } from '../../export/report/evaluationLayout';
import { writeReportDocx } from '../../export/report/docx';
import { writeReportPdf } from '../../export/report/pdf';
import { webServerRelativeUrlOf } from '../sp/nodeSp';
import { nodePdfEngine } from './pdfEngine';
import { spForSite } from './loadPlan';

export async function evaluationBytes(before: FrozenPlan, after: FrozenPlan, assessments: EvaluationAssessments, format: 'docx' | 'pdf'): Promise<Uint8Array> {
  const doc = layoutEvaluation(comparePlans(before, after), assessments);
  return format === 'docx' ? writeReportDocx(doc) : writeReportPdf(doc, nodePdfEngine());
}

/** The snapshots of a site (the local store of `npm start`, or a tenant's site). */
export function snapshotArchiveOf(site: string, options: { deviceCode?: boolean; as?: string } = {}): SharePointSnapshotArchive {
  return new SharePointSnapshotArchive(spForSite(site, options), webServerRelativeUrlOf(site));
}
