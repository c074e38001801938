import { CalendarYear } from './calendar-year';

/**
 * The working-day table shipped as a starting point; an admin edits it, and the edited table wins.
 *
 * Statutory holidays (Labor Code 2019, art. 112): 1/1; Tết Nguyên đán 5 days; Giỗ Tổ Hùng Vương
 * (10/3 lunar); 30/4; 1/5; 2/9 plus the day before or after it: 11 days a year. A holiday on a
 * weekend gives a substitute day off on the next working day (art. 111(3)).
 *
 * Every year the Government announces which 5 days are Tết, which day joins 2/9, and any swaps
 * (hoán đổi: a weekday off, worked back on a Saturday). Those announcements come late in the
 * previous year or during the year, so the admin must bring this table up to date each year.
 * 2025 and 2026 below follow the announcements for civil servants and public employees; 2027 is
 * provisional (statute and last years' pattern only) until the Government announces it.
 *
 * Not included yet: Resolution 80-NQ/TW (January 2026) made 24/11 "Ngày Văn hóa Việt Nam" a paid
 * day off in principle, but the Labor Code amendment that enacts it was still pending when this
 * table was written. Once it is in force, add 24/11 (2026: Tuesday; 2027: Wednesday) as a holiday.
 */
export const DEFAULT_CALENDAR_YEARS: readonly CalendarYear[] = [
  {
    year: 2025,
    // Tết Ất Tỵ: mùng 1 is 29/1. Announced: off 25/1–2/2, Tết days Mon 27/1 (28 tháng Chạp) to
    // Fri 31/1 (mùng 3), with the two weekends either side. 30/4–4/5 off by swapping Fri 2/5 with
    // Sat 26/4. National Day: off 30/8–2/9 (holidays Mon 1/9 and Tue 2/9).
    holidays: [
      { date: '2025-01-01', name: 'Tết Dương lịch' },
      { date: '2025-01-27', name: 'Tết Nguyên đán (28 tháng Chạp)' },
      { date: '2025-01-28', name: 'Tết Nguyên đán (29 tháng Chạp)' },
      { date: '2025-01-29', name: 'Tết Nguyên đán (mùng 1)' },
      { date: '2025-01-30', name: 'Tết Nguyên đán (mùng 2)' },
      { date: '2025-01-31', name: 'Tết Nguyên đán (mùng 3)' },
      { date: '2025-04-07', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' },
      { date: '2025-04-30', name: 'Ngày Chiến thắng (30/4)' },
      { date: '2025-05-01', name: 'Ngày Quốc tế Lao động (1/5)' },
      { date: '2025-09-01', name: 'Quốc khánh (nghỉ liền trước 2/9)' },
      { date: '2025-09-02', name: 'Quốc khánh (2/9)' },
    ],
    substituteDaysOff: [{ date: '2025-05-02', name: 'Nghỉ hoán đổi dịp 30/4–1/5 (làm bù thứ Bảy 26/4)' }],
    makeUpWorkingDays: [{ date: '2025-04-26', name: 'Làm bù cho ngày nghỉ hoán đổi 2/5' }],
  },
  {
    year: 2026,
    // Tết Bính Ngọ: mùng 1 is 17/2. Announced: off 14/2–22/2, Tết days Mon 16/2 (29 tháng Chạp)
    // to Fri 20/2 (mùng 4). New Year: off 1/1–4/1 by swapping Fri 2/1 with Sat 10/1. National
    // Day: off 29/8–2/9, holidays Tue 1/9 and Wed 2/9, Mon 31/8 swapped with Sat 22/8.
    // Giỗ Tổ (10/3 âm lịch) is Sunday 26/4, so Monday 27/4 is off in lieu (art. 111(3)).
    holidays: [
      { date: '2026-01-01', name: 'Tết Dương lịch' },
      { date: '2026-02-16', name: 'Tết Nguyên đán (29 tháng Chạp)' },
      { date: '2026-02-17', name: 'Tết Nguyên đán (mùng 1)' },
      { date: '2026-02-18', name: 'Tết Nguyên đán (mùng 2)' },
      { date: '2026-02-19', name: 'Tết Nguyên đán (mùng 3)' },
      { date: '2026-02-20', name: 'Tết Nguyên đán (mùng 4)' },
      { date: '2026-04-26', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' },
      { date: '2026-04-30', name: 'Ngày Chiến thắng (30/4)' },
      { date: '2026-05-01', name: 'Ngày Quốc tế Lao động (1/5)' },
      { date: '2026-09-01', name: 'Quốc khánh (nghỉ liền trước 2/9)' },
      { date: '2026-09-02', name: 'Quốc khánh (2/9)' },
    ],
    substituteDaysOff: [
      { date: '2026-01-02', name: 'Nghỉ hoán đổi dịp Tết Dương lịch (làm bù thứ Bảy 10/1)' },
      { date: '2026-04-27', name: 'Nghỉ bù Giỗ Tổ Hùng Vương (26/4 là Chủ nhật)' },
      { date: '2026-08-31', name: 'Nghỉ hoán đổi dịp Quốc khánh (làm bù thứ Bảy 22/8)' },
    ],
    makeUpWorkingDays: [
      { date: '2026-01-10', name: 'Làm bù cho ngày nghỉ hoán đổi 2/1' },
      { date: '2026-08-22', name: 'Làm bù cho ngày nghỉ hoán đổi 31/8' },
    ],
  },
  {
    year: 2027,
    // PROVISIONAL until the Government announces 2027. Tết Đinh Mùi: mùng 1 is Saturday 6/2;
    // assumed 1 day before and 4 after (5/2–9/2, as in 2026), so the Tết days on Sat 6/2 and Sun
    // 7/2 are given back on Wed 10/2 and Thu 11/2. Giỗ Tổ is Fri 16/4. 1/5 is a Saturday, so Mon
    // 3/5 is off in lieu. The second National Day holiday is assumed to be Fri 3/9.
    holidays: [
      { date: '2027-01-01', name: 'Tết Dương lịch' },
      { date: '2027-02-05', name: 'Tết Nguyên đán (ngày cuối năm Bính Ngọ)' },
      { date: '2027-02-06', name: 'Tết Nguyên đán (mùng 1)' },
      { date: '2027-02-07', name: 'Tết Nguyên đán (mùng 2)' },
      { date: '2027-02-08', name: 'Tết Nguyên đán (mùng 3)' },
      { date: '2027-02-09', name: 'Tết Nguyên đán (mùng 4)' },
      { date: '2027-04-16', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' },
      { date: '2027-04-30', name: 'Ngày Chiến thắng (30/4)' },
      { date: '2027-05-01', name: 'Ngày Quốc tế Lao động (1/5)' },
      { date: '2027-09-02', name: 'Quốc khánh (2/9)' },
      { date: '2027-09-03', name: 'Quốc khánh (nghỉ liền sau 2/9)' },
    ],
    substituteDaysOff: [
      { date: '2027-02-10', name: 'Nghỉ bù Tết Nguyên đán (mùng 1 là thứ Bảy)' },
      { date: '2027-02-11', name: 'Nghỉ bù Tết Nguyên đán (mùng 2 là Chủ nhật)' },
      { date: '2027-05-03', name: 'Nghỉ bù Ngày Quốc tế Lao động (1/5 là thứ Bảy)' },
    ],
    makeUpWorkingDays: [],
  },
];
