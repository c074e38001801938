import { compareDecimal, isDecimal } from './decimal.util';

/** How a target's goal is stated. */
export enum Comparator {
  AT_LEAST = 'AT_LEAST',
  AT_MOST = 'AT_MOST',
  /** e.g. growth 7–7.5 %/year: inside the range is achieved, above it exceeded. */
  RANGE = 'RANGE',
  /** yes/no targets (e.g. "province ranks in the regional top 3"): value "1" means yes. */
  YES_NO = 'YES_NO',
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
  return null;
}

/**
 * Achievement of one actual value against a goal. "Exceeded" means strictly better than the goal
 * (above the top of a range, below an at-most ceiling); meeting the goal exactly is "achieved".
 */
export function evaluateTarget(goal: TargetGoal, actual: string | null | undefined): Achievement {
  if (actual === null || actual === undefined || actual === '') return Achievement.NO_DATA;
  switch (goal.comparator) {
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
