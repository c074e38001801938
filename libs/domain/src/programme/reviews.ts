import { addIsoDuration } from '../time/iso-duration';
import { estimateShares, reviewYear } from '../targets/annual-estimate';
import { evaluateTarget, summariseAchievement, TargetGoal } from '../targets/target-achievement';
import { deadlineAfter, type TemplateInUse } from './deadline-counting';
import { Phase } from './phase';
import { leadersOf, ProgrammeEffect, uniqueIds } from './programme-effect';
import type { ProgrammeState, ProgrammeTarget, Review, ReviewKind } from './programme-state';
import { allTasks, responsibleUnits } from './responsibilities';

/** Reviews of a programme: scheduled during implementation, the final one at the term's end. */

export const REVIEW_KIND_VI: Record<ReviewKind, string> = {
  QUARTERLY: 'Sơ kết quý',
  HALF_YEAR: 'Sơ kết 6 tháng',
  YEARLY: 'Sơ kết năm',
  MID_TERM: 'Sơ kết giữa nhiệm kỳ',
  FINAL: 'Tổng kết',
};

/** Review k (1-based) of a term: every 2nd half-yearly, every 4th yearly, the middle one mid-term. */
export function reviewKind(k: number, reviewsInTerm: number): ReviewKind {
  const midTerm = Math.round(reviewsInTerm / 2);
  if (reviewsInTerm >= 8 && k === midTerm) return 'MID_TERM';
  if (k % 4 === 0) return 'YEARLY';
  if (k % 2 === 0) return 'HALF_YEAR';
  return 'QUARTERLY';
}

/** The periodic reviews from `start` to the term's end (the review at the end itself is the final one). */
export function scheduleReviews(s: ProgrammeState, t: TemplateInUse, start: Date, termEnd: Date): Review[] {
  const expected = responsibleUnits(s);
  const opens: Date[] = [];
  for (let k = 1; k < 1000; k++) {
    const at = addIsoDuration(start, t.reviewEvery, k);
    if (at.getTime() >= termEnd.getTime()) break;
    opens.push(at);
  }
  return opens.map((at, i) => {
    const kind = reviewKind(i + 1, opens.length + 1);
    const closes = deadlineAfter(t, 'review', at, t.reviewWindow);
    return newReview(i + 1, kind, `${REVIEW_KIND_VI[kind]} ${i + 1}`, at, closes, expected);
  });
}

function newReview(
  seq: number,
  kind: ReviewKind,
  label: string,
  opensAt: Date,
  closesAt: Date,
  expectedUnitIds: string[],
): Review {
  return {
    seq,
    kind,
    periodLabel: label,
    opensAt: opensAt.toISOString(),
    closesAt: closesAt.toISOString(),
    expectedUnitIds,
    reports: {},
    closedAt: null,
    results: {},
    summary: null,
    lowTargetCodes: [],
  };
}

/** Sets up the final review as the final-review phase begins. */
export function openFinalReview(s: ProgrammeState, t: TemplateInUse, now: Date): Review {
  const window = t.phaseDurations[Phase.FINAL_REVIEW] ?? t.reviewWindow;
  // Units report during the first half of the final-review phase; evaluation follows.
  const end = t.phaseDurations[Phase.FINAL_REVIEW]
    ? deadlineAfter(t, { phase: Phase.FINAL_REVIEW }, now, window)
    : addIsoDuration(now, window);
  const closes = new Date((now.getTime() + end.getTime()) / 2);
  s.finalReview.review = newReview(
    s.implementation.reviews.length + 1,
    'FINAL',
    REVIEW_KIND_VI.FINAL,
    now,
    closes,
    responsibleUnits(s),
  );
  return s.finalReview.review;
}

/** A periodic review by its number. */
export function reviewBySeq(s: ProgrammeState, seq: number): Review | undefined {
  return s.implementation.reviews.find((r) => r.seq === seq);
}

/** The most recently closed review, periodic or final: the programme's current headline. */
export function latestClosedReview(s: ProgrammeState): Review | undefined {
  const all = s.finalReview.review ? [...s.implementation.reviews, s.finalReview.review] : s.implementation.reviews;
  let latest: Review | undefined;
  for (const r of all) if (r.closedAt && (!latest || r.closedAt >= (latest.closedAt as string))) latest = r;
  return latest;
}

/** Closes a review: achievement per target from the latest value each unit reported. */
export function closeReview(s: ProgrammeState, review: Review, now: Date): ProgrammeEffect[] {
  const latest: Record<string, string> = {};
  const latestReferences: Record<string, string> = {};
  const previous = s.implementation.reviews.filter((r) => r.closedAt && r.seq < review.seq);
  for (const r of previous)
    for (const rep of Object.values(r.reports)) {
      Object.assign(latest, rep.values);
      Object.assign(latestReferences, rep.references);
    }
  const byTime = Object.values(review.reports).sort((a, b) => a.at.localeCompare(b.at));
  const current: Record<string, string> = {};
  const references: Record<string, string> = {};
  for (const rep of byTime) {
    Object.assign(current, rep.values);
    Object.assign(references, rep.references);
  }
  const targets = s.issuance?.targets ?? [];
  const results: Record<string, ReturnType<typeof evaluateTarget>> = {};
  const values: Record<string, string> = {};
  const referenceValues: Record<string, string> = {};
  for (const target of targets) {
    const carried = review.kind === 'FINAL';
    const value = current[target.code] ?? (carried ? latest[target.code] : undefined);
    const reference = references[target.code] ?? (carried ? latestReferences[target.code] : undefined);
    if (value !== undefined) values[target.code] = value;
    if (reference !== undefined) referenceValues[target.code] = reference;
    results[target.code] = evaluateTarget(goalFor(target, review), value, reference);
  }
  review.results = results;
  // Kept only when there is something to keep: reviews of targets without either stay as they were.
  if (Object.keys(referenceValues).length) review.referenceValues = referenceValues;
  const shares = estimateShares(targets, values, reviewYear(review.opensAt));
  if (Object.keys(shares).length) review.estimateShares = shares;
  review.summary = summariseAchievement(Object.values(results));
  review.lowTargetCodes = Object.entries(results)
    .filter(([, a]) => a === 'NOT_ACHIEVED' || a === 'NO_DATA')
    .map(([code]) => code);
  review.closedAt = now.toISOString();
  const silentUnits = review.expectedUnitIds.filter((u) => !review.reports[u]);
  return [
    {
      type: 'audit',
      action: 'review.closed',
      actorId: null,
      before: null,
      after: {
        seq: review.seq,
        period: review.periodLabel,
        headline: review.summary.headline,
        low: review.lowTargetCodes,
        silentUnits,
      },
    },
    {
      type: 'notify',
      kind: 'REVIEW_CLOSED',
      recipientIds: leadersOf(s),
      params: { title: s.setup.title, period: review.periodLabel, headline: review.summary.headline },
    },
  ];
}

function goalFor(target: ProgrammeTarget, review: Review): TargetGoal {
  return target.periodGoals[review.periodLabel] ?? target.goal;
}

/** Opens a scheduled review: asks every responsible person to report. */
export function openReview(s: ProgrammeState, review: Review): ProgrammeEffect[] {
  return [
    {
      type: 'audit',
      action: 'review.opened',
      actorId: null,
      before: null,
      after: { seq: review.seq, period: review.periodLabel, closesAt: review.closesAt },
    },
    {
      type: 'notify',
      kind: 'REVIEW_OPENED',
      recipientIds: reviewReporters(s, review),
      params: { title: s.setup.title, period: review.periodLabel, closesAt: review.closesAt },
    },
  ];
}

/** People who report for the units that have not reported yet: their tasks' responsible persons. */
export function reviewReporters(s: ProgrammeState, review: Review): string[] {
  const pending = new Set(review.expectedUnitIds.filter((u) => !review.reports[u]));
  return uniqueIds(
    allTasks(s)
      .filter((t) => pending.has(t.responsibleUnitId))
      .map((t) => t.responsiblePersonId),
  );
}
