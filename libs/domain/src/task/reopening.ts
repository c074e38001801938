/**
 * A finished task reopened by an inspection finding, and a task whose programme ended (cancelled, or
 * superseded by another programme that carries it on). Pure rules, applied by the task workflow.
 */
import type { TaskEffect } from './task-effects';
import { taskParams } from './task-effects';
import { isTaskClosed, TaskState, TaskStatus } from './task-state';

/** What the programme tells a finished task when an inspection reopens it. */
export interface ReopenOrder {
  /** The inspector who recorded the finding. */
  by: string;
  at: string;
  /** The inspection's number in the programme (1 for the first). */
  inspectionNo: number;
  reason: string;
  /** The new deadline. */
  dueAt: string;
}

/** One reopening in a task's history: the result it had and the new deadline. */
export interface TaskReopening extends ReopenOrder {
  fromDueAt: string;
  fromDoneAt: string | null;
}

/** What a programme that ended tells its open tasks. */
export interface ProgrammeEnding {
  programmeId: string;
  outcome: 'CANCELLED' | 'SUPERSEDED';
  reason: string;
  actorId: string;
  at: string;
  /** The programme that carries the task on (SUPERSEDED only). */
  byProgrammeId: string | null;
}

/** How many times the task was reopened (0 for most). */
export const reopenCount = (s: TaskState): number => s.reopenings?.length ?? 0;

/**
 * Reopens a DONE task: it is assigned again to the same person with the new deadline and counts as
 * open (not done on time) until it is done again. The earlier result stays in its history.
 */
export function reopenTask(s: TaskState, order: ReopenOrder): TaskEffect[] {
  if (s.status !== TaskStatus.DONE) return [];
  const reopening: TaskReopening = { ...order, fromDueAt: s.dueAt, fromDoneAt: s.doneAt };
  s.reopenings = [...(s.reopenings ?? []), reopening];
  s.status = TaskStatus.ASSIGNED;
  s.dueAt = new Date(order.dueAt).toISOString();
  s.dueSetAt = order.at;
  s.dueSeq += 1;
  s.acceptedAt = null;
  s.submittedAt = null;
  s.doneAt = null;
  s.verifiedBy = null;
  s.version += 1;
  return [
    {
      type: 'audit',
      action: 'reopened',
      actorId: order.by,
      before: { status: TaskStatus.DONE, dueAt: reopening.fromDueAt, doneAt: reopening.fromDoneAt },
      after: { status: s.status, dueAt: s.dueAt, reason: order.reason, inspectionNo: order.inspectionNo },
    },
    {
      type: 'notify',
      kind: 'TASK_ASSIGNED',
      recipientIds: [s.responsiblePersonId],
      params: { ...taskParams(s), reopened: reopenCount(s), reason: order.reason },
    },
  ];
}

/**
 * An open task whose programme ended: cancelled with it, or carried to the superseding programme
 * (its id changes nothing; it now belongs to and reports to that programme). A finished task is left as it is.
 */
export function endWithProgramme(s: TaskState, ending: ProgrammeEnding): TaskEffect[] {
  if (isTaskClosed(s.status) || s.setup.programmeId !== ending.programmeId) return [];
  const before = { status: s.status, programmeId: s.setup.programmeId };
  s.version += 1;
  if (ending.outcome === 'SUPERSEDED' && ending.byProgrammeId) {
    s.carriedFrom = [
      ...(s.carriedFrom ?? []),
      { programmeId: ending.programmeId, at: ending.at, reason: ending.reason },
    ];
    s.setup = { ...s.setup, programmeId: ending.byProgrammeId };
    return [
      {
        type: 'audit',
        action: 'carried.toSupersedingProgramme',
        actorId: ending.actorId,
        before,
        after: { status: s.status, programmeId: ending.byProgrammeId, reason: ending.reason },
      },
    ];
  }
  s.status = TaskStatus.CANCELLED;
  s.cancelledAt = ending.at;
  s.endReason = `cancelled because the programme was ${ending.outcome === 'CANCELLED' ? 'cancelled' : 'superseded'}: ${ending.reason}`;
  return [
    {
      type: 'audit',
      action: 'cancelled.programmeEnded',
      actorId: ending.actorId,
      before,
      after: { status: s.status, programmeOutcome: ending.outcome, reason: s.endReason },
    },
  ];
}
