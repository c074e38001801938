import { BadRequestException, HttpException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Actor, TaskStatus } from '@app/domain';
import { TaskAccessService } from '../access';
import { Principal } from '../auth/principal';
import { SqlParams } from '../common/sql-params';
import { ReassignBulkDto } from './dto/reassign-bulk.dto';
import { ActiveUnitsService } from '../organisation/restructuring/active-units.service';
import { TasksService } from './tasks.service';

const REASSIGNABLE: readonly TaskStatus[] = [
  TaskStatus.ASSIGNED,
  TaskStatus.ACCEPTED,
  TaskStatus.IN_PROGRESS,
  TaskStatus.RETURNED,
];
const MAX_BULK = 2000;
const CONCURRENCY = 10;

interface TaskRow {
  id: string;
  workflow_id: string;
  issuingUnitId: string;
  responsibleUnitId: string;
}

export interface BulkItemResult {
  taskId: string;
  ok: boolean;
  status: number;
  reason: string | null;
}

/**
 * "All open tasks of person X go to person Y": one reassign update per task, each with a request id
 * derived from the bulk request id and the task id, so a retried bulk request has one effect.
 */
@Injectable()
export class TaskReassignmentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly taskAccess: TaskAccessService,
    private readonly tasks: TasksService,
    private readonly activeUnits: ActiveUnitsService,
  ) {}

  async reassignAll(
    dto: ReassignBulkDto,
    p: Principal,
  ): Promise<{ requestId: string; matched: number; reassigned: number; results: BulkItemResult[] }> {
    this.taskAccess.mayReassignInBulk(p);
    if (dto.fromPersonId === dto.toPersonId)
      throw new BadRequestException('fromPersonId and toPersonId are the same person');
    const { unitId: toUnitId } = await this.taskAccess.reassignTarget(p, dto.toPersonId, dto.toUnitId);
    await this.activeUnits.assertActive([toUnitId], 'tasks cannot be assigned to this unit');
    const params = new SqlParams();
    const supervised = await this.taskAccess.tasksForBulkReassignment(p, 't', params);
    const rows: TaskRow[] = await this.dataSource.query(
      `SELECT id, workflow_id, issuing_unit_id AS "issuingUnitId", responsible_unit_id AS "responsibleUnitId" FROM task t
        WHERE t.responsible_person_id = ${params.add(dto.fromPersonId)} AND t.status = ANY(${params.add(REASSIGNABLE)})
          AND ${supervised}
        ORDER BY t.id LIMIT ${MAX_BULK + 1}`,
      params.values,
    );
    if (rows.length > MAX_BULK) throw new BadRequestException(`more than ${MAX_BULK} tasks match; narrow the request`);
    const actorFor = await this.taskAccess.taskActors(p);
    const results: BulkItemResult[] = [];
    for (let i = 0; i < rows.length; i += CONCURRENCY) {
      results.push(
        ...(await Promise.all(
          rows.slice(i, i + CONCURRENCY).map((row) => this.reassignOne(row, dto, toUnitId, actorFor(row))),
        )),
      );
    }
    return { requestId: dto.requestId, matched: rows.length, reassigned: results.filter((r) => r.ok).length, results };
  }

  private async reassignOne(
    row: TaskRow,
    dto: ReassignBulkDto,
    toUnitId: string,
    actor: Actor,
  ): Promise<BulkItemResult> {
    const requestId = `bulk-${createHash('sha256').update(`${dto.requestId}\n${row.id}`).digest('hex').slice(0, 40)}`;
    try {
      await this.tasks.sendAction(
        row.workflow_id,
        'reassign',
        requestId,
        { toPersonId: dto.toPersonId, toUnitId, reason: dto.reason },
        actor,
      );
      return { taskId: row.id, ok: true, status: 200, reason: null };
    } catch (err) {
      if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
        const status = { FORBIDDEN: 403, WRONG_PHASE: 409, INVALID: 400, NOT_FOUND: 404 }[err.cause.type ?? ''] ?? 422;
        return { taskId: row.id, ok: false, status, reason: err.cause.message };
      }
      if (err instanceof HttpException)
        return { taskId: row.id, ok: false, status: err.getStatus(), reason: err.message };
      throw err;
    }
  }
}
