/**
 * The working-day table of a programme whose template counts deadlines in working days. Like a
 * task's, it is read once by an activity (so it is in the history) and carried across
 * continue-as-new: an admin's later edit of the table applies to programmes started afterwards.
 * Templates without working days, and runs recorded before this existed, load nothing.
 */
import { patched } from '@temporalio/workflow';
import { countsWorkingDays, deadlineAfter, parseIsoDuration } from '@app/domain';
import type { ProgrammeState, ProgrammeTemplate, TemplateInUse } from '@app/domain';
import { type CalendarYear, MAX_CALENDAR_SPAN_YEARS, WorkingCalendar } from '@app/domain/calendar';

/** Programmes started before phase, consultation and review deadlines could count working days load no table. */
export const PROGRAMME_WORKING_DAYS_PATCH = 'programme-working-days-v1';
const VN_OFFSET_MS = 7 * 3600_000;

/** Years a programme's deadlines can fall in: from the year before it starts to a few years past its term. */
export function programmeCalendarSpan(now: Date, template: ProgrammeTemplate): { fromYear: number; toYear: number } {
  const startYear = new Date(now.getTime() + VN_OFFSET_MS).getUTCFullYear();
  const term = parseIsoDuration(template.term);
  const termYears = term.years + Math.ceil(term.months / 12);
  const fromYear = startYear - 1;
  return { fromYear, toYear: Math.min(startYear + termYears + 3, fromYear + MAX_CALENDAR_SPAN_YEARS - 1) };
}

export class ProgrammeCalendar {
  /** What the domain is handed: the template and, once loaded, the calendar. */
  readonly rules: TemplateInUse;
  private years: CalendarYear[] | undefined;
  private readonly needed: boolean;

  constructor(template: ProgrammeTemplate, carriedYears: CalendarYear[] | undefined, continued: boolean) {
    this.rules = { ...template };
    this.years = carriedYears;
    if (carriedYears) this.rules.calendar = new WorkingCalendar(carriedYears);
    this.needed = !carriedYears && !continued && countsWorkingDays(template) && patched(PROGRAMME_WORKING_DAYS_PATCH);
  }

  /** True until the table this run needs has been loaded: actions wait for it. */
  get pending(): boolean {
    return this.needed && !this.rules.calendar;
  }

  /** The table to carry to the next run; absent when the programme counts calendar days. */
  get carriedYears(): CalendarYear[] | undefined {
    return this.years;
  }

  use(years: CalendarYear[]): void {
    this.years = years;
    this.rules.calendar = new WorkingCalendar(years);
  }
}

/**
 * The first phase's deadline was set when the programme was created, before the table arrived: count
 * it again with the table (before anything is published, so the first projection already has it).
 */
export function recountFirstPhaseDeadline(s: ProgrammeState, rules: TemplateInUse): void {
  const duration = rules.phaseDurations[s.phase];
  if (s.phaseSeq !== 1 || !duration) return;
  s.phaseDeadline = deadlineAfter(rules, { phase: s.phase }, new Date(s.phaseEnteredAt), duration).toISOString();
  const entry = s.phaseHistory[s.phaseHistory.length - 1];
  if (entry?.seq === s.phaseSeq) entry.deadline = s.phaseDeadline;
}
