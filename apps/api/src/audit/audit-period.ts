/** The zone a bare date or time in a filter is read in: the users' (Vietnam has no daylight saving). */
const LOCAL_OFFSET = '+07:00';
const DAY_MS = 86_400_000;

/** A day (`2026-03-01`) or a time (`2026-03-01T08:30`, with seconds, milliseconds and a zone if wanted). */
export const PERIOD_BOUND =
  /^(19|20)\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)?)?$/;

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const HAS_ZONE = /(Z|[+-]\d{2}:\d{2})$/;

/**
 * The instant a `from` or `to` filter stands for. A day runs from its midnight in Vietnam, and a
 * `to` day includes itself (the bound is the next midnight); a time without a zone is Vietnam's.
 * `from` is inclusive, `to` exclusive.
 */
export function periodBound(value: string, bound: 'from' | 'to'): Date {
  if (DATE_ONLY.test(value)) {
    const midnight = new Date(`${value}T00:00:00${LOCAL_OFFSET}`);
    return bound === 'from' ? midnight : new Date(midnight.getTime() + DAY_MS);
  }
  return new Date(HAS_ZONE.test(value) ? value : `${value}${LOCAL_OFFSET}`);
}
