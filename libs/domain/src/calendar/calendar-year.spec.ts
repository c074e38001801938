import { InvalidCalendarError, validateCalendarYear, validateCalendarYears, type CalendarYear } from './calendar-year';

function year2025(overrides: Partial<Record<keyof CalendarYear, unknown>> = {}): Record<string, unknown> {
  return {
    year: 2025,
    holidays: [
      { date: '2025-01-01', name: 'Tết Dương lịch' },
      { date: '2025-04-30', name: 'Ngày Chiến thắng' },
      { date: '2025-05-01', name: 'Quốc tế Lao động' },
    ],
    substituteDaysOff: [{ date: '2025-05-02', name: 'Nghỉ hoán đổi' }],
    makeUpWorkingDays: [{ date: '2025-04-26', name: 'Làm bù' }],
    ...overrides,
  };
}

describe('validateCalendarYear', () => {
  it('accepts a well-formed year', () => {
    expect(validateCalendarYear(year2025())).toEqual([]);
  });

  it('accepts a holiday that falls on a weekend (its substitute day off is listed separately)', () => {
    const year = year2025({ holidays: [{ date: '2025-05-03', name: 'Ngày lễ rơi vào thứ Bảy' }] });
    expect(validateCalendarYear(year)).toEqual([]);
  });

  it.each([
    ['2025-02-29', 'not a leap year'],
    ['2025-02-30', 'no such day'],
    ['2025-13-01', 'no such month'],
    ['2025-1-5', 'missing zero padding'],
    ['2025/01/05', 'wrong separator'],
    ['05-01-2025', 'day first'],
    ['2025-01-05T00:00:00Z', 'an instant, not a date'],
    ['', 'empty'],
  ])('rejects the date %j (%s), naming where it is', (date) => {
    const errors = validateCalendarYear(year2025({ holidays: [{ date, name: 'Lễ' }] }));
    expect(errors).toEqual([`2025 holidays[0]: ${JSON.stringify(date)} is not a real date in the form YYYY-MM-DD`]);
  });

  it('rejects a date that is not a string', () => {
    expect(validateCalendarYear(year2025({ substituteDaysOff: [{ date: 20250502, name: 'Nghỉ' }] }))).toEqual([
      '2025 substituteDaysOff[0]: 20250502 is not a real date in the form YYYY-MM-DD',
    ]);
  });

  it('rejects a date outside the year', () => {
    const errors = validateCalendarYear(year2025({ holidays: [{ date: '2026-01-01', name: 'Tết Dương lịch' }] }));
    expect(errors).toEqual(['2025 holidays[0]: 2026-01-01 is not in 2025; list it under 2026']);
  });

  it('rejects a date listed twice in the same list', () => {
    const errors = validateCalendarYear(
      year2025({
        holidays: [
          { date: '2025-04-30', name: 'Ngày Chiến thắng' },
          { date: '2025-05-01', name: 'Quốc tế Lao động' },
          { date: '2025-04-30', name: 'Ngày Chiến thắng (lặp)' },
        ],
      }),
    );
    expect(errors).toEqual(['2025 holidays[2]: 2025-04-30 is listed twice in holidays (also holidays[0])']);
  });

  it('rejects a make-up working day that is also a holiday', () => {
    const errors = validateCalendarYear(
      year2025({
        holidays: [{ date: '2025-04-26', name: 'Lễ giả định' }],
        makeUpWorkingDays: [{ date: '2025-04-26', name: 'Làm bù' }],
      }),
    );
    expect(errors).toEqual([
      '2025 makeUpWorkingDays[0]: 2025-04-26 cannot be both a holiday (holidays[0]) and a make-up working day',
    ]);
  });

  it('rejects a substitute day off that is also a holiday', () => {
    const errors = validateCalendarYear(year2025({ substituteDaysOff: [{ date: '2025-05-01', name: 'Nghỉ bù' }] }));
    expect(errors).toEqual([
      '2025 substituteDaysOff[0]: 2025-05-01 cannot be both a holiday (holidays[2]) and a substitute day off',
    ]);
  });

  it('rejects a substitute day off on a weekend and a make-up day on a weekday', () => {
    const errors = validateCalendarYear(
      year2025({
        substituteDaysOff: [{ date: '2025-05-04', name: 'Nghỉ bù' }],
        makeUpWorkingDays: [{ date: '2025-04-23', name: 'Làm bù' }],
      }),
    );
    expect(errors).toEqual([
      '2025 substituteDaysOff[0]: 2025-05-04 is a Sunday, already a day off; a substitute day off must be a weekday',
      '2025 makeUpWorkingDays[0]: 2025-04-23 is a Wednesday, already a working day; a make-up working day must be a Saturday or Sunday',
    ]);
  });

  it('rejects a missing or empty name', () => {
    const errors = validateCalendarYear(
      year2025({ holidays: [{ date: '2025-01-01', name: '  ' }, { date: '2025-04-30' }] }),
    );
    expect(errors).toEqual([
      '2025 holidays[0]: name must be non-empty text',
      '2025 holidays[1]: name must be non-empty text',
    ]);
  });

  it('rejects a malformed year, missing lists and non-object entries', () => {
    expect(validateCalendarYear(year2025({ year: 2025.5 }))).toEqual([
      'year 2025.5 must be a whole number from 1900 to 9999',
    ]);
    expect(validateCalendarYear(year2025({ year: '2025' }))).toEqual([
      'year "2025" must be a whole number from 1900 to 9999',
    ]);
    expect(validateCalendarYear(year2025({ makeUpWorkingDays: undefined }))).toEqual([
      '2025: makeUpWorkingDays must be a list (it may be empty)',
    ]);
    expect(validateCalendarYear(year2025({ holidays: ['2025-01-01'] }))).toEqual([
      "2025 holidays[0]: must be an object { date: 'YYYY-MM-DD', name }",
    ]);
    expect(validateCalendarYear(null)).toHaveLength(1);
    expect(validateCalendarYear([])).toHaveLength(1);
  });

  it('reports every problem at once', () => {
    const errors = validateCalendarYear({
      year: 2025,
      holidays: [
        { date: '2025-02-30', name: 'Sai ngày' },
        { date: '2024-12-31', name: 'Năm khác' },
      ],
      substituteDaysOff: [],
      makeUpWorkingDays: [{ date: '2025-03-05', name: '' }],
    });
    expect(errors).toHaveLength(4);
  });
});

describe('validateCalendarYears', () => {
  it('accepts several distinct valid years', () => {
    const next = {
      year: 2026,
      holidays: [{ date: '2026-01-01', name: 'Tết Dương lịch' }],
      substituteDaysOff: [],
      makeUpWorkingDays: [],
    };
    expect(validateCalendarYears([year2025(), next])).toEqual([]);
    expect(validateCalendarYears([])).toEqual([]);
  });

  it('rejects a year listed twice', () => {
    expect(validateCalendarYears([year2025(), year2025({ holidays: [] })])).toEqual([
      'year 2025 appears twice (entries 0 and 1); merge them into one',
    ]);
  });

  it("collects each year's problems", () => {
    const errors = validateCalendarYears([
      year2025({ holidays: [{ date: '2025-02-30', name: 'Sai ngày' }] }),
      {
        year: 2026,
        holidays: [{ date: '2025-12-31', name: 'Năm khác' }],
        substituteDaysOff: [],
        makeUpWorkingDays: [],
      },
    ]);
    expect(errors).toEqual([
      '2025 holidays[0]: "2025-02-30" is not a real date in the form YYYY-MM-DD',
      '2026 holidays[0]: 2025-12-31 is not in 2026; list it under 2025',
    ]);
  });

  it('rejects something that is not a list', () => {
    expect(validateCalendarYears(year2025())).toEqual(['the calendar must be a list of years']);
  });
});

describe('InvalidCalendarError', () => {
  it('keeps the problems and lists them in its message', () => {
    const error = new InvalidCalendarError(['first problem', 'second problem']);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('InvalidCalendarError');
    expect(error.errors).toEqual(['first problem', 'second problem']);
    expect(error.message).toBe('invalid working-day calendar:\n- first problem\n- second problem');
  });
});
