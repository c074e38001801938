/**
 * Read-model reconciliation: a scheduled workflow compares every running programme, task and
 * breakthrough-cycle workflow with its read-model row (repairing drift through the projection code),
 * and every live read-model row with the workflow behind it (marking rows without one orphaned).
 * Shared by the API, the worker and the workflow. Safe in the workflow sandbox.
 */
export const RECONCILE_WORKFLOW_TYPE = 'reconcileReadModelWorkflow';

/** The Temporal Schedule that starts a reconciliation every RECONCILE_INTERVAL (created by the worker at boot). */
export const RECONCILE_SCHEDULE_ID = 'read-model-reconciliation';

/**
 * A run's id (its report row's): the workflow id the schedule gave it and its first run id. The
 * schedule names a triggered run by the second it was asked for, so two triggers in one second
 * share a workflow id but never a run id.
 */
export function reconciliationIdOf(workflowId: string, firstExecutionRunId: string): string {
  return `${workflowId}/${firstExecutionRunId}`;
}

/** The kinds of workflow and read-model row compared, in the order a run visits them. */
export const RECONCILE_KINDS = ['PROGRAMME', 'TASK', 'CYCLE'] as const;
export type ReconcileKind = (typeof RECONCILE_KINDS)[number];

/** The two passes of a run: running workflows against rows, then live rows against workflows. */
export type ReconcilePass = 'WORKFLOWS' | 'ROWS';

/** What a run found, per kind: compared, repaired (drifted), created (missing), orphaned. */
export interface ReconcileCounts {
  checked: number;
  repaired: number;
  created: number;
  orphaned: number;
}

export type ReconcileTally = Record<ReconcileKind, ReconcileCounts>;

/** One finding worth naming in the report (bounded: the first few per run). */
export interface ReconcileFinding {
  kind: ReconcileKind;
  id: string;
  what: 'repaired' | 'created' | 'orphaned' | 'failed';
  why: string;
}

/** Where a run is: which pass and kind, and the page cursor within it (a visibility token or the last row id). */
export interface ReconcileCursor {
  pass: ReconcilePass;
  kind: ReconcileKind;
  cursor: string | null;
}

export interface ReconcileWorkflowInput {
  /** Items per page (an activity with heartbeats); the worker's configuration when absent. */
  pageSize?: number;
  /** Set on continue-as-new. */
  carried?: { at: ReconcileCursor; tally: ReconcileTally; findings: ReconcileFinding[] };
}

export interface ReconcilePageInput {
  /** The run's id (reconciliationIdOf): its report row's id. */
  reconciliationId: string;
  kind: ReconcileKind;
  cursor: string | null;
  pageSize?: number;
}

export interface ReconcilePageResult {
  counts: ReconcileCounts;
  findings: ReconcileFinding[];
  /** Null once the kind's last page was done. */
  next: string | null;
}

export interface ReconcileRunSummary {
  reconciliationId: string;
  tally: ReconcileTally;
  findings: ReconcileFinding[];
}

export interface ReconcileActivities {
  /** Records the run's start (its row in `reconciliation_run`); returns nothing, idempotent. */
  beginReconciliation(input: { reconciliationId: string }): Promise<void>;
  /** One page of running workflows of a kind, each compared with its row and repaired when it drifted. */
  reconcileWorkflowPage(input: ReconcilePageInput): Promise<ReconcilePageResult>;
  /** One page of live rows of a kind, each checked for a workflow of its run chain behind it. */
  reconcileRowPage(input: ReconcilePageInput): Promise<ReconcilePageResult>;
  /** Writes the run's counts (row, log line, metrics). */
  finishReconciliation(input: ReconcileRunSummary): Promise<void>;
}

export const MAX_FINDINGS = 50;

export function emptyCounts(): ReconcileCounts {
  return { checked: 0, repaired: 0, created: 0, orphaned: 0 };
}

export function emptyTally(): ReconcileTally {
  return { PROGRAMME: emptyCounts(), TASK: emptyCounts(), CYCLE: emptyCounts() };
}

/** Adds a page's counts to a kind's (in place) and keeps the first MAX_FINDINGS findings. */
export function addPage(
  tally: ReconcileTally,
  findings: ReconcileFinding[],
  kind: ReconcileKind,
  page: Pick<ReconcilePageResult, 'counts' | 'findings'>,
): void {
  const into = tally[kind];
  into.checked += page.counts.checked;
  into.repaired += page.counts.repaired;
  into.created += page.counts.created;
  into.orphaned += page.counts.orphaned;
  for (const f of page.findings) if (findings.length < MAX_FINDINGS) findings.push(f);
}

/** The totals over every kind. */
export function totals(tally: ReconcileTally): ReconcileCounts {
  const sum = emptyCounts();
  for (const kind of RECONCILE_KINDS) {
    sum.checked += tally[kind].checked;
    sum.repaired += tally[kind].repaired;
    sum.created += tally[kind].created;
    sum.orphaned += tally[kind].orphaned;
  }
  return sum;
}
