import { compareDecimal, isDecimal } from './decimal.util';
import {
  Achievement,
  Comparator,
  evaluateTarget,
  summariseAchievement,
  TargetGoal,
  validateGoal,
} from './target-achievement';

describe('isDecimal', () => {
  it.each(['0', '7', '7.5', '-1.25', '123456789012345', '0.000001', '-0'])('accepts %j', (v) => {
    expect(isDecimal(v)).toBe(true);
  });

  it.each(['', '.5', '5.', '1e3', '7,5', '+1', '1.1234567', '1234567890123456', ' 1', '1 ', 'abc', '--1', '1-'])(
    'rejects %j',
    (v) => {
      expect(isDecimal(v)).toBe(false);
    },
  );

  it('rejects non-strings, including numbers', () => {
    expect(isDecimal(7)).toBe(false);
    expect(isDecimal(null)).toBe(false);
    expect(isDecimal(undefined)).toBe(false);
  });
});

describe('compareDecimal', () => {
  it.each([
    ['7', '7.000', 0],
    ['7.5', '7.50', 0],
    ['7.5', '7.25', 1],
    ['7.25', '7.5', -1],
    ['10', '9.99', 1],
    ['9.999999', '10', -1],
    ['0.1', '0.09', 1],
    ['-1', '1', -1],
    ['1', '-1', 1],
    ['-1.5', '-1.25', -1],
    ['-1.25', '-1.5', 1],
    ['-2', '-10', 1],
    ['-0', '0', 0],
    ['-0.5', '0', -1],
    ['123456789012345.999999', '123456789012345.999998', 1],
  ])('compareDecimal(%s, %s) = %d', (a, b, expected) => {
    expect(compareDecimal(a, b)).toBe(expected);
  });

  it('is exact where floats are not (0.1 + 0.2 style)', () => {
    // As floats 0.3 and 0.30000000000000004 differ; as strings the scale matters, not binary rounding.
    expect(compareDecimal('0.3', '0.300000')).toBe(0);
    expect(compareDecimal('0.300001', '0.3')).toBe(1);
  });

  it('throws on something that is not a decimal', () => {
    expect(() => compareDecimal('abc', '1')).toThrow(RangeError);
    expect(() => compareDecimal('1', '1e3')).toThrow('"1e3" is not a decimal number');
  });
});

describe('validateGoal', () => {
  it.each<[string, TargetGoal]>([
    ['at least', { comparator: Comparator.AT_LEAST, goal: '43' }],
    ['at most', { comparator: Comparator.AT_MOST, goal: '1.5' }],
    ['range', { comparator: Comparator.RANGE, goal: '7', goalHigh: '7.5' }],
    ['degenerate range', { comparator: Comparator.RANGE, goal: '7', goalHigh: '7.0' }],
    ['yes/no yes', { comparator: Comparator.YES_NO, goal: '1' }],
    ['yes/no no', { comparator: Comparator.YES_NO, goal: '0' }],
    ['negative goal', { comparator: Comparator.AT_LEAST, goal: '-2.5' }],
  ])('accepts a %s goal', (_, g) => {
    expect(validateGoal(g)).toBeNull();
  });

  it.each<[string, TargetGoal, string]>([
    ['an unknown comparator', { comparator: 'ABOUT' as Comparator, goal: '1' }, 'unknown comparator ABOUT'],
    ['a non-decimal goal', { comparator: Comparator.AT_LEAST, goal: 'seven' }, 'goal "seven" is not a decimal number'],
    ['an empty goal', { comparator: Comparator.AT_MOST, goal: '' }, 'is not a decimal number'],
    ['a range without goalHigh', { comparator: Comparator.RANGE, goal: '7' }, 'a range goal needs goalHigh'],
    [
      'a range with a non-decimal goalHigh',
      { comparator: Comparator.RANGE, goal: '7', goalHigh: '7,5' },
      'a range goal needs goalHigh',
    ],
    [
      'an inverted range',
      { comparator: Comparator.RANGE, goal: '7.5', goalHigh: '7' },
      'a range goal needs goal <= goalHigh',
    ],
    [
      'goalHigh on a non-range goal',
      { comparator: Comparator.AT_LEAST, goal: '7', goalHigh: '8' },
      'goalHigh is only for range goals',
    ],
    ['a yes/no goal other than 0/1', { comparator: Comparator.YES_NO, goal: '2' }, 'a yes/no goal is "1" or "0"'],
    ['a yes/no goal written 1.0', { comparator: Comparator.YES_NO, goal: '1.0' }, 'a yes/no goal is "1" or "0"'],
  ])('refuses %s', (_, g, message) => {
    const problem = validateGoal(g);
    expect(problem).not.toBeNull();
    expect(problem).toContain(message);
  });
});

describe('evaluateTarget', () => {
  const atLeast: TargetGoal = { comparator: Comparator.AT_LEAST, goal: '43' };
  const atMost: TargetGoal = { comparator: Comparator.AT_MOST, goal: '1.5' };
  const growth: TargetGoal = { comparator: Comparator.RANGE, goal: '7', goalHigh: '7.5' };
  const yes: TargetGoal = { comparator: Comparator.YES_NO, goal: '1' };
  const no: TargetGoal = { comparator: Comparator.YES_NO, goal: '0' };

  it.each([
    ['42.99', Achievement.NOT_ACHIEVED],
    ['43', Achievement.ACHIEVED],
    ['43.00', Achievement.ACHIEVED],
    ['43.01', Achievement.EXCEEDED],
    ['-43', Achievement.NOT_ACHIEVED],
  ])('AT_LEAST 43 with %s → %s', (actual, expected) => {
    expect(evaluateTarget(atLeast, actual)).toBe(expected);
  });

  it.each([
    ['1.6', Achievement.NOT_ACHIEVED],
    ['1.5', Achievement.ACHIEVED],
    ['1.50', Achievement.ACHIEVED],
    ['1.2', Achievement.EXCEEDED],
    ['0', Achievement.EXCEEDED],
  ])('AT_MOST 1.5 with %s → %s', (actual, expected) => {
    expect(evaluateTarget(atMost, actual)).toBe(expected);
  });

  it.each([
    ['6.9', Achievement.NOT_ACHIEVED],
    ['6.99', Achievement.NOT_ACHIEVED],
    ['7', Achievement.ACHIEVED],
    ['7.2', Achievement.ACHIEVED],
    ['7.5', Achievement.ACHIEVED],
    ['7.500', Achievement.ACHIEVED],
    ['7.6', Achievement.EXCEEDED],
    ['7.51', Achievement.EXCEEDED],
    ['-1', Achievement.NOT_ACHIEVED],
  ])('RANGE 7–7.5 with %s → %s', (actual, expected) => {
    expect(evaluateTarget(growth, actual)).toBe(expected);
  });

  it('YES_NO: "1" achieves a yes goal, "0" does not; never exceeded', () => {
    expect(evaluateTarget(yes, '1')).toBe(Achievement.ACHIEVED);
    expect(evaluateTarget(yes, '0')).toBe(Achievement.NOT_ACHIEVED);
    expect(evaluateTarget(yes, '2')).toBe(Achievement.NOT_ACHIEVED);
    expect(evaluateTarget(no, '0')).toBe(Achievement.ACHIEVED);
    expect(evaluateTarget(no, '1')).toBe(Achievement.NOT_ACHIEVED);
  });

  it.each([null, undefined, ''])('%j is NO_DATA for every comparator', (actual) => {
    for (const g of [atLeast, atMost, growth, yes]) expect(evaluateTarget(g, actual)).toBe(Achievement.NO_DATA);
  });

  it('"0" is a value, not missing data', () => {
    expect(evaluateTarget(atLeast, '0')).toBe(Achievement.NOT_ACHIEVED);
    expect(evaluateTarget(atMost, '0')).toBe(Achievement.EXCEEDED);
  });

  it('negative goals compare as numbers (e.g. population growth at most -0.5)', () => {
    const g: TargetGoal = { comparator: Comparator.AT_MOST, goal: '-0.5' };
    expect(evaluateTarget(g, '-0.6')).toBe(Achievement.EXCEEDED);
    expect(evaluateTarget(g, '-0.5')).toBe(Achievement.ACHIEVED);
    expect(evaluateTarget(g, '-0.4')).toBe(Achievement.NOT_ACHIEVED);
  });
});

describe('summariseAchievement', () => {
  it('summarises 30 targets as "25/30 achieved or exceeded"', () => {
    const growth: TargetGoal = { comparator: Comparator.RANGE, goal: '7', goalHigh: '7.5' };
    // 10 exceeded, 15 achieved, 3 not achieved, 2 with no data.
    const actuals: Array<string | null> = [
      ...Array<string>(10).fill('8'),
      ...Array<string>(15).fill('7.2'),
      ...Array<string>(3).fill('6.5'),
      null,
      '',
    ];
    const results = actuals.map((a) => evaluateTarget(growth, a));
    expect(results).toHaveLength(30);
    expect(summariseAchievement(results)).toEqual({
      total: 30,
      exceeded: 10,
      achieved: 15,
      notAchieved: 3,
      noData: 2,
      headline: '25/30 achieved or exceeded',
    });
  });

  it('counts mixed results', () => {
    const s = summariseAchievement([
      Achievement.EXCEEDED,
      Achievement.NO_DATA,
      Achievement.NOT_ACHIEVED,
      Achievement.ACHIEVED,
      Achievement.NO_DATA,
    ]);
    expect(s).toEqual({
      total: 5,
      exceeded: 1,
      achieved: 1,
      notAchieved: 1,
      noData: 2,
      headline: '2/5 achieved or exceeded',
    });
  });

  it('handles no targets', () => {
    expect(summariseAchievement([])).toEqual({
      total: 0,
      exceeded: 0,
      achieved: 0,
      notAchieved: 0,
      noData: 0,
      headline: '0/0 achieved or exceeded',
    });
  });
});
