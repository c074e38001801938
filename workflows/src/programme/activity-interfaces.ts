import type { ProgrammeState } from '@app/domain';

/** One audit event, keyed so a retried activity writes it once. */
export interface AuditRecord {
  key: string;
  programmeId: string;
  actorId: string | null;
  action: string;
  occurredAt: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface NotificationRequest {
  key: string;
  kind: string;
  recipientIds: string[];
  programmeId: string;
  params: Record<string, string | number | null>;
  occurredAt: string;
}

export interface PublishChangesInput {
  workflowId: string;
  /** The state version these changes were made at; the activity projects this version or a newer one. */
  version?: number;
  /**
   * Only in histories recorded before the activity read the state through the `view` query: the
   * whole state travelled in every call and swelled the history. Honoured when present.
   */
  state?: ProgrammeState;
  audits: AuditRecord[];
  notifications: NotificationRequest[];
}

/** Activities the programme workflow calls; implemented by the worker over Nest providers. */
export interface ProgrammeActivities {
  publishProgrammeChanges(input: PublishChangesInput): Promise<void>;
}
