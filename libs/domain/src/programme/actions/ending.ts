import { MAX_PROGRAMME_ID_LENGTH, MAX_REASON_LENGTH } from '../../limits';
import { text } from '../../common/checks';
import { isApprover } from '../permissions';
import { Phase } from '../phase';
import { enterPhase } from '../phase-transitions';
import { forbidden, invalid } from '../refusal';
import type { ActionRules } from './action-rule';

/** Ending a programme early, in any phase that is not already an end. */
export interface EndingPayloads {
  cancel: { reason: string };
  supersede: { reason: string; byProgrammeId: string };
}

export const endingActions: ActionRules<EndingPayloads> = {
  cancel: {
    permits: (s, actor) =>
      isApprover(s, actor)
        ? null
        : forbidden('only the Standing Committee or the head of the issuing committee cancels a programme'),
    validate: (_s, _actor, p) => text(p.reason, 'reason', MAX_REASON_LENGTH),
    apply: ({ s, t, now, by, audit }, p) => {
      s.endReason = p.reason;
      return [audit({ reason: p.reason }, { phase: s.phase }), ...enterPhase(s, t, Phase.CANCELLED, now, by, p.reason)];
    },
  },

  supersede: {
    permits: (s, actor) =>
      isApprover(s, actor)
        ? null
        : forbidden('only the Standing Committee or the head of the issuing committee supersedes a programme'),
    validate: (s, _actor, p) =>
      text(p.reason, 'reason', MAX_REASON_LENGTH) ??
      text(p.byProgrammeId, 'byProgrammeId', MAX_PROGRAMME_ID_LENGTH) ??
      (p.byProgrammeId === s.setup.programmeId ? invalid('a programme cannot supersede itself') : null),
    apply: ({ s, t, now, by, audit }, p) => {
      s.endReason = p.reason;
      s.supersededBy = p.byProgrammeId;
      return [
        audit({ reason: p.reason, byProgrammeId: p.byProgrammeId }, { phase: s.phase }),
        ...enterPhase(s, t, Phase.SUPERSEDED, now, by, p.reason),
      ];
    },
  },
};
