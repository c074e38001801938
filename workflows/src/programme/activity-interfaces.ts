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
  /** Latest state; the projection keeps only the newest version. */
  state: ProgrammeState;
  audits: AuditRecord[];
  notifications: NotificationRequest[];
}

/** Activities the programme workflow calls; implemented by the worker over Nest providers. */
export interface ProgrammeActivities {
  publishProgrammeChanges(input: PublishChangesInput): Promise<void>;
}
