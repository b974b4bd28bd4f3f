import { monthEnds, progressTrend, TrendCheckIn } from '../../src/domain/trend';
import { dashboardFigures } from '../../src/domain/dashboard';
import { action, oo, os, period, PLAN } from './fixtures';

describe('monthEnds', () => {
  it('gives each month its last day, today for the current one, across a year end and February', () => {
    expect(monthEnds('2024-11-15', '2025-03-10')).toEqual([
      { month: '2024-11', asOf: '2024-11-30' },
      { month: '2024-12', asOf: '2024-12-31' },
      { month: '2025-01', asOf: '2025-01-31' },
      { month: '2025-02', asOf: '2025-02-28' },
      { month: '2025-03', asOf: '2025-03-10' },
    ]);
    expect(monthEnds('2024-02-01', '2024-02-29')).toEqual([{ month: '2024-02', asOf: '2024-02-29' }]);
    expect(monthEnds('2025-04-01', '2025-03-31')).toEqual([]);
  });
});

describe('progressTrend', () => {
  // Two OS; action 1 (OS 1) progresses by check-ins, action 2 (OS 2) gets blocked then late,
  // action 3 (OS 2) has never been checked in and is done.
  const input = {
    plan: PLAN,
    strategicObjectives: [os(1, { code: '1' }), os(2, { code: '2' })],
    operationalObjectives: [oo(11, 1), oo(21, 2)],
    actions: [
      action(1, [11], { status: 'EN_COURS', progressPercent: 80, lastCheckInDate: '2025-03-05', plannedEnd: period('31/12/2026') }),
      action(2, [21], { status: 'PROBLEME', progressPercent: 10, health: 'blocage', lastCheckInDate: '2025-02-10', plannedEnd: period('28/02/2025') }),
      action(3, [21], { status: 'TERMINE', progressPercent: 100 }),
    ],
  };
  const checkIns: TrendCheckIn[] = [
    { id: 1, actionId: 1, date: '2025-01-10', status: 'EN_COURS', percent: 20, health: 'bon' },
    { id: 4, actionId: 1, date: '2025-03-05', status: 'EN_COURS', percent: 80, health: 'bon' },
    { id: 2, actionId: 1, date: '2025-02-20', status: 'EN_COURS', percent: 50, health: 'bon' },
    { id: 3, actionId: 2, date: '2025-02-10', status: 'PROBLEME', percent: 10, health: 'blocage' },
    // not an action of this plan, and one in the future: both ignored
    { id: 5, actionId: 99, date: '2025-01-15', status: 'TERMINE', percent: 100, health: 'bon' },
    { id: 6, actionId: 1, date: '2025-04-01', status: 'TERMINE', percent: 100, health: 'bon' },
  ];
  const trend = progressTrend(input, checkIns, '2024-12-01', '2025-03-15');

  it('has one point per month since the start, each as the check-ins then said', () => {
    expect(trend.plan.map((p) => p.month)).toEqual(['2024-12', '2025-01', '2025-02', '2025-03']);
    // Dec: 1 and 2 not started (0 %), 3 done (100 %) → 33.3 %; Jan: 1 at 20 % → 40 %;
    // Feb: 1 at 50 %, 2 at 10 % → 53.3 %; Mar: 1 at 80 % → 63.3 %.
    expect(trend.plan.map((p) => Math.round(p.progress! * 10) / 10)).toEqual([33.3, 40, 53.3, 63.3]);
    expect(trend.strategicObjectives.get(1)!.map((p) => p.progress)).toEqual([0, 20, 50, 80]);
    expect(trend.strategicObjectives.get(2)!.map((p) => p.progress)).toEqual([50, 50, 55, 55]);
  });

  it('counts blocked from the check-in that said so, and late once the deadline has passed', () => {
    expect(trend.plan.map((p) => p.blocked)).toEqual([0, 0, 1, 1]);
    expect(trend.plan.map((p) => p.late)).toEqual([0, 0, 0, 1]);
    expect(trend.strategicObjectives.get(2)!.map((p) => [p.late, p.blocked])).toEqual([
      [0, 0],
      [0, 0],
      [0, 1],
      [1, 1],
    ]);
  });

  it('ends on the figures the dashboard shows today', () => {
    const today = dashboardFigures(input, '2025-03-15');
    const last = trend.plan[trend.plan.length - 1];
    expect(last).toMatchObject({ asOf: '2025-03-15', progress: today.plan.progress, late: today.plan.late, blocked: today.plan.blocked });
    for (const objective of today.strategicObjectives) {
      const series = trend.strategicObjectives.get(objective.id)!;
      expect(series[series.length - 1].progress).toBe(objective.stats.progress);
    }
  });

  it('keeps an empty OS at no progress and no count', () => {
    const withEmpty = progressTrend({ ...input, strategicObjectives: [...input.strategicObjectives, os(3)] }, checkIns, '2025-03-01', '2025-03-15');
    expect(withEmpty.strategicObjectives.get(3)).toEqual([{ month: '2025-03', asOf: '2025-03-15', progress: null, late: 0, blocked: 0 }]);
  });
});
