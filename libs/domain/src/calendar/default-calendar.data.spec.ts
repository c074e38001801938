import { validateCalendarYears } from './calendar-year';
import { DEFAULT_CALENDAR_YEARS } from './default-calendar.data';
import { WorkingCalendar } from './working-calendar';

function datesFromTo(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

function shiftDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const holidayDates = (year: number): string[] =>
  (DEFAULT_CALENDAR_YEARS.find((y) => y.year === year)?.holidays ?? []).map((d) => d.date);

describe('DEFAULT_CALENDAR_YEARS', () => {
  const calendar = new WorkingCalendar(DEFAULT_CALENDAR_YEARS);

  it('passes validation', () => {
    expect(validateCalendarYears(DEFAULT_CALENDAR_YEARS)).toEqual([]);
  });

  it('covers 2025, 2026 and 2027', () => {
    expect(calendar.coveredYears()).toEqual([2025, 2026, 2027]);
  });

  it.each([2025, 2026, 2027])('lists the 11 statutory holiday days of %i (Labor Code art. 112)', (year) => {
    const dates = holidayDates(year);
    expect(dates).toHaveLength(11);
    for (const fixed of ['01-01', '04-30', '05-01', '09-02']) expect(dates).toContain(`${year}-${fixed}`);
    // 2/9 comes with the day before or the day after.
    expect(dates.includes(`${year}-09-01`) !== dates.includes(`${year}-09-03`)).toBe(true);
  });

  it.each([
    [2025, '2025-01-29', '2025-04-07'],
    [2026, '2026-02-17', '2026-04-26'],
    [2027, '2027-02-06', '2027-04-16'],
  ])('has lunar New Year and Hùng Kings day of %i as holidays', (year, lunarNewYear, hungKings) => {
    expect(holidayDates(year)).toEqual(expect.arrayContaining([lunarNewYear, hungKings]));
    expect(calendar.isWorkingDay(lunarNewYear)).toBe(false);
  });

  it.each([
    ['Tết 2025', '2025-01-25', '2025-02-02'],
    ['30/4–1/5 2025', '2025-04-30', '2025-05-04'],
    ['Quốc khánh 2025', '2025-08-30', '2025-09-02'],
    ['Tết Dương lịch 2026', '2026-01-01', '2026-01-04'],
    ['Tết 2026', '2026-02-14', '2026-02-22'],
    ['Quốc khánh 2026', '2026-08-29', '2026-09-02'],
  ])('matches the announced break %s (%s to %s)', (_name, first, last) => {
    const offDays = datesFromTo(first, last);
    expect(offDays.filter((d) => calendar.isWorkingDay(d))).toEqual([]);
    expect(calendar.isWorkingDay(shiftDays(first, -1))).toBe(true);
    expect(calendar.isWorkingDay(shiftDays(last, 1))).toBe(true);
  });

  it('has the announced make-up Saturdays as working days', () => {
    for (const saturday of ['2025-04-26', '2026-01-10', '2026-08-22'])
      expect(calendar.isWorkingDay(saturday)).toBe(true);
  });

  it('gives a weekday off for each holiday on a weekend in years without announced swaps', () => {
    // 2026: Giỗ Tổ on Sunday 26/4 -> Monday 27/4. 2027: Tết on Sat 6/2 and Sun 7/2, 1/5 on Saturday.
    expect(calendar.isWorkingDay('2026-04-27')).toBe(false);
    expect(calendar.workingDaysBetween('2027-02-04', '2027-02-12')).toBe(1); // only Friday 12/2
    expect(calendar.isWorkingDay('2027-05-03')).toBe(false);
  });
});
