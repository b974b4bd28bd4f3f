/**
 * The texts of the dashboard workbook (src/export/dashboardWorkbook.ts): sheet names,
 * headers and labels, in French and English. Dates and numbers are formatted by the
 * workbook, the Belgian way. Imports nothing.
 */

export interface WorkbookTexts {
  /** Before the export date, at the top of every sheet. */
  readonly exported: string;
  /** Before the active filters, at the top of every sheet. */
  readonly filters: string;
  /** In place of the filters when none is active. */
  readonly noFilter: string;
  /** Sheet name: at most 31 characters, without : \ / ? * [ ] (Excel's rule), as every sheet name. */
  readonly summary: string;
  /** Sheet name (Excel's rule). */
  readonly objectives: string;
  /** Sheet name (Excel's rule). */
  readonly statuses: string;
  /** Sheet name (Excel's rule). */
  readonly late: string;
  /** Sheet name (Excel's rule). */
  readonly services: string;
  /** Sheet name (Excel's rule). */
  readonly quarters: string;
  readonly figure: string;
  readonly value: string;
  readonly actions: string;
  readonly done: string;
  /** Column header and figure (the sheet name is `late`). */
  readonly lateCount: string;
  readonly blocked: string;
  readonly cancelled: string;
  readonly progress: string;
  readonly realisation: string;
  readonly level: string;
  readonly code: string;
  readonly title: string;
  readonly status: string;
  /** An action without a status. */
  readonly unknown: string;
  readonly count: string;
  readonly lead: string;
  readonly due: string;
  readonly daysLate: string;
  readonly service: string;
  /** The row of the actions without a service. */
  readonly noService: string;
  readonly quarter: string;
  /** Planned ends in the quarter. */
  readonly planned: string;
  /** The level column for a strategic objective. */
  readonly strategicLevel: string;
  /** The level column for an operational objective. */
  readonly operationalLevel: string;
  /** A quarter's row: "T4 2026". */
  readonly quarterName: (quarter: number, year: number) => string;
  // ---- the plan workbook (src/export/planWorkbook.ts): one row per action, means, indicators
  /** Sheet name (Excel's rule). */
  readonly actionsSheet: string;
  /** Sheet name (Excel's rule). */
  readonly meansSheet: string;
  /** Sheet name (Excel's rule). */
  readonly indicatorsSheet: string;
  readonly strategicObjective: string;
  readonly operationalObjective: string;
  readonly action: string;
  /** Before the title of a sub-action in the Actions sheet. */
  readonly subActionMark: string;
  readonly health: string;
  readonly start: string;
  readonly attention: string;
  /** The attention cell of a late action: "En retard (12 j)". */
  readonly lateBy: (days: number) => string;
  readonly blockedMark: string;
  readonly lastCheckIn: string;
  readonly lastCheckInAuthor: string;
  readonly lastComment: string;
  readonly indicators: string;
  readonly etp: string;
  readonly budgetService: string;
  /** A year's means column: "2026 prévu (€)". */
  readonly plannedIn: (year: number) => string;
  /** A year's means column: "2026 réalisé (€)". */
  readonly actualIn: (year: number) => string;
  readonly year: string;
  readonly direction: string;
  readonly fundingSource: string;
  readonly article: string;
  readonly plannedAmount: string;
  readonly actualAmount: string;
  /** The means sheet when only the single figures are known (no means per year). */
  readonly indicator: string;
  readonly unit: string;
  readonly baseline: string;
  readonly target: string;
  readonly current: string;
  /** An indicator in the Actions sheet: "Visiteurs : 1 234 / 1 500 pers. (2026)". */
  readonly indicatorLine: (label: string, current: string, target: string, unit: string, year: string) => string;
}

export const WORKBOOK_TEXTS: { readonly fr: WorkbookTexts; readonly en: WorkbookTexts } = {
  fr: {
    exported: 'Exporté le',
    filters: 'Filtres',
    noFilter: 'aucun (tout le PST)',
    summary: 'Synthèse',
    objectives: 'Par objectif',
    statuses: 'Statuts',
    late: 'En retard',
    services: 'Par service',
    quarters: 'Échéances par trimestre',
    figure: 'Indicateur',
    value: 'Valeur',
    actions: 'Actions',
    done: 'Terminées',
    lateCount: 'En retard',
    blocked: 'Bloquées',
    cancelled: 'Annulées',
    progress: 'Avancement',
    realisation: 'Taux de réalisation',
    level: 'Niveau',
    code: 'Code',
    title: 'Intitulé',
    status: 'Statut',
    unknown: 'Inconnu',
    count: 'Nombre',
    lead: 'Chef de projet',
    due: 'Échéance',
    daysLate: 'Jours de retard',
    service: 'Service',
    noService: '(sans service)',
    quarter: 'Trimestre',
    planned: 'Fins prévues',
    strategicLevel: 'OS',
    operationalLevel: 'OO',
    quarterName: (quarter: number, year: number) => `T${quarter} ${year}`,
    // ---- the plan workbook
    actionsSheet: 'Actions',
    meansSheet: 'Moyens par année',
    indicatorsSheet: 'Indicateurs',
    strategicObjective: 'Objectif stratégique',
    operationalObjective: 'Objectif opérationnel',
    action: 'Action',
    subActionMark: '↳ ',
    health: 'Santé',
    start: 'Début',
    attention: 'Attention',
    lateBy: (days: number) => `En retard (${days} j)`,
    blockedMark: 'Bloquée',
    lastCheckIn: 'Dernier suivi',
    lastCheckInAuthor: 'Suivi par',
    lastComment: 'Dernier commentaire',
    indicators: 'Indicateurs',
    etp: 'ETP',
    budgetService: 'Service budgétaire',
    plannedIn: (year: number) => `${year} prévu (€)`,
    actualIn: (year: number) => `${year} réalisé (€)`,
    year: 'Année',
    direction: 'Type',
    fundingSource: 'Financement',
    article: 'Article budgétaire',
    plannedAmount: 'Prévu (€)',
    actualAmount: 'Réalisé (€)',
    indicator: 'Indicateur',
    unit: 'Unité',
    baseline: 'Valeur de départ',
    target: 'Cible',
    current: 'Valeur actuelle',
    indicatorLine: (label: string, current: string, target: string, unit: string, year: string) =>
      `${label} : ${current || '–'} / ${target || '–'}${unit ? ` ${unit}` : ''}${year ? ` (${year})` : ''}`,
  },
  en: {
    exported: 'Exported on',
    filters: 'Filters',
    noFilter: 'none (whole PST)',
    summary: 'Summary',
    objectives: 'By objective',
    statuses: 'Statuses',
    late: 'Late',
    services: 'By service',
    quarters: 'Planned ends per quarter',
    figure: 'Figure',
    value: 'Value',
    actions: 'Actions',
    done: 'Done',
    lateCount: 'Late',
    blocked: 'Blocked',
    cancelled: 'Cancelled',
    progress: 'Progress',
    realisation: 'Realisation rate',
    level: 'Level',
    code: 'Code',
    title: 'Title',
    status: 'Status',
    unknown: 'Unknown',
    count: 'Count',
    lead: 'Project lead',
    due: 'Due',
    daysLate: 'Days late',
    service: 'Service',
    noService: '(no service)',
    quarter: 'Quarter',
    planned: 'Planned ends',
    // The English workbook keeps the French abbreviations (OS, OO, T for trimestre) as it
    // always has; the test lists them as identical on purpose.
    strategicLevel: 'OS',
    operationalLevel: 'OO',
    quarterName: (quarter: number, year: number) => `T${quarter} ${year}`,
    // ---- the plan workbook
    actionsSheet: 'Actions',
    meansSheet: 'Means per year',
    indicatorsSheet: 'Indicators',
    strategicObjective: 'Strategic objective',
    operationalObjective: 'Operational objective',
    action: 'Action',
    subActionMark: '↳ ',
    health: 'Health',
    start: 'Start',
    attention: 'Attention',
    lateBy: (days: number) => `Late (${days} d)`,
    blockedMark: 'Blocked',
    lastCheckIn: 'Last check-in',
    lastCheckInAuthor: 'Checked in by',
    lastComment: 'Last comment',
    indicators: 'Indicators',
    etp: 'FTE',
    budgetService: 'Budget service',
    plannedIn: (year: number) => `${year} planned (€)`,
    actualIn: (year: number) => `${year} actual (€)`,
    year: 'Year',
    direction: 'Kind',
    fundingSource: 'Funding',
    article: 'Budget article',
    plannedAmount: 'Planned (€)',
    actualAmount: 'Actual (€)',
    indicator: 'Indicator',
    unit: 'Unit',
    baseline: 'Baseline',
    target: 'Target',
    current: 'Current value',
    indicatorLine: (label: string, current: string, target: string, unit: string, year: string) =>
      `${label}: ${current || '–'} / ${target || '–'}${unit ? ` ${unit}` : ''}${year ? ` (${year})` : ''}`,
  },
};
