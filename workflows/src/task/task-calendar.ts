/**
 * Which working-day table a task runs on. The table is read once, by an activity, so it is in the
 * history; the task keeps it (across continue-as-new too) even if an admin edits the table later.
 * Runs from before the table existed, and their continuations, keep the built-in calendar.
 */
import { patched } from '@temporalio/workflow';
import { DEFAULT_WORKING_CALENDAR } from '@app/domain';
import { type CalendarYear, MAX_CALENDAR_SPAN_YEARS, WorkingCalendar } from '@app/domain/calendar';

/** Tasks started before the working-day table existed keep the built-in calendar when replayed. */
const CALENDAR_FROM_TABLE_PATCH = 'task-calendar-from-table';
const VN_OFFSET_MS = 7 * 3600_000;

/**
 * Years whose working days a task can need: from the year before it starts (reminders before an
 * early due date) to a few years past its due date (extensions, escalations), in Vietnam time.
 */
export function calendarSpan(now: Date, dueAt: string): { fromYear: number; toYear: number } {
  const vnYear = (ms: number) => new Date(ms + VN_OFFSET_MS).getUTCFullYear();
  const nowYear = vnYear(now.getTime());
  const dueYear = vnYear(Date.parse(dueAt));
  const fromYear = Math.min(nowYear, dueYear) - 1;
  return { fromYear, toYear: Math.min(Math.max(nowYear, dueYear) + 3, fromYear + MAX_CALENDAR_SPAN_YEARS - 1) };
}

/** The task's calendar: the carried table, the built-in one, or none yet (until the table is loaded). */
export class TaskCalendar {
  private calendar: WorkingCalendar | null;

  constructor(
    private years: CalendarYear[] | undefined,
    continued: boolean,
  ) {
    this.calendar = years ? new WorkingCalendar(years) : null;
    if (!this.calendar && (continued || !patched(CALENDAR_FROM_TABLE_PATCH))) this.calendar = DEFAULT_WORKING_CALENDAR;
  }

  /** The table to carry to the next run; absent when the task runs on the built-in calendar. */
  get carriedYears(): CalendarYear[] | undefined {
    return this.years;
  }

  get loaded(): WorkingCalendar | null {
    return this.calendar;
  }

  /** Until the table is loaded (the task's first moments) the built-in calendar answers queries and validators. */
  get current(): WorkingCalendar {
    return this.calendar ?? DEFAULT_WORKING_CALENDAR;
  }

  /** Keeps the table loaded for this task. */
  use(years: CalendarYear[]): void {
    this.years = years;
    this.calendar = new WorkingCalendar(years);
  }
}
