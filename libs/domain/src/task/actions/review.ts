import { text } from '../../common/checks';
import { MAX_STATEMENT_LENGTH } from '../../limits';
import { forbidden } from '../../programme/refusal';
import { requireStatus } from '../task-checks';
import { isReviewer } from '../task-permissions';
import { TaskStatus } from '../task-state';
import type { TaskActionRules } from './task-action-rule';

/** The assigner's (or member in charge's) review of a submitted result. */
export interface ReviewPayloads {
  verify: Record<string, never>;
  returnTask: { reasons: string };
}

export const reviewActions: TaskActionRules<ReviewPayloads> = {
  verify: {
    validate: () => null,
    permits: (s, actor) =>
      (isReviewer(s, actor) ? null : forbidden('only the assigner or the member in charge verifies the result')) ??
      requireStatus(s, 'verifying', [TaskStatus.SUBMITTED]),
    apply: ({ s, now, at, by, audit }) => {
      s.status = TaskStatus.DONE;
      s.doneAt = at;
      s.verifiedBy = by;
      return [audit({ doneAt: at, onTime: now.getTime() <= Date.parse(s.dueAt) })];
    },
  },

  returnTask: {
    permits: (s, actor) =>
      (isReviewer(s, actor) ? null : forbidden('only the assigner or the member in charge returns the result')) ??
      requireStatus(s, 'returning', [TaskStatus.SUBMITTED]),
    validate: (_s, _actor, p) => text(p.reasons, 'reasons', MAX_STATEMENT_LENGTH),
    apply: ({ s, at, by, audit, notify }, p) => {
      s.returns.push({ by, at, reasons: p.reasons });
      s.status = TaskStatus.RETURNED;
      s.submittedAt = null;
      return [audit({ reasons: p.reasons }), notify('TASK_RETURNED', [s.responsiblePersonId], { reasons: p.reasons })];
    },
  },
};
