/**
 * ISO-8601 durations (PnYnMnWnDTnHnMnS) as data: templates state every period this way so a demo
 * or a test runs a five-year term in seconds with the same code. Pure; safe in workflow code.
 */
export interface IsoDuration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

const PATTERN =
  /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d{1,3})?)S)?)?$/;

export function parseIsoDuration(text: string): IsoDuration {
  const m = PATTERN.exec(text);
  if (!m) throw new RangeError(`"${text}" is not an ISO-8601 duration such as P3M or PT30S`);
  const n = (i: number) => (m[i] ? Number(m[i]) : 0);
  return { years: n(1), months: n(2), weeks: n(3), days: n(4), hours: n(5), minutes: n(6), seconds: n(7) };
}

export function isIsoDuration(text: unknown): text is string {
  return typeof text === 'string' && PATTERN.test(text);
}

/**
 * Adds a duration to an instant. Calendar parts (years, months, days) follow the calendar in
 * Asia/Ho_Chi_Minh (UTC+7, no daylight saving), so "P1M" from 31 January lands on the last day of
 * February; clock parts are exact.
 */
export function addIsoDuration(from: Date | number, duration: string | IsoDuration, times = 1): Date {
  const d = typeof duration === 'string' ? parseIsoDuration(duration) : duration;
  const t = typeof from === 'number' ? from : from.getTime();
  const local = new Date(t + VN_OFFSET_MS);
  const y = local.getUTCFullYear() + d.years * times;
  const mo = local.getUTCMonth() + d.months * times;
  const targetMonthStart = new Date(Date.UTC(y, mo, 1));
  const lastDay = new Date(
    Date.UTC(targetMonthStart.getUTCFullYear(), targetMonthStart.getUTCMonth() + 1, 0),
  ).getUTCDate();
  const day = Math.min(local.getUTCDate(), lastDay);
  const calendar = Date.UTC(
    targetMonthStart.getUTCFullYear(),
    targetMonthStart.getUTCMonth(),
    day,
    local.getUTCHours(),
    local.getUTCMinutes(),
    local.getUTCSeconds(),
    local.getUTCMilliseconds(),
  );
  const clockMs = ((d.weeks * 7 + d.days) * 86_400 + d.hours * 3600 + d.minutes * 60 + d.seconds) * 1000 * times;
  return new Date(calendar - VN_OFFSET_MS + clockMs);
}

/** Subtracts a duration (used for "remind N before the deadline"). */
export function subtractIsoDuration(from: Date | number, duration: string): Date {
  return addIsoDuration(from, duration, -1);
}

/** Asia/Ho_Chi_Minh is UTC+7 all year. */
export const VN_OFFSET_MS = 7 * 3600 * 1000;

/** The calendar date (YYYY-MM-DD) of an instant in Asia/Ho_Chi_Minh. */
export function vnDateOf(instant: Date | number): string {
  const t = typeof instant === 'number' ? instant : instant.getTime();
  return new Date(t + VN_OFFSET_MS).toISOString().slice(0, 10);
}
