/** The zone a bare date or time in a filter is read in: the users' (Vietnam has no daylight saving). */
const LOCAL_OFFSET_MINUTES = 7 * 60;
const MINUTE_MS = 60_000;

/** A day (`2026-03-01`) or a time (`2026-03-01T08:30`, with seconds, milliseconds and a zone if wanted). */
export const PERIOD_BOUND =
  /^((?:19|20)\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?:T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.(\d{1,3}))?)?(Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)?)?$/;

/**
 * The instant a `from` or `to` filter stands for. A day runs from its midnight in Vietnam, and a
 * `to` day includes itself (the bound is the next midnight); a time without a zone is Vietnam's.
 * `from` is inclusive, `to` exclusive. A day past its month's end counts on into the next month
 * (2026-02-30 is 2026-03-02), so every value the pattern admits is a bound.
 */
export function periodBound(value: string, bound: 'from' | 'to'): Date {
  const m = PERIOD_BOUND.exec(value);
  if (!m) throw new Error(`not a period bound: ${value}`);
  const [, year, month, day, hour, minute, second, fraction, zone] = m;
  const dayOnly = hour === undefined;
  const local = Date.UTC(
    Number(year),
    Number(month) - 1,
    Number(day) + (dayOnly && bound === 'to' ? 1 : 0),
    Number(hour ?? 0),
    Number(minute ?? 0),
    Number(second ?? 0),
    Number((fraction ?? '0').padEnd(3, '0')),
  );
  return new Date(local - offsetMinutes(zone) * MINUTE_MS);
}

function offsetMinutes(zone: string | undefined): number {
  if (zone === undefined) return LOCAL_OFFSET_MINUTES;
  if (zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const [h, min] = zone.slice(1).split(':').map(Number);
  return sign * (h * 60 + min);
}
