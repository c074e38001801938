import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { recordIssuanceUpdate } from '@app/workflows/cascade/definitions';
import { CascadeProjectionService } from './cascade-projection.service';

/**
 * Tells the open obligations of a body that it has issued a programme implementing their entry (the
 * entry itself, or an entry of the body's own implementing it). Called when a programme's projection
 * shows it issued. The update id is the programme's, so a repeat has one effect; the answer is projected
 * at once, so whoever reads the obligation after the programme's issuance sees it fulfilled.
 */
@Injectable()
export class CascadeFulfilmentService {
  private readonly logger = new Logger(CascadeFulfilmentService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly client: Client,
    private readonly projection: CascadeProjectionService,
  ) {}

  async programmeIssued(p: {
    programmeId: string;
    unitId: string;
    resolutionId: string;
    issuedOn: string;
  }): Promise<void> {
    const open: Array<{ id: string; workflowId: string }> = await this.dataSource.query(
      `SELECT o.id, o.workflow_id AS "workflowId" FROM cascade_obligation o
        WHERE o.status = 'OPEN' AND o.unit_id = $1
          AND (o.resolution_id = $2 OR o.resolution_id = (SELECT r.implements_id FROM resolution r WHERE r.id = $2))`,
      [p.unitId, p.resolutionId],
    );
    for (const o of open) {
      const requestId = `issued-${p.programmeId}`;
      try {
        const view = await this.client.workflow.getHandle(o.workflowId).executeUpdate(recordIssuanceUpdate, {
          args: [{ requestId, programmeId: p.programmeId, issuedOn: p.issuedOn }],
          updateId: requestId,
        });
        await this.projection.publish({ workflowId: o.workflowId, events: [], notifications: [] }, view.state);
      } catch (err) {
        // Withdrawn or fulfilled meanwhile (the workflow has ended or refuses): nothing is left to tell.
        if (err instanceof WorkflowNotFoundError || err instanceof WorkflowUpdateFailedError) {
          this.logger.log(`obligation ${o.id} not told of ${p.programmeId}: ${(err as Error).message}`);
          continue;
        }
        throw err;
      }
    }
  }
}
