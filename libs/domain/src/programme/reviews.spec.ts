import { Achievement, Comparator } from '../targets/target-achievement';
import type { TargetInput } from './actions/issuance';
import { awaiting } from './awaiting';
import { Phase } from './phase';
import { enterPhase } from './phase-transitions';
import { validateAction } from './programme-actions';
import { closeReview, reviewKind, reviewReporters } from './reviews';
import {
  SETUP,
  TARGETS,
  TEMPLATE,
  act,
  at,
  snnReporter,
  toDissemination,
  toImplementation,
  toIssued,
  ubndReporter,
} from './test-fixtures';

describe('reviewKind', () => {
  it.each([
    [1, 20, 'QUARTERLY'],
    [2, 20, 'HALF_YEAR'],
    [3, 20, 'QUARTERLY'],
    [4, 20, 'YEARLY'],
    [6, 20, 'HALF_YEAR'],
    [8, 20, 'YEARLY'],
    [12, 20, 'YEARLY'],
    [19, 20, 'QUARTERLY'],
    // a five-year term: the middle review (10th of 20) is the mid-term review
    [10, 20, 'MID_TERM'],
    // a four-year term: the middle (8th of 16) is a yearly review and becomes mid-term
    [8, 16, 'MID_TERM'],
    [4, 16, 'YEARLY'],
    [12, 16, 'YEARLY'],
    [4, 8, 'MID_TERM'],
    // short programmes have no mid-term review
    [2, 4, 'HALF_YEAR'],
    [4, 4, 'YEARLY'],
    [3, 4, 'QUARTERLY'],
  ] as const)('review %d of %d is %s', (k, n, kind) => {
    expect(reviewKind(k, n)).toBe(kind);
  });
});

describe('implementation', () => {
  it('schedules reviews every three months across the five-year term: 19 before the term ends', () => {
    const s = toImplementation(); // entered IMPLEMENTATION at 2024-03-20T02:00:00Z
    expect(s.phase).toBe(Phase.IMPLEMENTATION);
    expect(s.phaseDeadline).toBeNull();
    expect(s.implementation.startedAt).toBe('2024-03-20T02:00:00.000Z');
    expect(s.implementation.termEndsAt).toBe('2029-03-20T02:00:00.000Z');
    const reviews = s.implementation.reviews;
    expect(reviews).toHaveLength(19);
    expect(reviews.map((r) => r.seq)).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
    expect(reviews[0]).toMatchObject({
      seq: 1,
      kind: 'QUARTERLY',
      periodLabel: 'Sơ kết quý 1',
      opensAt: '2024-06-20T02:00:00.000Z',
      closesAt: '2024-07-05T02:00:00.000Z', // P15D window
      expectedUnitIds: ['hg-btg', 'hg-snn', 'hg-ubnd'],
      reports: {},
      closedAt: null,
      summary: null,
    });
    expect(reviews[1]).toMatchObject({
      kind: 'HALF_YEAR',
      periodLabel: 'Sơ kết 6 tháng 2',
      opensAt: '2024-09-20T02:00:00.000Z',
    });
    expect(reviews[2].kind).toBe('QUARTERLY');
    expect(reviews[3]).toMatchObject({
      kind: 'YEARLY',
      periodLabel: 'Sơ kết năm 4',
      opensAt: '2025-03-20T02:00:00.000Z',
    });
    expect(reviews[7].kind).toBe('YEARLY');
    expect(reviews[18]).toMatchObject({ kind: 'QUARTERLY', opensAt: '2028-12-20T02:00:00.000Z' });
    // The last review opens before the term ends; the one at the term end itself is the final review.
    expect(Date.parse(reviews[18].opensAt)).toBeLessThan(Date.parse(s.implementation.termEndsAt!));
    expect(reviews.filter((r) => r.kind === 'YEARLY').map((r) => r.seq)).toEqual(
      expect.arrayContaining([4, 8, 12, 16]),
    );
    expect(reviews.filter((r) => r.kind === 'QUARTERLY').map((r) => r.seq)).toEqual([
      1, 3, 5, 7, 9, 11, 13, 15, 17, 19,
    ]);
    for (const r of reviews) expect(r.expectedUnitIds).toEqual(['hg-btg', 'hg-snn', 'hg-ubnd']);
  });

  it('awaiting shows the open review and who still has to report', () => {
    const s = toImplementation();
    expect(awaiting(s, at('2024-04-01T00:00:00Z'))).toEqual({
      what: 'implementation',
      fromIds: [],
      deadline: '2029-03-20T02:00:00.000Z',
    });
    const review = s.implementation.reviews[0];
    expect(awaiting(s, at('2024-06-21T00:00:00Z'))).toEqual({
      what: 'reports for Sơ kết quý 1',
      fromIds: ['ubnd-ct', 'snn-gd', 'btg-tb'],
      deadline: review.closesAt,
    });
    act(
      s,
      ubndReporter,
      { name: 'submitReviewReport', payload: { reviewSeq: 1, text: 'Báo cáo UBND', values: { GRDP: '7.2' } } },
      at('2024-06-22T00:00:00Z'),
    );
    expect(reviewReporters(s, review)).toEqual(['snn-gd', 'btg-tb']);
  });

  it('a report by a responsible unit is recorded; closeReview computes results and the headline', () => {
    const s = toImplementation();
    const review = s.implementation.reviews[0];

    // Not yet open.
    const early = validateAction(
      s,
      ubndReporter,
      { name: 'submitReviewReport', payload: { reviewSeq: 1, text: 'Sớm', values: {} } },
      at('2024-06-20T01:59:59Z'),
    );
    expect(early?.kind).toBe('WRONG_PHASE');

    let fx = act(
      s,
      ubndReporter,
      {
        name: 'submitReviewReport',
        payload: { reviewSeq: 1, text: 'Báo cáo UBND', values: { GRDP: '7.2', POVERTY: '1.6', TOP3: '1' } },
      },
      at('2024-06-25T02:00:00Z'),
    );
    expect(fx).toEqual([
      {
        type: 'audit',
        action: 'submitReviewReport',
        actorId: 'ubnd-ct',
        before: null,
        after: { review: 1, unitId: 'hg-ubnd', values: { GRDP: '7.2', POVERTY: '1.6', TOP3: '1' } },
      },
    ]);
    // A corrected report replaces the unit's earlier one; the audit keeps what it replaced.
    fx = act(
      s,
      ubndReporter,
      {
        name: 'submitReviewReport',
        payload: { reviewSeq: 1, text: 'Báo cáo UBND (sửa)', values: { GRDP: '7.2', POVERTY: '1.2', TOP3: '1' } },
      },
      at('2024-06-26T02:00:00Z'),
    );
    expect(fx[0]).toMatchObject({ before: { values: { GRDP: '7.2', POVERTY: '1.6', TOP3: '1' } } });
    expect(review.reports['hg-ubnd']).toEqual({
      unitId: 'hg-ubnd',
      text: 'Báo cáo UBND (sửa)',
      values: { GRDP: '7.2', POVERTY: '1.2', TOP3: '1' },
      by: 'ubnd-ct',
      at: '2024-06-26T02:00:00.000Z',
    });
    act(
      s,
      snnReporter,
      { name: 'submitReviewReport', payload: { reviewSeq: 1, text: 'Báo cáo Sở NN', values: { FOREST: '42' } } },
      at('2024-06-27T02:00:00Z'),
    );

    fx = closeReview(s, review, at('2024-07-05T02:00:00Z'));
    expect(review.results).toEqual({
      GRDP: Achievement.ACHIEVED,
      POVERTY: Achievement.EXCEEDED,
      FOREST: Achievement.NOT_ACHIEVED,
      TOP3: Achievement.ACHIEVED,
    });
    expect(review.summary).toEqual({
      total: 4,
      exceeded: 1,
      achieved: 2,
      notAchieved: 1,
      noData: 0,
      headline: '3/4 achieved or exceeded',
    });
    expect(review.lowTargetCodes).toEqual(['FOREST']);
    expect(review.closedAt).toBe('2024-07-05T02:00:00.000Z');
    expect(fx).toEqual([
      {
        type: 'audit',
        action: 'review.closed',
        actorId: null,
        before: null,
        after: {
          seq: 1,
          period: 'Sơ kết quý 1',
          headline: '3/4 achieved or exceeded',
          low: ['FOREST'],
          silentUnits: ['hg-btg'],
        },
      },
      {
        type: 'notify',
        kind: 'REVIEW_CLOSED',
        recipientIds: ['hg-pbt', 'hg-bithu'],
        params: { title: SETUP.title, period: 'Sơ kết quý 1', headline: '3/4 achieved or exceeded' },
      },
    ]);

    // A closed review takes no more reports.
    const late = validateAction(
      s,
      snnReporter,
      { name: 'submitReviewReport', payload: { reviewSeq: 1, text: 'Muộn', values: { FOREST: '44' } } },
      at('2024-07-06T00:00:00Z'),
    );
    expect(late?.kind).toBe('WRONG_PHASE');
  });

  it('a quarterly review does not carry values over from an earlier review: silence is NO_DATA', () => {
    const s = toImplementation();
    const [first, second] = s.implementation.reviews;
    act(
      s,
      ubndReporter,
      {
        name: 'submitReviewReport',
        payload: { reviewSeq: 1, text: 'Q1', values: { GRDP: '7.2', POVERTY: '1.2', TOP3: '1' } },
      },
      at('2024-06-25T02:00:00Z'),
    );
    closeReview(s, first, at('2024-07-05T02:00:00Z'));
    act(
      s,
      ubndReporter,
      { name: 'submitReviewReport', payload: { reviewSeq: 2, text: 'Q2', values: { GRDP: '7.6' } } },
      at('2024-09-25T02:00:00Z'),
    );
    const fx = closeReview(s, second, at('2024-10-05T02:00:00Z'));
    expect(second.results).toEqual({
      GRDP: Achievement.EXCEEDED,
      POVERTY: Achievement.NO_DATA,
      FOREST: Achievement.NO_DATA,
      TOP3: Achievement.NO_DATA,
    });
    expect(second.summary?.headline).toBe('1/4 achieved or exceeded');
    expect(second.lowTargetCodes).toEqual(['POVERTY', 'FOREST', 'TOP3']);
    expect(fx[0]).toMatchObject({ after: { silentUnits: ['hg-btg', 'hg-snn'] } });
  });

  it('a period goal overrides the overall goal for that review', () => {
    const targets: TargetInput[] = [
      { ...TARGETS[2], periodGoals: { 'Sơ kết quý 1': { comparator: Comparator.AT_LEAST, goal: '40' } } },
    ];
    const s = toImplementation(toDissemination(toIssued(), targets));
    const [first, second] = s.implementation.reviews;
    expect(first.expectedUnitIds).toEqual(['hg-btg', 'hg-snn', 'hg-ubnd']);
    act(
      s,
      snnReporter,
      { name: 'submitReviewReport', payload: { reviewSeq: 1, text: 'Q1', values: { FOREST: '42' } } },
      at('2024-06-25T02:00:00Z'),
    );
    closeReview(s, first, at('2024-07-05T02:00:00Z'));
    expect(first.results).toEqual({ FOREST: Achievement.EXCEEDED });
    act(
      s,
      snnReporter,
      { name: 'submitReviewReport', payload: { reviewSeq: 2, text: 'Q2', values: { FOREST: '42' } } },
      at('2024-09-25T02:00:00Z'),
    );
    closeReview(s, second, at('2024-10-05T02:00:00Z'));
    expect(second.results).toEqual({ FOREST: Achievement.NOT_ACHIEVED });
  });

  it('entering the final review opens it and asks every responsible unit to report', () => {
    const s = toImplementation();
    const now = at('2026-01-05T02:00:00Z');
    const fx = enterPhase(s, TEMPLATE, Phase.FINAL_REVIEW, now, null, 'term ended');
    const review = s.finalReview.review!;
    expect(review.kind).toBe('FINAL');
    expect(fx.filter((e) => e.type === 'notify').map((e) => e.type === 'notify' && e.kind)).toEqual([
      'REVIEW_OPENED',
      'PHASE_CHANGED',
    ]);
    const opened = fx.find((e) => e.type === 'notify' && e.kind === 'REVIEW_OPENED');
    expect(opened).toMatchObject({
      recipientIds: reviewReporters(s, review),
      params: { period: review.periodLabel, closesAt: review.closesAt },
    });
    expect(reviewReporters(s, review).length).toBeGreaterThan(0);
  });
});
