import type { DashboardFigures } from '../../domain/dashboard';
import type { Lang } from '../../domain/vocabularies';
import type { WorkbookHeader } from '../../export/dashboardWorkbook';
import { offerDownload, XLSX_TYPE } from '../ui/download';

/**
 * Writes the dashboard workbook and hands it to the browser as a download. The workbook's
 * layout, its strings and the XLSX writer are loaded on demand, so no page's first render carries them.
 */
export async function downloadDashboardWorkbook(figures: DashboardFigures, header: WorkbookHeader, lang: Lang): Promise<void> {
  const [{ writeXlsx }, { dashboardWorkbook }] = await Promise.all([
    import(/* webpackChunkName: 'pst-xlsx' */ '../../export/xlsx'),
    import(/* webpackChunkName: 'pst-xlsx' */ '../../export/dashboardWorkbook'),
  ]);
  const bytes = writeXlsx(dashboardWorkbook(figures, header, lang));
  offerDownload(bytes, `PST-tableau-de-bord-${figures.today}.xlsx`, XLSX_TYPE);
}
