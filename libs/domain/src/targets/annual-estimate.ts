import { MAX_ANNUAL_PLAN_YEAR, MIN_ANNUAL_PLAN_YEAR } from '../limits';
import { percentOf } from './decimal-arithmetic';
import { isDecimal } from './decimal.util';

/**
 * Progress as a share of the annual estimate ("thu ngân sách ước đạt 5.830 tỷ, đạt 39,4 % dự toán
 * năm"): a target may carry, per year, its estimate or plan figure for that year; a review's value
 * of the target is then also stated as a percentage of the estimate of the review's year.
 */
export interface EstimateShare {
  year: number;
  value: string;
  estimate: string;
  /** value / estimate × 100, one decimal; null when the estimate is 0. */
  sharePercent: string | null;
}

const VN_OFFSET_MS = 7 * 3600_000;

/**
 * The year a review reports on: the Vietnam-time year of the instant before it opens (a review
 * opens at the end of its period, so one opening on 1 January reports on the year just ended).
 */
export function reviewYear(opensAt: string): number {
  return new Date(Date.parse(opensAt) - 1 + VN_OFFSET_MS).getUTCFullYear();
}

/** The problem with a target's annual estimates (year → decimal), or null. */
export function validateAnnualEstimates(estimates: unknown, where: string): string | null {
  if (estimates === undefined) return null;
  if (typeof estimates !== 'object' || estimates === null || Array.isArray(estimates))
    return `${where} must map years (e.g. "2024") to decimal numbers`;
  for (const [year, v] of Object.entries(estimates)) {
    const y = Number(year);
    if (!/^\d{4}$/.test(year) || y < MIN_ANNUAL_PLAN_YEAR || y > MAX_ANNUAL_PLAN_YEAR)
      return `${where}: "${year}" is not a year from ${MIN_ANNUAL_PLAN_YEAR} to ${MAX_ANNUAL_PLAN_YEAR}`;
    if (!isDecimal(v)) return `${where}.${year} must be a decimal number such as 14800`;
  }
  return null;
}

/** Shares of the year's estimate for every target with a value and an estimate for that year. */
export function estimateShares(
  targets: ReadonlyArray<{ code: string; annualEstimates?: Record<string, string> }>,
  values: Record<string, string | undefined>,
  year: number,
): Record<string, EstimateShare> {
  const shares: Record<string, EstimateShare> = {};
  for (const t of targets) {
    const estimate = t.annualEstimates?.[String(year)];
    const value = values[t.code];
    if (estimate === undefined || value === undefined) continue;
    shares[t.code] = { year, value, estimate, sharePercent: percentOf(value, estimate) };
  }
  return shares;
}
