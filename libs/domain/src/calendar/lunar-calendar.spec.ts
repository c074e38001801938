import { DEFAULT_CALENDAR_YEARS } from './default-calendar.data';
import { hungKingsDay, lunarNewYear, solarDateOf } from './lunar-calendar';
import { statutoryCalendarYear } from './statutory-year';
import { validateCalendarYear } from './calendar-year';

describe('Vietnamese lunar calendar', () => {
  it.each([
    [1985, '1985-01-21'], // Vietnam (UTC+7) a month before China that year
    [2007, '2007-02-17'], // and a day before China
    [2020, '2020-01-25'],
    [2021, '2021-02-12'],
    [2022, '2022-02-01'],
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
    [2028, '2028-01-26'],
    [2030, '2030-02-02'], // new moon at 23:07 in Vietnam, 00:07 the next day in China
  ])('puts mùng 1 Tết of %i on %s', (year, date) => {
    expect(lunarNewYear(year)).toBe(date);
  });

  it.each([
    [2023, '2023-04-29'],
    [2024, '2024-04-18'],
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
    [2027, '2027-04-16'],
  ])('puts Giỗ Tổ Hùng Vương of %i on %s', (year, date) => {
    expect(hungKingsDay(year)).toBe(date);
  });

  it('knows leap months and refuses dates that do not exist', () => {
    // 2023 had a leap 2nd month (tháng 2 nhuận), starting on 20 March.
    expect(solarDateOf({ day: 1, month: 2, year: 2023, leap: true })).toBe('2023-03-22');
    expect(solarDateOf({ day: 1, month: 3, year: 2023, leap: true })).toBeNull();
    expect(solarDateOf({ day: 1, month: 4, year: 2024, leap: true })).toBeNull();
    expect(solarDateOf({ day: 31, month: 1, year: 2024, leap: false })).toBeNull();
    expect(() => lunarNewYear(1800)).toThrow(RangeError);
  });
});

describe('a working-day year computed from the statute', () => {
  const shipped = (year: number) => DEFAULT_CALENDAR_YEARS.find((y) => y.year === year)!;
  const dates = (days: ReadonlyArray<{ date: string }>) => days.map((d) => d.date).sort();

  it('matches the provisional 2027 table the product ships, days in lieu included', () => {
    const computed = statutoryCalendarYear(2027);
    expect(dates(computed.holidays)).toEqual(dates(shipped(2027).holidays));
    expect(dates(computed.substituteDaysOff)).toEqual(dates(shipped(2027).substituteDaysOff));
  });

  it('finds the same eleven holidays as the announced 2026 table (swaps stay admin data)', () => {
    const computed = statutoryCalendarYear(2026);
    expect(computed.holidays).toHaveLength(11);
    expect(dates(computed.holidays)).toEqual(dates(shipped(2026).holidays));
    expect(dates(computed.substituteDaysOff)).toEqual(['2026-04-27']); // Giỗ Tổ on a Sunday
    expect(computed.makeUpWorkingDays).toEqual([]);
  });

  it('is a valid table year for every year it may be asked for', () => {
    for (let year = 2020; year <= 2080; year += 1) {
      const computed = statutoryCalendarYear(year);
      expect(validateCalendarYear(computed)).toEqual([]);
      expect(computed.holidays).toHaveLength(11);
    }
  });
});
