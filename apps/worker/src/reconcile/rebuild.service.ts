import { Injectable } from '@nestjs/common';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import { programmeWorkflowId, taskWorkflowId } from '@app/temporal/workflow-ids';
import { programmeViewQuery } from '@app/workflows/programme/definitions';
import { RECONCILE_KINDS, type ReconcileKind } from '@app/workflows/reconcile/definitions';
import { programmeTaskIds } from './rebuild-plan';
import { KIND_SPECS, ReadModelProjector } from './read-model-projector';

export interface RebuildReport {
  written: number;
  notFound: string[];
  failed: Array<{ workflowId: string; error: string }>;
}

/**
 * Re-projects the read model from Temporal: one programme with its tasks, or every programme, task
 * and breakthrough cycle Temporal still holds (running, and closed within the namespace's retention).
 * Through ReadModelProjector: the projections' own code and version guards, so it is safe while the
 * system runs. Queries are answered by a running worker.
 */
@Injectable()
export class RebuildService {
  constructor(
    private readonly client: Client,
    private readonly projector: ReadModelProjector,
  ) {}

  async programme(programmeId: string, say: (line: string) => void): Promise<RebuildReport> {
    const report: RebuildReport = { written: 0, notFound: [], failed: [] };
    const workflowId = programmeWorkflowId(programmeId);
    const view = await this.client.workflow
      .getHandle(workflowId)
      .query(programmeViewQuery)
      .catch((err: Error) => {
        if (err instanceof WorkflowNotFoundError) return null;
        throw err;
      });
    if (!view) {
      report.notFound.push(workflowId);
      say(`${workflowId}: no such workflow in Temporal; nothing to rebuild`);
      return report;
    }
    await this.write('PROGRAMME', workflowId, report, say);
    for (const taskId of programmeTaskIds(view.state)) await this.write('TASK', taskWorkflowId(taskId), report, say);
    return report;
  }

  async all(say: (line: string) => void): Promise<RebuildReport> {
    const report: RebuildReport = { written: 0, notFound: [], failed: [] };
    for (const kind of RECONCILE_KINDS) {
      const seen = new Set<string>();
      let nextPageToken: Uint8Array | undefined;
      do {
        const page = await this.client.workflowService.listWorkflowExecutions({
          namespace: this.client.options.namespace,
          pageSize: 200,
          nextPageToken,
          query: `WorkflowType = '${KIND_SPECS[kind].workflowType}'`,
        });
        for (const e of page.executions ?? []) {
          const workflowId = e.execution?.workflowId;
          // Every run of a chain is listed; the latest answers for the id.
          if (!workflowId || seen.has(workflowId)) continue;
          seen.add(workflowId);
          await this.write(kind, workflowId, report, say);
        }
        nextPageToken = page.nextPageToken?.length ? page.nextPageToken : undefined;
      } while (nextPageToken);
      say(`${kind.toLowerCase()}: ${seen.size} workflow(s)`);
    }
    return report;
  }

  private async write(kind: ReconcileKind, workflowId: string, report: RebuildReport, say: (line: string) => void) {
    try {
      const view = await this.projector.read(kind, workflowId);
      await view.project();
      report.written += 1;
      say(`${workflowId}: written at v${view.live.version} (${view.live.marker})`);
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) {
        report.notFound.push(workflowId);
        say(`${workflowId}: no such workflow in Temporal`);
      } else {
        report.failed.push({ workflowId, error: (err as Error).message });
        say(`${workflowId}: FAILED ${(err as Error).message}`);
      }
    }
  }
}
