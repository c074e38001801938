import type { AuditEffect, NotifyEffect } from '../common/effects';
import type { TaskState } from './task-state';

/** Audit rows go to the task's history; notifications name people, or units whose head is told. */
export type TaskEffect = AuditEffect | NotifyEffect;

export function taskParams(s: TaskState): Record<string, string | number | null> {
  return { taskId: s.setup.taskId, code: s.setup.code, title: s.setup.title, dueAt: s.dueAt };
}

/** The effects of a task being assigned: its first history row and the assignee's notice. */
export function assignmentEffects(s: TaskState): TaskEffect[] {
  return [
    {
      type: 'audit',
      action: 'assigned',
      actorId: s.setup.assignerId,
      before: null,
      after: { responsiblePersonId: s.responsiblePersonId, responsibleUnitId: s.responsibleUnitId, dueAt: s.dueAt },
    },
    { type: 'notify', kind: 'TASK_ASSIGNED', recipientIds: [s.responsiblePersonId], params: taskParams(s) },
  ];
}

/** What a due timer does: remind the responsible person, or escalate to the unit head, then the member in charge. */
export function timerEffects(s: TaskState, kind: 'REMINDER' | 'ESCALATION', level: number): TaskEffect[] {
  if (kind === 'REMINDER')
    return [
      {
        type: 'notify',
        kind: 'TASK_DUE_REMINDER',
        recipientIds: [s.responsiblePersonId],
        params: { ...taskParams(s), level },
      },
    ];
  const toUnitHead = level === 1;
  const escalation: TaskEffect = toUnitHead
    ? {
        type: 'notify',
        kind: 'TASK_OVERDUE_ESCALATION',
        recipientIds: [],
        headOfUnitIds: [s.responsibleUnitId],
        params: { ...taskParams(s), level, responsiblePersonId: s.responsiblePersonId },
      }
    : {
        type: 'notify',
        kind: 'TASK_OVERDUE_ESCALATION',
        recipientIds: [s.setup.memberInChargeId ?? s.setup.assignerId],
        params: { ...taskParams(s), level, responsiblePersonId: s.responsiblePersonId },
      };
  return [
    {
      type: 'audit',
      action: 'overdue.escalated',
      actorId: null,
      before: null,
      after: { level, to: toUnitHead ? 'UNIT_HEAD' : 'MEMBER_IN_CHARGE', status: s.status },
    },
    escalation,
  ];
}
