import { text } from '../../common/checks';
import { answeredIds, quorumReached } from '../consultation-rounds';
import { isDrafter } from '../permissions';
import { Phase } from '../phase';
import { enterPhase, requirePhase } from '../phase-transitions';
import type { ProgrammeEffect } from '../programme-effect';
import type { ConsultationRound, ProgrammeState } from '../programme-state';
import type { TemplateInUse } from '../deadline-counting';
import { forbidden, wrongPhase } from '../refusal';
import type { ActionRules } from './action-rule';

export interface ConsultationPayloads {
  /** onBehalfOf is how a delegated filing is attempted; it is always refused unless it is the actor. */
  submitOpinion: { text: string; onBehalfOf?: string };
  closeConsultation: Record<string, never>;
}

/** The consultation round still open, if any. */
export function currentRound(s: ProgrammeState): ConsultationRound | null {
  const last = s.consultations[s.consultations.length - 1];
  return last && last.closedAt === null ? last : null;
}

function closeRound(s: ProgrammeState, t: TemplateInUse, now: Date, actorId: string | null): ProgrammeEffect[] {
  const round = currentRound(s);
  if (!round) return [];
  round.closedAt = now.toISOString();
  round.silentIds = round.inviteeIds.filter((id) => !round.opinions[id]);
  return [
    {
      type: 'audit',
      action: 'consultation.closed',
      actorId,
      before: null,
      after: { round: round.no, answered: Object.keys(round.opinions).length, silent: round.silentIds },
    },
    ...enterPhase(s, t, Phase.DRAFTING, now, actorId, `consultation round ${round.no} closed`),
  ];
}

/** Closes the open consultation round when its deadline has passed (timer path). */
export function closeConsultationAtDeadline(s: ProgrammeState, t: TemplateInUse, now: Date): ProgrammeEffect[] {
  const round = currentRound(s);
  if (!round || s.phase !== Phase.CONSULTATION || Date.parse(round.deadline) > now.getTime()) return [];
  return closeRound(s, t, now, null);
}

export const consultationActions: ActionRules<ConsultationPayloads> = {
  submitOpinion: {
    permits: (s, actor) => {
      const bad = requirePhase(s, 'giving an opinion', Phase.CONSULTATION);
      if (bad) return bad;
      const round = currentRound(s);
      if (!round) return wrongPhase('no consultation round is open');
      if (!round.inviteeIds.includes(actor.personId))
        return forbidden('you are not invited to this consultation round');
      if (round.opinions[actor.personId]) return wrongPhase('you have already given your opinion in this round');
      return null;
    },
    validate: (_s, actor, p) => {
      if (p.onBehalfOf !== undefined && p.onBehalfOf !== actor.personId)
        return forbidden('an opinion must be given personally; it cannot be filed on behalf of someone else');
      return text(p.text, 'text');
    },
    apply: ({ s, at, by, audit }, p) => {
      const round = currentRound(s)!;
      round.opinions[by] = { text: p.text, at };
      return [audit({ round: round.no, invitee: by })];
    },
  },

  closeConsultation: {
    validate: () => null,
    permits: (s, actor, now) => {
      const bad =
        requirePhase(s, 'closing consultation', Phase.CONSULTATION) ??
        (isDrafter(s, actor) ? null : forbidden('only the drafting team closes consultation'));
      if (bad) return bad;
      const round = currentRound(s);
      if (!round) return wrongPhase('no consultation round is open');
      if (quorumReached(round) || Date.parse(round.deadline) <= now.getTime()) return null;
      return wrongPhase(
        round.quorum !== undefined
          ? `the round closes once ${round.quorum} of ${round.inviteeIds.length} invitees have answered (${answeredIds(round).length} so far) or at its deadline ${round.deadline}`
          : `the round closes when everyone has answered or at its deadline ${round.deadline}`,
      );
    },
    apply: ({ s, t, now, by }) => closeRound(s, t, now, by),
  },
};
