import { CalendarYear } from './calendar-year';
import { DEFAULT_CALENDAR_YEARS } from './default-calendar.data';
import { MAX_LUNAR_YEAR, MIN_LUNAR_YEAR } from './lunar-calendar';
import { statutoryCalendarYear } from './statutory-year';

/** How many years one request for the working-day table may span (a task's life, with room to spare). */
export const MAX_CALENDAR_SPAN_YEARS = 50;

/**
 * The table's years from `fromYear` to `toYear`: the admin's edited year where there is one, else
 * the shipped year, else the year computed from the statute and the lunar calendar (Tết, Giỗ Tổ and
 * the fixed holidays with their days in lieu; no swaps, which only the Government's decision makes).
 */
export function calendarYearsBetween(
  stored: readonly CalendarYear[],
  fromYear: number,
  toYear: number,
): CalendarYear[] {
  const problem = calendarSpanProblem(fromYear, toYear);
  if (problem) throw new RangeError(problem);
  const byYear = new Map<number, CalendarYear>(DEFAULT_CALENDAR_YEARS.map((y) => [y.year, y]));
  for (const y of stored) byYear.set(y.year, y);
  const years: CalendarYear[] = [];
  for (let year = fromYear; year <= toYear; year += 1) {
    const found = byYear.get(year) ?? computedYear(year);
    if (found) years.push(found);
  }
  return years;
}

/** Why a requested span of years is unusable, or null. */
export function calendarSpanProblem(fromYear: unknown, toYear: unknown): string | null {
  if (!Number.isInteger(fromYear) || !Number.isInteger(toYear)) return 'fromYear and toYear must be whole numbers';
  const from = fromYear as number;
  const to = toYear as number;
  if (from > to) return `fromYear ${from} is after toYear ${to}`;
  if (to - from >= MAX_CALENDAR_SPAN_YEARS)
    return `at most ${MAX_CALENDAR_SPAN_YEARS} years at once (asked ${from}–${to})`;
  return null;
}

/** The statutory year for a year with no table, or null outside the years the lunar calendar is computed for. */
export function computedYear(year: number): CalendarYear | null {
  return year >= MIN_LUNAR_YEAR && year <= MAX_LUNAR_YEAR ? statutoryCalendarYear(year) : null;
}
