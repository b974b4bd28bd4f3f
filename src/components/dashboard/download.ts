import type { DashboardFigures } from '../../domain/dashboard';
import type { Lang } from '../../domain/vocabularies';
import { dashboardWorkbook, WorkbookHeader } from '../../export/dashboardWorkbook';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Writes the dashboard workbook and hands it to the browser as a download. The XLSX
 * writer is loaded on demand, so the dashboard's bundle does not carry it.
 */
export async function downloadDashboardWorkbook(figures: DashboardFigures, header: WorkbookHeader, lang: Lang): Promise<void> {
  const { writeXlsx } = await import(/* webpackChunkName: 'pst-xlsx' */ '../../export/xlsx');
  const bytes = writeXlsx(dashboardWorkbook(figures, header, lang));
  const url = URL.createObjectURL(new Blob([bytes], { type: XLSX_TYPE }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `PST-tableau-de-bord-${figures.today}.xlsx`;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
