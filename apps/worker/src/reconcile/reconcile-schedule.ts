import { Client, ScheduleAlreadyRunning, ScheduleOverlapPolicy } from '@temporalio/client';
import {
  RECONCILE_SCHEDULE_ID,
  RECONCILE_WORKFLOW_TYPE,
  type ReconcileWorkflowInput,
} from '@app/workflows/reconcile/definitions';

export interface ReconcileScheduleOptions {
  taskQueue: string;
  /** How often a reconciliation starts, in milliseconds. */
  everyMs: number;
  pageSize: number;
  scheduleId?: string;
}

/**
 * Creates the reconciliation Schedule when missing, or brings it in line with this worker's
 * configuration (task queue, interval, page size); idempotent, so every worker runs it at boot and
 * several workers starting at once agree. Overlap SKIP: a run still going when the next is due
 * (or when an operator triggers one) means no second run.
 */
export async function ensureReconcileSchedule(
  client: Client,
  opts: ReconcileScheduleOptions,
): Promise<'created' | 'updated' | 'unchanged'> {
  const scheduleId = opts.scheduleId ?? RECONCILE_SCHEDULE_ID;
  const args: [ReconcileWorkflowInput] = [{ pageSize: opts.pageSize }];
  const action = {
    type: 'startWorkflow' as const,
    workflowType: RECONCILE_WORKFLOW_TYPE,
    workflowId: scheduleId,
    taskQueue: opts.taskQueue,
    args,
  };
  try {
    await client.schedule.create({
      scheduleId,
      spec: { intervals: [{ every: opts.everyMs }] },
      action,
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '10 minutes' },
      memo: { purpose: 'read-model reconciliation (docs/operations.md)' },
    });
    return 'created';
  } catch (err) {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
  }
  const handle = client.schedule.getHandle(scheduleId);
  const current = await handle.describe();
  const interval = current.spec.intervals?.[0]?.every;
  const sameArgs = JSON.stringify(current.action.type === 'startWorkflow' ? current.action.args : null);
  if (
    current.action.type === 'startWorkflow' &&
    current.action.taskQueue === opts.taskQueue &&
    interval === opts.everyMs &&
    sameArgs === JSON.stringify(args) &&
    current.policies.overlap === ScheduleOverlapPolicy.SKIP
  )
    return 'unchanged';
  await handle.update((prev) => ({
    ...prev,
    spec: { intervals: [{ every: opts.everyMs }] },
    action,
    policies: { ...prev.policies, overlap: ScheduleOverlapPolicy.SKIP },
  }));
  return 'updated';
}
