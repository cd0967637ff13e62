/**
 * The instants of Get a List of Interactions' time range, read as the spec writes them: ISO 8601 in UTC
 * with `Z`, to the second, milliseconds optional, and hour 24 only as `24:00:00` (ISO 8601's end of a
 * day, which the vendor's own example sends). The spec's pattern admits any digits; this tells a date
 * and time that exists (not February 30th, not 25:00) from one that does not. One reader for the SDK's
 * parameter checks and the reference API's, so both refuse the same times.
 */

const UTC_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?Z$/;

/** The instant (ms since the epoch) of `text`, or `undefined` when it is not such a time, or no time that exists. */
export function utcInstant(text: string): number | undefined {
  const match = UTC_TIME.exec(text);
  if (!match) return undefined;
  const [y, mo, d, h, mi, s] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const ms = Number((match[7] ?? '0').padEnd(3, '0'));
  // ISO 8601's end of day, 24:00:00, is the next day's midnight; any other hour 24 is no time at all.
  const endOfDay = h === 24 && mi === 0 && s === 0 && ms === 0;
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || (h > 23 && !endOfDay) || mi > 59 || s > 59) return undefined;
  return utc(y, mo - 1, d, h, mi, s, ms);
}

/** `Date.UTC`, also for the years 0–99 (which `Date.UTC` reads as 1900–1999). */
function utc(
  year: number,
  ...rest: [month: number, day: number, hour?: number, minute?: number, second?: number, ms?: number]
): number {
  const [month, day, hour = 0, minute = 0, second = 0, ms = 0] = rest;
  const date = new Date(0);
  date.setUTCFullYear(year, month, day);
  date.setUTCHours(hour, minute, second, ms);
  return date.getTime();
}

const daysIn = (year: number, month: number) => new Date(utc(year, month, 0)).getUTCDate();
