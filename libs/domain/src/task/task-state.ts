import type { TaskReopening } from './reopening';
/** Where a task stands. "Overdue" is not a status: it is derived from the due date when asked. */
export enum TaskStatus {
  ASSIGNED = 'ASSIGNED',
  ACCEPTED = 'ACCEPTED',
  IN_PROGRESS = 'IN_PROGRESS',
  SUBMITTED = 'SUBMITTED',
  /** Sent back by the reviewer with reasons; the responsible person carries on as in progress. */
  RETURNED = 'RETURNED',
  DONE = 'DONE',
  CANCELLED = 'CANCELLED',
}

export type TaskSource = 'PROGRAMME' | 'ANNUAL_PLAN' | 'BREAKTHROUGH' | 'CORRECTIVE';

/** What a task is started with: who does it, by when, and the facts supervisors group it by. */
export interface TaskSetup {
  /** "<programmeId>/<code>", "<programmeId>/<year>/<code>" or "bt/<unitId>/<year>/<n>". */
  taskId: string;
  programmeId: string | null;
  code: string;
  title: string;
  source: TaskSource;
  responsibleUnitId: string;
  responsiblePersonId: string;
  coordinatingUnitIds: string[];
  /** Who assigned the task: decides extensions, verifies or returns the result. */
  assignerId: string;
  memberInChargeId: string | null;
  fieldGroup: string | null;
  issuingUnitId: string;
  isBreakthrough: boolean;
  dueAt: string;
  /** Before the due date: whole days (P7D) count working days, clock durations (PT30S) are exact. */
  reminderOffsets: string[];
  /** After the due date, cumulative: level 1 goes to the unit head, later levels to the member in charge. */
  escalationOffsets: string[];
}

export interface ProgressReport {
  by: string;
  at: string;
  percent: number;
  text: string;
  evidenceRefs: string[];
}

export interface ExtensionRequest {
  by: string;
  at: string;
  fromDueAt: string;
  newDueAt: string;
  reason: string;
  decision: { approve: boolean; reason: string; by: string; at: string } | null;
}

export interface Reassignment {
  by: string;
  at: string;
  fromPersonId: string;
  fromUnitId: string;
  toPersonId: string;
  toUnitId: string;
  reason: string;
}

export interface TaskState {
  setup: TaskSetup;
  status: TaskStatus;
  responsibleUnitId: string;
  responsiblePersonId: string;
  dueAt: string;
  /** When the current due date was set: reminders that would fall before it are not scheduled. */
  dueSetAt: string;
  /** Increases with each change of due date, so a new schedule of reminders replaces the old one. */
  dueSeq: number;
  progressPercent: number;
  progress: ProgressReport[];
  extensions: ExtensionRequest[];
  submissions: Array<{ by: string; at: string; text: string; evidenceRefs: string[] }>;
  returns: Array<{ by: string; at: string; reasons: string }>;
  reassignments: Reassignment[];
  acceptedAt: string | null;
  submittedAt: string | null;
  doneAt: string | null;
  verifiedBy: string | null;
  cancelledAt: string | null;
  endReason: string | null;
  appliedRequestIds: string[];
  version: number;
  /** Each time an inspection finding reopened the task (absent in states from before reopening existed). */
  reopenings?: TaskReopening[];
  /** Programmes that ended and carried the task on to the one it now belongs to. */
  carriedFrom?: Array<{ programmeId: string; at: string; reason: string }>;
}

/** A task's state as its workflow published it to the read model (the `snapshot` column), or null when there is none. */
export function publishedTaskState(snapshot: unknown): TaskState | null {
  return snapshot !== null && typeof snapshot === 'object' && 'setup' in snapshot ? (snapshot as TaskState) : null;
}

export const OPEN_TASK_STATUSES: readonly TaskStatus[] = [
  TaskStatus.ASSIGNED,
  TaskStatus.ACCEPTED,
  TaskStatus.IN_PROGRESS,
  TaskStatus.SUBMITTED,
  TaskStatus.RETURNED,
];

export function isTaskClosed(status: TaskStatus): boolean {
  return status === TaskStatus.DONE || status === TaskStatus.CANCELLED;
}

/** What a task tells its programme when its outcome changes (for evaluation figures). */
export interface TaskOutcome {
  taskId: string;
  code: string;
  status: TaskStatus;
  responsibleUnitId: string;
  responsiblePersonId: string;
  dueAt: string;
  doneAt: string | null;
}
