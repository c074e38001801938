import { text } from '../../common/checks';
import { MAX_ID_LENGTH, MAX_REASON_LENGTH } from '../../limits';
import { forbidden, invalid } from '../../programme/refusal';
import { requireStatus, WORKING } from '../task-checks';
import { isReviewer, mayReassign } from '../task-permissions';
import { TaskStatus } from '../task-state';
import type { TaskActionRules } from './task-action-rule';

/** Who carries the task, and ending it early. */
export interface AssignmentPayloads {
  reassign: { toPersonId: string; toUnitId?: string; reason: string };
  cancel: { reason: string };
}

export const assignmentActions: TaskActionRules<AssignmentPayloads> = {
  reassign: {
    permits: (s, actor) =>
      (mayReassign(s, actor)
        ? null
        : forbidden(
            'only the assigner, the member in charge, the Standing Committee or the unit head reassigns a task',
          )) ?? requireStatus(s, 'reassigning', [TaskStatus.ASSIGNED, ...WORKING]),
    validate: (s, _actor, p) => {
      const bad =
        text(p.toPersonId, 'toPersonId', MAX_ID_LENGTH) ??
        (p.toUnitId !== undefined ? text(p.toUnitId, 'toUnitId', MAX_ID_LENGTH) : null) ??
        text(p.reason, 'reason', MAX_REASON_LENGTH);
      if (bad) return bad;
      if (p.toPersonId === s.responsiblePersonId) return invalid('the task is already assigned to that person');
      return null;
    },
    apply: ({ s, at, by, before, audit, notify }, q) => {
      const from = { personId: s.responsiblePersonId, unitId: s.responsibleUnitId };
      const toUnitId = q.toUnitId ?? s.responsibleUnitId;
      s.reassignments.push({
        by,
        at,
        fromPersonId: from.personId,
        fromUnitId: from.unitId,
        toPersonId: q.toPersonId,
        toUnitId,
        reason: q.reason,
      });
      s.responsiblePersonId = q.toPersonId;
      s.responsibleUnitId = toUnitId;
      // The new person accepts the task afresh; the progress so far stays with it.
      s.status = TaskStatus.ASSIGNED;
      s.acceptedAt = null;
      return [
        audit(
          { responsiblePersonId: q.toPersonId, responsibleUnitId: toUnitId, reason: q.reason },
          { status: before.status, responsiblePersonId: from.personId, responsibleUnitId: from.unitId },
        ),
        notify('TASK_ASSIGNED', [q.toPersonId], { reason: q.reason }),
      ];
    },
  },

  cancel: {
    permits: (s, actor) =>
      isReviewer(s, actor) ? null : forbidden('only the assigner or the member in charge cancels a task'),
    validate: (_s, _actor, p) => text(p.reason, 'reason', MAX_REASON_LENGTH),
    apply: ({ s, at, audit }, p) => {
      s.status = TaskStatus.CANCELLED;
      s.cancelledAt = at;
      s.endReason = p.reason;
      return [audit({ reason: p.reason })];
    },
  },
};
