import { validateAction } from '../programme/programme-actions';
import { closeReview } from '../programme/reviews';
import {
  act,
  at,
  issuePayload,
  TARGETS,
  toDissemination,
  toImplementation,
  toIssued,
  drafter,
  ubndReporter,
} from '../programme/test-fixtures';
import type { TargetInput } from '../programme/actions/issuance';
import { estimateShares, reviewYear, validateAnnualEstimates } from './annual-estimate';
import { addDecimal, percentOf } from './decimal-arithmetic';
import { Achievement, Comparator, evaluateTarget, validateActual, validateGoal } from './target-achievement';

const RANK = { comparator: Comparator.RANK, goal: '3', group: '13 tỉnh, thành vùng Đồng bằng sông Cửu Long' };
const RELATIVE = { comparator: Comparator.RELATIVE, goal: '0.5', reference: 'tốc độ tăng trưởng bình quân cả nước' };

describe('decimal arithmetic', () => {
  it.each([
    ['6.2', '0.5', '6.7'],
    ['6', '0.50', '6.5'],
    ['-1.25', '0.25', '-1'],
    ['0.1', '-0.1', '0'],
    ['999999999999999', '0.000001', '999999999999999.000001'],
  ])('%s + %s = %s', (a, b, sum) => expect(addDecimal(a, b)).toBe(sum));

  it.each([
    ['5830', '14800', '39.4'], // 39.391…
    ['1', '8', '12.5'],
    ['1', '3', '33.3'],
    ['2', '3', '66.7'],
    ['14800', '14800', '100'],
    ['-5', '200', '-2.5'],
    ['0.05', '0.2', '25'],
  ])('%s of %s is %s %%', (v, w, pct) => expect(percentOf(v, w)).toBe(pct));

  it('a share of a zero estimate is null, not a division by zero', () => expect(percentOf('5', '0')).toBeNull());
});

describe('rank and relative goals', () => {
  it('validates their shapes with reasons a person can read', () => {
    expect(validateGoal(RANK)).toBeNull();
    expect(validateGoal(RELATIVE)).toBeNull();
    expect(validateGoal({ ...RANK, goal: '0' })).toMatch(/position such as "3"/);
    expect(validateGoal({ ...RANK, goal: '2.5' })).toMatch(/whole number/);
    expect(validateGoal({ comparator: Comparator.RANK, goal: '3' })).toMatch(/group ranked in/);
    expect(validateGoal({ ...RANK, group: ' ' })).toMatch(/group ranked in/);
    expect(validateGoal({ comparator: Comparator.RELATIVE, goal: '0.5' })).toMatch(/needs the reference/);
    expect(validateGoal({ ...RELATIVE, goal: 'half' })).toMatch(/not a decimal/);
    expect(validateGoal({ comparator: Comparator.AT_LEAST, goal: '1', group: 'x' })).toBe(
      'group is only for rank goals',
    );
    expect(validateGoal({ comparator: Comparator.AT_LEAST, goal: '1', reference: 'x' })).toBe(
      'reference is only for relative goals',
    );
    expect(validateGoal({ ...RANK, goalHigh: '5' })).toBe('goalHigh is only for range goals');
  });

  it.each([
    ['1', Achievement.EXCEEDED],
    ['2', Achievement.EXCEEDED],
    ['3', Achievement.ACHIEVED],
    ['4', Achievement.NOT_ACHIEVED],
    ['13', Achievement.NOT_ACHIEVED],
  ])('top 3: position %s is %s', (position, a) => expect(evaluateTarget(RANK, position)).toBe(a));

  it('a rank is reported as a position from 1', () => {
    expect(validateActual(RANK, '2')).toBeNull();
    expect(validateActual(RANK, '0')).toMatch(/position/);
    expect(validateActual(RANK, '2.5')).toMatch(/position/);
    expect(validateActual(RELATIVE, '6.9')).toBeNull();
  });

  it.each([
    ['6.9', '6.2', Achievement.EXCEEDED],
    ['6.7', '6.2', Achievement.ACHIEVED],
    ['6.70', '6.2', Achievement.ACHIEVED],
    ['6.6', '6.2', Achievement.NOT_ACHIEVED],
    ['3.08', '2.5', Achievement.EXCEEDED],
    ['6.9', null, Achievement.NO_DATA],
    [null, '6.2', Achievement.NO_DATA],
  ])('0.5 above the reference: value %s against %s is %s', (value, reference, a) =>
    expect(evaluateTarget(RELATIVE, value, reference)).toBe(a),
  );
});

describe('annual estimates', () => {
  it('a review reports on the year before the instant it opens (Vietnam time)', () => {
    expect(reviewYear('2026-12-31T16:59:59.999Z')).toBe(2026); // 23:59:59.999 on 31/12 in Vietnam
    expect(reviewYear('2026-12-31T17:00:00.000Z')).toBe(2026); // 00:00 on 1/1: the year just ended
    expect(reviewYear('2026-12-31T17:00:00.001Z')).toBe(2027);
    expect(reviewYear('2026-07-01T02:00:00Z')).toBe(2026);
  });

  it('validates years and numbers', () => {
    expect(validateAnnualEstimates({ '2026': '14800' }, 'e')).toBeNull();
    expect(validateAnnualEstimates(undefined, 'e')).toBeNull();
    expect(validateAnnualEstimates({ '26': '1' }, 'e')).toMatch(/"26" is not a year/);
    expect(validateAnnualEstimates({ '2026': 'lots' }, 'e')).toBe('e.2026 must be a decimal number such as 14800');
    expect(validateAnnualEstimates(['1'], 'e')).toMatch(/must map years/);
  });

  it('shares only where both a value and the year’s estimate exist', () => {
    const targets: Array<{ code: string; annualEstimates?: Record<string, string> }> = [
      { code: 'BUDGET', annualEstimates: { '2026': '14800', '2027': '16000' } },
      { code: 'EXPORT', annualEstimates: { '2027': '500' } },
      { code: 'GRDP' },
    ];
    expect(estimateShares(targets, { BUDGET: '5830', EXPORT: '100', GRDP: '7' }, 2026)).toEqual({
      BUDGET: { year: 2026, value: '5830', estimate: '14800', sharePercent: '39.4' },
    });
  });
});

describe('a review with rank, relative and estimated targets', () => {
  const targets: TargetInput[] = [
    ...TARGETS,
    { code: 'PCI', name: 'Xếp hạng PCI', unit: 'thứ hạng', goal: RANK, responsibleUnitId: 'hg-ubnd' },
    { code: 'GROWTH', name: 'Tăng trưởng', unit: '%', goal: RELATIVE, responsibleUnitId: 'hg-ubnd' },
    {
      code: 'BUDGET',
      name: 'Thu ngân sách',
      unit: 'tỷ đồng',
      goal: { comparator: Comparator.AT_LEAST, goal: '14800' },
      annualEstimates: { '2024': '14800' },
      responsibleUnitId: 'hg-ubnd',
    },
  ];

  it('issuance refuses a malformed rank goal or estimate, naming the target', () => {
    const s = toIssued();
    const bad = (t: TargetInput) =>
      validateAction(s, drafter, { name: 'issue', payload: issuePayload([t]) }, at('2024-03-05T02:00:00Z'));
    expect(bad({ ...targets[4], goal: { ...RANK, goal: '0' } })?.reason).toMatch(/^targets\[0\]\.goal: a rank goal/);
    expect(bad({ ...targets[6], annualEstimates: { '2024': 'x' } })?.reason).toBe(
      'targets[0].annualEstimates.2024 must be a decimal number such as 14800',
    );
  });

  it('judges a rank by position and a relative target by the reference reported; shares the estimate', () => {
    const s = toImplementation(toDissemination(toIssued(), targets));
    expect(s.issuance?.targets.find((t) => t.code === 'BUDGET')?.annualEstimates).toEqual({ '2024': '14800' });
    expect(s.issuance?.targets.find((t) => t.code === 'GRDP')).not.toHaveProperty('annualEstimates');
    const review = s.implementation.reviews[0];
    const report = (payload: object) =>
      validateAction(
        s,
        ubndReporter,
        { name: 'submitReviewReport', payload: { reviewSeq: 1, text: 'x', values: {}, ...payload } as never },
        at('2024-06-25T02:00:00Z'),
      );
    expect(report({ values: { PCI: '2.5' } })?.reason).toMatch(/value of PCI a rank is reported as a position/);
    expect(report({ references: { GRDP: '6' } })?.reason).toBe(
      'target GRDP is not relative: it takes no reference value',
    );
    expect(report({ references: { GROWTH: 'avg' } })?.reason).toMatch(/reference value of GROWTH must be a decimal/);
    act(
      s,
      ubndReporter,
      {
        name: 'submitReviewReport',
        payload: {
          reviewSeq: 1,
          text: 'Báo cáo UBND',
          values: { PCI: '2', GROWTH: '6.6', BUDGET: '5830' },
          references: { GROWTH: '6.2' },
        },
      },
      at('2024-06-25T02:00:00Z'),
    );
    closeReview(s, review, at('2024-07-05T02:00:00Z'));
    expect(review.results).toMatchObject({ PCI: 'EXCEEDED', GROWTH: 'NOT_ACHIEVED', BUDGET: 'NOT_ACHIEVED' });
    expect(review.referenceValues).toEqual({ GROWTH: '6.2' });
    expect(review.estimateShares).toEqual({
      BUDGET: { year: 2024, value: '5830', estimate: '14800', sharePercent: '39.4' },
    });
    expect(review.summary?.headline).toBe('1/7 achieved or exceeded');
  });

  it('a review of absolute targets only keeps no reference or share fields', () => {
    const s = toImplementation();
    const review = s.implementation.reviews[0];
    closeReview(s, review, at('2024-07-05T02:00:00Z'));
    expect(review).not.toHaveProperty('referenceValues');
    expect(review).not.toHaveProperty('estimateShares');
  });
});
