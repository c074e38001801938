/**
 * The restructuring workflow (one per change): waits for the effective date, makes the change in
 * the unit tree, then tells every running workflow that names a predecessor through the
 * `applyOrgChange` update, page by page, and closes when the read model agrees. Shared by the API,
 * the worker and the workflow. Safe in the workflow sandbox.
 */
import { defineQuery } from '@temporalio/workflow';

export const ORG_CHANGE_WORKFLOW_TYPE = 'orgChangeWorkflow';

export const orgChangeWorkflowId = (changeId: string): string => `org-change/${changeId}`;

/** The kinds of workflow a change reaches, in the order the fan-out visits them. */
export const FAN_OUT_TARGETS = ['PROGRAMME', 'TASK', 'CYCLE'] as const;
export type FanOutTarget = (typeof FAN_OUT_TARGETS)[number];

export interface FanOutCursor {
  pass: number;
  target: FanOutTarget;
  /** The last read-model id handled in `target` (keyset paging), null at its start. */
  afterId: string | null;
}

export interface OrgChangeWorkflowInput {
  changeId: string;
  /** First day under the new structure (YYYY-MM-DD, Vietnam time). */
  effectiveDate: string;
  /** Workflows per page and updates in flight at once (the benchmark varies them). */
  pageSize?: number;
  concurrency?: number;
  /** Set on continue-as-new: the change has taken effect and the fan-out goes on from here. */
  cursor?: FanOutCursor;
}

export interface SendPageInput {
  changeId: string;
  target: FanOutTarget;
  afterId: string | null;
  pageSize: number;
  concurrency: number;
}

export interface SendPageResult {
  /** The last id of this page, or null when the target has no more rows. */
  nextAfterId: string | null;
  sent: number;
  skipped: number;
}

export interface OrgChangeActivities {
  /** Predecessors get their status, successor and last day; units under them move; their people move. Idempotent. */
  takeOrgChangeEffect(changeId: string): Promise<void>;
  /** Sends the update to one page of workflows naming a predecessor, with bounded concurrency. */
  sendOrgChangePage(input: SendPageInput): Promise<SendPageResult>;
  /** Open rows of the read model that still name a predecessor (skipped workflows left out). */
  orgChangeOutstanding(changeId: string): Promise<number>;
  completeOrgChange(changeId: string): Promise<void>;
}

export interface OrgChangeProgress {
  stage: 'WAITING' | 'TAKING_EFFECT' | 'FANNING_OUT' | 'CONVERGING' | 'DONE';
  cursor: FanOutCursor | null;
  sent: number;
}

export const orgChangeProgressQuery = defineQuery<OrgChangeProgress>('orgChangeProgress');
