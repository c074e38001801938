import type { TaskEffect, TaskState } from '@app/domain';
import type { CalendarYear } from '@app/domain/calendar';
import { eventFields, notificationFields } from '../common/projection-input';
import type { EventFields, NotificationFields, ProjectionInput } from '../common/projection-input';
import type { EffectRecords } from '../common/workflow-runtime';

/** One row of a task's history, keyed so a retried activity writes it once. */
export interface TaskEventRecord extends EventFields {
  taskId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface TaskNotificationRequest extends NotificationFields {
  /** Units whose active head is told as well (escalation to the unit head), resolved when enqueuing. */
  headOfUnitIds: string[];
  taskId: string;
  programmeId: string | null;
}

/**
 * A task's effects as records, keyed `task/<taskId>#<seq>`; after its n-th reopening (a new run that
 * numbers its effects from 1 again) `task/<taskId>#r<n>#<seq>`.
 */
export function taskRecords(
  taskId: string,
  programmeId: string | null,
  reopened = 0,
): EffectRecords<TaskEffect, TaskEventRecord, TaskNotificationRequest> {
  const prefix = reopened > 0 ? `task/${taskId}#r${reopened}#` : `task/${taskId}#`;
  return {
    effectKey: (seq) => `${prefix}${seq}`,
    toEvent: (e, key, occurredAt) => ({ ...eventFields(e, key, occurredAt), taskId, before: e.before, after: e.after }),
    toNotification: (e, key, occurredAt) => ({ ...notificationFields(e, key, occurredAt), taskId, programmeId }),
  };
}

/** The task's changes for its projection; the activity reads the state through the `taskView` query. */
export type PublishTaskChangesInput = ProjectionInput<TaskEventRecord, TaskNotificationRequest>;

/** As histories recorded before the query carry it: the whole state in every call. */
export interface LegacyPublishTaskChangesInput {
  workflowId: string;
  state: TaskState;
  events: TaskEventRecord[];
  notifications: TaskNotificationRequest[];
}

/** Years of the working-day table to load, both ends included. */
export interface LoadWorkingCalendarInput {
  fromYear: number;
  toYear: number;
}

/** Activities the task workflow calls; implemented by the worker over Nest providers. */
export interface TaskActivities {
  publishTaskChanges(input: PublishTaskChangesInput | LegacyPublishTaskChangesInput): Promise<void>;
  /** The admin-edited working-day table for those years, the shipped years where it has none. */
  loadWorkingCalendar(input: LoadWorkingCalendarInput): Promise<CalendarYear[]>;
  /** The task's last published state (its read-model snapshot), or null: what a reopened run starts from. */
  loadTaskSnapshot(input: { taskId: string }): Promise<TaskState | null>;
}
