import { IsoDate, isoDateOfDayNumber } from './calendar-date.util';

/**
 * The Vietnamese lunisolar calendar (âm lịch), computed astronomically for Vietnam's time zone
 * (UTC+7). A lunar month starts on the day (in Vietnam) of a new moon; month 11 is the month holding
 * the winter solstice; a year with 13 months repeats the first month after month 11 that contains
 * no major solar term (trung khí). The new moon and the sun's longitude follow the series in Jean
 * Meeus, "Astronomical Algorithms" (chapters 25 and 49), truncated to the terms that move a date.
 *
 * Because the time zone is Vietnam's, dates differ from the Chinese calendar (UTC+8) in some years:
 * Tết 1985 fell on 21 January in Vietnam and on 20 February in China; Tết 2007 on 17 February here and
 * 18 February there. Valid for the years 1900–2199, far more than the product needs.
 *
 * Pure arithmetic: used by the API and the worker (never inside a workflow, which receives dates).
 */

const VIETNAM_TIME_ZONE_HOURS = 7;
const SYNODIC_MONTH = 29.530588853;
/** Julian day of the new moon of 1900-01-01, the series' epoch. */
const EPOCH_NEW_MOON = 2415021.076998695;
/** Julian day number of 1970-01-01, the day number 0 of `calendar-date.util`. */
const JULIAN_DAY_OF_UNIX_EPOCH = 2440588;
const DEGREES = Math.PI / 180;

export const MIN_LUNAR_YEAR = 1900;
export const MAX_LUNAR_YEAR = 2199;

export interface LunarDate {
  day: number;
  month: number;
  year: number;
  /** True for the repeated (leap, nhuận) month. */
  leap: boolean;
}

/** Julian day number of a Gregorian date. */
function julianDayNumber(day: number, month: number, year: number): number {
  const a = Math.floor((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  return (
    day +
    Math.floor((153 * m + 2) / 5) +
    365 * y +
    Math.floor(y / 4) -
    Math.floor(y / 100) +
    Math.floor(y / 400) -
    32045
  );
}

/** The instant (Julian day, UT) of the k-th new moon after the one of 1900-01-01. */
function newMoonInstant(k: number): number {
  const t = k / 1236.85;
  const t2 = t * t;
  const t3 = t2 * t;
  let jd = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
  jd += 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * DEGREES);
  const sunAnomaly = (359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3) * DEGREES;
  const moonAnomaly = (306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3) * DEGREES;
  const latitude = (21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3) * DEGREES;
  let correction =
    (0.1734 - 0.000393 * t) * Math.sin(sunAnomaly) +
    0.0021 * Math.sin(2 * sunAnomaly) -
    0.4068 * Math.sin(moonAnomaly) +
    0.0161 * Math.sin(2 * moonAnomaly) -
    0.0004 * Math.sin(3 * moonAnomaly) +
    0.0104 * Math.sin(2 * latitude) -
    0.0051 * Math.sin(sunAnomaly + moonAnomaly) -
    0.0074 * Math.sin(sunAnomaly - moonAnomaly) +
    0.0004 * Math.sin(2 * latitude + sunAnomaly) -
    0.0004 * Math.sin(2 * latitude - sunAnomaly) -
    0.0006 * Math.sin(2 * latitude + moonAnomaly) +
    0.001 * Math.sin(2 * latitude - moonAnomaly) +
    0.0005 * Math.sin(2 * moonAnomaly + sunAnomaly);
  // Terrestrial minus universal time (ΔT), in days.
  const deltaT =
    t < -11
      ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
      : -0.000278 + 0.000265 * t + 0.000262 * t2;
  correction -= deltaT;
  return jd + correction;
}

/** Julian day number of the day, in Vietnam, on which the k-th new moon falls. */
function newMoonDay(k: number): number {
  return Math.floor(newMoonInstant(k) + 0.5 + VIETNAM_TIME_ZONE_HOURS / 24);
}

/** The sun's apparent longitude, in radians [0, 2π), at the instant `jd` (Julian day, UT). */
function sunLongitude(jd: number): number {
  const t = (jd - 2451545.0) / 36525;
  const t2 = t * t;
  const anomaly = (357.5291 + 35999.0503 * t - 0.0001559 * t2 - 0.00000048 * t * t2) * DEGREES;
  const meanLongitude = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
  const centre =
    (1.9146 - 0.004817 * t - 0.000014 * t2) * Math.sin(anomaly) +
    (0.019993 - 0.000101 * t) * Math.sin(2 * anomaly) +
    0.00029 * Math.sin(3 * anomaly);
  const longitude = (meanLongitude + centre) * DEGREES;
  return longitude - 2 * Math.PI * Math.floor(longitude / (2 * Math.PI));
}

/** Which of the 12 major solar terms (0–11, by 30° of longitude) the sun is in at the start of a day in Vietnam. */
function solarTermIndex(dayNumber: number): number {
  return Math.floor((sunLongitude(dayNumber - 0.5 - VIETNAM_TIME_ZONE_HOURS / 24) / Math.PI) * 6);
}

/** Julian day number of the first day of lunar month 11 of the Gregorian year `year`. */
function month11Start(year: number): number {
  const offset = julianDayNumber(31, 12, year) - 2415021;
  const k = Math.floor(offset / SYNODIC_MONTH);
  const start = newMoonDay(k);
  // Month 11 holds the winter solstice (270°): if this new moon is past it, take the one before.
  return solarTermIndex(start) >= 9 ? newMoonDay(k - 1) : start;
}

/** In a 13-month year starting at month 11 (`a11`), the index after it of the month that is repeated. */
function leapMonthOffset(a11: number): number {
  const k = Math.floor((a11 - EPOCH_NEW_MOON) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let term = solarTermIndex(newMoonDay(k + i));
  let previous: number;
  do {
    previous = term;
    i += 1;
    term = solarTermIndex(newMoonDay(k + i));
  } while (term !== previous && i < 14);
  return i - 1;
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_LUNAR_YEAR || year > MAX_LUNAR_YEAR)
    throw new RangeError(`the lunar calendar is computed for ${MIN_LUNAR_YEAR}–${MAX_LUNAR_YEAR}, not ${year}`);
}

/**
 * The Gregorian date of a lunar date, or null when it does not exist (day 30 of a 29-day month, a
 * leap month the year does not have).
 */
export function solarDateOf(lunar: LunarDate): IsoDate | null {
  const { day, month, year, leap } = lunar;
  checkYear(year);
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(day) || day < 1 || day > 30) return null;
  const [a11, b11] =
    month < 11 ? [month11Start(year - 1), month11Start(year)] : [month11Start(year), month11Start(year + 1)];
  const k = Math.floor(0.5 + (a11 - EPOCH_NEW_MOON) / SYNODIC_MONTH);
  let offset = month - 11;
  if (offset < 0) offset += 12;
  if (b11 - a11 > 365) {
    const leapOffset = leapMonthOffset(a11);
    let leapMonth = leapOffset - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (leap && month !== leapMonth) return null;
    if (leap || offset >= leapOffset) offset += 1;
  } else if (leap) {
    return null;
  }
  const monthStart = newMoonDay(k + offset);
  if (day === 30 && newMoonDay(k + offset + 1) - monthStart < 30) return null;
  return isoDateOfDayNumber(monthStart + day - 1 - JULIAN_DAY_OF_UNIX_EPOCH);
}

/** The first day of the lunar year (mùng 1 Tết) that begins in Gregorian `year`. */
export function lunarNewYear(year: number): IsoDate {
  return solarDateOf({ day: 1, month: 1, year, leap: false }) as IsoDate;
}

/** Giỗ Tổ Hùng Vương: the 10th day of the 3rd lunar month of `year`. */
export function hungKingsDay(year: number): IsoDate {
  return solarDateOf({ day: 10, month: 3, year, leap: false }) as IsoDate;
}
