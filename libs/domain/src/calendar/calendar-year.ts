import { IsoDate, isIsoDate, isWeekend, weekdayName, yearOf } from './calendar-date.util';

/**
 * One year of the working-day table, as an admin edits it. Holidays and the Government's yearly
 * announcements (substitute days off, make-up working days) are data, never code: the Government
 * decides them year by year, so the table is the only place they live.
 */
export interface CalendarDay {
  date: IsoDate;
  /** Shown to users, in Vietnamese (e.g. "Tết Nguyên đán (mùng 1)"). */
  name: string;
}

export interface CalendarYear {
  year: number;
  /** Public holidays (ngày nghỉ lễ, Tết); one may fall on a weekend. */
  holidays: readonly CalendarDay[];
  /** Weekdays given off (ngày nghỉ bù, or the day off of a swap / hoán đổi). */
  substituteDaysOff: readonly CalendarDay[];
  /** Saturdays or Sundays worked instead (ngày làm bù). */
  makeUpWorkingDays: readonly CalendarDay[];
}

type DayList = 'holidays' | 'substituteDaysOff' | 'makeUpWorkingDays';

const DAY_LISTS: readonly DayList[] = ['holidays', 'substituteDaysOff', 'makeUpWorkingDays'];

const DAY_LIST_LABEL: Record<DayList, string> = {
  holidays: 'holiday',
  substituteDaysOff: 'substitute day off',
  makeUpWorkingDays: 'make-up working day',
};

export const MIN_CALENDAR_YEAR = 1900;
export const MAX_CALENDAR_YEAR = 9999;

/**
 * Readable problems with one year of the table; an empty list means it is valid. Takes `unknown`
 * because the input is usually an admin's JSON. Every problem is reported, not just the first.
 */
export function validateCalendarYear(input: unknown): string[] {
  if (!isRecord(input)) {
    return ['a calendar year must be an object with year, holidays, substituteDaysOff and makeUpWorkingDays'];
  }
  const errors: string[] = [];
  const { year } = input;
  const yearIsValid = isValidYear(year);
  const where = yearIsValid ? `${year}` : 'calendar year';
  if (!yearIsValid) {
    errors.push(
      `year ${JSON.stringify(year)} must be a whole number from ${MIN_CALENDAR_YEAR} to ${MAX_CALENDAR_YEAR}`,
    );
  }

  // A date may appear once in the whole year: a holiday, a substitute day off and a make-up
  // working day are mutually exclusive, so a second listing is a typo or a contradiction.
  const firstListing = new Map<IsoDate, { list: DayList; index: number }>();
  for (const list of DAY_LISTS) {
    const entries = input[list];
    if (!Array.isArray(entries)) {
      errors.push(`${where}: ${list} must be a list (it may be empty)`);
      continue;
    }
    entries.forEach((entry: unknown, index: number) => {
      const at = `${where} ${list}[${index}]`;
      if (!isRecord(entry)) {
        errors.push(`${at}: must be an object { date: 'YYYY-MM-DD', name }`);
        return;
      }
      const { date, name } = entry;
      if (typeof name !== 'string' || name.trim() === '') errors.push(`${at}: name must be non-empty text`);
      if (!isIsoDate(date)) {
        errors.push(`${at}: ${JSON.stringify(date)} is not a real date in the form YYYY-MM-DD`);
        return;
      }
      if (yearIsValid && yearOf(date) !== year)
        errors.push(`${at}: ${date} is not in ${year}; list it under ${yearOf(date)}`);
      if (list === 'substituteDaysOff' && isWeekend(date)) {
        errors.push(
          `${at}: ${date} is a ${weekdayName(date)}, already a day off; a substitute day off must be a weekday`,
        );
      }
      if (list === 'makeUpWorkingDays' && !isWeekend(date)) {
        errors.push(
          `${at}: ${date} is a ${weekdayName(date)}, already a working day; a make-up working day must be a Saturday or Sunday`,
        );
      }
      const earlier = firstListing.get(date);
      if (!earlier) {
        firstListing.set(date, { list, index });
      } else if (earlier.list === list) {
        errors.push(`${at}: ${date} is listed twice in ${list} (also ${list}[${earlier.index}])`);
      } else {
        errors.push(
          `${at}: ${date} cannot be both a ${DAY_LIST_LABEL[earlier.list]} (${earlier.list}[${earlier.index}]) and a ${DAY_LIST_LABEL[list]}`,
        );
      }
    });
  }
  return errors;
}

/** Problems with the whole table: each year's, plus a year listed twice. Empty means valid. */
export function validateCalendarYears(input: unknown): string[] {
  if (!Array.isArray(input)) return ['the calendar must be a list of years'];
  const errors: string[] = [];
  const firstIndexOfYear = new Map<number, number>();
  input.forEach((item: unknown, index: number) => {
    errors.push(...validateCalendarYear(item));
    const year = isRecord(item) ? item.year : undefined;
    if (!isValidYear(year)) return;
    const earlier = firstIndexOfYear.get(year);
    if (earlier === undefined) firstIndexOfYear.set(year, index);
    else errors.push(`year ${year} appears twice (entries ${earlier} and ${index}); merge them into one`);
  });
  return errors;
}

/** Thrown when a WorkingCalendar is built from a table that does not validate. */
export class InvalidCalendarError extends Error {
  constructor(readonly errors: readonly string[]) {
    super(`invalid working-day calendar:\n- ${errors.join('\n- ')}`);
    this.name = 'InvalidCalendarError';
  }
}

function isValidYear(year: unknown): year is number {
  return typeof year === 'number' && Number.isInteger(year) && year >= MIN_CALENDAR_YEAR && year <= MAX_CALENDAR_YEAR;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
