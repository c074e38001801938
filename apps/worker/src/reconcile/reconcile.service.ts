import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { TEMPORAL_OPTIONS, type TemporalOptions } from '@app/temporal';
import {
  emptyCounts,
  ReconcileFinding,
  ReconcileKind,
  ReconcilePageInput,
  ReconcilePageResult,
  ReconcileRunSummary,
  totals,
} from '@app/workflows/reconcile/definitions';
import { judgeRow, compareWithRow, type WorkflowFound } from './read-model-drift';
import { KIND_SPECS, ReadModelProjector } from './read-model-projector';
import { ReconcileMetrics } from './reconcile-metrics';

/** Workflows queried or described at once within a page. */
const CONCURRENCY = 8;
const DEFAULT_PAGE_SIZE = 200;

/**
 * The work of a reconciliation (see workflows/src/reconcile): each page compares workflows with rows
 * or rows with workflows, repairs through the projections (ReadModelProjector) and says what it found.
 * Every step is idempotent: a page run twice finds nothing left to repair.
 */
@Injectable()
export class ReconcileService {
  private readonly logger = new Logger(ReconcileService.name);

  constructor(
    private readonly client: Client,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly projector: ReadModelProjector,
    private readonly metrics: ReconcileMetrics,
    @Inject(TEMPORAL_OPTIONS) private readonly temporalOptions: TemporalOptions,
  ) {}

  async begin(reconciliationId: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO reconciliation_run (id, started_at) VALUES ($1, now()) ON CONFLICT (id) DO NOTHING`,
      [reconciliationId],
    );
  }

  /**
   * Running workflows of a kind on this worker's task queue (its workers answer their queries), one
   * visibility page: each view against its row; drift repaired, missing rows written.
   */
  async workflowPage(input: ReconcilePageInput, heartbeat: () => void): Promise<ReconcilePageResult> {
    const spec = KIND_SPECS[input.kind];
    const page = await this.client.workflowService.listWorkflowExecutions({
      namespace: this.client.options.namespace,
      pageSize: input.pageSize ?? DEFAULT_PAGE_SIZE,
      nextPageToken: input.cursor ? Buffer.from(input.cursor, 'base64') : undefined,
      query: `WorkflowType = '${spec.workflowType}' AND ExecutionStatus = 'Running' AND TaskQueue = '${this.temporalOptions.taskQueue}'`,
    });
    const counts = emptyCounts();
    const findings: ReconcileFinding[] = [];
    const workflowIds = (page.executions ?? []).map((e) => e.execution?.workflowId).filter((id): id is string => !!id);
    await pool(workflowIds, CONCURRENCY, async (workflowId) => {
      counts.checked += 1;
      try {
        const finding = await this.reconcileWorkflow(input.kind, workflowId);
        if (finding) {
          counts[finding.what === 'created' ? 'created' : 'repaired'] += 1;
          findings.push(finding);
        }
      } catch (err) {
        findings.push({ kind: input.kind, id: workflowId, what: 'failed', why: (err as Error).message.slice(0, 200) });
      }
      heartbeat();
    });
    const token = page.nextPageToken?.length ? Buffer.from(page.nextPageToken).toString('base64') : null;
    return { counts, findings, next: workflowIds.length > 0 ? token : null };
  }

  /** One workflow against its row; a finding when it was repaired or created, null when they agree. */
  async reconcileWorkflow(kind: ReconcileKind, workflowId: string): Promise<ReconcileFinding | null> {
    const view = await this.projector.read(kind, workflowId);
    const row = await this.projector.row(kind, view.rowId);
    const drift = compareWithRow(view.live, row);
    if (drift.kind === 'NONE') return null;
    // A row the guard would keep (of another chain, or ahead of the workflow) is marked first: it loses to the write.
    if (drift.kind === 'DRIFTED' && row && !row.orphaned && (drift.ahead || row.chainRunId !== view.live.chainRunId))
      await this.projector.orphan(kind, view.rowId);
    await view.project();
    return { kind, id: view.rowId, what: drift.kind === 'MISSING' ? 'created' : 'repaired', why: drift.why };
  }

  /** Live rows of a kind, one page by id: each row's workflow looked up; rows without one marked orphaned. */
  async rowPage(input: ReconcilePageInput, heartbeat: () => void): Promise<ReconcilePageResult> {
    const spec = KIND_SPECS[input.kind];
    const pageSize = input.pageSize ?? DEFAULT_PAGE_SIZE;
    const retentionMs = await this.retentionMs();
    // Closed rows past the retention are history whatever Temporal says (judgeRow keeps them): not looked up.
    const rows: Array<{ id: string; workflowId: string; chainRunId: string | null; updatedAt: Date; open: boolean }> =
      await this.dataSource.query(
        `SELECT id, workflow_id AS "workflowId", chain_run_id AS "chainRunId", updated_at AS "updatedAt", ${spec.open} AS open
         FROM ${spec.table} WHERE orphaned_at IS NULL AND ($1::text IS NULL OR id > $1)
           AND (${spec.open} OR updated_at > now() - make_interval(secs => $3::double precision / 1000))
         ORDER BY id LIMIT $2`,
        [input.cursor, pageSize, retentionMs],
      );
    const counts = emptyCounts();
    const findings: ReconcileFinding[] = [];
    await pool(rows, CONCURRENCY, async (row) => {
      counts.checked += 1;
      try {
        const verdict = judgeRow(row, await this.lookUp(row.workflowId), new Date(), retentionMs);
        if (verdict.verdict === 'ORPHAN') {
          if (await this.projector.orphan(input.kind, row.id)) {
            counts.orphaned += 1;
            findings.push({ kind: input.kind, id: row.id, what: 'orphaned', why: verdict.why });
          }
        } else if (verdict.verdict === 'RECHAIN') {
          await this.projector.orphan(input.kind, row.id);
          // The workflow holding the id now writes its own view (an orphaned row loses to any write).
          const rewritten = await this.projector
            .read(input.kind, row.workflowId)
            .then((view) => view.project())
            .then(() => true)
            .catch(() => false);
          counts[rewritten ? 'repaired' : 'orphaned'] += 1;
          findings.push({ kind: input.kind, id: row.id, what: rewritten ? 'repaired' : 'orphaned', why: verdict.why });
        }
      } catch (err) {
        findings.push({ kind: input.kind, id: row.id, what: 'failed', why: (err as Error).message.slice(0, 200) });
      }
      heartbeat();
    });
    return { counts, findings, next: rows.length === pageSize ? rows[rows.length - 1].id : null };
  }

  async finish(summary: ReconcileRunSummary): Promise<void> {
    const sum = totals(summary.tally);
    const finishedAt = new Date();
    await this.dataSource.query(
      `INSERT INTO reconciliation_run (id, started_at, finished_at, checked, repaired, created, orphaned, details)
       VALUES ($1, $2, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (id) DO UPDATE SET finished_at = EXCLUDED.finished_at, checked = EXCLUDED.checked,
         repaired = EXCLUDED.repaired, created = EXCLUDED.created, orphaned = EXCLUDED.orphaned, details = EXCLUDED.details`,
      [
        summary.reconciliationId,
        finishedAt,
        sum.checked,
        sum.repaired,
        sum.created,
        sum.orphaned,
        JSON.stringify({ byKind: summary.tally, findings: summary.findings }),
      ],
    );
    this.metrics.record(summary.tally, finishedAt);
    // One structured line: what a log search or an alert reads.
    this.logger.log({
      msg: 'read-model reconciliation finished',
      reconciliationId: summary.reconciliationId,
      ...sum,
      byKind: summary.tally,
    });
  }

  /** Found (with its chain's first run) or not found under the id. */
  private async lookUp(workflowId: string): Promise<WorkflowFound> {
    try {
      const described = await this.client.workflow.getHandle(workflowId).describe();
      return { found: true, firstRunId: described.raw.workflowExecutionInfo?.firstRunId || null };
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) return { found: false };
      throw err;
    }
  }

  /** How long the namespace keeps closed workflows; 0 (keep every closed row) when it does not say. */
  private async retentionMs(): Promise<number> {
    try {
      const ns = await this.client.workflowService.describeNamespace({ namespace: this.client.options.namespace });
      const ttl = ns.config?.workflowExecutionRetentionTtl;
      return ttl ? Number(ttl.seconds ?? 0) * 1000 : 0;
    } catch (err) {
      this.logger.warn(`namespace retention unknown (${(err as Error).message}): closed rows are kept`);
      return 0;
    }
  }
}

/** Runs `work` over `items`, at most `limit` at once. */
async function pool<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]);
  });
  await Promise.all(lanes);
}
