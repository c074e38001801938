import { MAX_INVITEES, MAX_REASON_LENGTH, MAX_REFERENCE_LENGTH } from '../../limits';
import { text } from '../../common/checks';
import { quorumProblem } from '../consultation-rounds';
import { documentIdProblem, withDocumentId } from '../documents';
import { ids } from '../field-checks';
import { deadlineAfter } from '../deadline-counting';
import { isDrafter } from '../permissions';
import { Phase } from '../phase';
import { enterPhase, requirePhase } from '../phase-transitions';
import type { ConsultationRound } from '../programme-state';
import { forbidden, invalid, wrongPhase } from '../refusal';
import type { ActionRules } from './action-rule';

export interface DraftingPayloads {
  submitDraft: { text?: string; documentRef?: string; changeNote: string; documentId?: string };
  /** quorum: answers that let the drafting team close the round early (1 to the number invited; absent: all). */
  openConsultation: { inviteeIds: string[]; deadline?: string; quorum?: number };
  submitForApproval: Record<string, never>;
}

export const draftingActions: ActionRules<DraftingPayloads> = {
  submitDraft: {
    permits: (s, actor) =>
      requirePhase(s, 'submitting a draft', Phase.DRAFTING) ??
      (isDrafter(s, actor) ? null : forbidden('only the drafting team submits drafts')),
    validate: (_s, _actor, p) => {
      const { text: body, documentRef, changeNote, documentId } = p;
      if (!body && !documentRef && !documentId)
        return invalid('a draft needs its text, a document reference or a document');
      return (
        documentIdProblem(documentId) ??
        (body !== undefined ? text(body, 'text') : null) ??
        (documentRef !== undefined ? text(documentRef, 'documentRef', MAX_REFERENCE_LENGTH) : null) ??
        text(changeNote, 'changeNote', MAX_REASON_LENGTH)
      );
    },
    // The next version starts from the last one's text.
    form: (s) => {
      const last = s.drafts[s.drafts.length - 1];
      return { prefill: last?.text ? { text: last.text } : {} };
    },
    apply: ({ s, at, by, audit }, p) => {
      const version = s.drafts.length + 1;
      s.drafts.push({
        version,
        text: p.text ?? null,
        documentRef: p.documentRef ?? null,
        changeNote: p.changeNote,
        ...withDocumentId(p),
        by,
        at,
      });
      return [audit({ version, documentRef: p.documentRef ?? null, changeNote: p.changeNote, ...withDocumentId(p) })];
    },
  },

  openConsultation: {
    permits: (s, actor) =>
      requirePhase(s, 'opening a consultation round', Phase.DRAFTING) ??
      (isDrafter(s, actor) ? null : forbidden('only the drafting team opens consultation')) ??
      (s.drafts.length > 0 ? null : wrongPhase('there is no draft to consult on yet')),
    validate: (_s, _actor, p, now) => {
      const bad = ids(p.inviteeIds, 'inviteeIds', 1, MAX_INVITEES) ?? quorumProblem(p.quorum, p.inviteeIds);
      if (bad) return bad;
      if (p.deadline !== undefined) {
        const t = Date.parse(p.deadline);
        if (Number.isNaN(t)) return invalid('deadline must be a date-time');
        if (t <= now.getTime()) return invalid('deadline must be in the future');
      }
      return null;
    },
    // A new round usually asks the people asked last time.
    form: (s) => {
      const last = s.consultations[s.consultations.length - 1];
      return { prefill: last ? { inviteeIds: [...last.inviteeIds] } : {} };
    },
    apply: ({ s, t, now, at, by, audit }, p) => {
      const deadline = p.deadline
        ? new Date(p.deadline).toISOString()
        : deadlineAfter(t, 'consultation', now, t.consultationWindow).toISOString();
      const round: ConsultationRound = {
        no: s.consultations.length + 1,
        inviteeIds: p.inviteeIds,
        deadline,
        openedAt: at,
        opinions: {},
        closedAt: null,
        silentIds: [],
        draftVersion: s.drafts.length,
        ...(p.quorum !== undefined ? { quorum: p.quorum } : {}),
      };
      s.consultations.push(round);
      return [
        audit({
          round: round.no,
          invitees: round.inviteeIds.length,
          deadline,
          draftVersion: round.draftVersion,
          quorum: round.quorum ?? null,
        }),
        // The round's own deadline governs this phase.
        ...enterPhase(s, t, Phase.CONSULTATION, now, by, `consultation round ${round.no} opened`, deadline),
        {
          type: 'notify',
          kind: 'CONSULTATION_INVITATION',
          recipientIds: round.inviteeIds,
          params: { title: s.setup.title, round: round.no, deadline, draftVersion: s.drafts.length },
        },
      ];
    },
  },

  submitForApproval: {
    validate: () => null,
    permits: (s, actor) =>
      requirePhase(s, 'submitting for approval', Phase.DRAFTING) ??
      (isDrafter(s, actor) ? null : forbidden('only the drafting team submits for approval')) ??
      (s.consultations.some((r) => r.closedAt)
        ? null
        : wrongPhase('the draft has not been through a consultation round')),
    apply: ({ s, t, now, by, audit }) => [
      audit({ draftVersion: s.drafts.length }),
      ...enterPhase(s, t, Phase.APPROVAL, now, by, 'submitted for approval'),
    ],
  },
};
