/**
 * What a programme shows of itself: the headline an action answers with, and the whole view (the
 * `view` query, which the projection activity reads too). Pure functions of the state.
 */
import { awaiting, latestClosedReview, ProgrammeState } from '@app/domain';
import type { ProgrammeActionResult, ProgrammeView } from './definitions';

export function programmeSummary(s: ProgrammeState, now: Date): ProgrammeActionResult {
  const round = s.consultations[s.consultations.length - 1];
  const latest = latestClosedReview(s);
  return {
    programmeId: s.setup.programmeId,
    phase: s.phase,
    phaseDeadline: s.phaseDeadline,
    awaiting: awaiting(s, now),
    consultation: round
      ? {
          round: round.no,
          deadline: round.deadline,
          answered: Object.keys(round.opinions),
          pending: round.inviteeIds.filter((id) => !round.opinions[id]),
        }
      : null,
    latestReviewHeadline: latest?.summary?.headline ?? null,
    disseminationCoverage: s.dissemination.heldOn
      ? {
          acknowledged: Object.keys(s.dissemination.acknowledged).length,
          audience: s.dissemination.audienceIds.length,
        }
      : null,
    version: s.version,
  };
}

/**
 * The summary and a copy of the state for people and the read model. The applied request ids are
 * the workflow's own bookkeeping (up to 500 of them): leaving them out keeps the answer small.
 */
export function programmeView(s: ProgrammeState, now: Date): ProgrammeView {
  const state = { ...(JSON.parse(JSON.stringify(s)) as ProgrammeState), appliedRequestIds: [] };
  return { ...programmeSummary(s, now), state };
}
