import type { TaskState } from '@app/domain';
import type { CalendarYear } from '@app/domain/calendar';

/** One row of a task's history, keyed so a retried activity writes it once. */
export interface TaskEventRecord {
  key: string;
  taskId: string;
  actorId: string | null;
  action: string;
  occurredAt: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface TaskNotificationRequest {
  key: string;
  kind: string;
  recipientIds: string[];
  /** Units whose active head is told as well (escalation to the unit head), resolved when enqueuing. */
  headOfUnitIds: string[];
  taskId: string;
  programmeId: string | null;
  params: Record<string, string | number | null>;
  occurredAt: string;
}

export interface PublishTaskChangesInput {
  workflowId: string;
  /** Latest state; the projection keeps only the newest version. */
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
  publishTaskChanges(input: PublishTaskChangesInput): Promise<void>;
  /** The admin-edited working-day table for those years, the shipped years where it has none. */
  loadWorkingCalendar(input: LoadWorkingCalendarInput): Promise<CalendarYear[]>;
}
