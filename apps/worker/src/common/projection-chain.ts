import type { RunChain } from '@app/workflows/common/projection-input';

/**
 * Which write of a programme, task or cycle row wins (the upsert's WHERE): the newest version of
 * the newest run chain. A chain is newer when it started later (a second workflow under an id used
 * before always starts after the first); rows and inputs from before chains were told count as the
 * oldest. A row marked orphaned (reconciliation found no workflow of its chain behind it) loses to
 * any write: the workflow writing is the one that exists. `$chainAt` is the parameter holding the
 * incoming chain's start.
 */
export function newestChainWins(table: string, chainAt: string): string {
  return `(${table}.orphaned_at IS NOT NULL
    OR (COALESCE(${table}.chain_started_at, '-infinity'), ${table}.projection_seq)
      <= (COALESCE(${chainAt}::timestamptz, '-infinity'), EXCLUDED.projection_seq))`;
}

/** The SET part every winning write carries: the chain, and no orphan mark (a workflow stands behind it). */
export const CHAIN_COLUMNS_SET =
  'chain_run_id = EXCLUDED.chain_run_id, chain_started_at = EXCLUDED.chain_started_at, orphaned_at = NULL';

/** The chain's two column values, null for inputs of histories recorded before chains were told. */
export function chainValues(chain: RunChain | undefined): [string | null, string | null] {
  return [chain?.runId ?? null, chain?.startedAt ?? null];
}
