import { calendarYearsBetween } from '../calendar/calendar-table';
import { WorkingCalendar } from '../calendar/working-calendar';
import { Phase } from './phase';
import { countsWorkingDays, dayCountingOf, deadlineAfter, type TemplateInUse } from './deadline-counting';
import { enterPhase } from './phase-transitions';
import { initialState } from './programme-actions';
import { findTemplate, validateTemplate, type ProgrammeTemplate } from './programme-template';
import { SETUP } from './test-fixtures';

// 2031 is a year no table holds: its Tết (22–26/1, with 27–28/1 off in lieu) comes from the lunar computation.
const LUNAR_2031 = new WorkingCalendar(calendarYearsBetween([], 2030, 2032));
/** Wednesday 15/1/2031, 10:00 in Vietnam. */
const BEFORE_TET_2031 = new Date('2031-01-15T03:00:00Z');

const v1 = findTemplate('action-programme', 1) as ProgrammeTemplate;
const v2 = findTemplate('action-programme', 2) as ProgrammeTemplate;

describe('deadline counting per template deadline', () => {
  it('reads the setting per deadline; a template without it counts calendar days everywhere', () => {
    expect(dayCountingOf(v2, { phase: Phase.SURVEY })).toBe('WORKING_DAYS');
    expect(dayCountingOf(v2, { phase: Phase.FINAL_REVIEW })).toBe('CALENDAR_DAYS');
    expect(dayCountingOf(v2, 'consultation')).toBe('WORKING_DAYS');
    expect(dayCountingOf(v2, 'review')).toBe('WORKING_DAYS');
    expect(dayCountingOf(v1, { phase: Phase.SURVEY })).toBe('CALENDAR_DAYS');
    expect(dayCountingOf(v1, 'consultation')).toBe('CALENDAR_DAYS');
    expect(countsWorkingDays(v1)).toBe(false);
    expect(countsWorkingDays(v2)).toBe(true);
    expect(countsWorkingDays({ ...v1, deadlineCounting: { review: 'WORKING_DAYS' } })).toBe(true);
  });

  it('counts N working days across a lunar-computed Tết to land after it; calendar days land inside it', () => {
    const working: TemplateInUse = { ...v2, calendar: LUNAR_2031 };
    // 16, 17, 20, 21 (4), Tết and the days in lieu 22–28 skipped, 29, 30, 31 (7), 3, 4, 5/2 (10): 17:00 on 5/2.
    expect(deadlineAfter(working, 'consultation', BEFORE_TET_2031, 'P10D').toISOString()).toBe(
      '2031-02-05T10:00:00.000Z',
    );
    // The same setting read as calendar days: exactly ten days later, on mùng 3 Tết.
    const calendar: TemplateInUse = { ...v1, calendar: LUNAR_2031 };
    expect(deadlineAfter(calendar, 'consultation', BEFORE_TET_2031, 'P10D').toISOString()).toBe(
      '2031-01-25T03:00:00.000Z',
    );
  });

  it('keeps exact durations when there is no calendar or the duration has a clock or month part', () => {
    expect(deadlineAfter(v2, 'consultation', BEFORE_TET_2031, 'P10D').toISOString()).toBe('2031-01-25T03:00:00.000Z');
    const working: TemplateInUse = { ...v2, calendar: LUNAR_2031 };
    expect(deadlineAfter(working, 'review', BEFORE_TET_2031, 'PT30M').toISOString()).toBe('2031-01-15T03:30:00.000Z');
    expect(deadlineAfter(working, 'review', BEFORE_TET_2031, 'P1M').toISOString()).toBe('2031-02-15T03:00:00.000Z');
  });

  it('puts the first phase deadline and a consultation round after Tết 2031 on a working-day template', () => {
    const t: TemplateInUse = { ...v2, calendar: LUNAR_2031 };
    const s = initialState(SETUP, t, BEFORE_TET_2031);
    // SURVEY, 20 working days from 15/1: 16, 17, 20, 21 (4), after Tết 29, 30, 31 (7), 3–7/2 (12), 10–14/2 (17), 17–19/2 (20).
    expect(s.phaseDeadline).toBe('2031-02-19T10:00:00.000Z');
    const calendarDays = initialState(SETUP, { ...v1, calendar: LUNAR_2031 }, BEFORE_TET_2031);
    expect(calendarDays.phaseDeadline).toBe('2031-02-14T03:00:00.000Z');
  });

  it('schedules review report deadlines in working days on a working-day template', () => {
    const t: TemplateInUse = { ...v2, calendar: new WorkingCalendar(calendarYearsBetween([], 2030, 2036)) };
    const s = initialState({ ...SETUP, templateVersion: 2 }, t, new Date('2030-10-01T03:00:00Z'));
    // Review 1 opens 3 months after implementation starts (22/10/2030 + P3M = 22/1/2031, inside Tết).
    enterPhase(s, t, Phase.IMPLEMENTATION, new Date('2030-10-22T03:00:00Z'), null, 'test');
    const first = s.implementation.reviews[0];
    expect(first.opensAt).toBe('2031-01-22T03:00:00.000Z');
    // 10 working days after Wednesday 22/1 (a Tết day itself): 29,30,31, 3–7/2, 10, 11/2.
    expect(first.closesAt).toBe('2031-02-11T10:00:00.000Z');
  });

  it('refuses a template that asks for working days on a duration that is not in whole days', () => {
    const broken: ProgrammeTemplate = { ...v2, consultationWindow: 'PT12H' };
    expect(validateTemplate(broken)).toEqual([
      'deadlineCounting.consultation: working days need a duration in whole days, not "PT12H"',
    ]);
    const unknown = { ...v2, deadlineCounting: { review: 'SOMETIMES' } } as unknown as ProgrammeTemplate;
    expect(validateTemplate(unknown)).toEqual([
      'deadlineCounting.review: "SOMETIMES" is neither WORKING_DAYS nor CALENDAR_DAYS',
    ]);
    const notAPhase: ProgrammeTemplate = {
      ...findTemplate('work-programme', 2)!,
      deadlineCounting: { phases: { SURVEY: 'WORKING_DAYS' } },
    };
    expect(validateTemplate(notAPhase)).toEqual(['deadlineCounting.phases.SURVEY: not a phase of the template']);
  });
});
