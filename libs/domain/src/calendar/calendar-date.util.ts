/**
 * Calendar dates as 'YYYY-MM-DD' strings and whole-day arithmetic on them. A calendar date has no
 * time zone; turning an instant into the Vietnamese date is `vnDateOf`'s job (../time/iso-duration).
 * Pure: Date is only used with explicit arguments, as a UTC day counter.
 */

/** A calendar date written 'YYYY-MM-DD' (e.g. '2025-01-29'). */
export type IsoDate = string;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const MS_PER_DAY = 86_400_000;
const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** True for a real calendar date written 'YYYY-MM-DD' ('2025-02-30' and '2025-1-5' are not). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  const t = Date.UTC(y, m - 1, d);
  // Date.UTC rolls 30 February over into March; a round trip catches that (and years 0–99, which
  // Date.UTC maps to 1900–1999: nobody schedules work then).
  return new Date(t).toISOString().slice(0, 10) === value;
}

/** Throws a RangeError naming the value unless it is a real 'YYYY-MM-DD' date. */
export function assertIsoDate(value: unknown): IsoDate {
  if (!isIsoDate(value)) throw new RangeError(`${JSON.stringify(value)} is not a date in the form YYYY-MM-DD`);
  return value;
}

/** Whole days since 1970-01-01 (negative before). The date must already be valid. */
export function dayNumberOf(date: IsoDate): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

export function isoDateOfDayNumber(dayNumber: number): IsoDate {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday, like Date#getUTCDay. */
export function weekdayOfDayNumber(dayNumber: number): number {
  // 1970-01-01 was a Thursday (4).
  return (((dayNumber + 4) % 7) + 7) % 7;
}

export function weekdayName(date: IsoDate): string {
  return WEEKDAY_NAMES[weekdayOfDayNumber(dayNumberOf(date))];
}

export function isWeekend(date: IsoDate): boolean {
  const weekday = weekdayOfDayNumber(dayNumberOf(date));
  return weekday === 0 || weekday === 6;
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}
