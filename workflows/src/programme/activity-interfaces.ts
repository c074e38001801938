import type { ProgrammeEffect, ProgrammeState } from '@app/domain';
import { eventFields } from '../common/projection-input';
import type { EventFields, NotificationFields, ProjectionInput } from '../common/projection-input';
import type { EffectRecords } from '../common/workflow-runtime';

/** One audit event, keyed so a retried activity writes it once. */
export interface AuditRecord extends EventFields {
  programmeId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface NotificationRequest extends NotificationFields {
  programmeId: string;
}

/** A programme's effects as records, keyed `<programmeId>#<seq>`; a notice to nobody is dropped. */
export function programmeRecords(
  programmeId: string,
): EffectRecords<ProgrammeEffect, AuditRecord, NotificationRequest> {
  return {
    effectKey: (seq) => `${programmeId}#${seq}`,
    toEvent: (e, key, occurredAt) => ({
      ...eventFields(e, key, occurredAt),
      programmeId,
      before: e.before,
      after: e.after,
    }),
    toNotification: (e, key, occurredAt) =>
      e.recipientIds.length > 0
        ? { key, kind: e.kind, recipientIds: e.recipientIds, programmeId, params: e.params, occurredAt }
        : null,
  };
}

/** The programme's changes for its projection; the activity reads the state through the `view` query. */
export type PublishChangesInput = ProjectionInput<AuditRecord, NotificationRequest>;

/**
 * Inputs as histories recorded by earlier versions scheduled them: the audit rows were called
 * `audits`, and before the activity read the state through the query the whole state travelled in
 * every call (and swelled the history). An activity retried from such a history still gets one.
 */
export interface LegacyPublishChangesInput {
  workflowId: string;
  version?: number;
  state?: ProgrammeState;
  audits: AuditRecord[];
  notifications: NotificationRequest[];
}

/** Activities the programme workflow calls; implemented by the worker over Nest providers. */
export interface ProgrammeActivities {
  publishProgrammeChanges(input: PublishChangesInput | LegacyPublishChangesInput): Promise<void>;
}
