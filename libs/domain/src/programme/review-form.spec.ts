import { Comparator } from '../targets/target-achievement';
import { closeReview } from './reviews';
import { reviewForm } from './review-form';
import { act, at, snnReporter, toImplementation, ubndReporter } from './test-fixtures';

describe('a unit review report form', () => {
  it('lists every target with its goal for the period, the unit’s own report and the latest earlier value', () => {
    const s = toImplementation();
    const [first, second] = s.implementation.reviews;
    // A period goal for the second review's period replaces the overall goal there.
    s.issuance!.targets[2].periodGoals[second.periodLabel] = { comparator: Comparator.AT_LEAST, goal: '41' };
    act(
      s,
      ubndReporter,
      { name: 'submitReviewReport', payload: { reviewSeq: 1, text: 'Quý I', values: { GRDP: '6.9', POVERTY: '1.8' } } },
      at('2024-06-25T02:00:00Z'),
    );
    act(
      s,
      snnReporter,
      { name: 'submitReviewReport', payload: { reviewSeq: 1, text: 'Quý I SNN', values: { FOREST: '40' } } },
      at('2024-06-26T02:00:00Z'),
    );
    closeReview(s, first, at('2024-07-01T00:00:00Z'));
    second.opensAt = '2024-07-02T00:00:00.000Z';
    act(
      s,
      snnReporter,
      { name: 'submitReviewReport', payload: { reviewSeq: 2, text: 'Quý II SNN', values: { FOREST: '42.5' } } },
      at('2024-09-25T02:00:00Z'),
    );

    const snn = reviewForm(s, 2, 'hg-snn')!;
    expect(snn).toMatchObject({
      reviewSeq: 2,
      periodLabel: second.periodLabel,
      unitId: 'hg-snn',
      expected: true,
      closedAt: null,
      submitted: { text: 'Quý II SNN', by: 'snn-gd', at: '2024-09-25T02:00:00.000Z' },
    });
    const forest = snn.targets.find((t) => t.code === 'FOREST')!;
    expect(forest).toEqual({
      code: 'FOREST',
      name: 'Tỷ lệ che phủ rừng',
      unit: '%',
      goal: { comparator: Comparator.AT_LEAST, goal: '41' },
      responsible: true,
      needsReference: false,
      value: '42.5',
      reference: null,
      previous: { value: '40', reviewSeq: 1, periodLabel: first.periodLabel, unitId: 'hg-snn' },
    });
    const grdp = snn.targets.find((t) => t.code === 'GRDP')!;
    expect(grdp).toMatchObject({
      responsible: false,
      value: null,
      goal: { comparator: Comparator.RANGE, goal: '7', goalHigh: '7.5' },
      previous: { value: '6.9', reviewSeq: 1, unitId: 'hg-ubnd' },
    });
    expect(snn.targets.map((t) => t.code)).toEqual(['GRDP', 'POVERTY', 'FOREST', 'TOP3']);

    // The people's committee has not reported to review 2: nothing of its own, the earlier values to start from.
    const ubnd = reviewForm(s, 2, 'hg-ubnd')!;
    expect(ubnd.submitted).toBeNull();
    expect(ubnd.targets.every((t) => t.value === null)).toBe(true);
    expect(ubnd.targets.find((t) => t.code === 'POVERTY')?.previous?.value).toBe('1.8');
    // A unit not asked to report still sees the form, marked as not expected.
    expect(reviewForm(s, 1, 'hg-other')).toMatchObject({ expected: false, submitted: null });
  });

  it('has no form for a review the programme does not have', () => {
    expect(reviewForm(toImplementation(), 99, 'hg-ubnd')).toBeNull();
  });
});
