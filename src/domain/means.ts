// Means per year of an action: the budget lines the financial director, the eComptes
// export and the reports read. One line = one year × kind × funding source × article.

import type { Labels } from './vocabularies';
import type { BudgetService } from './vocabularies';

/** Receipt or expense (eComptes distinguishes them in its budget projections). */
export const MEANS_DIRECTIONS = ['depense', 'recette'] as const;
export type MeansDirection = (typeof MEANS_DIRECTIONS)[number];

export const MEANS_DIRECTION_LABELS: { readonly [D in MeansDirection]: Labels } = {
  depense: { fr: 'Dépense', en: 'Expense' },
  recette: { fr: 'Recette', en: 'Receipt' },
};

export const FUNDING_SOURCES = ['commune', 'region', 'federal', 'europe', 'fwb', 'province', 'cpas', 'autres'] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

export const FUNDING_SOURCE_LABELS: { readonly [F in FundingSource]: Labels } = {
  commune: { fr: 'Commune', en: 'Municipality' },
  region: { fr: 'Région wallonne', en: 'Walloon Region' },
  federal: { fr: 'Fédéral', en: 'Federal' },
  europe: { fr: 'Europe', en: 'Europe' },
  fwb: { fr: 'Fédération Wallonie-Bruxelles', en: 'Wallonia-Brussels Federation' },
  province: { fr: 'Province', en: 'Province' },
  cpas: { fr: 'Fonds propres du CPAS', en: "CPAS's own funds" },
  autres: { fr: 'Autres', en: 'Other' },
};

export interface MeansLine {
  /** The item in « PST – Moyens » once stored; absent on a line not saved yet. */
  id?: number;
  /** Budget year (e.g. 2026). */
  year: number;
  /** Ordinary / extraordinary service. */
  service: BudgetService | null;
  direction: MeansDirection;
  source: FundingSource | null;
  /** Budget article code as the CPAS's accounting writes it ("844/124-48"). */
  article: string | null;
  /** Euros planned for that year. */
  planned: number | null;
  /** Euros actually spent/received. */
  actual: number | null;
  /** Full-time equivalents for that year. */
  etp: number | null;
  /**
   * Written by an import and unchanged since: an update from the document may replace it
   * (domain/meansSync.ts). A line typed or changed by the coordination is theirs (absent).
   */
  fromDocument?: boolean;
}

export function isFundingSource(value: unknown): value is FundingSource {
  return typeof value === 'string' && (FUNDING_SOURCES as readonly string[]).indexOf(value) >= 0;
}

export function isMeansDirection(value: unknown): value is MeansDirection {
  return typeof value === 'string' && (MEANS_DIRECTIONS as readonly string[]).indexOf(value) >= 0;
}
