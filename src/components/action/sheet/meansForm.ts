/**
 * The means lines as the coordinator types them (text boxes and choices) and back: Belgian
 * numbers (« 1 234,5 »), a clear French message per wrong field, nothing typed is lost.
 */
import * as strings from 'PstStrings';
import { FUNDING_SOURCE_LABELS, FundingSource, isFundingSource, isMeansDirection, MEANS_DIRECTION_LABELS, MeansDirection, MeansLine } from '../../../domain/means';
import { meansLineIssues } from '../../../domain/meansFigures';
import { formatEuro, formatNumber, isParseError, parseBelgianNumber } from '../../../domain/parsing';
import { BUDGET_SERVICE_LABELS, BudgetService, isBudgetService, Lang } from '../../../domain/vocabularies';

export type MeansField = 'year' | 'service' | 'direction' | 'source' | 'article' | 'planned' | 'actual' | 'etp';

/** One row of the form: every value as typed. */
export interface MeansRow {
  /** React key, stable while the form is open. */
  readonly key: string;
  readonly id?: number;
  readonly year: string;
  readonly service: BudgetService | '';
  readonly direction: MeansDirection;
  readonly source: FundingSource | '';
  readonly article: string;
  readonly planned: string;
  readonly actual: string;
  readonly etp: string;
}

let rowCount = 0;
const nextKey = (): string => `means-row-${++rowCount}`;

const numberText = (value: number | null): string => (value === null ? '' : formatNumber(value, { maxDecimals: 2 }));

export function rowOf(line: MeansLine): MeansRow {
  return {
    key: nextKey(),
    id: line.id,
    year: String(line.year),
    service: line.service ?? '',
    direction: line.direction,
    source: line.source ?? '',
    article: line.article ?? '',
    planned: numberText(line.planned),
    actual: numberText(line.actual),
    etp: numberText(line.etp),
  };
}

/** A new row: the year after the last one, the same service and source (lines often follow each other). */
export function newRow(previous: MeansRow | undefined, defaultYear: number): MeansRow {
  const year = previous && /^\d{4}$/.test(previous.year.trim()) ? Number(previous.year) + 1 : defaultYear;
  return {
    key: nextKey(),
    year: String(year),
    service: previous?.service ?? 'ordinaire',
    direction: previous?.direction ?? 'depense',
    source: previous?.source ?? '',
    article: '',
    planned: '',
    actual: '',
    etp: '',
  };
}

export interface MeansReading {
  readonly lines: MeansLine[];
  /** Per row key, per field: the French (or English) message. */
  readonly errors: Record<string, Partial<Record<MeansField, string>>>;
  readonly hasErrors: boolean;
}

/** Reads the rows: the lines, or what is wrong with each field. */
export function readMeansRows(rows: readonly MeansRow[], lang: Lang): MeansReading {
  const errors: Record<string, Partial<Record<MeansField, string>>> = {};
  const lines: MeansLine[] = [];
  for (const row of rows) {
    const rowErrors: Partial<Record<MeansField, string>> = {};
    const amount = (field: 'planned' | 'actual' | 'etp'): number | null => {
      const read = parseBelgianNumber(row[field]);
      if (isParseError(read)) {
        rowErrors[field] = lang === 'fr' ? read.error : read.errorEn;
        return null;
      }
      return read;
    };
    const yearText = row.year.trim();
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
    const line: MeansLine = {
      ...(row.id !== undefined ? { id: row.id } : {}),
      year,
      service: isBudgetService(row.service) ? row.service : null,
      direction: isMeansDirection(row.direction) ? row.direction : 'depense',
      source: isFundingSource(row.source) ? row.source : null,
      article: row.article.trim() === '' ? null : row.article.trim(),
      planned: amount('planned'),
      actual: amount('actual'),
      etp: amount('etp'),
    };
    for (const issue of meansLineIssues(line)) if (!rowErrors[issue.field]) rowErrors[issue.field] = issue.message[lang];
    if (Object.keys(rowErrors).length > 0) errors[row.key] = rowErrors;
    lines.push(line);
  }
  return { lines, errors, hasErrors: Object.keys(errors).length > 0 };
}

/** « 2026 · Dépense · Commune · 844/124-48 · prévu 1 234,50 € · réalisé … · 0,5 ETP »: one line in a sentence (conflicts, lists). */
export function describeLine(line: MeansLine, lang: Lang): string {
  const parts = [String(line.year), MEANS_DIRECTION_LABELS[line.direction][lang]];
  if (line.service) parts.push(BUDGET_SERVICE_LABELS[line.service][lang]);
  if (line.source) parts.push(FUNDING_SOURCE_LABELS[line.source][lang]);
  if (line.article) parts.push(line.article);
  if (line.planned !== null) parts.push(`${strings.MeansPlanned} ${formatEuro(line.planned)}`);
  if (line.actual !== null) parts.push(`${strings.MeansActual} ${formatEuro(line.actual)}`);
  if (line.etp !== null) parts.push(`${formatNumber(line.etp)} ${strings.MeansEtp}`);
  return parts.join(' · ');
}
