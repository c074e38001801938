import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { breakthroughWorkflowId, programmeWorkflowId, taskWorkflowId } from '@app/temporal/workflow-ids';
import { cycleRecord } from '@app/workflows/breakthrough/cycle-view';
import { BREAKTHROUGH_WORKFLOW_TYPE, breakthroughViewQuery } from '@app/workflows/breakthrough/definitions';
import { type RunChain, runChainQuery } from '@app/workflows/common/projection-input';
import { PROGRAMME_WORKFLOW_TYPE, programmeViewQuery } from '@app/workflows/programme/definitions';
import type { ReconcileKind } from '@app/workflows/reconcile/definitions';
import { TASK_WORKFLOW_TYPE, taskViewQuery } from '@app/workflows/task/definitions';
import { BreakthroughProjectionService } from '../breakthrough/breakthrough-projection.service';
import { ProgrammeProjectionService } from '../programmes/programme-projection.service';
import { TaskProjectionService } from '../tasks/task-projection.service';
import type { LiveVersion, RowVersion } from './read-model-drift';

/** Where each kind lives: its workflow type, its read-model table and what a row's headline column is. */
export const KIND_SPECS = {
  PROGRAMME: {
    workflowType: PROGRAMME_WORKFLOW_TYPE,
    table: 'programme',
    marker: 'phase',
    open: `phase NOT IN ('CLOSED', 'CANCELLED', 'SUPERSEDED')`,
    workflowIdOf: programmeWorkflowId,
  },
  TASK: {
    workflowType: TASK_WORKFLOW_TYPE,
    table: 'task',
    marker: 'status',
    open: `status NOT IN ('DONE', 'CANCELLED')`,
    workflowIdOf: taskWorkflowId,
  },
  CYCLE: {
    workflowType: BREAKTHROUGH_WORKFLOW_TYPE,
    table: 'breakthrough_cycle',
    marker: 'phase',
    open: `phase <> 'CLOSED'`,
    workflowIdOf: (cycleId: string) => {
      const at = cycleId.lastIndexOf('/');
      return breakthroughWorkflowId(cycleId.slice(0, at), Number(cycleId.slice(at + 1)));
    },
  },
} as const satisfies Record<ReconcileKind, unknown>;

/** A workflow's view as its projection writes it: the row it owns, its version, and the write itself. */
export interface ReadView {
  rowId: string;
  live: LiveVersion;
  /** Runs the projection the workflow's own activity runs, with no new audit rows or notifications. */
  project(): Promise<void>;
}

/**
 * Reads a workflow's view (and run chain) through its queries and writes it with the same projection
 * services its activities use, so reconciliation and the rebuild never write a second projection:
 * the version guards hold (newest version of the newest chain wins), and it is safe while the system runs.
 */
@Injectable()
export class ReadModelProjector {
  private readonly logger = new Logger(ReadModelProjector.name);

  constructor(
    private readonly client: Client,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly programmes: ProgrammeProjectionService,
    private readonly tasks: TaskProjectionService,
    private readonly cycles: BreakthroughProjectionService,
  ) {}

  async read(kind: ReconcileKind, workflowId: string): Promise<ReadView> {
    const handle = this.client.workflow.getHandle(workflowId);
    const chainQuery = handle.query(runChainQuery).catch((err: Error) => {
      // Without a chain the write is guarded as an old one: it loses to any row of a chain.
      this.logger.warn(`${workflowId}: no run chain (${err.message})`);
      return null;
    });
    const changes = (chain: RunChain | null) => ({
      workflowId,
      events: [],
      notifications: [],
      ...(chain ? { chain } : {}),
    });
    switch (kind) {
      case 'PROGRAMME': {
        const [view, chain] = await Promise.all([handle.query(programmeViewQuery), chainQuery]);
        return {
          rowId: view.state.setup.programmeId,
          live: { version: view.state.version, chainRunId: chain?.runId ?? null, marker: view.state.phase },
          project: () => this.programmes.publish(changes(chain), view.state),
        };
      }
      case 'TASK': {
        const [view, chain] = await Promise.all([handle.query(taskViewQuery), chainQuery]);
        return {
          rowId: view.state.setup.taskId,
          live: { version: view.state.version, chainRunId: chain?.runId ?? null, marker: view.state.status },
          project: () => this.tasks.publish(changes(chain), view.state),
        };
      }
      case 'CYCLE': {
        const [view, chain] = await Promise.all([handle.query(breakthroughViewQuery), chainQuery]);
        const record = cycleRecord(view);
        return {
          rowId: record.cycleId,
          live: { version: record.version, chainRunId: chain?.runId ?? null, marker: record.phase },
          project: () => this.cycles.publish(changes(chain), record),
        };
      }
    }
  }

  /** The row's version, chain and headline, or undefined when it has none. */
  async row(kind: ReconcileKind, id: string): Promise<RowVersion | undefined> {
    const spec = KIND_SPECS[kind];
    const [row]: Array<{ seq: number; chainRunId: string | null; marker: string; orphaned: boolean }> =
      await this.dataSource.query(
        `SELECT projection_seq AS seq, chain_run_id AS "chainRunId", ${spec.marker} AS marker,
           orphaned_at IS NOT NULL AS orphaned FROM ${spec.table} WHERE id = $1`,
        [id],
      );
    return row;
  }

  /**
   * Marks a row orphaned (unless it is already): it drops out of every list and count, its task
   * counts go (a trigger), and any write of a live workflow replaces it whatever its version.
   */
  async orphan(kind: ReconcileKind, id: string): Promise<boolean> {
    // An UPDATE answers [rows, affected count].
    const [, affected]: [unknown[], number] = await this.dataSource.query(
      `UPDATE ${KIND_SPECS[kind].table} SET orphaned_at = now() WHERE id = $1 AND orphaned_at IS NULL`,
      [id],
    );
    return affected > 0;
  }
}
