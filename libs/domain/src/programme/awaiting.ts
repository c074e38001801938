import { currentRound } from './actions/consultation';
import { Phase } from './phase';
import type { ProgrammeState } from './programme-state';
import { reviewReporters } from './reviews';

/** What the programme waits for now, and from whom: the live state's headline for people. */
export function awaiting(s: ProgrammeState, now: Date): { what: string; fromIds: string[]; deadline: string | null } {
  switch (s.phase) {
    case Phase.SURVEY:
      return s.survey.surveyorIds.length === 0
        ? { what: 'assign surveyors', fromIds: [s.setup.memberInChargeId], deadline: s.phaseDeadline }
        : {
            what: 'survey findings',
            fromIds: s.survey.surveyorIds.filter((id) => !s.survey.findings[id]),
            deadline: s.phaseDeadline,
          };
    case Phase.DRAFTING:
      return {
        what: s.drafts.length === 0 ? 'first draft' : 'next draft, consultation or submission for approval',
        fromIds: [s.setup.memberInChargeId],
        deadline: s.phaseDeadline,
      };
    case Phase.CONSULTATION: {
      const round = currentRound(s);
      return {
        what: 'opinions on the draft',
        fromIds: round ? round.inviteeIds.filter((id) => !round.opinions[id]) : [],
        deadline: round?.deadline ?? null,
      };
    }
    case Phase.APPROVAL:
      return { what: 'approval', fromIds: [s.setup.issuingHeadId], deadline: s.phaseDeadline };
    case Phase.ISSUED:
      return {
        what: 'issuance details (number, targets, tasks)',
        fromIds: [s.setup.memberInChargeId],
        deadline: s.phaseDeadline,
      };
    case Phase.DISSEMINATION:
      return {
        what: 'dissemination conference by the head',
        fromIds: [s.setup.issuingHeadId],
        deadline: s.phaseDeadline,
      };
    case Phase.IMPLEMENTATION: {
      const open = s.implementation.reviews.find((r) => !r.closedAt && Date.parse(r.opensAt) <= now.getTime());
      if (open)
        return { what: `reports for ${open.periodLabel}`, fromIds: reviewReporters(s, open), deadline: open.closesAt };
      return { what: 'implementation', fromIds: [], deadline: s.implementation.termEndsAt };
    }
    case Phase.FINAL_REVIEW: {
      const r = s.finalReview.review;
      if (r && !r.closedAt) return { what: 'final reports', fromIds: reviewReporters(s, r), deadline: r.closesAt };
      return {
        what: 'evaluations and closing',
        fromIds: [s.setup.memberInChargeId, s.setup.issuingHeadId],
        deadline: s.phaseDeadline,
      };
    }
    default:
      return { what: 'nothing', fromIds: [], deadline: null };
  }
}
