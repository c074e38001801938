/**
 * How a programme counts its deadlines: per deadline, in working days or in calendar days. The
 * template says which (data, carried in the workflow's input); the working-day table comes from the
 * workflow, which loads it once through an activity. Templates without the setting count calendar
 * days, exactly as before the setting existed.
 */
import type { WorkingCalendar } from '../calendar/working-calendar';
import { addIsoDuration, isIsoDuration, parseIsoDuration } from '../time/iso-duration';
import { Phase } from './phase';
import type { ProgrammeTemplate } from './programme-template';

export type DayCounting = 'WORKING_DAYS' | 'CALENDAR_DAYS';
export const DAY_COUNTINGS: readonly DayCounting[] = ['WORKING_DAYS', 'CALENDAR_DAYS'];

/** Which deadlines of a programme count working days; anything left out counts calendar days. */
export interface DeadlineCounting {
  /** A phase's deadline after it is entered (template.phaseDurations). */
  phases?: Partial<Record<Phase, DayCounting>>;
  /** A consultation round's default deadline (template.consultationWindow). */
  consultation?: DayCounting;
  /** A periodic review's report deadline after it opens (template.reviewWindow). */
  review?: DayCounting;
}

/** Which deadline is counted. */
export type DeadlineKind = { phase: Phase } | 'consultation' | 'review';

/**
 * A template as a running programme applies it: the template's data plus, when it counts working
 * days, the working-day calendar its workflow loaded. The calendar is never part of the input.
 */
export type TemplateInUse = ProgrammeTemplate & { calendar?: WorkingCalendar };

export function dayCountingOf(t: ProgrammeTemplate, kind: DeadlineKind): DayCounting {
  const c = t.deadlineCounting;
  if (kind === 'consultation') return c?.consultation ?? 'CALENDAR_DAYS';
  if (kind === 'review') return c?.review ?? 'CALENDAR_DAYS';
  return c?.phases?.[kind.phase] ?? 'CALENDAR_DAYS';
}

/** Whether any deadline of the template counts working days (the workflow then loads the table). */
export function countsWorkingDays(t: ProgrammeTemplate): boolean {
  const c = t.deadlineCounting;
  if (!c) return false;
  return (
    c.consultation === 'WORKING_DAYS' ||
    c.review === 'WORKING_DAYS' ||
    Object.values(c.phases ?? {}).includes('WORKING_DAYS')
  );
}

/** Whole days of a duration (P10D, P2W), or null when it has months, years or a clock part. */
export function wholeDaysOf(duration: string): number | null {
  const d = parseIsoDuration(duration);
  if (d.years || d.months || d.hours || d.minutes || d.seconds) return null;
  return d.weeks * 7 + d.days;
}

/**
 * The deadline `duration` after `from`. Counted in working days (close of business on the n-th
 * working day, Civil Code counting) when the template says so for this deadline, the duration is in
 * whole days and a calendar is at hand; otherwise the calendar duration, as always.
 */
export function deadlineAfter(t: TemplateInUse, kind: DeadlineKind, from: Date, duration: string): Date {
  const days = t.calendar && dayCountingOf(t, kind) === 'WORKING_DAYS' ? wholeDaysOf(duration) : null;
  return days === null || !t.calendar ? addIsoDuration(from, duration) : t.calendar.addWorkingDays(from, days);
}

/** Readable problems with a template's deadline counting, empty when it is usable. */
export function deadlineCountingProblems(t: ProgrammeTemplate): string[] {
  const c = t.deadlineCounting;
  if (c === undefined) return [];
  const problems: string[] = [];
  const check = (name: string, value: unknown, duration: string | undefined) => {
    if (value === undefined) return;
    if (!DAY_COUNTINGS.includes(value as DayCounting))
      problems.push(`deadlineCounting.${name}: "${String(value)}" is neither WORKING_DAYS nor CALENDAR_DAYS`);
    else if (value === 'WORKING_DAYS' && isIsoDuration(duration) && wholeDaysOf(duration) === null)
      problems.push(`deadlineCounting.${name}: working days need a duration in whole days, not "${duration}"`);
  };
  for (const [phase, value] of Object.entries(c.phases ?? {})) {
    if (!t.phases.includes(phase as Phase))
      problems.push(`deadlineCounting.phases.${phase}: not a phase of the template`);
    check(`phases.${phase}`, value, t.phaseDurations[phase as Phase]);
  }
  check('consultation', c.consultation, t.consultationWindow);
  check('review', c.review, t.reviewWindow);
  return problems;
}
