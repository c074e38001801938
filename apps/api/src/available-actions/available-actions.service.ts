import { ForbiddenException, Injectable, Type } from '@nestjs/common';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import type { QueryDefinition } from '@temporalio/common';
import { Actor, AvailableAction, availableTaskActions, isTerminal, Phase, publishedTaskState } from '@app/domain';
import { cycleAvailableActionsQuery } from '@app/workflows/breakthrough/definitions';
import { programmeAvailableActionsQuery } from '@app/workflows/programme/definitions';
import { taskAvailableActionsQuery } from '@app/workflows/task/definitions';
import { AccessService, CycleAccessService, TaskAccessService, TaskUnits } from '../access';
import { Principal } from '../auth/principal';
import { CYCLE_ACTION_PAYLOADS } from '../breakthrough/dto/breakthrough-action.payloads';
import { ACTION_PAYLOADS } from '../programmes/dto/action-payloads';
import { TASK_ACTION_PAYLOADS } from '../tasks/dto/task-action.payloads';
import type { AvailableActionResponse } from './dto/available-actions.response';

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
   * The caller's own tasks with the names of the actions each offers now: the task workflow's own rule
   * (`availableTaskActions`) over the state the task last published to the read model, for the actor an
   * action would tell the workflow about. No workflow is asked, so a list costs one read however long it
   * is, and a task whose worker is busy or gone still lists. The task's page and the action itself go to
   * the workflow, so an offer made from a state a moment old is checked again there.
   */
  async withTaskActions<T extends { id: string }>(
    rows: ReadonlyArray<{ item: T; task: TaskUnits & { snapshot: unknown } }>,
    principal: Principal,
  ): Promise<Array<T & { actions: string[] }>> {
    const actorOf = await this.taskAccess.listActors(principal);
    const now = new Date();
    return Promise.all(
      rows.map(async ({ item, task }) => {
        const state = publishedTaskState(task.snapshot);
        if (!state) return { ...item, actions: [] };
        return { ...item, actions: availableTaskActions(state, await actorOf(task), now).map((a) => a.name) };
      }),
    );
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
