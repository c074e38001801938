import { BadRequestException, ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client, WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy } from '@temporalio/client';
import { DataSource } from 'typeorm';
import {
  BREAKTHROUGH_ACTIONS,
  BreakthroughActionName,
  BreakthroughSetup,
  DEFAULT_TASK_ESCALATION_OFFSETS,
  DEFAULT_TASK_REMINDER_OFFSETS,
  DEFAULT_WORKING_CALENDAR,
  findTemplate,
  OrgTree,
  OrgUnitKind,
  Role,
  validateBreakthroughSetup,
} from '@app/domain';
import { breakthroughWorkflowId, TEMPORAL_OPTIONS, TemporalOptions } from '@app/temporal';
import {
  BREAKTHROUGH_WORKFLOW_TYPE,
  BreakthroughActionResult,
  breakthroughUpdates,
  BreakthroughView,
  breakthroughViewQuery,
  BreakthroughWorkflowInput,
} from '@app/workflows/breakthrough/definitions';
import { AccessService } from '../access';
import { Principal } from '../auth/principal';
import { ActionRequestDto } from '../common/action-request.dto';
import { ReadYourWritesService } from '../common/read-your-writes.service';
import { ActiveUnitsService } from '../organisation/restructuring/active-units.service';
import { StartCycleDto } from './dto/start-cycle.dto';

/** Yearly breakthrough cycles: open one, read it, act on it (register, appraise, revise, close). */
@Injectable()
export class BreakthroughService {
  constructor(
    private readonly temporal: Client,
    @Inject(TEMPORAL_OPTIONS) private readonly temporalOptions: TemporalOptions,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly activeUnits: ActiveUnitsService,
    private readonly readYourWrites: ReadYourWritesService,
  ) {}

  async start(dto: StartCycleDto, p: Principal): Promise<{ id: string; workflowId: string }> {
    const units: Array<{ id: string; parentId: string | null; kind: string }> = await this.dataSource.query(
      `SELECT id, parent_id AS "parentId", kind FROM org_unit`,
    );
    const unit = units.find((u) => u.id === dto.unitId);
    if (!unit) throw new BadRequestException(`unknown unit ${dto.unitId}`);
    const standingCommittees = units
      .filter((u) => u.parentId === unit.id && u.kind === OrgUnitKind.STANDING_COMMITTEE)
      .map((u) => u.id);
    const leadershipUnits = [unit.id, ...standingCommittees];
    await this.access.mayOpenCycle(p, leadershipUnits);
    await this.activeUnits.assertActive([unit.id], 'a breakthrough cycle cannot be opened for this unit');
    if (dto.memberInChargeId)
      await this.access.namedPeopleInCommittee(unit.id, [{ as: 'member in charge', id: dto.memberInChargeId }]);
    const appraisers: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM person WHERE unit_id = ANY($1) AND $2 = ANY(roles) AND active ORDER BY id`,
      [leadershipUnits, Role.STANDING_COMMITTEE],
    );
    const template = findTemplate(dto.templateId ?? 'action-programme')!;
    const lastWorkingDay = DEFAULT_WORKING_CALENDAR.subtractWorkingDaysFromDate(`${dto.year + 1}-01-01`, 1);
    const setup: BreakthroughSetup = {
      unitId: unit.id,
      year: dto.year,
      title: dto.title,
      memberInChargeId: dto.memberInChargeId ?? null,
      fieldGroup: dto.fieldGroup ?? null,
      appraiserIds: appraisers.map((a) => a.id),
      invitedUnitIds: new OrgTree(units).subtreeOf(unit.id).filter((id) => !leadershipUnits.includes(id)),
      registrationDeadline: new Date(dto.registrationDeadline).toISOString(),
      appraisalDeadline: new Date(dto.appraisalDeadline).toISOString(),
      yearEndsAt: DEFAULT_WORKING_CALENDAR.deadlineOn(lastWorkingDay).toISOString(),
      reminderOffsets: [...template.reminderOffsets],
      taskReminderOffsets: [...(template.taskReminderOffsets ?? DEFAULT_TASK_REMINDER_OFFSETS)],
      taskEscalationOffsets: [...(template.taskEscalationOffsets ?? DEFAULT_TASK_ESCALATION_OFFSETS)],
      createdBy: p.personId,
    };
    const problems = validateBreakthroughSetup(setup, new Date());
    if (problems.length) throw new BadRequestException(problems);
    const workflowId = breakthroughWorkflowId(unit.id, dto.year);
    const input: BreakthroughWorkflowInput = { setup };
    let chainRunId: string;
    try {
      const handle = await this.temporal.workflow.start(BREAKTHROUGH_WORKFLOW_TYPE, {
        taskQueue: this.temporalOptions.taskQueue,
        workflowId,
        args: [input],
        // One cycle per committee and year, ever: a closed cycle's id is not given to a new one.
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      });
      chainRunId = handle.firstExecutionRunId;
    } catch (err) {
      if (err instanceof WorkflowExecutionAlreadyStartedError)
        throw new ConflictException(`the ${dto.year} cycle of ${unit.id} exists already`);
      throw err;
    }
    const id = `${unit.id}/${dto.year}`;
    await this.readYourWrites.cycle(id, chainRunId);
    return { id, workflowId };
  }

  async get(unitId: string, year: number, p: Principal): Promise<{ cycle: unknown; live: BreakthroughView | null }> {
    const cycle = await this.access.readableCycle(p, unitId, year);
    const live = await this.temporal.workflow
      .getHandle(breakthroughWorkflowId(unitId, year))
      .query(breakthroughViewQuery)
      .catch(() => null);
    return { cycle, live };
  }

  async act(
    unitId: string,
    year: number,
    action: string,
    dto: ActionRequestDto,
    p: Principal,
  ): Promise<BreakthroughActionResult> {
    if (!(BREAKTHROUGH_ACTIONS as readonly string[]).includes(action))
      throw new NotFoundException(`unknown action ${action}; known: ${BREAKTHROUGH_ACTIONS.join(', ')}`);
    const { workflowId, actor } = await this.access.cycleForAction(p, unitId, year, action);
    const result = (await this.temporal.workflow
      .getHandle(workflowId)
      .executeUpdate(breakthroughUpdates[action as BreakthroughActionName] as never, {
        args: [{ actor, requestId: dto.requestId, payload: dto.payload }] as never,
        updateId: `${action}-${dto.requestId}`,
      })) as BreakthroughActionResult;
    // An approval starts the registration's task workflow: its assignee acts on it next.
    const taskId = result.registration?.taskId;
    if (taskId) await this.readYourWrites.tasks([taskId]);
    return result;
  }
}
