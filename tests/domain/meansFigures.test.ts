import type { MeansLine } from '../../src/domain/means';
import { etpOfYear, lineFromSingleFigures, meansFigures, meansLineIssues, singleFiguresYear, totalsOf, totalsPerYear, withMeansLines, withSingleFigures } from '../../src/domain/meansFigures';
import { action, oo, os, period, subAction } from './fixtures';

const line = (fields: Partial<MeansLine>): MeansLine => ({
  year: 2026,
  service: 'ordinaire',
  direction: 'depense',
  source: 'commune',
  article: null,
  planned: null,
  actual: null,
  etp: null,
  ...fields,
});

describe('single figures (a document, a site of before the lines) as lines', () => {
  const single = { etp: 0.5, budget: 120000, budgetService: 'extraordinaire' as const };

  it('turns the single figures into one expense line', () => {
    expect(lineFromSingleFigures(single, 2027)).toEqual({ year: 2027, service: 'extraordinaire', direction: 'depense', source: null, article: null, planned: 120000, actual: null, etp: 0.5 });
    expect(lineFromSingleFigures({ etp: null, budget: null, budgetService: 'ordinaire' }, 2025)).toBeNull();
  });

  it('puts single figures on the planned start, else the planned end, else the fallback year', () => {
    expect(singleFiguresYear(action(1, [1], { plannedStart: period('03/2027'), plannedEnd: period('2029') }), 2025)).toBe(2027);
    expect(singleFiguresYear(action(1, [1], { plannedEnd: period('2029') }), 2025)).toBe(2029);
    expect(singleFiguresYear(action(1, [1]), 2025)).toBe(2025);
  });

  it('keeps lines per year and adds a lone ETP to the first one; no line per year: the single line', () => {
    const perYear = [line({ year: 2024, planned: 10 }), line({ year: 2025, planned: 20 })];
    expect(withSingleFigures(perYear, single, 2030)).toEqual([{ ...perYear[0], etp: 0.5 }, perYear[1]]);
    expect(withSingleFigures([line({ etp: 1 })], single, 2030)).toEqual([line({ etp: 1 })]);
    expect(withSingleFigures([], single, 2030)).toEqual([lineFromSingleFigures(single, 2030)]);
    expect(withSingleFigures([], { etp: null, budget: null, budgetService: null }, 2030)).toEqual([]);
  });
});

describe('the lines of the actions', () => {
  it('adds each action its lines from the means list, none when it has none', () => {
    const lines = [line({ planned: 1000 })];
    const [first, second] = withMeansLines([action(1, [1]), action(2, [1], { resources: { text: 'à voir' } })], new Map([[1, lines]]));
    expect(first.resources.lines).toEqual(lines);
    expect(second.resources).toEqual({ text: 'à voir', lines: [] });
  });

  it('gives the ETP of a year, else of the closest year that says one (the earlier on a tie)', () => {
    const lines = [line({ year: 2024, etp: 1 }), line({ year: 2026, etp: 0.5 }), line({ year: 2026, etp: 0.25 }), line({ year: 2028, etp: 3 }), line({ year: 2029, planned: 5 })];
    expect(etpOfYear(lines, 2026)).toBe(0.75);
    expect(etpOfYear(lines, 2025)).toBe(1);
    expect(etpOfYear(lines, 2027)).toBe(0.75);
    expect(etpOfYear(lines, 2030)).toBe(3);
    expect(etpOfYear([line({ planned: 5 })], 2026)).toBe(0);
  });
});

describe('totals', () => {
  const lines = [
    line({ year: 2027, planned: 1000, actual: 800, etp: 0.5 }),
    line({ year: 2026, planned: 2000.5, actual: null, etp: 1 }),
    line({ year: 2026, direction: 'recette', source: 'region', planned: 1500, actual: 1500 }),
  ];

  it('keeps receipts apart from expenses', () => {
    expect(totalsOf(lines)).toEqual({ plannedExpense: 3000.5, actualExpense: 800, plannedReceipt: 1500, actualReceipt: 1500, etp: 1.5, lines: 3 });
  });

  it('sums per year, oldest first', () => {
    expect(totalsPerYear(lines).map((y) => [y.year, y.totals.plannedExpense, y.totals.plannedReceipt, y.totals.etp])).toEqual([
      [2026, 2000.5, 1500, 1],
      [2027, 1000, 0, 0.5],
    ]);
  });
});

describe('meansFigures', () => {
  const strategicObjectives = [os(1, { code: '2' }), os(2, { code: '1' })];
  const operationalObjectives = [oo(11, 1), oo(21, 2)];
  const actions = [
    action(1, [11], { department: 'Service social' }),
    // Transversal: counted once, for the OS of its first OO.
    action(2, [21, 11], { department: 'Finances' }),
    subAction(3, 1),
    action(4, [21]),
    action(5, [21]),
  ];
  const linesByAction = new Map<number, MeansLine[]>([
    [1, [line({ year: 2026, planned: 1000, actual: 900, etp: 1, source: 'commune' }), line({ year: 2027, planned: 500, source: 'region' })]],
    [2, [line({ year: 2026, planned: 300, service: 'extraordinaire', source: 'europe' }), line({ year: 2026, direction: 'recette', planned: 300, source: 'europe' })]],
    [3, [line({ year: 2027, planned: 50, source: null, service: null })]],
    [4, [line({ year: 2025, planned: 400, service: 'extraordinaire', source: null, etp: 2 })]],
  ]);
  const figures = meansFigures({ actions, operationalObjectives, strategicObjectives, linesByAction });

  it('lists the years and the grand total', () => {
    expect(figures.years).toEqual([2025, 2026, 2027]);
    expect(figures.total.plannedExpense).toBe(1000 + 500 + 300 + 50 + 400);
    expect(figures.total.actualExpense).toBe(900);
    expect(figures.total.plannedReceipt).toBe(300);
    expect(figures.total.etp).toBe(3);
    expect(figures.actionsWithMeans).toBe(4);
  });

  it('breaks down per budget service, unknown last', () => {
    expect(figures.byService.map((g) => [g.key, g.totals.plannedExpense])).toEqual([
      ['ordinaire', 1500],
      ['extraordinaire', 700],
      [null, 50],
    ]);
  });

  it('breaks down per funding source in the vocabulary order', () => {
    expect(figures.bySource.map((g) => [g.key, g.totals.plannedExpense, g.totals.plannedReceipt])).toEqual([
      ['commune', 1000, 0],
      ['region', 500, 0],
      ['europe', 300, 300],
      [null, 450, 0],
    ]);
  });

  it('breaks down per OS in code order; a sub-action counts for its parent’s OS', () => {
    expect(figures.byObjective.map((g) => [g.key?.code, g.totals.plannedExpense])).toEqual([
      ['1', 300 + 400],
      ['2', 1000 + 500 + 50],
    ]);
    expect(figures.byObjective[1].perYear.map((y) => [y.year, y.totals.plannedExpense])).toEqual([
      [2026, 1000],
      [2027, 550],
    ]);
  });

  it('breaks down per pilot service, actions without one last', () => {
    expect(figures.byDepartment.map((g) => [g.key, g.totals.plannedExpense])).toEqual([
      ['Finances', 300],
      ['Service social', 1500],
      ['', 450],
    ]);
  });

  it('restricts every breakdown to one year when asked', () => {
    const year = meansFigures({ actions, operationalObjectives, strategicObjectives, linesByAction, year: 2027 });
    expect(year.years).toEqual([2025, 2026, 2027]);
    expect(year.total.plannedExpense).toBe(550);
    expect(year.bySource.map((g) => g.key)).toEqual(['region', null]);
  });
});

describe('meansLineIssues', () => {
  it('accepts a right line', () => {
    expect(meansLineIssues(line({ planned: 10, actual: 0, etp: 0.5, article: '844/124-48' }))).toEqual([]);
  });

  it('refuses a year out of range, negative amounts, absurd ETP, a long article', () => {
    const issues = meansLineIssues(line({ year: 26, planned: -1, actual: -2, etp: 5000, article: 'x'.repeat(51) }));
    expect(issues.map((i) => i.field)).toEqual(['year', 'planned', 'actual', 'etp', 'article']);
    expect(issues[0].message.fr).toBe("L'année doit être comprise entre 1990 et 2100.");
  });
});
