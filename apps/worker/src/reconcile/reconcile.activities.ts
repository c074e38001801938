import { Context } from '@temporalio/activity';
import type { ReconcileActivities } from '@app/workflows/reconcile/definitions';
import { ReconcileService } from './reconcile.service';

/** Activities over the Nest provider; the page activities heartbeat once per workflow or row. */
export function createReconcileActivities(service: ReconcileService): ReconcileActivities {
  const heartbeat = () => Context.current().heartbeat();
  return {
    beginReconciliation: ({ reconciliationId }) => service.begin(reconciliationId),
    reconcileWorkflowPage: (input) => service.workflowPage(input, heartbeat),
    reconcileRowPage: (input) => service.rowPage(input, heartbeat),
    finishReconciliation: (summary) => service.finish(summary),
  };
}
