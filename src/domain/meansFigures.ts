// Reading, summing and checking means lines: the sheet's totals per year, the financial
// director's breakdowns (dashboard), the ETP of a year (eComptes), and the one conversion of
// single figures (a document's « Budgétaires (€) : … », a site of before the lines) to a line.

import type { Action, OperationalObjective, StrategicObjective } from './model';
import { FUNDING_SOURCES, FundingSource, MeansLine } from './means';
import type { BudgetService } from './vocabularies';
import { compareCodes } from './tree';

// ---------------------------------------------------------------- single figures → one line

/** One budget, one ETP and one service for the whole action: what documents and sites of before the lines hold. */
export interface SingleFigures {
  readonly etp: number | null;
  /** Euros. */
  readonly budget: number | null;
  readonly budgetService: BudgetService | null;
}

/**
 * The year single figures are put on: the action's planned start, else its planned end,
 * else the plan's first year.
 */
export function singleFiguresYear(action: Pick<Action, 'plannedStart' | 'plannedEnd'>, fallbackYear: number): number {
  const day = action.plannedStart?.start ?? action.plannedEnd?.end ?? null;
  return day ? Number(day.substring(0, 4)) : fallbackYear;
}

/** The single figures as one expense line, or none when there are none. */
export function lineFromSingleFigures(figures: SingleFigures, year: number): MeansLine | null {
  if (figures.budget === null && figures.etp === null) return null;
  return {
    year,
    service: figures.budgetService,
    direction: 'depense',
    source: null,
    article: null,
    planned: figures.budget,
    actual: null,
    etp: figures.etp,
  };
}

/**
 * Lines read per year, completed by the single figures: none per year → the single figures
 * as one line; lines without any ETP and a single ETP → the ETP on the first line (a document
 * stating « Humaines (ETP) : 0,5 » and its budget year by year).
 */
export function withSingleFigures(lines: readonly MeansLine[], figures: SingleFigures, year: number): MeansLine[] {
  if (lines.length === 0) {
    const single = lineFromSingleFigures(figures, year);
    return single ? [single] : [];
  }
  if (figures.etp === null || lines.some((l) => l.etp !== null)) return lines.slice();
  return [{ ...lines[0], etp: figures.etp }, ...lines.slice(1)];
}

// ---------------------------------------------------------------- lines of the actions

/** The actions with their lines from the means list (an action absent there has none). */
export function withMeansLines<A extends Action>(actions: readonly A[], linesByAction: ReadonlyMap<number, readonly MeansLine[]>): A[] {
  return actions.map((a) => ({ ...a, resources: { ...a.resources, lines: (linesByAction.get(a.id) ?? []).slice() } }));
}

/**
 * The ETP of an action for a year (eComptes writes one ETP per element and exercise): the
 * sum of that year's lines; when no line of that year says any, those of the closest year
 * that does (the earlier one on a tie); 0 when no line does.
 */
export function etpOfYear(lines: readonly MeansLine[], year: number): number {
  const withEtp = lines.filter((l) => l.etp !== null);
  if (withEtp.length === 0) return 0;
  const closest = withEtp.reduce((best, l) => {
    const distance = Math.abs(l.year - year);
    const bestDistance = Math.abs(best - year);
    return distance < bestDistance || (distance === bestDistance && l.year < best) ? l.year : best;
  }, withEtp[0].year);
  return withEtp.filter((l) => l.year === closest).reduce((sum, l) => sum + (l.etp as number), 0);
}

/** Sums of some lines: expenses and receipts apart (a receipt is no cost), ETP. */
export interface MeansTotals {
  readonly plannedExpense: number;
  readonly actualExpense: number;
  readonly plannedReceipt: number;
  readonly actualReceipt: number;
  readonly etp: number;
  /** Lines summed. */
  readonly lines: number;
}

export const NO_MEANS: MeansTotals = { plannedExpense: 0, actualExpense: 0, plannedReceipt: 0, actualReceipt: 0, etp: 0, lines: 0 };

export function addLine(totals: MeansTotals, line: MeansLine): MeansTotals {
  const expense = line.direction === 'depense';
  return {
    plannedExpense: totals.plannedExpense + (expense ? line.planned ?? 0 : 0),
    actualExpense: totals.actualExpense + (expense ? line.actual ?? 0 : 0),
    plannedReceipt: totals.plannedReceipt + (expense ? 0 : line.planned ?? 0),
    actualReceipt: totals.actualReceipt + (expense ? 0 : line.actual ?? 0),
    etp: totals.etp + (line.etp ?? 0),
    lines: totals.lines + 1,
  };
}

export function totalsOf(lines: readonly MeansLine[]): MeansTotals {
  return lines.reduce(addLine, NO_MEANS);
}

export interface YearTotals {
  readonly year: number;
  readonly totals: MeansTotals;
}

/** Totals per year, oldest first (the action sheet's « totaux par année »). */
export function totalsPerYear(lines: readonly MeansLine[]): YearTotals[] {
  const byYear = new Map<number, MeansTotals>();
  for (const line of lines) byYear.set(line.year, addLine(byYear.get(line.year) ?? NO_MEANS, line));
  return Array.from(byYear.entries())
    .sort((a, b) => a[0] - b[0])
    .map(([year, totals]) => ({ year, totals }));
}

// ---------------------------------------------------------------- the financial director's figures

/** One row of a breakdown: its key, its totals over the years chosen, and per year. */
export interface MeansGroup<K> {
  readonly key: K;
  readonly totals: MeansTotals;
  readonly perYear: YearTotals[];
}

export interface MeansFigures {
  /** Every year that has a line, oldest first. */
  readonly years: number[];
  readonly total: MeansTotals;
  readonly perYear: YearTotals[];
  /** Ordinary / extraordinary service (null: not said). */
  readonly byService: MeansGroup<MeansLine['service']>[];
  readonly bySource: MeansGroup<FundingSource | null>[];
  /** By strategic objective (an action counts for the OS of its first OO; a sub-action for its parent's). */
  readonly byObjective: MeansGroup<{ readonly id: number; readonly code: string | null; readonly title: string } | null>[];
  /** By pilot service (Action.department, '' when none). */
  readonly byDepartment: MeansGroup<string>[];
  /** Actions that have at least one line. */
  readonly actionsWithMeans: number;
}

export interface MeansInput {
  readonly actions: readonly Action[];
  readonly operationalObjectives: readonly OperationalObjective[];
  readonly strategicObjectives: readonly StrategicObjective[];
  /** The lines read from the means list, by action id; an action absent here has none. */
  readonly linesByAction: ReadonlyMap<number, readonly MeansLine[]>;
  /** Only this year; all years when absent. */
  readonly year?: number | null;
}

function grouped<K>(entries: readonly { key: K; id: string; line: MeansLine }[], order: (a: K, b: K) => number): MeansGroup<K>[] {
  const groups = new Map<string, { key: K; lines: MeansLine[] }>();
  for (const { key, id, line } of entries) {
    const group = groups.get(id) ?? { key, lines: [] };
    group.lines.push(line);
    groups.set(id, group);
  }
  return Array.from(groups.values())
    .sort((a, b) => order(a.key, b.key))
    .map(({ key, lines }) => ({ key, totals: totalsOf(lines), perYear: totalsPerYear(lines) }));
}

/** A fixed order, unknown (null) last. */
function byIndexIn<T>(order: readonly T[]) {
  return (a: T | null, b: T | null): number => (a === null ? order.length : order.indexOf(a)) - (b === null ? order.length : order.indexOf(b));
}

/**
 * The financial director's view: planned and actual budget and ETP per year, per budget
 * service, per funding source, per strategic objective and per pilot service, summed over
 * every action's means lines (distinct actions: a transversal action counts once).
 */
export function meansFigures(input: MeansInput): MeansFigures {
  const actionsById = new Map(input.actions.map((a) => [a.id, a]));
  const ooById = new Map(input.operationalObjectives.map((o) => [o.id, o]));
  const osById = new Map(input.strategicObjectives.map((o) => [o.id, o]));
  const objectiveOf = (action: Action): StrategicObjective | null => {
    let current: Action | undefined = action;
    const seen = new Set<number>();
    while (current && current.operationalObjectiveIds.length === 0 && current.parentActionId != null && !seen.has(current.id)) {
      seen.add(current.id);
      current = actionsById.get(current.parentActionId);
    }
    const oo = current ? ooById.get(current.operationalObjectiveIds[0]) : undefined;
    return (oo && osById.get(oo.strategicObjectiveId)) ?? null;
  };

  const entries: { action: Action; line: MeansLine }[] = [];
  let actionsWithMeans = 0;
  for (const action of input.actions) {
    const lines = input.linesByAction.get(action.id) ?? [];
    if (lines.length > 0) actionsWithMeans++;
    for (const line of lines) entries.push({ action, line });
  }
  const years = Array.from(new Set(entries.map((e) => e.line.year))).sort((a, b) => a - b);
  const chosen = input.year == null ? entries : entries.filter((e) => e.line.year === input.year);
  const lines = chosen.map((e) => e.line);
  const objectives = chosen.map((e) => ({ os: objectiveOf(e.action), line: e.line }));
  const osOrder = input.strategicObjectives.slice().sort((a, b) => compareCodes(a.code, b.code) || a.order - b.order);
  return {
    years,
    total: totalsOf(lines),
    perYear: totalsPerYear(lines),
    byService: grouped(
      lines.map((line) => ({ key: line.service, id: String(line.service), line })),
      byIndexIn(['ordinaire', 'extraordinaire'] as const),
    ),
    bySource: grouped(
      lines.map((line) => ({ key: line.source, id: String(line.source), line })),
      byIndexIn(FUNDING_SOURCES),
    ),
    byObjective: grouped(
      objectives.map(({ os, line }) => ({ key: os ? { id: os.id, code: os.code, title: os.title } : null, id: String(os?.id ?? ''), line })),
      (a, b) => (a === null ? 1 : b === null ? -1 : osOrder.findIndex((o) => o.id === a.id) - osOrder.findIndex((o) => o.id === b.id)),
    ),
    byDepartment: grouped(
      chosen.map((e) => ({ key: (e.action.department ?? '').trim(), id: (e.action.department ?? '').trim(), line: e.line })),
      (a, b) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b, 'fr')),
    ),
    actionsWithMeans,
  };
}

// ---------------------------------------------------------------- checking a line typed in a form

export interface MeansLineIssue {
  readonly field: 'year' | 'planned' | 'actual' | 'etp' | 'article';
  readonly message: { readonly fr: string; readonly en: string };
}

/** What is wrong with a line as typed (a year out of range, a negative amount…); empty when right. */
export function meansLineIssues(line: MeansLine): MeansLineIssue[] {
  const issues: MeansLineIssue[] = [];
  if (!Number.isInteger(line.year) || line.year < 1990 || line.year > 2100) {
    issues.push({ field: 'year', message: { fr: "L'année doit être comprise entre 1990 et 2100.", en: 'The year must be between 1990 and 2100.' } });
  }
  const amount = (field: 'planned' | 'actual', value: number | null, fr: string, en: string): void => {
    if (value !== null && (!isFinite(value) || value < 0)) issues.push({ field, message: { fr: `${fr} ne peut pas être négatif.`, en: `${en} cannot be negative.` } });
  };
  amount('planned', line.planned, 'Le montant prévu', 'The planned amount');
  amount('actual', line.actual, 'Le montant réalisé', 'The actual amount');
  if (line.etp !== null && (!isFinite(line.etp) || line.etp < 0 || line.etp > 1000)) {
    issues.push({ field: 'etp', message: { fr: 'Les ETP doivent être compris entre 0 et 1 000.', en: 'FTE must be between 0 and 1,000.' } });
  }
  if (line.article !== null && line.article.length > 50) {
    issues.push({ field: 'article', message: { fr: "L'article budgétaire ne peut dépasser 50 caractères.", en: 'The budget article cannot exceed 50 characters.' } });
  }
  return issues;
}
