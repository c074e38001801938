import { addDecimal } from './decimal-arithmetic';
import { compareDecimal, isDecimal } from './decimal.util';
import { MAX_TITLE_LENGTH } from '../limits';

/** How a target's goal is stated. */
export enum Comparator {
  AT_LEAST = 'AT_LEAST',
  AT_MOST = 'AT_MOST',
  /** e.g. growth 7–7.5 %/year: inside the range is achieved, above it exceeded. */
  RANGE = 'RANGE',
  /** yes/no targets (e.g. "province ranks in the regional top 3"): value "1" means yes. */
  YES_NO = 'YES_NO',
  /** "top 3 in the region": the reported value is the position (1 = first) among `group`; goal N means position ≤ N. */
  RANK = 'RANK',
  /**
   * "0.5 % above the national average": value ≥ reference + goal, where `reference` names the
   * reference (e.g. "bình quân cả nước") and its value is entered with the review report.
   */
  RELATIVE = 'RELATIVE',
}

export enum Achievement {
  EXCEEDED = 'EXCEEDED',
  ACHIEVED = 'ACHIEVED',
  NOT_ACHIEVED = 'NOT_ACHIEVED',
  NO_DATA = 'NO_DATA',
}

export interface TargetGoal {
  comparator: Comparator;
  /** AT_LEAST / AT_MOST: the goal; RANGE: the lower bound; YES_NO: "1" (yes wanted) or "0". */
  goal: string;
  /** RANGE only: the upper bound. */
  goalHigh?: string;
  /** RANK only: the group ranked in, e.g. "13 tỉnh, thành vùng Đồng bằng sông Cửu Long". */
  group?: string;
  /** RELATIVE only: what the value is compared with, e.g. "tốc độ tăng trưởng bình quân cả nước". */
  reference?: string;
}

const POSITION = /^[1-9]\d{0,5}$/;

/** The problem with a RANK or RELATIVE goal's own fields, or with those fields on another kind. */
function validateRelativeShapes(g: TargetGoal): string | null {
  const named = (v: unknown, what: string) =>
    typeof v === 'string' && v.trim() !== '' && v.length <= MAX_TITLE_LENGTH
      ? null
      : `a ${g.comparator.toLowerCase()} goal needs ${what} (text of at most ${MAX_TITLE_LENGTH} characters)`;
  if (g.comparator === Comparator.RANK) {
    if (!POSITION.test(g.goal)) return 'a rank goal is a position such as "3" (top 3): a whole number from 1';
    return named(g.group, 'the group ranked in (group)');
  }
  if (g.group !== undefined) return 'group is only for rank goals';
  if (g.comparator === Comparator.RELATIVE) return named(g.reference, 'the reference it is compared with (reference)');
  if (g.reference !== undefined) return 'reference is only for relative goals';
  return null;
}

export function validateGoal(g: TargetGoal): string | null {
  if (!Object.values(Comparator).includes(g.comparator)) return `unknown comparator ${g.comparator}`;
  if (!isDecimal(g.goal)) return `goal "${g.goal}" is not a decimal number`;
  if (g.comparator === Comparator.RANGE) {
    if (g.goalHigh === undefined || !isDecimal(g.goalHigh)) return 'a range goal needs goalHigh';
    if (compareDecimal(g.goal, g.goalHigh) > 0) return 'a range goal needs goal <= goalHigh';
  } else if (g.goalHigh !== undefined) {
    return 'goalHigh is only for range goals';
  }
  if (g.comparator === Comparator.YES_NO && g.goal !== '0' && g.goal !== '1') return 'a yes/no goal is "1" or "0"';
  return validateRelativeShapes(g);
}

/** Whether a goal needs a reference value entered at review time. */
export const needsReference = (g: TargetGoal) => g.comparator === Comparator.RELATIVE;

/** Whether `actual` can be reported for the goal: a decimal, and a position from 1 for a rank. */
export function validateActual(g: TargetGoal, actual: string): string | null {
  if (g.comparator === Comparator.RANK)
    return POSITION.test(actual) ? null : 'a rank is reported as a position such as 2 (a whole number from 1)';
  return isDecimal(actual) ? null : 'must be a decimal number such as 7.2';
}

/**
 * Achievement of one actual value against a goal. "Exceeded" means strictly better than the goal
 * (above the top of a range, below an at-most ceiling); meeting the goal exactly is "achieved".
 */
export function evaluateTarget(
  goal: TargetGoal,
  actual: string | null | undefined,
  referenceValue?: string | null,
): Achievement {
  if (actual === null || actual === undefined || actual === '') return Achievement.NO_DATA;
  switch (goal.comparator) {
    case Comparator.RANK: {
      // A position: lower is better, so a rank goal reads like an at-most ceiling.
      const c = compareDecimal(actual, goal.goal);
      return c < 0 ? Achievement.EXCEEDED : c === 0 ? Achievement.ACHIEVED : Achievement.NOT_ACHIEVED;
    }
    case Comparator.RELATIVE: {
      if (referenceValue === null || referenceValue === undefined || referenceValue === '') return Achievement.NO_DATA;
      const c = compareDecimal(actual, addDecimal(referenceValue, goal.goal));
      return c > 0 ? Achievement.EXCEEDED : c === 0 ? Achievement.ACHIEVED : Achievement.NOT_ACHIEVED;
    }
    case Comparator.AT_LEAST: {
      const c = compareDecimal(actual, goal.goal);
      return c > 0 ? Achievement.EXCEEDED : c === 0 ? Achievement.ACHIEVED : Achievement.NOT_ACHIEVED;
    }
    case Comparator.AT_MOST: {
      const c = compareDecimal(actual, goal.goal);
      return c < 0 ? Achievement.EXCEEDED : c === 0 ? Achievement.ACHIEVED : Achievement.NOT_ACHIEVED;
    }
    case Comparator.RANGE: {
      if (compareDecimal(actual, goal.goal) < 0) return Achievement.NOT_ACHIEVED;
      return compareDecimal(actual, goal.goalHigh as string) > 0 ? Achievement.EXCEEDED : Achievement.ACHIEVED;
    }
    case Comparator.YES_NO:
      return compareDecimal(actual, goal.goal) === 0 ? Achievement.ACHIEVED : Achievement.NOT_ACHIEVED;
  }
}

export interface AchievementSummary {
  total: number;
  exceeded: number;
  achieved: number;
  notAchieved: number;
  noData: number;
  /** "25/30 đạt và vượt": achieved or exceeded over all items. */
  headline: string;
}

export function summariseAchievement(results: readonly Achievement[]): AchievementSummary {
  const count = (a: Achievement) => results.filter((r) => r === a).length;
  const exceeded = count(Achievement.EXCEEDED);
  const achieved = count(Achievement.ACHIEVED);
  return {
    total: results.length,
    exceeded,
    achieved,
    notAchieved: count(Achievement.NOT_ACHIEVED),
    noData: count(Achievement.NO_DATA),
    headline: `${exceeded + achieved}/${results.length} achieved or exceeded`,
  };
}
