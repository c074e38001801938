import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Client,
  ScheduleNotFoundError,
  ScheduleOverlapPolicy,
  type ScheduleDescription,
  type ScheduleExecutionStartWorkflowActionResult,
} from '@temporalio/client';
import { TEMPORAL_OPTIONS, type TemporalOptions } from '@app/temporal';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import {
  RECONCILE_SCHEDULE_ID,
  RECONCILE_WORKFLOW_TYPE,
  reconciliationIdOf,
  type ReconcileWorkflowInput,
} from '@app/workflows/reconcile/definitions';
import type {
  ReconcileTriggeredResponse,
  ReconciliationRunResponse,
  ReconciliationRunsResponse,
} from './dto/read-model.response';

/** How long a trigger waits to name the run it started (then it answers without the name: a 202 stays quick). */
const NAME_RUN_WITHIN_MS = 3_000;

/** Reconciliation for operators: run the schedule now, and read what past runs found. */
@Injectable()
export class ReadModelAdminService {
  constructor(
    private readonly temporal: Client,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(TEMPORAL_OPTIONS) private readonly temporalOptions: TemporalOptions,
  ) {}

  /**
   * Triggers the workers' schedule now. Scheduled runs never overlap: with one going on already, that
   * one is named (started: false). Without a schedule (RECONCILE_INTERVAL off, or no worker started
   * yet) a run of its own is started on the task queue.
   */
  async reconcileNow(): Promise<ReconcileTriggeredResponse> {
    const handle = this.temporal.schedule.getHandle(RECONCILE_SCHEDULE_ID);
    const before = await this.describe();
    if (!before) return this.startUnscheduled();
    const running = await this.stillRunning(before);
    if (running) return { ...named(running), started: false };
    const known = new Set(before.info.recentActions.map((a) => named(a.action).reconciliationId));
    // The schedule learns of a run's finish late (up to minutes): with its SKIP a trigger right after a
    // run would be dropped, with BUFFER_ONE delayed. No run goes on (asked of the workflow above), so
    // this one starts now; two runs at once would only do the same idempotent work twice.
    await handle.trigger(ScheduleOverlapPolicy.ALLOW_ALL);
    const deadline = Date.now() + NAME_RUN_WITHIN_MS;
    for (let pause = 50; Date.now() < deadline; pause = Math.min(pause * 2, 500)) {
      const now = await this.describe();
      if (!now) break;
      const started = [...now.info.runningActions, ...now.info.recentActions.map((a) => a.action)]
        .map(named)
        .find((a) => !known.has(a.reconciliationId));
      if (started) return { ...started, started: true };
      await sleep(pause);
    }
    return { reconciliationId: null, runId: null, started: true };
  }

  async runs(limit: number, offset: number): Promise<ReconciliationRunsResponse> {
    const [items, [{ total }]] = await Promise.all([
      this.dataSource.query(
        `SELECT id, started_at AS "startedAt", finished_at AS "finishedAt", checked, repaired, created, orphaned, details
         FROM reconciliation_run ORDER BY started_at DESC, id LIMIT $1 OFFSET $2`,
        [limit, offset],
      ) as Promise<ReconciliationRunResponse[]>,
      this.dataSource.query(`SELECT count(*)::int AS total FROM reconciliation_run`) as Promise<
        Array<{ total: number }>
      >,
    ]);
    return { items, total };
  }

  /** The schedule's run going on, if any: it learns of a finish a moment late, so the workflow itself is asked. */
  private async stillRunning(schedule: ScheduleDescription) {
    for (const action of schedule.info.runningActions) {
      const { status } = await this.temporal.workflow
        .getHandle(action.workflow.workflowId, undefined, { firstExecutionRunId: action.workflow.firstExecutionRunId })
        .describe();
      if (status.name === 'RUNNING') return action;
    }
    return undefined;
  }

  /** The schedule, or null when no worker has created it. */
  private async describe(): Promise<ScheduleDescription | null> {
    try {
      return await this.temporal.schedule.getHandle(RECONCILE_SCHEDULE_ID).describe();
    } catch (err) {
      if (err instanceof ScheduleNotFoundError) return null;
      throw err;
    }
  }

  private async startUnscheduled(): Promise<ReconcileTriggeredResponse> {
    const workflowId = `${RECONCILE_SCHEDULE_ID}-manual-${new Date().toISOString()}-${randomUUID().slice(0, 8)}`;
    const args: [ReconcileWorkflowInput] = [{}];
    const handle = await this.temporal.workflow.start(RECONCILE_WORKFLOW_TYPE, {
      taskQueue: this.temporalOptions.taskQueue,
      workflowId,
      args,
    });
    return {
      reconciliationId: reconciliationIdOf(workflowId, handle.firstExecutionRunId),
      runId: handle.firstExecutionRunId,
      started: true,
    };
  }
}

/** A scheduled run's id and run id, from what the schedule says it started. */
function named(action: ScheduleExecutionStartWorkflowActionResult): { reconciliationId: string; runId: string } {
  const { workflowId, firstExecutionRunId } = action.workflow;
  return { reconciliationId: reconciliationIdOf(workflowId, firstExecutionRunId), runId: firstExecutionRunId };
}
