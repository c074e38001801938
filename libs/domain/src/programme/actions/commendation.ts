import { MAX_ID_LENGTH, MAX_STATEMENT_LENGTH } from '../../limits';
import { text } from '../../common/checks';
import { isLeadership } from '../permissions';
import { Phase } from '../phase';
import { requirePhase } from '../phase-transitions';
import { forbidden, invalid, wrongPhase } from '../refusal';
import { SUBJECT_KIND_CHOICES } from '../../common/available-action';
import { reviewBySeq } from '../reviews';
import type { ActionRules } from './action-rule';

/** Commendations at any periodic review, not only the final one (listed in that review's report). */
export interface CommendationPayloads {
  commendAtReview: { reviewSeq: number; subjectKind: 'UNIT' | 'PERSON'; subjectId: string; reason: string };
}

export const commendationActions: ActionRules<CommendationPayloads> = {
  commendAtReview: {
    permits: (s, actor) =>
      requirePhase(s, 'commending at a review', Phase.IMPLEMENTATION, Phase.FINAL_REVIEW) ??
      (isLeadership(s, actor)
        ? null
        : forbidden('only the Standing Committee, the head or the member in charge commends')),
    subjects: (s) =>
      s.implementation.reviews.length > 0 ? null : wrongPhase('the programme has no review yet to commend at'),
    // The latest review that has opened (else the first); any review of the programme may be named.
    form: (s, _actor, now) => {
      const reviews = s.implementation.reviews;
      const opened = reviews.filter((r) => Date.parse(r.opensAt) <= now.getTime());
      const latest = opened[opened.length - 1] ?? reviews[0];
      return {
        prefill: { reviewSeq: latest.seq },
        choices: {
          reviewSeq: s.implementation.reviews.map((r) => ({ value: r.seq, label: r.periodLabel })),
          subjectKind: SUBJECT_KIND_CHOICES,
        },
      };
    },
    validate: (s, _actor, p) =>
      (Number.isInteger(p.reviewSeq) && reviewBySeq(s, p.reviewSeq)
        ? null
        : invalid(`there is no review number ${p.reviewSeq}`)) ??
      (p.subjectKind === 'UNIT' || p.subjectKind === 'PERSON' ? null : invalid('subjectKind must be UNIT or PERSON')) ??
      text(p.subjectId, 'subjectId', MAX_ID_LENGTH) ??
      text(p.reason, 'reason', MAX_STATEMENT_LENGTH),
    apply: ({ s, at, by, audit }, p) => {
      const review = reviewBySeq(s, p.reviewSeq)!;
      const { subjectKind, subjectId, reason } = p;
      review.commendations = [...(review.commendations ?? []), { by, at, subjectKind, subjectId, reason }];
      return [audit({ reviewSeq: p.reviewSeq, subjectKind, subjectId, reason })];
    },
  },
};
