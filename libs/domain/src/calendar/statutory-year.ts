import { IsoDate, dayNumberOf, isoDateOfDayNumber, weekdayOfDayNumber } from './calendar-date.util';
import { CalendarDay, CalendarYear } from './calendar-year';
import { hungKingsDay, lunarNewYear } from './lunar-calendar';

/**
 * A year of the working-day table computed from the statute alone, for a year the admin has not
 * entered and the product does not ship: Labor Code 2019, art. 112 (1/1; five Tết days; Giỗ Tổ Hùng
 * Vương on 10/3 lunar; 30/4; 1/5; 2/9 and one day next to it) and art. 111(3) (a holiday on a weekend
 * gives a day off in lieu on the next working day).
 *
 * What the statute leaves to each year's Government decision is assumed the way recent years went:
 * Tết is the last day of the old lunar year and mùng 1 to mùng 4 (as in 2026); the day joined to 2/9
 * is the one that bridges to a weekend (Monday or Tuesday 2/9: the day before; Thursday or Friday: the
 * day after; otherwise the day before when 2/9 is a Wednesday or Saturday, the day after when it is a
 * Sunday). Swapped days and make-up Saturdays are never guessed: they stay admin data.
 */
export function statutoryCalendarYear(year: number): CalendarYear {
  const holidays: CalendarDay[] = [{ date: `${year}-01-01`, name: 'Tết Dương lịch' }];

  const newYear = dayNumberOf(lunarNewYear(year));
  holidays.push({ date: isoDateOfDayNumber(newYear - 1), name: 'Tết Nguyên đán (ngày cuối năm âm lịch)' });
  for (let i = 0; i < 4; i += 1)
    holidays.push({ date: isoDateOfDayNumber(newYear + i), name: `Tết Nguyên đán (mùng ${i + 1})` });

  holidays.push({ date: hungKingsDay(year), name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' });
  holidays.push({ date: `${year}-04-30`, name: 'Ngày Chiến thắng (30/4)' });
  holidays.push({ date: `${year}-05-01`, name: 'Ngày Quốc tế Lao động (1/5)' });

  const nationalDay = dayNumberOf(`${year}-09-02`);
  const dayAfter = [4, 5, 0].includes(weekdayOfDayNumber(nationalDay));
  const joined = { date: isoDateOfDayNumber(nationalDay + (dayAfter ? 1 : -1)) };
  const nationalDays: CalendarDay[] = [
    { date: `${year}-09-02`, name: 'Quốc khánh (2/9)' },
    { ...joined, name: dayAfter ? 'Quốc khánh (nghỉ liền sau 2/9)' : 'Quốc khánh (nghỉ liền trước 2/9)' },
  ];
  holidays.push(...nationalDays.sort((a, b) => a.date.localeCompare(b.date)));

  return { year, holidays, substituteDaysOff: daysOffInLieu(holidays, year), makeUpWorkingDays: [] };
}

/** Art. 111(3): each holiday on a Saturday or Sunday gives the next weekday that is not a holiday or already given. */
function daysOffInLieu(holidays: readonly CalendarDay[], year: number): CalendarDay[] {
  const off = new Set(holidays.map((h) => dayNumberOf(h.date)));
  const given: CalendarDay[] = [];
  for (const holiday of holidays) {
    const day = dayNumberOf(holiday.date);
    if (!isWeekendDay(day)) continue;
    let next = day + 1;
    while (isWeekendDay(next) || off.has(next)) next += 1;
    off.add(next);
    const date: IsoDate = isoDateOfDayNumber(next);
    // A day in lieu falling in the next year belongs to that year's table (the admin's to enter).
    if (Number(date.slice(0, 4)) === year) given.push({ date, name: `Nghỉ bù ${holiday.name}` });
  }
  return given;
}

function isWeekendDay(dayNumber: number): boolean {
  const weekday = weekdayOfDayNumber(dayNumber);
  return weekday === 0 || weekday === 6;
}
