import { MAX_AUDIENCE } from '../../limits';
import { vnDateOf } from '../../time/iso-duration';
import { calendarDate, ids } from '../field-checks';
import { isIssuingHead } from '../permissions';
import { Phase } from '../phase';
import { enterPhase, nextPhaseAfter, requirePhase } from '../phase-transitions';
import { uniqueIds } from '../programme-effect';
import type { ProgrammeState } from '../programme-state';
import { forbidden, wrongPhase } from '../refusal';
import { allTasks } from '../responsibilities';
import type { ActionRules } from './action-rule';

export interface DisseminationPayloads {
  recordDissemination: { heldOn: string; audienceIds: string[] };
  acknowledgeDissemination: Record<string, never>;
}

/** Everyone the issued programme names as responsible for a task, first to hear it (at most MAX_AUDIENCE). */
const audienceOf = (s: ProgrammeState): string[] =>
  uniqueIds(allTasks(s).map((t) => t.responsiblePersonId)).slice(0, MAX_AUDIENCE);

export const disseminationActions: ActionRules<DisseminationPayloads> = {
  recordDissemination: {
    permits: (s, actor) =>
      requirePhase(s, 'recording the dissemination conference', Phase.DISSEMINATION) ??
      (isIssuingHead(s, actor)
        ? null
        : forbidden('the head of the issuing committee disseminates the programme personally')),
    validate: (_s, _actor, p) => calendarDate(p.heldOn, 'heldOn') ?? ids(p.audienceIds, 'audienceIds', 1, MAX_AUDIENCE),
    // Usually recorded on the day; the audience starts as everyone the programme gives work to.
    form: (s, _actor, now) => ({ prefill: { heldOn: vnDateOf(now), audienceIds: audienceOf(s) } }),
    apply: ({ s, t, now, by, audit }, p) => {
      s.dissemination.heldOn = p.heldOn;
      s.dissemination.recordedBy = by;
      s.dissemination.audienceIds = uniqueIds(p.audienceIds);
      return [
        audit({ heldOn: p.heldOn, audience: s.dissemination.audienceIds.length }),
        {
          type: 'notify',
          kind: 'DISSEMINATION_ACK_REQUEST',
          recipientIds: s.dissemination.audienceIds,
          params: { title: s.setup.title, heldOn: p.heldOn },
        },
        ...enterPhase(s, t, nextPhaseAfter(t, Phase.DISSEMINATION), now, by, 'dissemination conference held'),
      ];
    },
  },

  // No phase condition: once the conference is held, its audience acknowledges in any later phase.
  acknowledgeDissemination: {
    validate: () => null,
    permits: (s, actor) => {
      if (!s.dissemination.heldOn) return wrongPhase('the dissemination conference has not been held yet');
      if (!s.dissemination.audienceIds.includes(actor.personId))
        return forbidden('you are not in the audience of this dissemination');
      if (s.dissemination.acknowledged[actor.personId]) return wrongPhase('you have already acknowledged');
      return null;
    },
    apply: ({ s, at, by, audit }) => {
      s.dissemination.acknowledged[by] = at;
      return [
        audit({
          acknowledged: Object.keys(s.dissemination.acknowledged).length,
          audience: s.dissemination.audienceIds.length,
        }),
      ];
    },
  },
};
