import { randomUUID } from 'node:crypto';
import { BadRequestException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { DataSource, EntityManager } from 'typeorm';
import { orgChangeProblem, type OrgChangeRequest, type UnitFact } from '@app/domain';
import { TemporalOptions, TEMPORAL_OPTIONS } from '@app/temporal';
import {
  ORG_CHANGE_WORKFLOW_TYPE,
  orgChangeWorkflowId,
  type OrgChangeWorkflowInput,
} from '@app/workflows/restructuring/definitions';
import { AccessService } from '../../access/access.service';
import { Principal, toActor } from '../../auth/principal';
import { CreateRestructuringDto } from './dto/create-restructuring.dto';
import type { RestructuringResponse } from './dto/restructuring.response';
import { openProgrammeOf, openTaskOf } from './open-work.sql';

/**
 * Restructurings: checked whole before anything is written (400 naming the first problem), written
 * in one transaction (new units, the change, its predecessors and items), then handed to a workflow
 * that waits for the date and carries the change through the running work. The same request id
 * again answers with the change it made, and starts its workflow if the first attempt could not.
 */
@Injectable()
export class RestructuringService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly temporal: Client,
    @Inject(TEMPORAL_OPTIONS) private readonly temporalOptions: TemporalOptions,
  ) {}

  async create(dto: CreateRestructuringDto, principal: Principal): Promise<RestructuringResponse> {
    const req: OrgChangeRequest = {
      kind: dto.kind,
      effectiveDate: dto.effectiveDate,
      units: dto.units.map((u) => ({ unitId: u.unitId, successorId: u.successorId })),
      newUnits: (dto.newUnits ?? []).map((n) => ({ ...n, parentId: n.parentId ?? null })),
      items: (dto.items ?? []).map((i) => ({ ...i, responsiblePersonId: i.responsiblePersonId ?? null })),
    };
    await this.access.mayRestructure(principal, {
      predecessorIds: req.units.map((u) => u.unitId),
      successorIds: [...req.units.map((u) => u.successorId), ...req.items.map((i) => i.successorId)],
      newParentIds: req.newUnits.flatMap((n) => (n.parentId ? [n.parentId] : [])),
    });
    const existing = await this.byRequestId(dto.requestId);
    if (existing) {
      await this.startWorkflow(existing.id, existing.effectiveDate);
      return this.get(existing.id, principal);
    }
    const id = randomUUID();
    await this.dataSource.transaction(async (tx) => {
      // One restructuring at a time touches the tree: the lock makes the checks and the write one step.
      await tx.query(`LOCK TABLE org_change IN SHARE ROW EXCLUSIVE MODE`);
      const units: UnitFact[] = await tx.query(
        `SELECT id, name, kind, parent_id AS "parentId", status, successor_id AS "successorId", code,
           to_char(valid_from, 'YYYY-MM-DD') AS "validFrom" FROM org_unit`,
      );
      const problem = orgChangeProblem(req, new Map(units.map((u) => [u.id, u])));
      if (problem) throw new BadRequestException(problem);
      await this.checkPending(tx, req);
      await this.checkItems(tx, req);
      for (const n of req.newUnits)
        await tx.query(
          `INSERT INTO org_unit (id, name, kind, parent_id, code, valid_from) VALUES ($1,$2,$3,$4,$5,$6)`,
          [n.id, n.name, n.kind, n.parentId, n.code, req.effectiveDate],
        );
      await tx.query(
        `INSERT INTO org_change (id, request_id, kind, effective_date, reason, request, created_by) VALUES ($1,$2,$3,$4,$5,$6,$7)`,
        [
          id,
          dto.requestId,
          req.kind,
          req.effectiveDate,
          dto.reason,
          JSON.stringify({ ...req, actor: toActor(principal) }),
          principal.personId,
        ],
      );
      for (const u of req.units)
        await tx.query(`INSERT INTO org_change_unit (change_id, unit_id, successor_id) VALUES ($1,$2,$3)`, [
          id,
          u.unitId,
          u.successorId,
        ]);
      for (const i of req.items)
        await tx.query(
          `INSERT INTO org_change_item (change_id, kind, item_id, successor_id, responsible_person_id) VALUES ($1,$2,$3,$4,$5)`,
          [id, i.kind, i.id, i.successorId, i.responsiblePersonId],
        );
    });
    await this.startWorkflow(id, req.effectiveDate);
    return this.get(id, principal);
  }

  /** A unit in another change not yet done (its predecessor or successor) would race it: 400. */
  private async checkPending(tx: EntityManager, req: OrgChangeRequest): Promise<void> {
    const ids = [
      ...new Set([...req.units.flatMap((u) => [u.unitId, u.successorId]), ...req.items.map((i) => i.successorId)]),
    ];
    const [busy] = await tx.query(
      `SELECT cu.unit_id AS "unitId", c.id, to_char(c.effective_date, 'YYYY-MM-DD') AS "effectiveDate"
       FROM org_change_unit cu JOIN org_change c ON c.id = cu.change_id
       WHERE c.status <> 'DONE' AND (cu.unit_id = ANY($1::text[]) OR cu.successor_id = ANY($2::text[])) LIMIT 1`,
      [ids, req.units.map((u) => u.unitId)],
    );
    if (busy)
      throw new BadRequestException(
        `unit ${busy.unitId} is already being restructured by change ${busy.id} (effective ${busy.effectiveDate})`,
      );
  }

  /** Items name open work of the units the change ends, and people who are active. */
  private async checkItems(tx: EntityManager, req: OrgChangeRequest): Promise<void> {
    const preds = req.units.map((u) => u.unitId);
    for (const item of req.items) {
      const [found] =
        item.kind === 'PROGRAMME'
          ? await tx.query(`SELECT 1 FROM programme p WHERE p.id = $1 AND ${openProgrammeOf('p', '$2')}`, [
              item.id,
              preds,
            ])
          : await tx.query(`SELECT 1 FROM task t WHERE t.id = $1 AND ${openTaskOf('t', '$2')}`, [item.id, preds]);
      if (!found)
        throw new BadRequestException(
          `${item.kind.toLowerCase()} ${item.id} is not open work of the units restructured`,
        );
      if (item.responsiblePersonId) {
        const [person] = await tx.query(`SELECT 1 FROM person WHERE id = $1 AND active`, [item.responsiblePersonId]);
        if (!person)
          throw new BadRequestException(`unknown or inactive person ${item.responsiblePersonId} for task ${item.id}`);
      }
    }
  }

  private async startWorkflow(changeId: string, effectiveDate: string): Promise<void> {
    const input: OrgChangeWorkflowInput = { changeId, effectiveDate };
    try {
      await this.temporal.workflow.start(ORG_CHANGE_WORKFLOW_TYPE, {
        workflowId: orgChangeWorkflowId(changeId),
        taskQueue: this.temporalOptions.taskQueue,
        args: [input],
      });
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    }
  }

  private async byRequestId(requestId: string): Promise<{ id: string; effectiveDate: string } | null> {
    const [row] = await this.dataSource.query(
      `SELECT id, to_char(effective_date, 'YYYY-MM-DD') AS "effectiveDate" FROM org_change WHERE request_id = $1`,
      [requestId],
    );
    return row ?? null;
  }

  async list(principal: Principal): Promise<{ items: RestructuringResponse[] }> {
    const units = await this.access.restructuringUnitsInScope(principal);
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT c.id FROM org_change c WHERE $1::text[] IS NULL
         OR EXISTS (SELECT 1 FROM org_change_unit cu WHERE cu.change_id = c.id AND (cu.unit_id = ANY($1::text[]) OR cu.successor_id = ANY($1::text[])))
       ORDER BY c.effective_date DESC, c.created_at DESC LIMIT 200`,
      [units],
    );
    const items: RestructuringResponse[] = [];
    for (const r of rows) items.push(await this.read(r.id));
    return { items };
  }

  /** One change, if it names a unit the caller administers (404 otherwise). */
  async get(id: string, principal: Principal): Promise<RestructuringResponse> {
    const units = await this.access.restructuringUnitsInScope(principal);
    const [visible] = await this.dataSource.query(
      `SELECT 1 FROM org_change c WHERE c.id::text = $1 AND ($2::text[] IS NULL
         OR EXISTS (SELECT 1 FROM org_change_unit cu WHERE cu.change_id = c.id AND (cu.unit_id = ANY($2::text[]) OR cu.successor_id = ANY($2::text[]))))`,
      [id, units],
    );
    if (!visible) throw new NotFoundException(`restructuring ${id} not found`);
    return this.read(id);
  }

  private async read(id: string): Promise<RestructuringResponse> {
    const [c] = await this.dataSource.query(
      `SELECT id, request_id AS "requestId", kind, to_char(effective_date, 'YYYY-MM-DD') AS "effectiveDate", status, reason,
         created_by AS "createdBy", request, applied_effects AS "appliedEffects", created_at AS "createdAt",
         applied_at AS "appliedAt", completed_at AS "completedAt" FROM org_change WHERE id = $1`,
      [id],
    );
    const units = await this.dataSource.query(
      `SELECT cu.unit_id AS "unitId", u.name AS "unitName", cu.successor_id AS "successorId", s.name AS "successorName"
       FROM org_change_unit cu JOIN org_unit u ON u.id = cu.unit_id JOIN org_unit s ON s.id = cu.successor_id
       WHERE cu.change_id = $1 ORDER BY cu.unit_id`,
      [id],
    );
    const items = await this.dataSource.query(
      `SELECT kind, item_id AS id, successor_id AS "successorId", responsible_person_id AS "responsiblePersonId"
       FROM org_change_item WHERE change_id = $1 ORDER BY kind, item_id`,
      [id],
    );
    const [progress] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE outcome = 'UPDATED')::int AS updated, count(*) FILTER (WHERE outcome = 'SKIPPED')::int AS skipped
       FROM org_change_workflow WHERE change_id = $1`,
      [id],
    );
    const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
    const { request, ...rest } = c;
    return {
      ...rest,
      units,
      newUnits: (request as OrgChangeRequest).newUnits,
      items,
      progress,
      createdAt: new Date(c.createdAt).toISOString(),
      appliedAt: iso(c.appliedAt),
      completedAt: iso(c.completedAt),
    };
  }
}
