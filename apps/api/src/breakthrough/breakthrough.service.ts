import { BadRequestException, ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client, WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { BREAKTHROUGH_ACTIONS, BreakthroughActionName, validateBreakthroughSetup } from '@app/domain';
import { breakthroughWorkflowId, TEMPORAL_OPTIONS, TemporalOptions } from '@app/temporal';
import {
  BREAKTHROUGH_WORKFLOW_TYPE,
  BreakthroughActionResult,
  breakthroughUpdates,
  BreakthroughView,
  breakthroughViewQuery,
  BreakthroughWorkflowInput,
} from '@app/workflows/breakthrough/definitions';
import { AccessService, CycleAccessService } from '../access';
import { Principal } from '../auth/principal';
import { ActionRequestDto } from '../common/action-request.dto';
import { ReadYourWritesService } from '../common/read-your-writes.service';
import { ActiveUnitsService } from '../organisation/restructuring/active-units.service';
import { StartCycleDto } from './dto/start-cycle.dto';
import { cycleSetup, leadershipOf, loadUnits } from './cycle-setup';

/** Yearly breakthrough cycles: open one, read it, act on it (register, appraise, revise, close). */
@Injectable()
export class BreakthroughService {
  constructor(
    private readonly temporal: Client,
    @Inject(TEMPORAL_OPTIONS) private readonly temporalOptions: TemporalOptions,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly cycleAccess: CycleAccessService,
    private readonly activeUnits: ActiveUnitsService,
    private readonly readYourWrites: ReadYourWritesService,
  ) {}

  async start(dto: StartCycleDto, p: Principal): Promise<{ id: string; workflowId: string }> {
    const units = await loadUnits(this.dataSource);
    const unit = units.find((u) => u.id === dto.unitId);
    if (!unit) throw new BadRequestException(`unknown unit ${dto.unitId}`);
    await this.cycleAccess.mayOpenCycle(p, leadershipOf(units, unit.id));
    await this.activeUnits.assertActive([unit.id], 'a breakthrough cycle cannot be opened for this unit');
    if (dto.memberInChargeId)
      await this.access.namedPeopleInCommittee(unit.id, [{ as: 'member in charge', id: dto.memberInChargeId }]);
    const invitees = await this.cycleAccess.cycleInvitees(unit.id);
    const setup = await cycleSetup(this.dataSource, units, unit.id, dto, p.personId, invitees);
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
    const cycle = await this.cycleAccess.readableCycle(p, unitId, year);
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
    const { workflowId, actor } = await this.cycleAccess.cycleForAction(p, unitId, year, action);
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
