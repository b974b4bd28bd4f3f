/**
 * The site's time zone, Europe/Brussels (CET, UTC+1; CEST, UTC+2 from the last Sunday of
 * March to the last Sunday of October, switching at 01:00 UTC), and SharePoint's rule for
 * date-only columns: the day is kept as local midnight of the site's time zone, returned in
 * UTC (31/12/2024 → `2024-12-30T23:00:00Z`, 30/06/2024 → `2024-06-29T22:00:00Z`).
 *
 * The EU rule is written out rather than asked of Intl so that the result never depends
 * on the ICU data of the Node build.
 */

const HOUR_MS = 3600 * 1000;

function lastSundayUtc(year: number, month: number): number {
  // Day 0 of the next month is the last day of `month`.
  const last = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, last.getUTCDate() - last.getUTCDay());
}

/** Offset of Brussels from UTC at an instant, in milliseconds. */
export function brusselsOffsetMs(instant: number): number {
  const year = new Date(instant).getUTCFullYear();
  const summerStart = lastSundayUtc(year, 2) + HOUR_MS;
  const summerEnd = lastSundayUtc(year, 9) + HOUR_MS;
  return instant >= summerStart && instant < summerEnd ? 2 * HOUR_MS : HOUR_MS;
}

/** The Brussels calendar day (`YYYY-MM-DD`) of an instant. */
export function brusselsDayOf(instant: number): string {
  return new Date(instant + brusselsOffsetMs(instant)).toISOString().substring(0, 10);
}

/** Local midnight of a Brussels day, as a UTC instant. */
export function brusselsMidnightUtc(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  const midnightAsIfUtc = Date.UTC(y, m - 1, d);
  // The offset at local midnight: the switches happen at 02:00/03:00 local, after midnight.
  const offset = brusselsOffsetMs(midnightAsIfUtc - HOUR_MS);
  return midnightAsIfUtc - offset;
}

/** SharePoint's text for an instant: ISO 8601 in UTC, to the second. */
export function isoSeconds(instant: number): string {
  return new Date(instant).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The stored value of a date-only column written as `value` (any instant of that day). */
export function dateOnlyValue(instant: number): string {
  return isoSeconds(brusselsMidnightUtc(brusselsDayOf(instant)));
}
