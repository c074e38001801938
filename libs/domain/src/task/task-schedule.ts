import { DEFAULT_CALENDAR_YEARS } from '../calendar/default-calendar.data';
import { WorkingCalendar } from '../calendar/working-calendar';
import { addIsoDuration, parseIsoDuration, subtractIsoDuration, VN_OFFSET_MS } from '../time/iso-duration';
import type { TaskState } from './task-state';

const MS_PER_DAY = 86_400_000;

/** The shipped working-day table; an admin-edited table can be passed instead wherever one is taken. */
export const DEFAULT_WORKING_CALENDAR = new WorkingCalendar(DEFAULT_CALENDAR_YEARS);

/** A due date n working days after `from`: close of business on the n-th working day (Civil Code counting). */
export function dueInWorkingDays(from: Date, n: number, cal: WorkingCalendar = DEFAULT_WORKING_CALENDAR): Date {
  return cal.addWorkingDays(from, n);
}

/** Whole days only (P7D, P1W, P0D): such offsets count working days; anything with a clock part is exact. */
function wholeDays(offset: string): number | null {
  const d = parseIsoDuration(offset);
  if (d.years || d.months || d.hours || d.minutes || d.seconds) return null;
  return d.weeks * 7 + d.days;
}

/** The instant `offset` before `at`: n working days earlier at the same Vietnam clock time, or exact. */
export function offsetBefore(at: Date, offset: string, cal: WorkingCalendar = DEFAULT_WORKING_CALENDAR): Date {
  const days = wholeDays(offset);
  return days === null ? subtractIsoDuration(at, offset) : cal.subtractWorkingDays(at, days);
}

/** The instant `offset` after `at`: n working days later at the same Vietnam clock time, or exact. */
export function offsetAfter(at: Date, offset: string, cal: WorkingCalendar = DEFAULT_WORKING_CALENDAR): Date {
  const days = wholeDays(offset);
  if (days === null) return addIsoDuration(at, offset);
  const date = cal.addWorkingDaysToDate(at, days);
  const clockMs = (((at.getTime() + VN_OFFSET_MS) % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY;
  return new Date(Date.parse(`${date}T00:00:00Z`) + clockMs - VN_OFFSET_MS);
}

export interface TaskTimer {
  /** Unique per due date (dueSeq), so an extension replaces every pending reminder and escalation. */
  key: string;
  kind: 'REMINDER' | 'ESCALATION';
  /** 1-based position in the template's list. */
  level: number;
  at: number;
}

/**
 * Reminders before the due date and escalations after it, for the task as it stands. None once the
 * result is submitted or the task is closed; reminders earlier than the moment the due date was set
 * are dropped (nobody is reminded of the past).
 */
export function taskTimers(s: TaskState, cal: WorkingCalendar = DEFAULT_WORKING_CALENDAR): TaskTimer[] {
  if (s.status === 'SUBMITTED' || s.status === 'DONE' || s.status === 'CANCELLED') return [];
  const due = new Date(s.dueAt);
  const setAt = Date.parse(s.dueSetAt);
  const timers: TaskTimer[] = [];
  s.setup.reminderOffsets.forEach((offset, i) => {
    const at = offsetBefore(due, offset, cal).getTime();
    if (at >= setAt) timers.push({ key: `d${s.dueSeq}.remind${i + 1}`, kind: 'REMINDER', level: i + 1, at });
  });
  let at = due;
  s.setup.escalationOffsets.forEach((offset, i) => {
    at = offsetAfter(at, offset, cal);
    timers.push({ key: `d${s.dueSeq}.escalate${i + 1}`, kind: 'ESCALATION', level: i + 1, at: at.getTime() });
  });
  return timers.sort((a, b) => a.at - b.at || a.key.localeCompare(b.key));
}
