/**
 * Shared by the API and the breakthrough cycle workflow: updates, query, input and activity types.
 * Safe in the workflow sandbox.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import type {
  BreakthroughActionName,
  BreakthroughPayloads,
  BreakthroughSetup,
  BreakthroughState,
  Registration,
} from '@app/domain';
import { BREAKTHROUGH_ACTIONS } from '@app/domain';
import type { UpdateEnvelope } from '../common/update-envelope';

export const BREAKTHROUGH_WORKFLOW_TYPE = 'breakthroughCycleWorkflow';

export type BreakthroughActionEnvelope<N extends BreakthroughActionName = BreakthroughActionName> = UpdateEnvelope<
  BreakthroughPayloads[N]
>;

export interface BreakthroughWorkflowInput {
  setup: BreakthroughSetup;
  carried?: { state: BreakthroughState; firedTimerKeys: string[]; effectSeq: number; runs: number };
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

export interface BreakthroughEventRecord {
  key: string;
  cycleId: string;
  actorId: string | null;
  action: string;
  occurredAt: string;
  after: Record<string, unknown>;
}

export interface BreakthroughNotificationRequest {
  key: string;
  kind: string;
  recipientIds: string[];
  headOfUnitIds: string[];
  params: Record<string, string | number | null>;
  occurredAt: string;
}

/** What the read model keeps of a cycle: its headline, not every registration (those stay in the workflow, read by query). */
export interface BreakthroughCycleRecord {
  cycleId: string;
  unitId: string;
  year: number;
  title: string;
  phase: BreakthroughState['phase'];
  counts: Record<string, number>;
  summary: BreakthroughState['summary'];
  version: number;
}

export interface PublishBreakthroughChangesInput {
  workflowId: string;
  cycle: BreakthroughCycleRecord;
  events: BreakthroughEventRecord[];
  notifications: BreakthroughNotificationRequest[];
}

export interface BreakthroughActivities {
  publishBreakthroughChanges(input: PublishBreakthroughChangesInput): Promise<void>;
}
