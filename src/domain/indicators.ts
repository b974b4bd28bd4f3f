// Indicator values over the years: what the lead enters with a check-in, kept as history.

import type { Indicator, IsoDate, Person } from './model';

/** One value of an indicator for a year, as entered (never overwritten: a later entry of the same year wins). */
export interface IndicatorValue {
  readonly id: number;
  readonly indicatorId: number;
  readonly actionId: number;
  readonly year: number;
  readonly value: number;
  readonly date: IsoDate | null;
  readonly author: Person | null;
}

/** A value to record (the author is whoever records it). */
export type NewIndicatorValue = Pick<IndicatorValue, 'indicatorId' | 'year' | 'value'>;

export interface IndicatorPoint {
  readonly year: number;
  readonly value: number;
}

/** Newer entry first: a later date, else a higher id (written after). */
function newerFirst(a: IndicatorValue, b: IndicatorValue): number {
  const byDate = (b.date ?? '').localeCompare(a.date ?? '');
  return byDate !== 0 ? byDate : b.id - a.id;
}

/** The indicator's value per year (the latest entry of each year), oldest year first. */
export function indicatorSeries(indicatorId: number, values: readonly IndicatorValue[]): IndicatorPoint[] {
  const byYear = new Map<number, IndicatorValue>();
  for (const value of values.filter((v) => v.indicatorId === indicatorId).sort(newerFirst)) {
    if (!byYear.has(value.year)) byYear.set(value.year, value);
  }
  return Array.from(byYear.values())
    .sort((a, b) => a.year - b.year)
    .map((v) => ({ year: v.year, value: v.value }));
}

/** The indicator with its current value taken from the history when there is one (the latest year's). */
export function withCurrentValue(indicator: Indicator, values: readonly IndicatorValue[]): Indicator {
  const series = indicatorSeries(indicator.id, values);
  const last = series[series.length - 1];
  return last ? { ...indicator, current: last.value } : indicator;
}

export interface IndicatorIssue {
  readonly field: 'label' | 'year' | 'value' | 'baseline' | 'target';
  readonly message: { readonly fr: string; readonly en: string };
}

const yearIssue = (year: number | null): IndicatorIssue[] =>
  year !== null && (!Number.isInteger(year) || year < 1990 || year > 2100)
    ? [{ field: 'year', message: { fr: "L'année doit être comprise entre 1990 et 2100.", en: 'The year must be between 1990 and 2100.' } }]
    : [];

/** What is wrong with an indicator as the coordinator typed it. */
export function indicatorIssues(indicator: Pick<Indicator, 'label' | 'year'>): IndicatorIssue[] {
  const issues: IndicatorIssue[] = [];
  if (indicator.label.trim() === '') issues.push({ field: 'label', message: { fr: "Le libellé de l'indicateur est obligatoire.", en: 'The indicator needs a label.' } });
  if (indicator.label.length > 255) issues.push({ field: 'label', message: { fr: 'Le libellé ne peut dépasser 255 caractères.', en: 'The label cannot exceed 255 characters.' } });
  return [...issues, ...yearIssue(indicator.year)];
}

/** What is wrong with a value as the lead typed it (its year). */
export function indicatorValueIssues(value: NewIndicatorValue): IndicatorIssue[] {
  const issues = yearIssue(value.year);
  if (!isFinite(value.value)) issues.push({ field: 'value', message: { fr: 'La valeur doit être un nombre.', en: 'The value must be a number.' } });
  return issues;
}
