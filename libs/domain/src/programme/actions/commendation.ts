import { MAX_ID_LENGTH, MAX_STATEMENT_LENGTH } from '../../limits';
import { text } from '../../common/checks';
import { isLeadership } from '../permissions';
import { Phase } from '../phase';
import { requirePhase } from '../phase-transitions';
import { forbidden, invalid } from '../refusal';
import { reviewBySeq } from '../reviews';
import type { ActionRules } from './action-rule';

/** Commendations at any periodic review, not only the final one (listed in that review's report). */
export interface CommendationPayloads {
  commendAtReview: { reviewSeq: number; subjectKind: 'UNIT' | 'PERSON'; subjectId: string; reason: string };
}

export const commendationActions: ActionRules<CommendationPayloads> = {
  commendAtReview: {
    validate: (s, actor, p) =>
      requirePhase(s, 'commending at a review', Phase.IMPLEMENTATION, Phase.FINAL_REVIEW) ??
      (isLeadership(s, actor)
        ? null
        : forbidden('only the Standing Committee, the head or the member in charge commends')) ??
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
