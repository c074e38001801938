import { Injectable, ServiceUnavailableException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client, ScheduleNotFoundError, type ScheduleDescription } from '@temporalio/client';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { RECONCILE_SCHEDULE_ID } from '@app/workflows/reconcile/definitions';
import type {
  ReconcileTriggeredResponse,
  ReconciliationRunResponse,
  ReconciliationRunsResponse,
} from './dto/read-model.response';

/** How long a trigger waits to name the run it started. */
const NAME_RUN_WITHIN_MS = 5_000;

/** Reconciliation for operators: run the schedule now, and read what past runs found. */
@Injectable()
export class ReadModelAdminService {
  constructor(
    private readonly temporal: Client,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /**
   * Triggers the worker's schedule now. Runs never overlap: with one going on already, that one is
   * named (started: false). 503 when no worker has created the schedule yet.
   */
  async reconcileNow(): Promise<ReconcileTriggeredResponse> {
    const handle = this.temporal.schedule.getHandle(RECONCILE_SCHEDULE_ID);
    const before = await this.describe();
    const running = before.info.runningActions[0];
    if (running)
      return {
        reconciliationId: running.workflow.workflowId,
        runId: running.workflow.firstExecutionRunId,
        started: false,
      };
    const known = new Set(before.info.recentActions.map((a) => a.action.workflow.workflowId));
    await handle.trigger();
    const deadline = Date.now() + NAME_RUN_WITHIN_MS;
    for (let pause = 50; Date.now() < deadline; pause = Math.min(pause * 2, 500)) {
      const now = await this.describe();
      const started = [...now.info.runningActions, ...now.info.recentActions.map((a) => a.action)].find(
        (a) => !known.has(a.workflow.workflowId),
      );
      if (started)
        return {
          reconciliationId: started.workflow.workflowId,
          runId: started.workflow.firstExecutionRunId,
          started: true,
        };
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

  private async describe(): Promise<ScheduleDescription> {
    try {
      return await this.temporal.schedule.getHandle(RECONCILE_SCHEDULE_ID).describe();
    } catch (err) {
      if (err instanceof ScheduleNotFoundError)
        throw new ServiceUnavailableException(
          'no reconciliation schedule yet: a worker creates it when it starts (RECONCILE_INTERVAL is not off)',
        );
      throw err;
    }
  }
}
