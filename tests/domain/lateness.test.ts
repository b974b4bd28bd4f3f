import { DEFAULT_LATENESS_THRESHOLDS, classifyLateness, latestCheckInDates, withLatestCheckIns } from '../../src/domain';
import { action, period } from './fixtures';

const TODAY = '2024-06-15';

/** An action checked in yesterday, so that only the deadline matters. */
function planned(end: string | null, fields: Parameters<typeof action>[2] = {}) {
  return action(1, [1], {
    plannedStart: period('2024'),
    plannedEnd: end === null ? null : period(end),
    status: 'EN_COURS',
    lastCheckInDate: '2024-06-14',
    ...fields,
  });
}

describe('classifyLateness: deadlines', () => {
  it('uses 30 days "due soon" and 45 days "stale" by default', () => {
    expect(DEFAULT_LATENESS_THRESHOLDS).toEqual({ dueSoonDays: 30, staleDays: 45 });
  });

  it('is overdue by one day when the end was yesterday', () => {
    const result = classifyLateness(planned('14/06/2024'), TODAY);
    expect(result.state).toBe('overdue');
    expect(result.daysLate).toBe(1);
    expect(result.daysLeft).toBeNull();
    expect(result.flags.overdue).toBe(true);
    expect(result.flags.dueSoon).toBe(false);
  });

  it('is due soon, not overdue, when the end is today', () => {
    const result = classifyLateness(planned('15/06/2024'), TODAY);
    expect(result.state).toBe('dueSoon');
    expect(result.daysLeft).toBe(0);
    expect(result.daysLate).toBeNull();
  });

  it('is due soon up to 30 days ahead, on track at 31', () => {
    // 15/06 + 30 days = 15/07 (June has 30 days).
    expect(classifyLateness(planned('15/07/2024'), TODAY)).toMatchObject({ state: 'dueSoon', daysLeft: 30 });
    expect(classifyLateness(planned('16/07/2024'), TODAY)).toMatchObject({ state: 'onTrack', daysLeft: 31 });
  });

  it('honours a custom due-soon threshold', () => {
    expect(classifyLateness(planned('22/06/2024'), TODAY, { dueSoonDays: 7 }).state).toBe('dueSoon');
    expect(classifyLateness(planned('23/06/2024'), TODAY, { dueSoonDays: 7 }).state).toBe('onTrack');
  });

  it('reads an end year as 31 December and an end month as its last day', () => {
    expect(classifyLateness(planned('2024', { lastCheckInDate: '2024-12-31' }), '2024-12-31')).toMatchObject({ state: 'dueSoon', daysLeft: 0, dueDate: '2024-12-31' });
    expect(classifyLateness(planned('2024', { lastCheckInDate: '2025-01-01' }), '2025-01-01')).toMatchObject({ state: 'overdue', daysLate: 1 });
    expect(classifyLateness(planned('2024', { lastCheckInDate: '2024-12-01' }), '2024-12-01')).toMatchObject({ state: 'dueSoon', daysLeft: 30 });
    expect(classifyLateness(planned('2024', { lastCheckInDate: '2024-11-30' }), '2024-11-30')).toMatchObject({ state: 'onTrack', daysLeft: 31 });
    expect(classifyLateness(planned('06/2024'), TODAY)).toMatchObject({ state: 'dueSoon', daysLeft: 15, dueDate: '2024-06-30' });
    expect(classifyLateness(planned('2023-24'), '2024-06-15')).toMatchObject({ dueDate: '2024-12-31', daysLeft: 199 });
  });

  it('counts across 29 February', () => {
    expect(classifyLateness(planned('29/02/2024'), '2024-02-28').daysLeft).toBe(1);
    expect(classifyLateness(planned('29/02/2024'), '2024-03-01').daysLate).toBe(1);
    expect(classifyLateness(planned('02/2023'), '2023-03-01').daysLate).toBe(1); // February 2023 ends on the 28th
  });

  it('counts a long delay exactly: 31/12/2020 → 30/06/2021 is 181 days', () => {
    expect(classifyLateness(planned('2020'), '2021-06-30').daysLate).toBe(181);
  });
});

describe('classifyLateness: done, cancelled, unscheduled', () => {
  it('an action finished after its deadline is done, not overdue', () => {
    const result = classifyLateness(planned('31/12/2023', { status: 'TERMINE' }), TODAY);
    expect(result.state).toBe('done');
    expect(result.flags.overdue).toBe(false);
    expect(result.daysLate).toBeNull();
    expect(result.dueDate).toBe('2023-12-31');
  });

  it('a cancelled action is cancelled whatever its dates and check-ins', () => {
    const result = classifyLateness(planned('2020', { status: 'ANNULE_ABANDONNE', lastCheckInDate: null }), TODAY);
    expect(result.state).toBe('cancelled');
    expect(result.flags).toEqual({ cancelled: true, done: false, overdue: false, dueSoon: false, stale: false, unscheduled: false });
  });

  it('an action without any date is unscheduled', () => {
    const result = classifyLateness(action(1, [1], { status: 'NON_COMMENCE' }), TODAY);
    expect(result.state).toBe('unscheduled');
    expect(result.flags.unscheduled).toBe(true);
    expect(result.flags.stale).toBe(false); // no start, so nobody is waiting for a check-in yet
    expect(result).toMatchObject({ dueDate: null, daysLeft: null, daysLate: null, neverCheckedIn: true });
  });

  it('an unknown status counts as not done', () => {
    expect(classifyLateness(planned('2023', { status: null }), TODAY).state).toBe('overdue');
  });

  it('refuses a "today" that is not a calendar day', () => {
    expect(() => classifyLateness(planned('2024'), '15/06/2024')).toThrow(RangeError);
  });
});

describe('classifyLateness: stale check-ins', () => {
  const far = '2025'; // end far away, so only check-ins matter

  it('is stale from 45 days without check-in, not at 44', () => {
    // From 01/05 to 31/05 is 30 days, then 15 more to 15/06: 45.
    expect(classifyLateness(planned(far, { lastCheckInDate: '2024-05-01' }), TODAY)).toMatchObject({ state: 'stale', daysSinceCheckIn: 45 });
    expect(classifyLateness(planned(far, { lastCheckInDate: '2024-05-02' }), TODAY)).toMatchObject({ state: 'onTrack', daysSinceCheckIn: 44 });
  });

  it('honours a custom stale threshold', () => {
    expect(classifyLateness(planned(far, { lastCheckInDate: '2024-06-05' }), TODAY, { staleDays: 10 }).state).toBe('stale');
    expect(classifyLateness(planned(far, { lastCheckInDate: '2024-06-06' }), TODAY, { staleDays: 10 }).state).toBe('onTrack');
  });

  it('is stale when never checked in and the start has passed, not when it starts today', () => {
    const started = classifyLateness(planned(far, { lastCheckInDate: null, plannedStart: period('14/06/2024') }), TODAY);
    expect(started).toMatchObject({ state: 'stale', neverCheckedIn: true, daysSinceCheckIn: null });
    const startsToday = classifyLateness(planned(far, { lastCheckInDate: null, plannedStart: period('15/06/2024') }), TODAY);
    expect(startsToday.state).toBe('onTrack');
  });

  it('a check-in dated in the future does not make an action stale', () => {
    expect(classifyLateness(planned(far, { lastCheckInDate: '2024-07-01' }), TODAY).flags.stale).toBe(false);
  });

  it('reports every flag but picks overdue before stale and stale before unscheduled', () => {
    const overdueAndStale = classifyLateness(planned('2023', { lastCheckInDate: '2023-01-01' }), TODAY);
    expect(overdueAndStale.state).toBe('overdue');
    expect(overdueAndStale.flags.stale).toBe(true);

    const dueSoonAndStale = classifyLateness(planned('30/06/2024', { lastCheckInDate: '2024-01-01' }), TODAY);
    expect(dueSoonAndStale.state).toBe('dueSoon');
    expect(dueSoonAndStale.flags.stale).toBe(true);

    const noEndButStale = classifyLateness(action(1, [1], { plannedStart: period('2019') }), TODAY);
    expect(noEndButStale.state).toBe('stale');
    expect(noEndButStale.flags.unscheduled).toBe(true);
  });

  it('a done action is never stale', () => {
    expect(classifyLateness(planned(far, { status: 'TERMINE', lastCheckInDate: null }), TODAY).flags.stale).toBe(false);
  });
});

describe('last check-in per action', () => {
  const checkIns = [
    { actionId: 1, date: '2024-03-01' },
    { actionId: 1, date: '2024-05-20' },
    { actionId: 1, date: '2024-04-11' },
    { actionId: 2, date: '2023-12-31' },
    { actionId: 3, date: 'pas une date' },
  ];

  it('keeps the most recent valid date per action', () => {
    const latest = latestCheckInDates(checkIns);
    expect(latest.get(1)).toBe('2024-05-20');
    expect(latest.get(2)).toBe('2023-12-31');
    expect(latest.has(3)).toBe(false);
  });

  it('updates actions only when the check-ins are more recent', () => {
    const actions = [
      action(1, [1], { lastCheckInDate: '2024-01-01' }),
      action(2, [1], { lastCheckInDate: '2024-02-02' }),
      action(4, [1]),
    ];
    const updated = withLatestCheckIns(actions, checkIns);
    expect(updated.map((a) => a.lastCheckInDate)).toEqual(['2024-05-20', '2024-02-02', null]);
    expect(updated[1]).toBe(actions[1]); // untouched objects are reused
    expect(actions[0].lastCheckInDate).toBe('2024-01-01'); // inputs are not modified
  });
});
