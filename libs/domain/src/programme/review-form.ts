import { needsReference, type TargetGoal } from '../targets/target-achievement';
import type { ProgrammeState, Review, ReviewKind } from './programme-state';

/**
 * What a unit's review report form starts from: for one review and one unit, every target of the
 * programme with its goal for the review's period, what the unit has reported in this review (when it
 * has), and the latest value reported in an earlier review. Pure: the API reads it from the state.
 */

export interface ReviewFormTarget {
  code: string;
  name: string;
  /** Measurement unit, e.g. "%". */
  unit: string;
  /** The goal for the review's period (its period goal when it has one). */
  goal: TargetGoal;
  /** The unit is the target's responsible unit. */
  responsible: boolean;
  /** A relative target: the report gives the reference value too. */
  needsReference: boolean;
  /** The unit's value in this review's report, or null. */
  value: string | null;
  /** The unit's reference value in this review's report, or null. */
  reference: string | null;
  /** The latest value reported to an earlier review, by any unit. */
  previous: { value: string; reviewSeq: number; periodLabel: string; unitId: string } | null;
}

export interface ReviewForm {
  reviewSeq: number;
  kind: ReviewKind;
  periodLabel: string;
  opensAt: string;
  closesAt: string;
  closedAt: string | null;
  unitId: string;
  /** The unit is asked to report to this review. */
  expected: boolean;
  /** The unit's report as submitted (its latest), or null. */
  submitted: { text: string; by: string; at: string } | null;
  targets: ReviewFormTarget[];
}

/** Every review of the programme, periodic and final, in order. */
function allReviews(s: ProgrammeState): Review[] {
  return s.finalReview?.review ? [...s.implementation.reviews, s.finalReview.review] : s.implementation.reviews;
}

/** The goal a review judges a target by: its goal for the review's period, or its overall goal. */
export function goalForPeriod(target: { goal: TargetGoal; periodGoals?: Record<string, TargetGoal> }, period: string) {
  return target.periodGoals?.[period] ?? target.goal;
}

/** The form of review `seq` for `unitId`, or null when the programme has no such review. */
export function reviewForm(s: ProgrammeState, seq: number, unitId: string): ReviewForm | null {
  const reviews = allReviews(s);
  const review = reviews.find((r) => r.seq === seq);
  if (!review) return null;
  const previous = new Map<string, NonNullable<ReviewFormTarget['previous']>>();
  for (const earlier of reviews.filter((r) => r.seq < seq).sort((a, b) => a.seq - b.seq))
    for (const report of Object.values(earlier.reports).sort((a, b) => a.at.localeCompare(b.at)))
      for (const [code, value] of Object.entries(report.values))
        previous.set(code, { value, reviewSeq: earlier.seq, periodLabel: earlier.periodLabel, unitId: report.unitId });
  const own = review.reports[unitId];
  const targets = (s.issuance?.targets ?? []).map((t): ReviewFormTarget => {
    const goal = goalForPeriod(t, review.periodLabel);
    return {
      code: t.code,
      name: t.name,
      unit: t.unit,
      goal,
      responsible: t.responsibleUnitId === unitId,
      needsReference: needsReference(goal),
      value: own?.values[t.code] ?? null,
      reference: own?.references?.[t.code] ?? null,
      previous: previous.get(t.code) ?? null,
    };
  });
  return {
    reviewSeq: review.seq,
    kind: review.kind,
    periodLabel: review.periodLabel,
    opensAt: review.opensAt,
    closesAt: review.closesAt,
    closedAt: review.closedAt,
    unitId,
    expected: review.expectedUnitIds.includes(unitId),
    submitted: own ? { text: own.text, by: own.by, at: own.at } : null,
    targets,
  };
}
