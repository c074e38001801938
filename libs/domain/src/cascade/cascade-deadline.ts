/**
 * When an obliged body must have issued its own programme or plan: a date, or a number of working or
 * calendar days from the registry entry's signing. Counted like every deadline here (Civil Code): the
 * signing day is not counted, and a deadline falling on a day off moves to the next working day. Pure.
 */
import { dayNumberOf, IsoDate, isIsoDate, isoDateOfDayNumber } from '../calendar/calendar-date.util';
import type { WorkingCalendar } from '../calendar/working-calendar';
import { MAX_CASCADE_DEADLINE_DAYS } from '../limits';

export type DeadlineRule =
  { kind: 'DATE'; date: IsoDate } | { kind: 'WORKING_DAYS'; days: number } | { kind: 'CALENDAR_DAYS'; days: number };

export const DEADLINE_KINDS = ['DATE', 'WORKING_DAYS', 'CALENDAR_DAYS'] as const;

/** The first reason the rule cannot be a deadline for an entry signed on `signedOn`, or null. */
export function deadlineRuleProblem(rule: DeadlineRule, signedOn: IsoDate): string | null {
  if (rule.kind === 'DATE') {
    if (!isIsoDate(rule.date)) return `deadline ${String(rule.date)} is not a date like 2025-03-31`;
    if (rule.date < signedOn) return `deadline ${rule.date} is before the entry was signed (${signedOn})`;
    if (dayNumberOf(rule.date) - dayNumberOf(signedOn) > MAX_CASCADE_DEADLINE_DAYS)
      return `deadline ${rule.date} is more than ${MAX_CASCADE_DEADLINE_DAYS} days after signing (${signedOn})`;
    return null;
  }
  if (!Number.isInteger(rule.days) || rule.days < 1 || rule.days > MAX_CASCADE_DEADLINE_DAYS)
    return `a deadline in days counts 1 to ${MAX_CASCADE_DEADLINE_DAYS} days after signing (not ${String(rule.days)})`;
  return null;
}

/** The date the obliged body must have issued by (inclusive). */
export function obligationDueOn(rule: DeadlineRule, signedOn: IsoDate, cal: WorkingCalendar): IsoDate {
  switch (rule.kind) {
    case 'DATE':
      return cal.workingDayOnOrAfter(rule.date);
    case 'WORKING_DAYS':
      return cal.addWorkingDaysToDate(signedOn, rule.days);
    case 'CALENDAR_DAYS':
      return cal.workingDayOnOrAfter(isoDateOfDayNumber(dayNumberOf(signedOn) + rule.days));
  }
}

/** The instant the obligation falls due: close of business on its due date, Vietnam time. */
export function obligationDueAt(dueOn: IsoDate, cal: WorkingCalendar): string {
  return cal.deadlineOn(dueOn).toISOString();
}

/** The rule as a sentence, for notices and CSV. */
export function deadlineRuleVi(rule: DeadlineRule): string {
  if (rule.kind === 'DATE') return `trước ngày ${rule.date.split('-').reverse().join('/')}`;
  return `${rule.days} ngày ${rule.kind === 'WORKING_DAYS' ? 'làm việc' : ''} kể từ ngày ký`.replace('  ', ' ');
}
