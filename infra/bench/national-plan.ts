/**
 * Pure helpers of the national benchmark (no I/O): how big each part is at a given scale, how the
 * communes spread over the provinces, the send times of an open-loop load generator, and how late it
 * kept them. Unit-tested in national-plan.spec.ts.
 */

/** The country at full scale: 34 provinces, 3,321 communes (the two-level local government of 2025). */
export const NATIONAL = {
  provinces: 34,
  communes: 3_321,
  people: 60_000,
  programmes: 20_000,
  tasks: 1_000_000,
  reminders: 100_000,
  actionsPerSecond: 100,
  actionSeconds: 60,
  cachedWorkflows: 2_000,
  deliveryRows: 2_000_000,
} as const;

export type NationalSize = { -readonly [K in keyof typeof NATIONAL]: number };

/** Parses BENCH_NATIONAL_SCALE: a number in (0, 1], 1 when absent. */
export function parseScale(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return 1;
  const scale = Number(raw);
  if (!Number.isFinite(scale) || scale <= 0 || scale > 1)
    throw new Error(`BENCH_NATIONAL_SCALE must be a number in (0, 1], got "${raw}"`);
  return scale;
}

/**
 * Every figure at `scale`, at least 1; provinces stay 34 (the shape of the country is kept, each
 * province gets smaller) and the action rate stays 100/s for 60 s unless the scale is below 0.1, where
 * the run is shortened instead of slowed (the rate is what is being measured).
 */
export function sizesAt(scale: number): NationalSize {
  const s = (n: number, min = 1) => Math.max(min, Math.round(n * scale));
  return {
    provinces: NATIONAL.provinces,
    communes: s(NATIONAL.communes, NATIONAL.provinces),
    people: s(NATIONAL.people, 4 * NATIONAL.provinces),
    programmes: s(NATIONAL.programmes, NATIONAL.provinces),
    tasks: s(NATIONAL.tasks, NATIONAL.provinces),
    reminders: s(NATIONAL.reminders),
    actionsPerSecond: NATIONAL.actionsPerSecond,
    actionSeconds: scale >= 0.1 ? NATIONAL.actionSeconds : Math.max(5, Math.round(NATIONAL.actionSeconds * scale * 10)),
    cachedWorkflows: s(NATIONAL.cachedWorkflows, 100),
    deliveryRows: s(NATIONAL.deliveryRows, 1000),
  };
}

/**
 * Splits `total` over `parts` with the uneven sizes of real provinces: the largest about four times
 * the smallest (weights falling linearly from 4 to 1), largest first, every part at least 1, the sum
 * exactly `total` (largest remainders get the rounding).
 */
export function unevenSplit(total: number, parts: number): number[] {
  if (!Number.isInteger(total) || !Number.isInteger(parts) || parts < 1 || total < parts)
    throw new Error(`cannot split ${total} over ${parts} parts with at least 1 each`);
  const weights = Array.from({ length: parts }, (_, i) => (parts === 1 ? 1 : 4 - (3 * i) / (parts - 1)));
  const sum = weights.reduce((a, b) => a + b, 0);
  const spare = total - parts;
  const exact = weights.map((w) => (spare * w) / sum);
  const sizes = exact.map((x) => 1 + Math.floor(x));
  let left = total - sizes.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of byRemainder) {
    if (left === 0) break;
    sizes[i] += 1;
    left -= 1;
  }
  return sizes;
}

/** Send times (ms from the start) of an open-loop generator: `rate` per second for `seconds`, evenly spaced. */
export function openLoopSchedule(rate: number, seconds: number): number[] {
  if (!(rate > 0) || !(seconds > 0)) throw new Error('rate and seconds must be positive');
  const n = Math.round(rate * seconds);
  return Array.from({ length: n }, (_, i) => (i * 1000) / rate);
}

/**
 * How well a generator kept its schedule: the largest and the 99th-percentile delay between when a
 * request was due and when it was sent. A generator that falls behind measures a lower rate than
 * asked (coordinated omission); the report prints this so such a run is visible.
 */
export function scheduleLag(plannedMs: readonly number[], sentMs: readonly number[]): { max: number; p99: number } {
  if (plannedMs.length !== sentMs.length || plannedMs.length === 0)
    throw new Error('planned and sent times must be non-empty and of equal length');
  const lags = plannedMs.map((p, i) => Math.max(0, sentMs[i] - p)).sort((a, b) => a - b);
  return { max: lags[lags.length - 1], p99: lags[Math.min(lags.length - 1, Math.ceil(0.99 * lags.length) - 1)] };
}

/** Bytes per item between two readings of a counter (memory), rounded; an error for no items. */
export function perItem(before: number, after: number, items: number): number {
  if (items <= 0) throw new Error('no items');
  return Math.round((after - before) / items);
}

export function formatBytes(n: number): string {
  const abs = Math.abs(n);
  if (abs >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(2)} GiB`;
  if (abs >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(1)} MiB`;
  if (abs >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} B`;
}
