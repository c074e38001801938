/**
 * Shared by the API and the breakthrough cycle workflow: updates, query, input and activity types.
 * Safe in the workflow sandbox.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import type {
  Actor,
  AvailableAction,
  BreakthroughActionName,
  BreakthroughEffect,
  BreakthroughPayloads,
  BreakthroughSetup,
  BreakthroughState,
  Registration,
} from '@app/domain';
import { BREAKTHROUGH_ACTIONS } from '@app/domain';
import { eventFields, notificationFields } from '../common/projection-input';
import type { EventFields, NotificationFields, ProjectionInput, RunChain } from '../common/projection-input';
import type { UpdateEnvelope } from '../common/update-envelope';
import type { EffectRecords } from '../common/workflow-runtime';

export const BREAKTHROUGH_WORKFLOW_TYPE = 'breakthroughCycleWorkflow';

export type BreakthroughActionEnvelope<N extends BreakthroughActionName = BreakthroughActionName> = UpdateEnvelope<
  BreakthroughPayloads[N]
>;

export interface BreakthroughWorkflowInput {
  setup: BreakthroughSetup;
  carried?: { state: BreakthroughState; firedTimerKeys: string[]; effectSeq: number; runs: number; chain?: RunChain };
  continueAsNewAfterEvents?: number;
}

export interface BreakthroughView {
  cycleId: string;
  phase: BreakthroughState['phase'];
  counts: Record<string, number>;
  runs: number;
  version: number;
  state: BreakthroughState;
}

export const breakthroughViewQuery = defineQuery<BreakthroughView>('breakthroughView');

/** What the actor may do on the cycle now, with each action's form. */
export const cycleAvailableActionsQuery = defineQuery<AvailableAction<BreakthroughActionName>[], [Actor]>(
  'availableActions',
);

/** What an action answers: the cycle's headline and the registration it touched, never the whole state (it is kept in history). */
export type BreakthroughActionResult = Omit<BreakthroughView, 'state'> & { registration: Registration | null };

type UpdateDefs = {
  [N in BreakthroughActionName]: UpdateDefinition<BreakthroughActionResult, [BreakthroughActionEnvelope<N>], N>;
};

export const breakthroughUpdates: UpdateDefs = Object.fromEntries(
  BREAKTHROUGH_ACTIONS.map((name) => [
    name,
    defineUpdate<BreakthroughActionResult, [BreakthroughActionEnvelope]>(name),
  ]),
) as unknown as UpdateDefs;

export interface BreakthroughEventRecord extends EventFields {
  cycleId: string;
  after: Record<string, unknown>;
}

export interface BreakthroughNotificationRequest extends NotificationFields {
  /** Units whose active head is told as well, resolved when enqueuing. */
  headOfUnitIds: string[];
}

/** A cycle's effects as records, keyed `breakthrough/<cycleId>#<seq>`; a notice to nobody is dropped. */
export function cycleRecords(
  cycleId: string,
): EffectRecords<BreakthroughEffect, BreakthroughEventRecord, BreakthroughNotificationRequest> {
  return {
    effectKey: (seq) => `breakthrough/${cycleId}#${seq}`,
    toEvent: (e, key, occurredAt) => ({ ...eventFields(e, key, occurredAt), cycleId, after: e.after }),
    toNotification: (e, key, occurredAt) =>
      e.recipientIds.length || e.headOfUnitIds?.length ? notificationFields(e, key, occurredAt) : null,
  };
}

/** What the read model keeps of a cycle: its headline, not every registration (those stay in the workflow, read by query). */
export interface BreakthroughCycleRecord {
  cycleId: string;
  /** The committee the cycle belongs to now (a restructuring may have moved it). */
  unitId: string;
  year: number;
  title: string;
  phase: BreakthroughState['phase'];
  counts: Record<string, number>;
  summary: BreakthroughState['summary'];
  version: number;
  /** The whole state (absent in inputs of histories recorded before the read model kept it). */
  state?: BreakthroughState;
}

/** The cycle's changes for its projection; the activity reads the cycle through the `breakthroughView` query. */
export type PublishBreakthroughChangesInput = ProjectionInput<BreakthroughEventRecord, BreakthroughNotificationRequest>;

/** As histories recorded before the query carry it: the cycle's headline in every call. */
export interface LegacyPublishBreakthroughChangesInput {
  workflowId: string;
  cycle: BreakthroughCycleRecord;
  events: BreakthroughEventRecord[];
  notifications: BreakthroughNotificationRequest[];
}

export interface BreakthroughActivities {
  publishBreakthroughChanges(
    input: PublishBreakthroughChangesInput | LegacyPublishBreakthroughChangesInput,
  ): Promise<void>;
}
