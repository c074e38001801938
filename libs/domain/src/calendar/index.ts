// The working-day calendar's public pieces. Day-number arithmetic stays internal.
export type { IsoDate } from './calendar-date.util';
export { isIsoDate } from './calendar-date.util';
export type { CalendarDay, CalendarYear } from './calendar-year';
export { InvalidCalendarError, validateCalendarYear, validateCalendarYears } from './calendar-year';
export type { DateInput, DayInfo, WorkingCalendarOptions } from './working-calendar';
export { DayKind, WorkingCalendar } from './working-calendar';
export { DEFAULT_CALENDAR_YEARS } from './default-calendar.data';
export { calendarSpanProblem, calendarYearsBetween, computedYear, MAX_CALENDAR_SPAN_YEARS } from './calendar-table';
export type { LunarDate } from './lunar-calendar';
export { hungKingsDay, lunarNewYear, solarDateOf } from './lunar-calendar';
export { statutoryCalendarYear } from './statutory-year';
