import { monthEnds, progressTrend, TrendCheckIn, trendOf, trendTimeline } from '../../src/domain/trend';
import { rollUp } from '../../src/domain/rollup';
import type { Action } from '../../src/domain/model';
import { buildPlanTree } from '../../src/domain/tree';
import { dashboardFigures } from '../../src/domain/dashboard';
import { action, oo, os, period, PLAN, subAction } from './fixtures';

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

describe('trendOf: the whole plan\'s timeline, counted for a filtered part', () => {
  // Action 1 (OS 1) has two sub-actions (4 and 5) progressing by check-ins; action 2 (OS 2) is blocked in February.
  const input = {
    plan: PLAN,
    strategicObjectives: [os(1, { code: '1' }), os(2, { code: '2' })],
    operationalObjectives: [oo(11, 1), oo(21, 2)],
    actions: [
      action(1, [11], { status: 'EN_COURS', progressPercent: 10, lastCheckInDate: null, plannedEnd: period('31/12/2026') }),
      subAction(4, 1, { status: 'EN_COURS', progressPercent: 60, lastCheckInDate: '2025-02-01' }),
      subAction(5, 1, { status: 'EN_COURS', progressPercent: 20, lastCheckInDate: '2025-03-01' }),
      action(2, [21], { status: 'PROBLEME', progressPercent: 30, health: 'blocage', lastCheckInDate: '2025-02-10', plannedEnd: period('28/02/2025') }),
    ],
  };
  const checkIns: TrendCheckIn[] = [
    { id: 1, actionId: 4, date: '2025-01-10', status: 'EN_COURS', percent: 40, health: 'bon' },
    { id: 2, actionId: 4, date: '2025-02-01', status: 'EN_COURS', percent: 60, health: 'bon' },
    { id: 3, actionId: 5, date: '2025-03-01', status: 'EN_COURS', percent: 20, health: 'bon' },
    { id: 4, actionId: 2, date: '2025-02-10', status: 'PROBLEME', percent: 30, health: 'blocage' },
  ];
  const from = '2024-12-01';
  const today = '2025-03-15';
  const timeline = trendTimeline(input, checkIns, from, today);
  const part = (ids: number[]) => ({ ...input, actions: input.actions.filter((a) => ids.includes(a.id)) });

  it('gives the whole plan the same trend as before: sub-actions feed their parent', () => {
    const trend = trendOf(timeline, input);
    // Dec: 1 from 4 and 5, both not started (0); 2 not started → 0. Jan: 4 at 40 → 1 at 20, 2 at 0 → 10.
    // Feb: 4 at 60 → 1 at 30; 2 at 30 → 30. Mar: 5 at 20 → 1 at 40; 2 → 35.
    expect(trend.plan.map((p) => p.progress)).toEqual([0, 10, 30, 35]);
    expect(trend.strategicObjectives.get(1)!.map((p) => p.progress)).toEqual([0, 20, 30, 40]);
    expect(trend.plan.map((p) => [p.late, p.blocked])).toEqual([
      [0, 0],
      [0, 0],
      [0, 1],
      [1, 1],
    ]);
  });

  it('rolls a parent shown with one of its sub-actions, or none, up again from what is shown', () => {
    // Only sub-action 4 under 1: 1 follows 4 alone.
    expect(trendOf(timeline, part([1, 4])).plan.map((p) => p.progress)).toEqual([0, 40, 60, 60]);
    // 1 without its sub-actions: its own state (never checked in, so its only known one, 10 %).
    expect(trendOf(timeline, part([1])).plan.map((p) => p.progress)).toEqual([10, 10, 10, 10]);
  });

  it('gives any part the trend the part alone would have, and leaves the timeline fit for the next part', () => {
    const parts = [[1, 4, 5, 2], [2], [1, 4], [1], [4, 5], [5, 2], [1, 4, 5]];
    // twice over: a part counted after others finds the timeline as it was
    for (const ids of [...parts, ...parts]) expect(trendOf(timeline, part(ids))).toEqual(progressTrend(part(ids), checkIns, from, today));
  });
});

describe('trendOf against a roll-up of each month, worked out directly', () => {
  // A seeded plan: 3 OS, 6 OO, 40 actions (some transversal, weighted, cancelled or done), 12 sub-actions, 90 check-ins.
  let seed = 7;
  const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = <T,>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
  const statuses = ['NON_COMMENCE', 'EN_COURS', 'EN_COURS', 'PROBLEME', 'TERMINE', 'ANNULE_ABANDONNE'] as const;
  const strategicObjectives = [os(1), os(2), os(3)];
  const operationalObjectives = [oo(11, 1), oo(12, 1), oo(21, 2), oo(22, 2), oo(31, 3), oo(32, 3)];
  const actions: Action[] = [];
  for (let id = 1; id <= 40; id++) {
    const first = pick(operationalObjectives).id;
    const ooIds = random() < 0.15 ? Array.from(new Set([first, pick(operationalObjectives).id])) : [first];
    actions.push(
      action(id, ooIds, {
        status: pick(statuses),
        progressPercent: Math.round(random() * 100),
        health: random() < 0.2 ? 'blocage' : null,
        weight: random() < 0.2 ? 3 : undefined,
        plannedEnd: period(pick(['31/03/2025', '30/06/2025', '31/12/2026'])),
      }),
    );
  }
  for (let id = 101; id <= 112; id++) actions.push(subAction(id, 1 + Math.floor(random() * 10), { status: pick(statuses), progressPercent: Math.round(random() * 100) }));
  const input = { plan: PLAN, strategicObjectives, operationalObjectives, actions };
  const days = ['2025-01-05', '2025-02-14', '2025-03-20', '2025-04-02', '2025-05-30', '2025-06-11'];
  const checkIns: TrendCheckIn[] = Array.from({ length: 90 }, (_, index) => ({
    id: index + 1,
    actionId: pick(actions).id,
    date: pick(days),
    status: pick(statuses),
    percent: Math.round(random() * 100),
    health: random() < 0.15 ? 'blocage' : 'bon',
  }));
  const from = '2025-01-01';
  const today = '2025-06-20';

  /** Each action as its latest check-in up to `day` said (not started before its first), then rolled up as today's figures are. */
  function rolledUpAt(part: typeof input, day: string) {
    const asOf = part.actions.map((a) => {
      const own = checkIns.filter((c) => c.actionId === a.id).sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : x.id - y.id));
      if (own.length === 0) return a;
      const latest = own.filter((c) => c.date <= day).pop();
      return latest
        ? { ...a, status: latest.status, progressPercent: latest.percent, health: latest.health, lastCheckInDate: latest.date }
        : { ...a, status: 'NON_COMMENCE' as const, progressPercent: null, health: null, lastCheckInDate: null };
    });
    return rollUp(buildPlanTree({ ...part, actions: asOf as typeof actions }), { today: day });
  }

  const timeline = trendTimeline(input, checkIns, from, today);
  const parts: Array<[string, (a: (typeof actions)[number]) => boolean]> = [
    ['the whole plan', () => true],
    ['every other action', (a) => a.id % 2 === 0],
    ['OS 1 and 2 only', (a) => a.parentActionId !== null || a.operationalObjectiveIds.some((id) => id < 30)],
    ['parents without some sub-actions', (a) => a.id < 106 || a.id > 108],
  ];
  it('counts only the OS series asked for, the same figures as when all are', () => {
    const all = trendOf(timeline, input);
    const one = trendOf(timeline, input, [2]);
    expect(one.plan).toEqual(all.plan);
    expect(Array.from(one.strategicObjectives.keys())).toEqual([2]);
    expect(one.strategicObjectives.get(2)).toEqual(all.strategicObjectives.get(2));
    expect(trendOf(timeline, input, []).strategicObjectives.size).toBe(0);
  });

  it.each(parts)('%s: each month as its own roll-up says', (_, keep) => {
    const part = { ...input, actions: actions.filter(keep) };
    const trend = trendOf(timeline, part);
    timeline.months.forEach(({ asOf }, index) => {
      const expected = rolledUpAt(part, asOf);
      const got = trend.plan[index];
      expect([got.late, got.blocked]).toEqual([expected.plan.late, expected.plan.blocked]);
      expect(got.progress ?? -1).toBeCloseTo(expected.plan.progress ?? -1, 9);
      for (const objective of strategicObjectives) {
        const point = trend.strategicObjectives.get(objective.id)![index];
        const stats = expected.strategicObjectives.get(objective.id);
        expect([point.late, point.blocked]).toEqual([stats?.late ?? 0, stats?.blocked ?? 0]);
        expect(point.progress ?? -1).toBeCloseTo(stats?.progress ?? -1, 9);
      }
    });
  });
});
