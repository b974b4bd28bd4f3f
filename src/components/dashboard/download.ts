import type { DashboardFigures } from '../../domain/dashboard';
import type { Lang } from '../../domain/vocabularies';
import { dashboardWorkbook, WorkbookHeader } from '../../export/dashboardWorkbook';
import { offerDownload, XLSX_TYPE } from '../ui/download';

/**
 * Writes the dashboard workbook and hands it to the browser as a download. The XLSX
 * writer is loaded on demand, so the dashboard's bundle does not carry it.
 */
export async function downloadDashboardWorkbook(figures: DashboardFigures, header: WorkbookHeader, lang: Lang): Promise<void> {
  const { writeXlsx } = await import(/* webpackChunkName: 'pst-xlsx' */ '../../export/xlsx');
  const bytes = writeXlsx(dashboardWorkbook(figures, header, lang));
  offerDownload(bytes, `PST-tableau-de-bord-${figures.today}.xlsx`, XLSX_TYPE);
}
