import { defineQuery } from '@temporalio/workflow';

/**
 * What a workflow hands its projection activity, the same for every workflow here: which workflow,
 * the state version the changes were made at, and the changes themselves (keyed history rows and
 * notification requests). The activity reads the state through the workflow's view query: queries
 * are not recorded, so the history keeps only the changes however large the state grows (whole
 * states in every call once made a five-year programme's history too large to send).
 */
export interface ProjectionInput<R, N> {
  workflowId: string;
  /** The activity projects this version or a newer one (the view may have moved on meanwhile). */
  version: number;
  events: R[];
  notifications: N[];
  /** The run chain the changes come from (absent in inputs of histories recorded before it was sent). */
  chain?: RunChain;
}

/**
 * A workflow's continue-as-new chain: its first run id (unique, in every effect key) and when it
 * started. Of two chains under one workflow id the later started is the newer: the read model keeps
 * the newest version of the newest chain.
 */
export interface RunChain {
  runId: string;
  startedAt: string;
}

/**
 * Every workflow that projects answers which run chain it is (null for a run replaying a history
 * recorded before chains were told): reconciliation and the rebuild write its view under that chain,
 * exactly as its own projection activity would.
 */
export const runChainQuery = defineQuery<RunChain | null>('runChain');

/** What every history row carries: its key (idempotency), who did what (null: the workflow itself), when. */
export interface EventFields {
  key: string;
  actorId: string | null;
  action: string;
  occurredAt: string;
}

export function eventFields(
  e: { actorId: string | null; action: string },
  key: string,
  occurredAt: string,
): EventFields {
  return { key, actorId: e.actorId, action: e.action, occurredAt };
}

/** A notification effect as the domain returns it: whom to tell (people, and units whose head is told). */
export interface NotifyEffect {
  kind: string;
  recipientIds: string[];
  headOfUnitIds?: string[];
  params: Record<string, string | number | null>;
}

/** What every notification request carries: its key (idempotency), kind, recipients, parameters and time. */
export interface NotificationFields {
  key: string;
  kind: string;
  recipientIds: string[];
  params: Record<string, string | number | null>;
  occurredAt: string;
}

/** The fields of a request that may also tell the heads of units (resolved when enqueuing). */
export function notificationFields(
  e: NotifyEffect,
  key: string,
  occurredAt: string,
): NotificationFields & { headOfUnitIds: string[] } {
  return {
    key,
    kind: e.kind,
    recipientIds: e.recipientIds,
    headOfUnitIds: e.headOfUnitIds ?? [],
    params: e.params,
    occurredAt,
  };
}
