/**
 * One reconciliation of the read model with the workflows (see definitions.ts): page by page, each
 * page an activity with heartbeats; the position is the workflow's state, carried across
 * continue-as-new so a national-scale read model keeps the history short. Deterministic code only.
 */
import { continueAsNew, proxyActivities, workflowInfo } from '@temporalio/workflow';
import { ACTIVITY_OPTIONS } from '../common/workflow-runtime';
import {
  addPage,
  emptyTally,
  RECONCILE_KINDS,
  reconciliationIdOf,
  ReconcileActivities,
  ReconcileCursor,
  ReconcileFinding,
  ReconcileWorkflowInput,
} from './definitions';

const { beginReconciliation, finishReconciliation } = proxyActivities<ReconcileActivities>(ACTIVITY_OPTIONS);
// A page queries and describes up to a few hundred workflows: it heartbeats, and may take minutes.
const { reconcileWorkflowPage, reconcileRowPage } = proxyActivities<ReconcileActivities>({
  ...ACTIVITY_OPTIONS,
  startToCloseTimeout: '15 minutes',
  heartbeatTimeout: '1 minute',
});

/** Pages per run before continuing as new. */
const PAGES_PER_RUN = 200;

export async function reconcileReadModelWorkflow(input: ReconcileWorkflowInput = {}): Promise<void> {
  const info = workflowInfo();
  const reconciliationId = reconciliationIdOf(info.workflowId, info.firstExecutionRunId);
  const tally = input.carried?.tally ?? emptyTally();
  const findings: ReconcileFinding[] = input.carried?.findings ?? [];
  let at: ReconcileCursor | null = input.carried?.at ?? { pass: 'WORKFLOWS', kind: RECONCILE_KINDS[0], cursor: null };
  if (!input.carried) await beginReconciliation({ reconciliationId });
  let pages = 0;
  while (at) {
    const pageInput = { reconciliationId, kind: at.kind, cursor: at.cursor, pageSize: input.pageSize };
    const page = at.pass === 'WORKFLOWS' ? await reconcileWorkflowPage(pageInput) : await reconcileRowPage(pageInput);
    addPage(tally, findings, at.kind, page);
    at = nextCursor(at, page.next);
    pages += 1;
    if (at && (pages >= PAGES_PER_RUN || workflowInfo().continueAsNewSuggested))
      return continueAsNew<typeof reconcileReadModelWorkflow>({ ...input, carried: { at, tally, findings } });
  }
  await finishReconciliation({ reconciliationId, tally, findings });
}

/** The next page: on in this kind, else the next kind, else the rows pass, else done (null). */
function nextCursor(at: ReconcileCursor, next: string | null): ReconcileCursor | null {
  if (next !== null) return { ...at, cursor: next };
  const kind = RECONCILE_KINDS[RECONCILE_KINDS.indexOf(at.kind) + 1];
  if (kind) return { pass: at.pass, kind, cursor: null };
  return at.pass === 'WORKFLOWS' ? { pass: 'ROWS', kind: RECONCILE_KINDS[0], cursor: null } : null;
}
