import type { TaskState } from '@app/domain';

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

/** Activities the task workflow calls; implemented by the worker over Nest providers. */
export interface TaskActivities {
  publishTaskChanges(input: PublishTaskChangesInput): Promise<void>;
}
