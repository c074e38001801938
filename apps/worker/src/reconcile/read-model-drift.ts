/**
 * The comparisons a reconciliation makes, as pure functions: a running workflow's view against its
 * read-model row, and a live row against the workflow found (or not) behind it.
 */

/** What a running workflow says of itself: its state version, run chain and headline (phase or status). */
export interface LiveVersion {
  version: number;
  /** Null for a run replaying a history recorded before run chains were told. */
  chainRunId: string | null;
  marker: string;
}

/** What the read model holds for it. */
export interface RowVersion {
  seq: number;
  chainRunId: string | null;
  marker: string;
  orphaned: boolean;
}

export type Drift =
  | { kind: 'NONE' }
  | { kind: 'MISSING'; why: string }
  /** `ahead`: the row claims a version the workflow has not reached (written by hand or restored from elsewhere). */
  | { kind: 'DRIFTED'; why: string; ahead: boolean };

/**
 * Whether the row agrees with the workflow. A row behind the workflow may only be a projection in
 * flight; repairing it is harmless either way (the same projection, keeping the newest version).
 */
export function compareWithRow(live: LiveVersion, row: RowVersion | undefined): Drift {
  if (!row) return { kind: 'MISSING', why: 'no read-model row' };
  if (row.orphaned) return { kind: 'DRIFTED', why: 'row marked orphaned while its workflow runs', ahead: false };
  if (live.chainRunId !== null && row.chainRunId !== live.chainRunId)
    return {
      kind: 'DRIFTED',
      why: `row from run chain ${row.chainRunId ?? '(none)'}, workflow is ${live.chainRunId}`,
      ahead: row.seq > live.version,
    };
  if (row.seq < live.version)
    return { kind: 'DRIFTED', why: `row at v${row.seq}, workflow at v${live.version}`, ahead: false };
  if (row.seq > live.version)
    return { kind: 'DRIFTED', why: `row at v${row.seq} ahead of the workflow at v${live.version}`, ahead: true };
  if (row.marker !== live.marker)
    return {
      kind: 'DRIFTED',
      why: `row says ${row.marker}, workflow says ${live.marker} at v${live.version}`,
      ahead: false,
    };
  return { kind: 'NONE' };
}

/** A live read-model row, as the rows pass sees it. */
export interface RowLife {
  chainRunId: string | null;
  /** Its phase or status is not a final one. */
  open: boolean;
  /** When its projection last wrote it (about when a closed row's workflow closed). */
  updatedAt: Date;
}

/** What Temporal knows under the row's workflow id. */
export type WorkflowFound = { found: false } | { found: true; firstRunId: string | null };

export type RowVerdict =
  | { verdict: 'KEEP' }
  /** No workflow stands behind the row: it drops out of lists and counts. */
  | { verdict: 'ORPHAN'; why: string }
  /** A workflow of another run chain holds the id: the row goes, and that workflow's view is written instead. */
  | { verdict: 'RECHAIN'; why: string };

/**
 * Whether a live row still has its workflow. A closed row whose workflow is gone past the namespace's
 * retention is history the read model keeps (Temporal forgets closed workflows; the read model must
 * not). An open row without a workflow, or a closed one whose workflow should still be retained,
 * was left by another Temporal (an earlier clone, a reset server) and is orphaned.
 */
export function judgeRow(row: RowLife, workflow: WorkflowFound, now: Date, retentionMs: number): RowVerdict {
  if (!workflow.found) {
    if (row.open) return { verdict: 'ORPHAN', why: 'open row without a workflow' };
    if (now.getTime() - row.updatedAt.getTime() < retentionMs)
      return { verdict: 'ORPHAN', why: 'closed row whose workflow should still be retained is not found' };
    return { verdict: 'KEEP' };
  }
  if (row.chainRunId !== null && workflow.firstRunId && row.chainRunId !== workflow.firstRunId)
    return { verdict: 'RECHAIN', why: `row from run chain ${row.chainRunId}, workflow is ${workflow.firstRunId}` };
  return { verdict: 'KEEP' };
}
