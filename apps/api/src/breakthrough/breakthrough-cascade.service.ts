import { BadRequestException, ConflictException, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { DataSource } from 'typeorm';
import {
  BreakthroughFigures,
  BreakthroughSetup,
  BreakthroughState,
  ContentGroup,
  cycleFigures,
  emptyFigures,
  validateBreakthroughSetup,
} from '@app/domain';
import { breakthroughWorkflowId, TEMPORAL_OPTIONS, TemporalOptions } from '@app/temporal';
import {
  BREAKTHROUGH_WORKFLOW_TYPE,
  breakthroughViewQuery,
  BreakthroughWorkflowInput,
} from '@app/workflows/breakthrough/definitions';
import { CycleAccessService } from '../access';
import { Principal } from '../auth/principal';
import { CascadeCycleDto } from './dto/cascade-cycle.dto';
import { cycleSetup, leadershipOf, loadUnits } from './cycle-setup';

type CycleFigures = ReturnType<typeof cycleFigures>;

export interface CascadeCycle {
  cycleId: string;
  unitId: string;
  unitName: string | null;
  unitKind: string | null;
  parentCycleId: string | null;
  /** 0 for the cycle asked about, 1 for the cycles opened under it, and so on. */
  depth: number;
  phase: string;
  contentGroups: ContentGroup[];
  figures: CycleFigures;
}

export interface CascadeRollup {
  cycleId: string;
  cycles: CascadeCycle[];
  /** Every cycle of the cascade the caller reads, summed: organisations and individuals apart. */
  totals: Omit<CycleFigures, keyof BreakthroughFigures> & BreakthroughFigures;
}

/** Adds the figures of `from` (figures only) into `into`. */
function addInto(into: BreakthroughFigures, from: BreakthroughFigures): void {
  for (const k of Object.keys(emptyFigures()) as Array<keyof BreakthroughFigures>) into[k] += from[k];
}

/**
 * A cycle cascading from the province down to communes: each level's committee runs a cycle of its
 * own (its units and heads register, its Standing Committee appraises and assigns), opened under the
 * higher level's; and the figures of the whole cascade, level by level and summed.
 */
@Injectable()
export class BreakthroughCascadeService {
  constructor(
    private readonly temporal: Client,
    @Inject(TEMPORAL_OPTIONS) private readonly temporalOptions: TemporalOptions,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cycleAccess: CycleAccessService,
  ) {}

  /**
   * Opens a cycle for each named committee under the cycle `unitId/year`. Every setup is checked
   * before any cycle starts; a committee whose cycle of the year was opened under this one already is
   * skipped, so a retry opens the rest with one cycle each; one opened otherwise refuses the request.
   */
  async cascade(
    unitId: string,
    year: number,
    dto: CascadeCycleDto,
    p: Principal,
  ): Promise<{ parentCycleId: string; opened: string[]; alreadyOpen: string[] }> {
    const parent = await this.cycleAccess.readableCycle(p, unitId, year);
    const units = await loadUnits(this.dataSource);
    await this.cycleAccess.cascadeUnits(p, unitId, leadershipOf(units, unitId), dto.unitIds);
    const parentCycleId = `${unitId}/${year}`;
    const parentSetup = await this.setupOf(parent);
    if (parent.phase === 'CLOSED') throw new ConflictException(`the ${year} cycle of ${unitId} is closed`);

    const now = new Date();
    const setups: BreakthroughSetup[] = [];
    for (const id of dto.unitIds) {
      const setup = await cycleSetup(
        this.dataSource,
        units,
        id,
        {
          year,
          title: dto.title ?? parentSetup.title,
          registrationDeadline: dto.registrationDeadline,
          appraisalDeadline: dto.appraisalDeadline,
          fieldGroup: parentSetup.fieldGroup,
          contentGroups: dto.contentGroups ?? parentSetup.contentGroups,
          parentCycleId,
        },
        p.personId,
        await this.cycleAccess.cycleInvitees(id),
      );
      const problems = validateBreakthroughSetup(setup, now);
      if (problems.length) throw new BadRequestException(problems.map((x) => `${id}: ${x}`));
      setups.push(setup);
    }

    const alreadyOpen: string[] = [];
    const toStart: BreakthroughSetup[] = [];
    for (const setup of setups) {
      const existing = await this.temporal.workflow
        .getHandle(breakthroughWorkflowId(setup.unitId, year))
        .query(breakthroughViewQuery)
        .catch(() => null);
      if (!existing) toStart.push(setup);
      else if (existing.state.setup.parentCycleId === parentCycleId) alreadyOpen.push(existing.cycleId);
      else
        throw new ConflictException(
          `${setup.unitId} has a ${year} cycle of its own already, not under ${parentCycleId}`,
        );
    }
    const opened: string[] = [];
    for (const setup of toStart) {
      const input: BreakthroughWorkflowInput = { setup };
      try {
        await this.temporal.workflow.start(BREAKTHROUGH_WORKFLOW_TYPE, {
          taskQueue: this.temporalOptions.taskQueue,
          workflowId: breakthroughWorkflowId(setup.unitId, year),
          args: [input],
        });
        opened.push(`${setup.unitId}/${year}`);
      } catch (err) {
        // Started in the meantime by a retry of this request.
        if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
        alreadyOpen.push(`${setup.unitId}/${year}`);
      }
    }
    return { parentCycleId, opened, alreadyOpen };
  }

  /** The cycle and those under it (as far as the caller reads), each counted, and the sum. */
  async rollup(unitId: string, year: number, p: Principal): Promise<CascadeRollup> {
    const rows = await this.cycleAccess.readableCascade(p, unitId, year);
    const cycles: CascadeCycle[] = rows.map((r) => {
      const state = r.snapshot as Partial<BreakthroughState>;
      const known = Array.isArray(state.registrations) && state.setup;
      return {
        cycleId: r.id as string,
        unitId: r.unit_id as string,
        unitName: (r.unit_name as string | null) ?? null,
        unitKind: (r.unit_kind as string | null) ?? null,
        parentCycleId: (r.parent_cycle_id as string | null) ?? null,
        depth: r.depth as number,
        phase: r.phase as string,
        contentGroups: state.setup?.contentGroups ?? [],
        figures: known
          ? cycleFigures(state as BreakthroughState)
          : { ...emptyFigures(), organisations: emptyFigures(), individuals: emptyFigures(), byContentGroup: {} },
      };
    });
    const totals: CascadeRollup['totals'] = {
      ...emptyFigures(),
      organisations: emptyFigures(),
      individuals: emptyFigures(),
      byContentGroup: {},
    };
    for (const { figures } of cycles) {
      const { organisations, individuals, byContentGroup, ...all } = figures;
      addInto(totals, all);
      addInto(totals.organisations, organisations);
      addInto(totals.individuals, individuals);
      for (const [code, f] of Object.entries(byContentGroup))
        addInto((totals.byContentGroup[code] ??= emptyFigures()), f);
    }
    return { cycleId: `${unitId}/${year}`, cycles, totals };
  }

  /** The higher cycle's setup: live from its workflow, else as last projected. */
  private async setupOf(cycle: Record<string, unknown>): Promise<BreakthroughSetup> {
    const view = await this.temporal.workflow
      .getHandle(cycle.workflow_id as string)
      .query(breakthroughViewQuery)
      .catch(() => null);
    const setup = view?.state.setup ?? (cycle.snapshot as Partial<BreakthroughState>).setup;
    if (!setup) throw new ConflictException(`the cycle ${cycle.id as string} is not ready yet; try again shortly`);
    return setup;
  }
}
