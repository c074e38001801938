import { InvalidCalendarError, type CalendarYear } from './calendar-year';
import { DayKind, WorkingCalendar } from './working-calendar';

/** An instant written in Vietnam local time, e.g. vn('2025-01-24T17:00'). */
const vn = (local: string): Date => new Date(`${local}:00+07:00`);

/** Every date from `from` to `to` inclusive, written YYYY-MM-DD (test helper, independent of the code under test). */
function datesFromTo(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

// A hand-written table (independent of the default data file) following the 2025/2026 announcements.
const FIXTURE: CalendarYear[] = [
  {
    year: 2025,
    holidays: [
      { date: '2025-01-01', name: 'Tết Dương lịch' },
      { date: '2025-01-27', name: 'Tết Nguyên đán' },
      { date: '2025-01-28', name: 'Tết Nguyên đán' },
      { date: '2025-01-29', name: 'Tết Nguyên đán (mùng 1)' },
      { date: '2025-01-30', name: 'Tết Nguyên đán' },
      { date: '2025-01-31', name: 'Tết Nguyên đán' },
      { date: '2025-04-07', name: 'Giỗ Tổ Hùng Vương' },
      { date: '2025-04-30', name: 'Ngày Chiến thắng' },
      { date: '2025-05-01', name: 'Quốc tế Lao động' },
      { date: '2025-09-01', name: 'Quốc khánh' },
      { date: '2025-09-02', name: 'Quốc khánh' },
    ],
    substituteDaysOff: [{ date: '2025-05-02', name: 'Nghỉ hoán đổi' }],
    makeUpWorkingDays: [{ date: '2025-04-26', name: 'Làm bù' }],
  },
  {
    year: 2026,
    holidays: [{ date: '2026-01-01', name: 'Tết Dương lịch' }],
    substituteDaysOff: [{ date: '2026-01-02', name: 'Nghỉ hoán đổi' }],
    makeUpWorkingDays: [{ date: '2026-01-10', name: 'Làm bù' }],
  },
];

describe('WorkingCalendar', () => {
  const calendar = new WorkingCalendar(FIXTURE);

  describe('isWorkingDay', () => {
    it('counts Monday to Friday and not the weekend in an ordinary week', () => {
      const week = datesFromTo('2025-03-03', '2025-03-09'); // Monday 3 to Sunday 9 March 2025
      expect(week.map((d) => calendar.isWorkingDay(d))).toEqual([true, true, true, true, true, false, false]);
    });

    it('skips a weekday holiday and a substitute day off, and counts a make-up Saturday', () => {
      expect(calendar.isWorkingDay('2025-04-07')).toBe(false); // Giỗ Tổ, a Monday
      expect(calendar.isWorkingDay('2025-05-02')).toBe(false); // Friday swapped off
      expect(calendar.isWorkingDay('2025-04-26')).toBe(true); // Saturday worked instead
      expect(calendar.isWorkingDay('2025-04-19')).toBe(false); // an ordinary Saturday
    });

    it('reads an instant as its date in Vietnam, not in UTC', () => {
      // 23:30 UTC on Friday 25 April is 06:30 on Saturday 26 April in Vietnam: the make-up day.
      expect(calendar.isWorkingDay(new Date('2025-04-25T23:30:00Z'))).toBe(true);
      // 20:00 UTC on Tuesday 29 April is 03:00 on Wednesday 30 April in Vietnam: a holiday.
      expect(calendar.isWorkingDay(new Date('2025-04-29T20:00:00Z'))).toBe(false);
    });

    it('describes a day with its kind and the name from the table', () => {
      expect(calendar.dayInfo('2025-01-29')).toEqual({
        date: '2025-01-29',
        kind: DayKind.HOLIDAY,
        isWorkingDay: false,
        name: 'Tết Nguyên đán (mùng 1)',
        covered: true,
      });
      expect(calendar.dayInfo('2025-05-02')).toMatchObject({ kind: DayKind.SUBSTITUTE_DAY_OFF, isWorkingDay: false });
      expect(calendar.dayInfo('2025-04-26')).toMatchObject({ kind: DayKind.MAKE_UP_WORKING_DAY, isWorkingDay: true });
      expect(calendar.dayInfo('2025-03-08')).toEqual({
        date: '2025-03-08',
        kind: DayKind.WEEKEND,
        isWorkingDay: false,
        covered: true,
      });
      expect(calendar.dayInfo('2025-03-07')).toEqual({
        date: '2025-03-07',
        kind: DayKind.WORKDAY,
        isWorkingDay: true,
        covered: true,
      });
    });
  });

  describe('Tết 2025, off from Saturday 25 January to Sunday 2 February', () => {
    it('has no working day in the whole break, across the month end', () => {
      for (const date of datesFromTo('2025-01-25', '2025-02-02'))
        expect([date, calendar.isWorkingDay(date)]).toEqual([date, false]);
      expect(calendar.isWorkingDay('2025-01-24')).toBe(true);
      expect(calendar.isWorkingDay('2025-02-03')).toBe(true);
    });

    it('jumps from the Friday before Tết to the Monday after it, and back', () => {
      expect(calendar.nextWorkingDay('2025-01-24')).toBe('2025-02-03');
      expect(calendar.previousWorkingDay('2025-02-03')).toBe('2025-01-24');
      expect(calendar.workingDaysBetween('2025-01-24', '2025-02-03')).toBe(1);
    });

    it('adds working days over the break', () => {
      // From Wednesday 22 January: 23, 24 January, then 3, 4, 5 February.
      expect(calendar.addWorkingDays(vn('2025-01-22T09:00'), 5)).toEqual(vn('2025-02-05T17:00'));
    });

    it('counts January and February 2025', () => {
      // January 2025 has 23 weekdays; after the 1st (not counted, and a holiday anyway) 22 remain,
      // less the 5 Tết weekdays = 17. February 2025 starts on a Saturday: 20 weekdays, no holiday.
      expect(calendar.workingDaysBetween('2025-01-01', '2025-02-28')).toBe(17 + 20);
    });
  });

  describe('make-up working day', () => {
    it('counts Saturday 26 April 2025 as a working day', () => {
      expect(calendar.workingDaysBetween('2025-04-25', '2025-04-28')).toBe(2); // Saturday 26, Monday 28
      expect(calendar.nextWorkingDay('2025-04-25')).toBe('2025-04-26');
    });

    it('can be a deadline', () => {
      expect(calendar.addWorkingDays(vn('2025-04-25T10:00'), 1)).toEqual(vn('2025-04-26T17:00'));
    });
  });

  describe('a deadline landing on a day off', () => {
    it('moves a due date on a holiday to the next working day', () => {
      // 30/4 and 1/5 holidays, 2/5 swapped off, 3–4/5 weekend: Monday 5 May.
      expect(calendar.deadlineOn('2025-04-30')).toEqual(vn('2025-05-05T17:00'));
      expect(calendar.deadlineOn('2025-05-03')).toEqual(vn('2025-05-05T17:00'));
    });

    it('keeps a due date that is a working day, at close of business', () => {
      expect(calendar.deadlineOn('2025-04-29')).toEqual(vn('2025-04-29T17:00'));
      expect(calendar.deadlineOn(vn('2025-04-29T08:15'))).toEqual(vn('2025-04-29T17:00'));
    });

    it('steps over the holidays when counting', () => {
      // From Monday 28 April: 29 April (1), then nothing until 5 May (2) and 6 May (3).
      expect(calendar.addWorkingDays(vn('2025-04-28T14:00'), 3)).toEqual(vn('2025-05-06T17:00'));
    });

    it('treats 0 working days as "today, or the next working day"', () => {
      expect(calendar.addWorkingDays(vn('2025-04-30T09:00'), 0)).toEqual(vn('2025-05-05T17:00'));
      expect(calendar.addWorkingDays(vn('2025-04-29T09:00'), 0)).toEqual(vn('2025-04-29T17:00'));
      expect(calendar.workingDayOnOrAfter('2025-04-29')).toBe('2025-04-29');
    });
  });

  describe('across a year boundary', () => {
    it('counts from December into January over the New Year swap', () => {
      // After 30 Dec: 31 Dec (1); 1 Jan holiday; 2 Jan swapped off; 3–4 Jan weekend; 5 Jan (2).
      expect(calendar.workingDaysBetween('2025-12-30', '2026-01-05')).toBe(2);
      expect(calendar.addWorkingDays(vn('2025-12-31T08:00'), 2)).toEqual(vn('2026-01-06T17:00'));
      expect(calendar.previousWorkingDay('2026-01-05')).toBe('2025-12-31');
    });

    it('counts the make-up Saturday of the next year', () => {
      expect(calendar.workingDaysBetween('2026-01-09', '2026-01-12')).toBe(2); // Saturday 10, Monday 12
    });
  });

  describe('reminders before a deadline', () => {
    it('finds the instant 2 working days before, at the same clock time, across Tết', () => {
      // Before Tuesday 4 February: Monday 3 February (1), then Friday 24 January (2).
      expect(calendar.subtractWorkingDays(vn('2025-02-04T17:00'), 2)).toEqual(vn('2025-01-24T17:00'));
    });

    it('keeps the time of day of the deadline', () => {
      expect(calendar.subtractWorkingDays(vn('2025-03-12T09:30'), 3)).toEqual(vn('2025-03-07T09:30'));
    });

    it('lands on a make-up Saturday when that is the previous working day', () => {
      expect(calendar.subtractWorkingDays(vn('2025-04-28T17:00'), 1)).toEqual(vn('2025-04-26T17:00'));
    });

    it('uses the date in Vietnam, not in UTC', () => {
      // 05:00 on Tuesday 11 March in Vietnam is still Monday 10 March in UTC.
      expect(calendar.subtractWorkingDays(vn('2025-03-11T05:00'), 1)).toEqual(vn('2025-03-10T05:00'));
    });

    it('leaves the instant unchanged for 0 working days', () => {
      const deadline = vn('2025-03-08T11:00');
      expect(calendar.subtractWorkingDays(deadline, 0)).toEqual(deadline);
    });
  });

  describe('time of day', () => {
    it('counts from the Vietnamese date of the start instant', () => {
      // 18:00 UTC on Thursday 6 March is 01:00 on Friday 7 March in Vietnam: one working day later
      // is Monday 10 March (counting from the UTC date would give Friday 7 March).
      expect(calendar.addWorkingDays(new Date('2025-03-06T18:00:00Z'), 1)).toEqual(new Date('2025-03-10T10:00:00Z'));
    });

    it('ends a working day at the configured close of business', () => {
      const early = new WorkingCalendar(FIXTURE, { closeOfBusiness: '16:30' });
      expect(early.addWorkingDays(vn('2025-03-06T09:00'), 1)).toEqual(vn('2025-03-07T16:30'));
    });

    it('rejects a malformed close of business', () => {
      expect(() => new WorkingCalendar(FIXTURE, { closeOfBusiness: '25:00' })).toThrow(RangeError);
      expect(() => new WorkingCalendar(FIXTURE, { closeOfBusiness: '5pm' })).toThrow(/closeOfBusiness "5pm"/);
    });
  });

  describe('consistency over every day of 2025', () => {
    const days2025 = datesFromTo('2025-01-01', '2025-12-31');

    it('adding n working days and counting them back agree', () => {
      for (const date of days2025) {
        for (const n of [1, 2, 5, 13]) {
          const later = calendar.addWorkingDaysToDate(date, n);
          expect(calendar.isWorkingDay(later)).toBe(true);
          expect(calendar.workingDaysBetween(date, later)).toBe(n);
          expect(calendar.workingDaysBetween(later, date)).toBe(-n);
          if (calendar.isWorkingDay(date)) expect(calendar.subtractWorkingDaysFromDate(later, n)).toBe(date);
        }
      }
    });

    it('finds no working day strictly between a date and the next working day', () => {
      for (const date of days2025) {
        const next = calendar.nextWorkingDay(date);
        expect(next > date).toBe(true);
        const gap = datesFromTo(date, next).slice(1, -1);
        expect(gap.filter((d) => calendar.isWorkingDay(d))).toEqual([]);
      }
    });

    it('counts 250 working days in 2025', () => {
      // 2025 starts on a Wednesday: 52 weeks + 1 day = 261 weekdays. Weekdays off: 1/1, the 5 Tết
      // days, 7/4, 30/4, 1/5, 2/5 (swap), 1/9, 2/9 = 12. One make-up Saturday (26/4) is added.
      expect(calendar.workingDaysBetween('2024-12-31', '2025-12-31')).toBe(261 - 12 + 1);
    });
  });

  describe('years the table does not cover', () => {
    it('says which years are covered', () => {
      expect(calendar.coveredYears()).toEqual([2025, 2026]);
      expect(calendar.isCovered(2025)).toBe(true);
      expect(calendar.isCovered(2027)).toBe(false);
      expect(calendar.uncoveredYearsBetween('2024-06-01', '2028-01-01')).toEqual([2024, 2027, 2028]);
      expect(calendar.uncoveredYearsBetween('2028-01-01', '2024-06-01')).toEqual([2024, 2027, 2028]);
      expect(calendar.uncoveredYearsBetween(vn('2025-03-01T10:00'), '2026-12-31')).toEqual([]);
    });

    it('treats only weekends as days off there, without throwing', () => {
      // 1 January 2024 was a Monday and a real holiday, but 2024 is not in the table.
      expect(calendar.isWorkingDay('2024-01-01')).toBe(true);
      expect(calendar.isWorkingDay('2024-01-06')).toBe(false); // Saturday
      expect(calendar.dayInfo('2024-01-01')).toEqual({
        date: '2024-01-01',
        kind: DayKind.WORKDAY,
        isWorkingDay: true,
        covered: false,
      });
    });

    it('counts into an uncovered year', () => {
      // Friday 1 January 2027 is a holiday in reality; without a 2027 table it is a working day.
      expect(calendar.nextWorkingDay('2026-12-31')).toBe('2027-01-01');
      expect(calendar.addWorkingDays(vn('2026-12-30T09:00'), 3)).toEqual(vn('2027-01-04T17:00'));
    });

    it('works with an empty table', () => {
      const weekendsOnly = new WorkingCalendar([]);
      expect(weekendsOnly.coveredYears()).toEqual([]);
      expect(weekendsOnly.isWorkingDay('2025-01-29')).toBe(true);
      expect(weekendsOnly.workingDaysBetween('2025-03-02', '2025-03-09')).toBe(5);
    });
  });

  describe('bad input', () => {
    it('refuses to build from a table that does not validate, listing every problem', () => {
      const bad: CalendarYear[] = [
        {
          year: 2025,
          holidays: [{ date: '2025-02-30', name: 'Ngày không có thật' }],
          substituteDaysOff: [],
          makeUpWorkingDays: [{ date: '2025-04-23', name: 'Làm bù vào thứ Tư' }],
        },
      ];
      let thrown: unknown;
      try {
        new WorkingCalendar(bad);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(InvalidCalendarError);
      expect((thrown as InvalidCalendarError).errors).toHaveLength(2);
      expect((thrown as InvalidCalendarError).message).toContain('"2025-02-30" is not a real date');
      expect((thrown as InvalidCalendarError).message).toContain('2025-04-23 is a Wednesday, already a working day');
    });

    it('rejects a malformed date or instant', () => {
      expect(() => calendar.isWorkingDay('2025-02-29')).toThrow(RangeError);
      expect(() => calendar.isWorkingDay('29/01/2025')).toThrow(/"29\/01\/2025" is not a date in the form YYYY-MM-DD/);
      expect(() => calendar.addWorkingDays(new Date(Number.NaN), 1)).toThrow(RangeError);
    });

    it('rejects a negative or fractional number of working days', () => {
      expect(() => calendar.addWorkingDays(vn('2025-03-03T09:00'), -1)).toThrow(RangeError);
      expect(() => calendar.addWorkingDaysToDate('2025-03-03', 1.5)).toThrow(/whole number/);
      expect(() => calendar.subtractWorkingDays(vn('2025-03-03T09:00'), Number.NaN)).toThrow(RangeError);
    });

    it('is not affected by later edits to the table it was built from', () => {
      const table: CalendarYear[] = [{ year: 2025, holidays: [], substituteDaysOff: [], makeUpWorkingDays: [] }];
      const built = new WorkingCalendar(table);
      (table[0].holidays as { date: string; name: string }[]).push({ date: '2025-03-03', name: 'Thêm sau' });
      expect(built.isWorkingDay('2025-03-03')).toBe(true);
    });
  });
});
