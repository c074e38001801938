import { MAX_STATEMENT_LENGTH } from '../../limits';
import { text } from '../../common/checks';
import { isApprover } from '../permissions';
import { Phase } from '../phase';
import { enterPhase, requirePhase } from '../phase-transitions';
import { forbidden } from '../refusal';
import type { ActionRules } from './action-rule';

export interface ApprovalPayloads {
  approve: { note?: string };
  sendBack: { reasons: string };
}

export const approvalActions: ActionRules<ApprovalPayloads> = {
  approve: {
    validate: () => null,
    permits: (s, actor) =>
      requirePhase(s, 'approving', Phase.APPROVAL) ??
      (isApprover(s, actor)
        ? null
        : forbidden('only the Standing Committee or the head of the issuing committee approves')),
    apply: ({ s, t, now, at, by, audit }, p) => {
      s.approval.approvedBy = by;
      s.approval.approvedAt = at;
      return [
        audit({ draftVersion: s.drafts.length, note: p.note ?? null }),
        ...enterPhase(s, t, Phase.ISSUED, now, by, 'approved'),
      ];
    },
  },

  sendBack: {
    permits: (s, actor) =>
      requirePhase(s, 'sending back', Phase.APPROVAL) ??
      (isApprover(s, actor)
        ? null
        : forbidden('only the Standing Committee or the head of the issuing committee sends back')),
    validate: (_s, _actor, p) => text(p.reasons, 'reasons', MAX_STATEMENT_LENGTH),
    apply: ({ s, t, now, at, by, audit }, p) => {
      s.approval.sendBacks.push({ by, at, reasons: p.reasons });
      return [audit({ reasons: p.reasons }), ...enterPhase(s, t, Phase.DRAFTING, now, by, `sent back: ${p.reasons}`)];
    },
  },
};
