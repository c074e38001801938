import { VN_OFFSET_MS, vnDateOf } from '../time/iso-duration';
import {
  IsoDate,
  MS_PER_DAY,
  assertIsoDate,
  dayNumberOf,
  isoDateOfDayNumber,
  weekdayOfDayNumber,
  yearOf,
} from './calendar-date.util';
import { CalendarYear, InvalidCalendarError, validateCalendarYears } from './calendar-year';

export enum DayKind {
  WORKDAY = 'WORKDAY',
  WEEKEND = 'WEEKEND',
  HOLIDAY = 'HOLIDAY',
  SUBSTITUTE_DAY_OFF = 'SUBSTITUTE_DAY_OFF',
  MAKE_UP_WORKING_DAY = 'MAKE_UP_WORKING_DAY',
}

export interface DayInfo {
  date: IsoDate;
  kind: DayKind;
  isWorkingDay: boolean;
  /** The table's name for a holiday, substitute day off or make-up working day. */
  name?: string;
  /** False when the table has no entry for the date's year: only weekends were considered. */
  covered: boolean;
}

export interface WorkingCalendarOptions {
  /** 'HH:mm' in Asia/Ho_Chi_Minh when a working day ends; deadlines fall at this time. Default '17:00'. */
  closeOfBusiness?: string;
}

/** Either an instant (read as its date in Asia/Ho_Chi_Minh) or a calendar date 'YYYY-MM-DD'. */
export type DateInput = Date | IsoDate;

const DEFAULT_CLOSE_OF_BUSINESS = '17:00';
const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * Working days in Vietnam: Monday to Friday, except public holidays and substitute days off, plus
 * any Saturday or Sunday the Government makes a make-up working day. Built from the admin's
 * per-year table; for a year the table does not cover, only weekends are days off (ask
 * `isCovered` / `uncoveredYearsBetween` to warn the user), never an error.
 *
 * Counting follows the Civil Code (art. 147–148): the day a period starts from is not counted, and
 * a period whose last day is not a working day ends on the next working day. Deadlines are instants
 * at close of business (17:00 Vietnam time unless configured), on the deadline's date.
 *
 * Pure and deterministic, so the Temporal workflow sandbox and the API share it.
 */
export class WorkingCalendar {
  /** Holidays, substitute days off and make-up working days, keyed by day number. */
  private readonly specialDays = new Map<number, { kind: DayKind; name: string }>();
  private readonly years: ReadonlySet<number>;
  private readonly closeOfBusinessMs: number;

  constructor(years: readonly CalendarYear[], options: WorkingCalendarOptions = {}) {
    const errors = validateCalendarYears(years);
    if (errors.length > 0) throw new InvalidCalendarError(errors);
    this.years = new Set(years.map((y) => y.year));
    for (const y of years) {
      for (const d of y.holidays) this.specialDays.set(dayNumberOf(d.date), { kind: DayKind.HOLIDAY, name: d.name });
      for (const d of y.substituteDaysOff)
        this.specialDays.set(dayNumberOf(d.date), { kind: DayKind.SUBSTITUTE_DAY_OFF, name: d.name });
      for (const d of y.makeUpWorkingDays)
        this.specialDays.set(dayNumberOf(d.date), { kind: DayKind.MAKE_UP_WORKING_DAY, name: d.name });
    }
    this.closeOfBusinessMs = parseClockTime(options.closeOfBusiness ?? DEFAULT_CLOSE_OF_BUSINESS);
  }

  /** The years the table covers, ascending. */
  coveredYears(): number[] {
    return [...this.years].sort((a, b) => a - b);
  }

  isCovered(year: number): boolean {
    return this.years.has(year);
  }

  /** Years from `from`'s to `to`'s (inclusive, either order) that the table does not cover. */
  uncoveredYearsBetween(from: DateInput, to: DateInput): number[] {
    const a = yearOf(toIsoDate(from));
    const b = yearOf(toIsoDate(to));
    const uncovered: number[] = [];
    for (let y = Math.min(a, b); y <= Math.max(a, b); y++) if (!this.years.has(y)) uncovered.push(y);
    return uncovered;
  }

  dayInfo(date: DateInput): DayInfo {
    const iso = toIsoDate(date);
    const covered = this.years.has(yearOf(iso));
    const dayNumber = dayNumberOf(iso);
    const special = this.specialDays.get(dayNumber);
    if (special) {
      return {
        date: iso,
        kind: special.kind,
        isWorkingDay: special.kind === DayKind.MAKE_UP_WORKING_DAY,
        name: special.name,
        covered,
      };
    }
    const weekday = weekdayOfDayNumber(dayNumber);
    const weekend = weekday === 0 || weekday === 6;
    return { date: iso, kind: weekend ? DayKind.WEEKEND : DayKind.WORKDAY, isWorkingDay: !weekend, covered };
  }

  isWorkingDay(date: DateInput): boolean {
    return this.isWorkingDayNumber(dayNumberOf(toIsoDate(date)));
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: DateInput): IsoDate {
    return this.addWorkingDaysToDate(date, 1);
  }

  /** The last working day strictly before `date`. */
  previousWorkingDay(date: DateInput): IsoDate {
    return this.subtractWorkingDaysFromDate(date, 1);
  }

  /** `date` itself when it is a working day, otherwise the next one. */
  workingDayOnOrAfter(date: DateInput): IsoDate {
    return this.addWorkingDaysToDate(date, 0);
  }

  /**
   * The n-th working day after `date` (`date` itself not counted). n = 0 gives `date` when it is a
   * working day, otherwise the next one ("due today").
   */
  addWorkingDaysToDate(date: DateInput, n: number): IsoDate {
    assertDayCount(n);
    let day = dayNumberOf(toIsoDate(date));
    if (n === 0) {
      while (!this.isWorkingDayNumber(day)) day++;
      return isoDateOfDayNumber(day);
    }
    for (let counted = 0; counted < n;) if (this.isWorkingDayNumber(++day)) counted++;
    return isoDateOfDayNumber(day);
  }

  /** The n-th working day before `date` (`date` itself not counted); n = 0 gives `date` unchanged. */
  subtractWorkingDaysFromDate(date: DateInput, n: number): IsoDate {
    assertDayCount(n);
    let day = dayNumberOf(toIsoDate(date));
    for (let counted = 0; counted < n;) if (this.isWorkingDayNumber(--day)) counted++;
    return isoDateOfDayNumber(day);
  }

  /**
   * The deadline n working days after `from`: close of business on the n-th working day after
   * `from`'s date in Vietnam. The time of day of `from` does not matter; n = 0 means close of
   * business today, or on the next working day when today is not one.
   */
  addWorkingDays(from: Date, n: number): Date {
    return this.closeOfBusinessOn(this.addWorkingDaysToDate(from, n));
  }

  /**
   * The instant n working days before `at`, at the same Vietnam clock time (a deadline at 17:00
   * gives a reminder at 17:00). For "remind 2 working days before the deadline"; n = 0 gives `at`.
   */
  subtractWorkingDays(at: Date, n: number): Date {
    const atMs = instantMs(at);
    const date = this.subtractWorkingDaysFromDate(at, n);
    const clockMs = mod(atMs + VN_OFFSET_MS, MS_PER_DAY);
    return new Date(dayNumberOf(date) * MS_PER_DAY + clockMs - VN_OFFSET_MS);
  }

  /**
   * The deadline for something due on `date` (e.g. a fixed date in a plan): close of business that
   * day, or on the next working day when the date is a weekend, holiday or substitute day off.
   */
  deadlineOn(date: DateInput): Date {
    return this.closeOfBusinessOn(this.workingDayOnOrAfter(date));
  }

  /**
   * Working days after `from`'s date up to and including `to`'s date; negative when `to` is
   * earlier, 0 on the same date. So `workingDaysBetween(d, addWorkingDaysToDate(d, n)) === n` for
   * n ≥ 1, and "3 working days left" or "2 working days overdue" read straight off it.
   */
  workingDaysBetween(from: DateInput, to: DateInput): number {
    const a = dayNumberOf(toIsoDate(from));
    const b = dayNumberOf(toIsoDate(to));
    const [low, high, sign] = a <= b ? [a, b, 1] : [b, a, -1];
    let count = 0;
    for (let day = low + 1; day <= high; day++) if (this.isWorkingDayNumber(day)) count++;
    return sign * count;
  }

  private isWorkingDayNumber(dayNumber: number): boolean {
    const special = this.specialDays.get(dayNumber);
    if (special) return special.kind === DayKind.MAKE_UP_WORKING_DAY;
    const weekday = weekdayOfDayNumber(dayNumber);
    return weekday !== 0 && weekday !== 6;
  }

  private closeOfBusinessOn(date: IsoDate): Date {
    return new Date(dayNumberOf(date) * MS_PER_DAY + this.closeOfBusinessMs - VN_OFFSET_MS);
  }
}

function toIsoDate(input: DateInput): IsoDate {
  if (typeof input === 'string') return assertIsoDate(input);
  return vnDateOf(instantMs(input));
}

function instantMs(date: Date): number {
  // Duck-typed rather than instanceof: a Date may come from another realm (the workflow sandbox).
  const ms = typeof date?.getTime === 'function' ? date.getTime() : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError('expected a valid Date or a date in the form YYYY-MM-DD');
  return ms;
}

function assertDayCount(n: number): void {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`a number of working days must be a whole number ≥ 0, got ${n}`);
}

function parseClockTime(text: string): number {
  const m = CLOCK_TIME.exec(text);
  if (!m) throw new RangeError(`closeOfBusiness "${text}" must be a time of day such as 17:00`);
  return (Number(m[1]) * 60 + Number(m[2])) * 60_000;
}

function mod(a: number, n: number): number {
  return ((a % n) + n) % n;
}
