import { BadRequestException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import type { Actor } from '@app/domain';
import { breakthroughViewQuery } from '@app/workflows/breakthrough/definitions';
import type { Principal } from '../auth/principal';
import { AccessService } from './access.service';
import { effectiveActor } from './effective-actor';
import * as rules from './rules';

/**
 * Who may open, read, cascade and act on breakthrough cycles: the cycle part of the access module. A
 * cycle is readable by whoever may open its committee's programmes; anything else is 404.
 */
@Injectable()
export class CycleAccessService {
  constructor(
    private readonly access: AccessService,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly temporal: Client,
  ) {}

  /** Opening a cycle of the committee led by `leadershipUnitIds` (403 for anyone but its leadership and its province's admins). */
  async mayOpenCycle(principal: Principal, leadershipUnitIds: readonly string[]): Promise<void> {
    const adminReaches = await this.access.adminReaches(principal, leadershipUnitIds[0]);
    rules.assertMayOpenCycle(principal, leadershipUnitIds, adminReaches);
  }

  /** A cycle's read-model row: 404 when unknown, orphaned (no workflow behind it) or when the caller may not open its committee's programmes. */
  async readableCycle(principal: Principal, unitId: string, year: number): Promise<Record<string, unknown>> {
    const [cycle] = await this.dataSource.query(
      `SELECT * FROM breakthrough_cycle WHERE id = $1 AND orphaned_at IS NULL`,
      [`${unitId}/${year}`],
    );
    if (!cycle || !(await this.access.unitScopes()).readsProgrammesOf(principal, cycle.unit_id))
      throw new NotFoundException(`no breakthrough cycle ${unitId}/${year}`);
    return cycle;
  }

  /**
   * The committees a cycle cascades to: the caller must be one who opens the higher cycle (403), and
   * each unit a committee of its own strictly below the higher cycle's committee (400 naming the first
   * that is not): a cycle never reaches sideways or into another province.
   */
  async cascadeUnits(
    principal: Principal,
    parentUnitId: string,
    leadershipUnitIds: readonly string[],
    unitIds: readonly string[],
  ): Promise<void> {
    await this.mayOpenCycle(principal, leadershipUnitIds);
    const units = await this.access.unitScopes();
    for (const id of unitIds) {
      if (!units.has(id)) throw new BadRequestException(`unknown unit ${id}`);
      if (id === parentUnitId || !units.isWithin(id, parentUnitId))
        throw new BadRequestException(
          `${units.nameOf(id)} is not below ${units.nameOf(parentUnitId)}: a cycle cascades only to the committees under it`,
        );
      if (units.committeeOf(id) !== id)
        throw new BadRequestException(
          `${units.nameOf(id)} is not a committee: only a committee runs a breakthrough cycle of its own`,
        );
    }
  }

  /** Who the cycle of the committee `unitId` invites to register (its leadership units left out by the caller). */
  async cycleInvitees(unitId: string): Promise<string[]> {
    return (await this.access.unitScopes()).cycleInviteesOf(unitId);
  }

  /** A cycle and the cycles opened under it, at every depth, that the caller may read (read-model rows; 404 as for the cycle). */
  async readableCascade(principal: Principal, unitId: string, year: number): Promise<Array<Record<string, unknown>>> {
    await this.readableCycle(principal, unitId, year);
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `WITH RECURSIVE cascade AS (
         SELECT c.*, 0 AS depth FROM breakthrough_cycle c WHERE c.id = $1
         UNION ALL
         SELECT c.*, d.depth + 1 FROM breakthrough_cycle c JOIN cascade d ON c.parent_cycle_id = d.id WHERE d.depth < 10)
       SELECT cascade.*, u.name AS unit_name, u.kind AS unit_kind FROM cascade LEFT JOIN org_unit u ON u.id = cascade.unit_id
       ORDER BY depth, id`,
      [`${unitId}/${year}`],
    );
    const units = await this.access.unitScopes();
    return rows.filter((r) => units.readsProgrammesOf(principal, r.unit_id as string));
  }

  /**
   * An action on a cycle: its workflow and the actor to tell it about (404 as for reading it). Only the
   * heads of invited units register (403 for anyone else, before the workflow).
   */
  async cycleForAction(
    principal: Principal,
    unitId: string,
    year: number,
    action: string,
  ): Promise<{ workflowId: string; actor: Actor }> {
    const cycle = await this.readableCycle(principal, unitId, year);
    const workflowId = cycle.workflow_id as string;
    let invitedUnitIds: string[] = [];
    if (action === 'register') {
      // No answer (no worker, or the cycle is gone): no head keeps HEAD, and the workflow refuses as it may.
      const view = await this.temporal.workflow
        .getHandle(workflowId)
        .query(breakthroughViewQuery)
        .catch(() => null);
      invitedUnitIds = view?.state.setup.invitedUnitIds ?? [];
      if (view && !invitedUnitIds.includes(principal.unitId))
        throw new ForbiddenException(`your unit is not invited to register in the ${year} cycle of ${unitId}`);
    }
    const units = await this.access.unitScopes();
    return {
      workflowId,
      actor: effectiveActor(principal, { unitIds: [cycle.unit_id as string], invitedUnitIds }, units),
    };
  }
}
