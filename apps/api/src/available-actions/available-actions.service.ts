import { ForbiddenException, Injectable, Logger, Type } from '@nestjs/common';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import type { QueryDefinition } from '@temporalio/common';
import { Actor, AvailableAction, isTerminal, isTaskClosed, Phase, TaskStatus } from '@app/domain';
import { cycleAvailableActionsQuery } from '@app/workflows/breakthrough/definitions';
import { programmeAvailableActionsQuery } from '@app/workflows/programme/definitions';
import { taskAvailableActionsQuery } from '@app/workflows/task/definitions';
import { AccessService, CycleAccessService, TaskAccessService } from '../access';
import { Principal } from '../auth/principal';
import { CYCLE_ACTION_PAYLOADS } from '../breakthrough/dto/breakthrough-action.payloads';
import { ACTION_PAYLOADS } from '../programmes/dto/action-payloads';
import { TASK_ACTION_PAYLOADS } from '../tasks/dto/task-action.payloads';
import type { AvailableActionResponse } from './dto/available-actions.response';

/** How many task workflows a work list asks at once. */
const LIST_CONCURRENCY = 8;

export interface AvailableActions {
  actions: AvailableActionResponse[];
}

/** An offer with the name of its payload's schema in the OpenAPI document (the payload class's name). */
function withSchema(payloads: Record<string, Type<unknown> | (new () => object)>) {
  return (offer: AvailableAction): AvailableActionResponse => ({
    name: offer.name,
    schema: payloads[offer.name].name,
    prefill: offer.prefill,
    ...(offer.choices ? { choices: offer.choices } : {}),
  });
}

/**
 * "What can I do now" on a programme, a task or a breakthrough cycle: the workflow answers from its live
 * state and clock, told about the caller exactly as an action would tell it (the access module's actor),
 * after the same read check as the object's own GET route (404 alike).
 */
@Injectable()
export class AvailableActionsService {
  private readonly logger = new Logger(AvailableActionsService.name);

  constructor(
    private readonly temporal: Client,
    private readonly access: AccessService,
    private readonly taskAccess: TaskAccessService,
    private readonly cycleAccess: CycleAccessService,
  ) {}

  async programme(id: string, principal: Principal): Promise<AvailableActions> {
    const programme = await this.access.readableProgramme(principal, id);
    if (isTerminal(programme.phase as Phase)) return { actions: [] };
    const { workflowId, actor } = await this.access.programmeForAction(principal, id);
    const offers = await this.ask(workflowId, programmeAvailableActionsQuery, actor);
    return { actions: offers.map(withSchema(ACTION_PAYLOADS)) };
  }

  async task(id: string, principal: Principal): Promise<AvailableActions> {
    // No action named: the reassignment check on a payload does not apply to an offer.
    const { workflowId, actor } = await this.taskAccess.taskForAction(principal, id, 'availableActions', undefined);
    const offers = await this.ask(workflowId, taskAvailableActionsQuery, actor);
    return { actions: offers.map(withSchema(TASK_ACTION_PAYLOADS)) };
  }

  async cycle(unitId: string, year: number, principal: Principal): Promise<AvailableActions> {
    // Registering is checked (and the actor built) apart: a head of a unit not invited may not register.
    let target: { workflowId: string; actor: Actor };
    let mayRegister = true;
    try {
      target = await this.cycleAccess.cycleForAction(principal, unitId, year, 'register');
    } catch (err) {
      if (!(err instanceof ForbiddenException)) throw err;
      mayRegister = false;
      target = await this.cycleAccess.cycleForAction(principal, unitId, year, 'availableActions');
    }
    const offers = await this.ask(target.workflowId, cycleAvailableActionsQuery, target.actor);
    return {
      actions: offers.filter((o) => mayRegister || o.name !== 'register').map(withSchema(CYCLE_ACTION_PAYLOADS)),
    };
  }

  /**
   * The caller's own tasks with the names of the actions each offers now, asked `LIST_CONCURRENCY` at a
   * time; a finished task offers none, and a task whose workflow does not answer offers none (logged).
   */
  async withTaskActions<T extends { id: string; status: string }>(
    items: T[],
    principal: Principal,
  ): Promise<Array<T & { actions: string[] }>> {
    const actions: string[][] = new Array(items.length);
    let next = 0;
    const worker = async () => {
      while (next < items.length) {
        const i = next++;
        actions[i] = await this.taskActionNames(items[i], principal);
      }
    };
    await Promise.all(Array.from({ length: Math.min(LIST_CONCURRENCY, items.length) }, worker));
    return items.map((item, i) => ({ ...item, actions: actions[i] }));
  }

  private async taskActionNames(item: { id: string; status: string }, principal: Principal): Promise<string[]> {
    if (isTaskClosed(item.status as TaskStatus)) return [];
    try {
      return (await this.task(item.id, principal)).actions.map((a) => a.name);
    } catch (err) {
      this.logger.warn(`no actions for task ${item.id}: ${err instanceof Error ? err.message : String(err)}`);
      return [];
    }
  }

  /** The workflow's answer; a workflow that has finished (or is gone) offers nothing, without failing. */
  private async ask<N extends string>(
    workflowId: string,
    query: QueryDefinition<AvailableAction<N>[], [Actor]>,
    actor: Actor,
  ): Promise<AvailableAction<N>[]> {
    const handle = this.temporal.workflow.getHandle(workflowId);
    try {
      return await handle.query(query, actor);
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) return [];
      const running = await handle
        .describe()
        .then((d) => d.status.name === 'RUNNING')
        .catch(() => true);
      if (!running) return [];
      throw err;
    }
  }
}
