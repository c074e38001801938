import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { linkedTaskIds, PLAN_ITEM_STATUSES, workPlanId, workPlansView } from '@app/domain';
import type { PlanItemStatus, ProgrammeState, TaskStatusesById } from '@app/domain';
import { AccessService } from '../access';
import type { Principal } from '../auth/principal';
import { SqlParams } from '../common/sql-params';
import type { ProgrammeWorkPlansResponse, QuarterlyWorkProgrammeResponse } from './dto/work-plans.response';

/**
 * Annual plans and quarterly work programmes, read from the programmes' projected state: items show
 * their task's status as the task last reported it. Scope comes from the access module.
 */
@Injectable()
export class WorkPlansService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  async ofProgramme(id: string, principal: Principal): Promise<ProgrammeWorkPlansResponse> {
    const programme = await this.access.readableProgramme(principal, id);
    const state = programme.snapshot as unknown as ProgrammeState;
    return { programmeId: programme.id, plans: workPlansView(state, await this.taskStatuses([state])) };
  }

  /** A committee's quarterly work programme: the quarter's plan in each programme it issued. */
  async quarterly(
    unitId: string,
    year: number,
    quarter: number,
    principal: Principal,
  ): Promise<QuarterlyWorkProgrammeResponse> {
    const params = new SqlParams();
    const inScope = await this.access.committeeProgrammes(principal, unitId, 'p', params);
    const planId = workPlanId('QUARTERLY', year, quarter);
    const rows: Array<{ id: string; title: string; snapshot: ProgrammeState }> = await this.dataSource.query(
      `SELECT p.id, p.title, p.snapshot FROM programme p
        WHERE ${inScope} AND p.snapshot -> 'workPlans' @> ${params.add(JSON.stringify([{ id: planId }]))}::jsonb
        ORDER BY p.id`,
      params.values,
    );
    const known = await this.taskStatuses(rows.map((r) => r.snapshot));
    const plans = rows.flatMap((r) =>
      workPlansView(r.snapshot, known)
        .filter((plan) => plan.id === planId)
        .map((plan) => ({ programmeId: r.id, programmeTitle: r.title, plan })),
    );
    const counts = Object.fromEntries(
      PLAN_ITEM_STATUSES.map((st) => [st, plans.reduce((n, p) => n + p.plan.counts[st], 0)]),
    ) as Record<PlanItemStatus, number>;
    return { unitId, year, quarter, plans, counts };
  }

  /** The read model's status of every task the plans' items follow (each step shows, not only the end). */
  private async taskStatuses(states: ProgrammeState[]): Promise<TaskStatusesById> {
    const ids = states.flatMap((s) => linkedTaskIds(s));
    if (ids.length === 0) return {};
    const rows: Array<{ id: string; status: TaskStatusesById[string] }> = await this.dataSource.query(
      'SELECT id, status FROM task WHERE id = ANY($1)',
      [ids],
    );
    return Object.fromEntries(rows.map((r) => [r.id, r.status]));
  }
}
