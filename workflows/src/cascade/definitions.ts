/**
 * Shared by the API, the worker and the cascade obligation workflow: its input, updates, view query
 * and activity interface. Safe in the workflow sandbox.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type {
  CascadeEffect,
  CascadeSetup,
  CascadeState,
  CascadeTimer,
  RecordIssuancePayload,
  WithdrawObligationPayload,
} from '@app/domain';
import type { CalendarYear } from '@app/domain/calendar';
import { eventFields, notificationFields } from '../common/projection-input';
import type { EventFields, NotificationFields, ProjectionInput } from '../common/projection-input';
import type { EffectRecords } from '../common/workflow-runtime';
import type { LoadWorkingCalendarInput } from '../task/activity-interfaces';

export const CASCADE_WORKFLOW_TYPE = 'cascadeObligationWorkflow';

/** One workflow per obligation. */
export function cascadeWorkflowId(obligationId: string): string {
  return `cascade/${obligationId}`;
}

export interface CascadeWorkflowInput {
  setup: CascadeSetup;
  carried?: {
    state: CascadeState;
    firedTimerKeys: string[];
    effectSeq: number;
    runs: number;
    calendarYears?: CalendarYear[];
  };
  continueAsNewAfterEvents?: number;
}

export interface CascadeView {
  obligationId: string;
  status: CascadeState['status'];
  dueAt: string;
  upcoming: Array<Pick<CascadeTimer, 'kind' | 'level'> & { at: string }>;
  version: number;
  state: CascadeState;
}

export const cascadeViewQuery = defineQuery<CascadeView>('cascadeView');
/** The obliged body has issued a programme implementing the entry (sent by the worker's projection). */
export const recordIssuanceUpdate = defineUpdate<CascadeView, [RecordIssuancePayload]>('recordIssuance');
/** The entry's writers withdraw the obligation (sent by the API). */
export const withdrawObligationUpdate = defineUpdate<CascadeView, [WithdrawObligationPayload]>('withdrawObligation');

export interface CascadeEventRecord extends EventFields {
  obligationId: string;
  after: Record<string, unknown> | null;
}

export interface CascadeNotificationRequest extends NotificationFields {
  headOfUnitIds: string[];
  /** Everyone holding the role in these units (or in the boards working for them), resolved when enqueuing. */
  roleIn: { role: 'ADVISORY_STAFF' | 'STANDING_COMMITTEE'; unitIds: string[] } | null;
  obligationId: string;
}

export function cascadeRecords(
  obligationId: string,
): EffectRecords<CascadeEffect, CascadeEventRecord, CascadeNotificationRequest> {
  return {
    effectKey: (seq) => `cascade/${obligationId}#${seq}`,
    toEvent: (e, key, occurredAt) => ({ ...eventFields(e, key, occurredAt), obligationId, after: e.after }),
    toNotification: (e, key, occurredAt) => ({
      ...notificationFields(e, key, occurredAt),
      roleIn: e.roleIn ?? null,
      obligationId,
    }),
  };
}

export type PublishCascadeChangesInput = ProjectionInput<CascadeEventRecord, CascadeNotificationRequest>;

export interface CascadeActivities {
  publishCascadeChanges(input: PublishCascadeChangesInput): Promise<void>;
  /** The task workflow's activity: the admin-edited working-day table for those years. */
  loadWorkingCalendar(input: LoadWorkingCalendarInput): Promise<CalendarYear[]>;
}
