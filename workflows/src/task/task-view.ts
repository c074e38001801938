/**
 * What a task shows of itself (its view, also what every action answers) and what it tells its
 * parent (its outcome). Pure functions of the state.
 */
import { isTaskClosed, pendingExtension, TaskOutcome, TaskState, TaskTimer } from '@app/domain';
import type { TaskView } from './definitions';

export function taskView(s: TaskState, upcoming: TaskTimer[], now: Date): TaskView {
  const ext = pendingExtension(s);
  return {
    taskId: s.setup.taskId,
    status: s.status,
    dueAt: s.dueAt,
    overdue: !isTaskClosed(s.status) && now.getTime() > Date.parse(s.dueAt),
    pendingExtension: ext ? { newDueAt: ext.newDueAt, reason: ext.reason, by: ext.by, at: ext.at } : null,
    upcoming: upcoming.map((t) => ({ kind: t.kind, level: t.level, at: new Date(t.at).toISOString() })),
    version: s.version,
    state: s,
  };
}

export function taskOutcome(s: TaskState): TaskOutcome {
  return {
    taskId: s.setup.taskId,
    code: s.setup.code,
    status: s.status,
    responsibleUnitId: s.responsibleUnitId,
    responsiblePersonId: s.responsiblePersonId,
    dueAt: s.dueAt,
    doneAt: s.doneAt,
  };
}

/** The parent counts tasks by status, due date and responsible person: only changes of these are reported. */
export const reportedOutcomeKey = (o: TaskOutcome) =>
  `${o.status === 'DONE' || o.status === 'CANCELLED' ? o.status : 'OPEN'}|${o.dueAt}|${o.responsiblePersonId}|${o.responsibleUnitId}`;
