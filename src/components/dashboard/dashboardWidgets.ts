/**
 * The dashboard's blocks, in page order. Apart from the dashboard so that the web part's
 * property pane can list them without loading the dashboard (it is loaded on demand).
 */
export type DashboardWidget = 'figures' | 'objectives' | 'trend' | 'statuses' | 'late' | 'services' | 'quarters' | 'means';

export const DASHBOARD_WIDGETS: readonly DashboardWidget[] = ['figures', 'objectives', 'trend', 'statuses', 'late', 'services', 'quarters', 'means'];
