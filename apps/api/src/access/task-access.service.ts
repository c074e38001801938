import { BadRequestException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import type { Actor } from '@app/domain';
import { TaskEntity } from '@app/persistence';
import type { Principal } from '../auth/principal';
import { SqlParams } from '../common/sql-params';
import { AccessService } from './access.service';
import { effectiveActor } from './effective-actor';
import * as rules from './rules';
import { RowScope, SupervisorScope, UnitScopes } from './scope';
import { ScopeCacheService } from './scope-cache.service';
import { restrictedFrom, taskInScope, taskInvolving, taskOfSteeredProgramme } from './scope-sql';

/** The units a task answers to: who issued it and who carries it. */
export type TaskUnits = Pick<TaskEntity, 'issuingUnitId' | 'responsibleUnitId'>;

/**
 * Who may see, work on, supervise and hand on tasks: the task part of the access module, over the
 * same unit tree and scopes as `AccessService`. A task the caller may not see is 404.
 */
@Injectable()
export class TaskAccessService {
  constructor(
    private readonly access: AccessService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(TaskEntity) private readonly tasks: Repository<TaskEntity>,
    private readonly scopes: ScopeCacheService,
  ) {}

  /** Supervising tasks (buckets, drill-down): the caller's scope; 403 for someone who supervises nothing. */
  async taskSupervisorScope(principal: Principal): Promise<SupervisorScope> {
    return rules.taskSupervisorScope(await this.scopes.scope(principal));
  }

  /** The caller's own tasks (their inbox and badge): those they are responsible for. */
  ownTasks(principal: Principal): RowScope {
    return { kind: 'SELF', personId: principal.personId };
  }

  /** A task the caller works on or supervises; 404 when unknown or neither. */
  async readableTask(principal: Principal, id: string): Promise<TaskEntity> {
    const scope = await this.access.scope(principal);
    const params = new SqlParams('access');
    // Supervising a task of a restricted programme needs the programme's content; working on it does not.
    const supervised = `(${taskInScope(scope, 't', params)} AND NOT ${restrictedFrom(scope.reader, 't.programme_id', params)})`;
    const steered = taskOfSteeredProgramme(principal.personId, 't', params);
    const readable = `${taskInvolving(principal.personId, 't', params)} OR ${supervised} OR ${steered}`;
    const task = await this.tasks
      .createQueryBuilder('t')
      .where('t.id = :id', { id })
      .andWhere(`(${readable})`, params.byName())
      .getOne();
    if (!task) throw new NotFoundException(`task ${id} not found`);
    return task;
  }

  /**
   * A staff action on a task: its workflow and the actor to tell it about (404 when the caller may not
   * read the task). A reassignment's new person and unit must lie within the caller's reach (400/403).
   */
  async taskForAction(
    principal: Principal,
    id: string,
    action: string,
    payload: unknown,
  ): Promise<{ workflowId: string; actor: Actor }> {
    const task = await this.readableTask(principal, id);
    const units = await this.access.unitScopes();
    if (action === 'reassign' && payload && typeof payload === 'object') {
      const { toPersonId, toUnitId } = payload as { toPersonId?: unknown; toUnitId?: unknown };
      // A malformed target is the workflow's to refuse with its reason (400).
      if (typeof toPersonId === 'string' && (toUnitId === undefined || typeof toUnitId === 'string'))
        await this.checkReassignTarget(principal, units, toPersonId, toUnitId ?? task.responsibleUnitId, task);
    }
    const actor = this.taskActorIn(principal, task, units);
    return {
      workflowId: task.workflowId,
      actor: await this.access.withSupervisedFieldGroups(principal, actor, task.issuingUnitId, units),
    };
  }

  /** Reassigning tasks in bulk at all (403 by role); which tasks: `tasksForBulkReassignment`. */
  mayReassignInBulk(principal: Principal): void {
    rules.assertMayReassignInBulk(principal);
  }

  /**
   * Where tasks are handed on to: an active person (400 unknown) and a unit (that person's unless given;
   * 400 unknown), both within the caller's reach (403).
   */
  async reassignTarget(
    principal: Principal,
    toPersonId: string,
    toUnitId?: string,
  ): Promise<{ personId: string; unitId: string }> {
    const units = await this.access.unitScopes();
    const person = await this.checkReassignTarget(principal, units, toPersonId, toUnitId);
    return { personId: person.id, unitId: toUnitId ?? person.unitId };
  }

  /** The condition on task alias `t` for the tasks the caller may reassign in bulk: those they supervise (403 if none). */
  async tasksForBulkReassignment(principal: Principal, t: string, params: SqlParams): Promise<string> {
    return taskInScope(await this.taskSupervisorScope(principal), t, params);
  }

  /** The actor to tell each task's workflow about, for tasks already found by `tasksForBulkReassignment`. */
  async taskActors(principal: Principal): Promise<(task: TaskUnits) => Actor> {
    const units = await this.access.unitScopes();
    return (task) => this.taskActorIn(principal, task, units);
  }

  /**
   * The actor of each task of a list, as `taskForAction` builds it, for tasks already found readable
   * (built once per pair of issuing and responsible units: the field-group lookup is the costly part).
   */
  async listActors(principal: Principal): Promise<(task: TaskUnits) => Promise<Actor>> {
    const units = await this.access.unitScopes();
    const byUnits = new Map<string, Promise<Actor>>();
    return (task) => {
      const key = `${task.issuingUnitId}\u0000${task.responsibleUnitId}`;
      let actor = byUnits.get(key);
      if (!actor) {
        actor = this.access.withSupervisedFieldGroups(
          principal,
          this.taskActorIn(principal, task, units),
          task.issuingUnitId,
          units,
        );
        byUnits.set(key, actor);
      }
      return actor;
    };
  }

  private taskActorIn(principal: Principal, task: TaskUnits, units: UnitScopes): Actor {
    return effectiveActor(principal, { unitIds: [task.issuingUnitId, task.responsibleUnitId] }, units);
  }

  /**
   * The new person (active, 400 otherwise) and unit (400 unknown) of a reassignment must lie within the
   * caller's reach (403): what they supervise; for someone who supervises nothing (an assigner or member
   * in charge without such a role), the committee that issued the task.
   */
  private async checkReassignTarget(
    principal: Principal,
    units: UnitScopes,
    toPersonId: string,
    toUnitId: string | undefined,
    task?: TaskUnits,
  ): Promise<{ id: string; unitId: string }> {
    const [person] = await this.dataSource.query(
      `SELECT id, unit_id AS "unitId" FROM person WHERE id = $1 AND active`,
      [toPersonId],
    );
    if (!person) throw new BadRequestException(`unknown or inactive person ${toPersonId}`);
    if (toUnitId !== undefined && !units.has(toUnitId)) throw new BadRequestException(`unknown unit ${toUnitId}`);
    const scope = units.scopeOf(principal);
    if (scope.kind === 'ALL') return person;
    const reach = scope.kind === 'UNITS' ? scope.unitIds : task ? units.committeeTreeOf(task.issuingUnitId) : [];
    if (!reach.includes(person.unitId))
      throw new ForbiddenException(
        `${toPersonId} works at ${units.nameOf(person.unitId)}, outside the units you may hand tasks to`,
      );
    if (toUnitId !== undefined && !reach.includes(toUnitId))
      throw new ForbiddenException(`${units.nameOf(toUnitId)} is outside the units you may hand tasks to`);
    return person;
  }
}
