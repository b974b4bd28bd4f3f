import {
  addDays,
  compareIsoDates,
  createAction,
  daysBetween,
  daysInMonth,
  displayNameOf,
  endOfMonth,
  isLeapYear,
  isValidIsoDate,
  isoDateOfLocalDay,
  parseIsoDate,
  toIsoDate,
} from '../../src/domain';

describe('isLeapYear', () => {
  it.each([
    [2024, true],
    [2023, false],
    [2020, true],
    [1900, false], // divisible by 100, not by 400
    [2000, true], // divisible by 400
    [2100, false],
  ])('%i → %s', (year, expected) => {
    expect(isLeapYear(year)).toBe(expected);
  });
});

describe('daysInMonth', () => {
  it.each([
    [2024, 2, 29],
    [2023, 2, 28],
    [1900, 2, 28],
    [2000, 2, 29],
    [2024, 4, 30],
    [2024, 12, 31],
    [2024, 1, 31],
    [2024, 9, 30],
  ])('%i-%i has %i days', (year, month, days) => {
    expect(daysInMonth(year, month)).toBe(days);
  });
});

describe('endOfMonth', () => {
  it.each([
    ['2024-02-10', '2024-02-29'],
    ['2023-02-01', '2023-02-28'],
    ['2000-02-15', '2000-02-29'],
    ['1900-02-15', '1900-02-28'],
    ['2024-12-05', '2024-12-31'],
    ['2024-04-30', '2024-04-30'],
  ])('%s → %s', (date, expected) => {
    expect(endOfMonth(date)).toBe(expected);
  });

  it('refuses a text that is not a calendar day', () => {
    expect(() => endOfMonth('2023-02-29')).toThrow(RangeError);
  });
});

describe('daysBetween', () => {
  it.each([
    ['2024-02-28', '2024-03-01', 2], // through 29 February
    ['2023-02-28', '2023-03-01', 1],
    ['2024-01-01', '2025-01-01', 366],
    ['2023-01-01', '2024-01-01', 365],
    ['2024-06-15', '2024-06-15', 0],
    ['2024-06-15', '2024-06-14', -1],
    ['2020-12-31', '2021-06-30', 181], // 31+28+31+30+31+30
    ['1999-12-31', '2000-03-01', 61], // 1 + 31 + 29 (2000 is leap)
    ['2024-03-30', '2024-04-01', 2], // across the spring DST change in Belgium: no hour lost
    ['2024-10-26', '2024-10-28', 2], // across the autumn DST change
  ])('%s → %s = %i', (from, to, expected) => {
    expect(daysBetween(from, to)).toBe(expected);
  });

  it('agrees with Date.UTC over six years, day by day', () => {
    const origin = Date.UTC(2019, 0, 1);
    for (let offset = 0; offset < 6 * 366; offset += 1) {
      const date = new Date(origin + offset * 86400000);
      const iso = date.toISOString().slice(0, 10);
      expect(daysBetween('2019-01-01', iso)).toBe(offset);
    }
  });

  it('refuses impossible days', () => {
    expect(() => daysBetween('2023-02-29', '2023-03-01')).toThrow(RangeError);
    expect(() => daysBetween('2023-03-01', '31/12/2023')).toThrow(RangeError);
  });
});

describe('addDays', () => {
  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-02-28', 2, '2024-03-01'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2024-01-01', 366, '2025-01-01'],
    ['2024-06-15', 0, '2024-06-15'],
    ['2024-06-15', 30, '2024-07-15'],
  ])('%s + %i = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it('is the inverse of daysBetween', () => {
    for (let days = -800; days <= 800; days += 7) {
      expect(daysBetween('2024-02-29', addDays('2024-02-29', days))).toBe(days);
    }
  });

  it('refuses fractions of a day', () => {
    expect(() => addDays('2024-01-01', 0.5)).toThrow(RangeError);
  });
});

describe('ISO day helpers', () => {
  it('validates calendar days', () => {
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2023-02-29')).toBe(false);
    expect(isValidIsoDate('2024-13-01')).toBe(false);
    expect(isValidIsoDate('2024-00-10')).toBe(false);
    expect(isValidIsoDate('2024-1-01')).toBe(false);
    expect(isValidIsoDate('2024-01-01T00:00:00Z')).toBe(false);
    expect(isValidIsoDate('')).toBe(false);
    expect(isValidIsoDate(null)).toBe(false);
  });

  it('splits and builds days', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(toIsoDate(2024, 2, 9)).toBe('2024-02-09');
    expect(() => toIsoDate(2023, 2, 29)).toThrow(RangeError);
  });

  it('compares days', () => {
    expect(compareIsoDates('2024-01-02', '2024-01-01')).toBeGreaterThan(0);
    expect(compareIsoDates('2023-12-31', '2024-01-01')).toBeLessThan(0);
    expect(compareIsoDates('2024-01-01', '2024-01-01')).toBe(0);
  });

  it("turns the user's clock into a calendar day without going through UTC", () => {
    // Local constructor and local getters: 29 February 23:59 stays the 29th in any time zone.
    expect(isoDateOfLocalDay(new Date(2024, 1, 29, 23, 59))).toBe('2024-02-29');
    expect(isoDateOfLocalDay(new Date(2025, 0, 1, 0, 0))).toBe('2025-01-01');
  });
});

describe('createAction', () => {
  it('fills every optional field with "nothing" and weight 1', () => {
    const action = createAction({ id: 7, title: 'Créer un site internet' });
    expect(action.weight).toBe(1);
    expect(action.operationalObjectiveIds).toEqual([]);
    expect(action.status).toBeNull();
    expect(action.progressPercent).toBeNull();
    expect(action.resources).toEqual({ text: null });
    expect(action.team).toEqual([]);
  });

  it('keeps given fields and completes partial resources', () => {
    const action = createAction({ id: 1, title: 'x', weight: 3, resources: { lines: [] } });
    expect(action.weight).toBe(3);
    expect(action.resources).toEqual({ text: null, lines: [] });
  });
});

describe('displayNameOf', () => {
  it('shows people and free-text mandataries', () => {
    expect(displayNameOf({ displayName: 'Eve Delvinquière' })).toBe('Eve Delvinquière');
    expect(displayNameOf("Conseil de l'Action Sociale")).toBe("Conseil de l'Action Sociale");
    expect(displayNameOf(null)).toBe('');
  });
});
