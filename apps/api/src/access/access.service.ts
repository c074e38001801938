import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { ProgrammeEntity, TaskEntity } from '@app/persistence';
import { programmeWorkflowId } from '@app/temporal';
import type { Principal } from '../auth/principal';
import { SqlParams } from '../common/sql-params';
import * as rules from './rules';
import { RowScope, Scope, SupervisorScope, UnitRow, UnitScopes } from './scope';
import { programmeInScope, taskInScope, taskInvolving } from './scope-sql';

/**
 * The one place that answers "may this person see or act on this programme, task, breakthrough
 * cycle, report or unit": services ask here before they read or act, so a rule changes here and
 * nowhere else. Write rules live here too, and only here: each write entry point resolves what is
 * acted on and applies the rule writes have always had (none, for most staff actions, whose
 * workflow update validator then decides who may do what).
 */
@Injectable()
export class AccessService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(ProgrammeEntity) private readonly programmes: Repository<ProgrammeEntity>,
    @InjectRepository(TaskEntity) private readonly tasks: Repository<TaskEntity>,
  ) {}

  private async unitScopes(): Promise<UnitScopes> {
    const rows: UnitRow[] = await this.dataSource.query('SELECT id, parent_id AS "parentId", kind, name FROM org_unit');
    return new UnitScopes(rows);
  }

  // Scopes and units

  /** What the caller supervises, narrowed to `committeeId` (403 outside it, 404 unknown). */
  async scope(principal: Principal, committeeId?: string): Promise<Scope> {
    return (await this.unitScopes()).scopeOf(principal, committeeId);
  }

  /** The units the caller may ask an overview of, root first. */
  async unitsInScope(principal: Principal): Promise<ReturnType<UnitScopes['unitsInScope']>> {
    return (await this.unitScopes()).unitsInScope(principal);
  }

  // Programmes

  /** The condition on programme alias `p` for the programmes the caller may open in the programme API. */
  async readableProgrammes(principal: Principal, p: string, params: SqlParams): Promise<string> {
    return programmeInScope((await this.unitScopes()).programmeReaders(principal), p, params);
  }

  /** A programme the caller may open in the programme API; 404 when unknown or outside it. */
  async readableProgramme(principal: Principal, id: string): Promise<ProgrammeEntity> {
    const params = new SqlParams('access');
    const readable = await this.readableProgrammes(principal, 'p', params);
    const programme = await this.programmes
      .createQueryBuilder('p')
      .where('p.id = :id', { id })
      .andWhere(readable, params.byName())
      .getOne();
    if (!programme) throw new NotFoundException(`programme ${id} not found`);
    return programme;
  }

  /** A programme in `scope` (supervision views): its title and issuing unit, or 404. */
  async supervisedProgramme(scope: Scope, id: string): Promise<{ id: string; title: string; issuingUnitId: string }> {
    const params = new SqlParams();
    const [row] = await this.dataSource.query(
      `SELECT p.id, p.title, p.issuing_unit_id AS "issuingUnitId" FROM programme p WHERE p.id = ${params.add(id)} AND ${programmeInScope(scope, 'p', params)}`,
      params.values,
    );
    if (!row) throw new NotFoundException(`programme ${id} not found in what you may see`);
    return row;
  }

  /** Reading a programme's review reports: whoever sees the programme in their supervision scope. */
  async programmeReports(principal: Principal, id: string): Promise<void> {
    await this.supervisedProgramme(await this.scope(principal), id);
  }

  /** Generating a programme's review report: its supervisors and advisory staff (403), in scope (404). */
  async programmeForReport(principal: Principal, id: string): Promise<void> {
    await this.supervisedProgramme(rules.reportWriterScope(await this.scope(principal)), id);
  }

  /** Creating a programme for `issuingUnitId` (403 for anyone but its leadership and admins). */
  mayCreateProgramme(principal: Principal, issuingUnitId: string): void {
    rules.assertMayCreateProgramme(principal, issuingUnitId);
  }

  /** A staff action on a programme: its workflow. Who may do what is the workflow's update validator's call. */
  async programmeForAction(_principal: Principal, id: string): Promise<{ workflowId: string }> {
    return { workflowId: programmeWorkflowId(id) };
  }

  // Tasks

  /** Supervising tasks (buckets, drill-down): the caller's scope; 403 for someone who supervises nothing. */
  async taskSupervisorScope(principal: Principal): Promise<SupervisorScope> {
    return rules.taskSupervisorScope(await this.scope(principal));
  }

  /** The caller's own tasks (their inbox and badge): those they are responsible for. */
  ownTasks(principal: Principal): RowScope {
    return { kind: 'SELF', personId: principal.personId };
  }

  /** A task the caller works on or supervises; 404 unknown, 403 otherwise. */
  async readableTask(principal: Principal, id: string): Promise<TaskEntity> {
    const scope = await this.scope(principal);
    const params = new SqlParams('access');
    const readable = `${taskInvolving(principal.personId, 't', params)} OR ${taskInScope(scope, 't', params)}`;
    const {
      entities: [task],
      raw: [row],
    } = await this.tasks
      .createQueryBuilder('t')
      .addSelect(`(${readable})`, 'readable')
      .where('t.id = :id', { id })
      .setParameters(params.byName())
      .getRawAndEntities();
    if (!task) throw new NotFoundException(`task ${id} not found`);
    if (!row.readable) throw new ForbiddenException('this task is neither yours nor in the units you supervise');
    return task;
  }

  /** A staff action on a task: its workflow (404 unknown). Who may do what is the workflow's update validator's call. */
  async taskForAction(_principal: Principal, id: string): Promise<{ id: string; workflowId: string }> {
    const task = await this.tasks.findOne({ where: { id }, select: { id: true, workflowId: true } });
    if (!task) throw new NotFoundException(`task ${id} not found`);
    return task;
  }

  /** Reassigning tasks in bulk at all (403 by role); which tasks: `tasksForBulkReassignment`. */
  mayReassignInBulk(principal: Principal): void {
    rules.assertMayReassignInBulk(principal);
  }

  /** The condition on task alias `t` for the tasks the caller may reassign in bulk: those they supervise (403 if none). */
  async tasksForBulkReassignment(principal: Principal, t: string, params: SqlParams): Promise<string> {
    return taskInScope(await this.taskSupervisorScope(principal), t, params);
  }

  // Breakthrough cycles

  /** Opening a cycle of the committee led by `leadershipUnitIds` (403 for anyone but its leadership and admins). */
  mayOpenCycle(principal: Principal, leadershipUnitIds: readonly string[]): void {
    rules.assertMayOpenCycle(principal, leadershipUnitIds);
  }

  /** A cycle's read-model row (404 unknown); every signed-in person may read one. */
  async readableCycle(_principal: Principal, unitId: string, year: number): Promise<Record<string, unknown>> {
    const [cycle] = await this.dataSource.query(`SELECT * FROM breakthrough_cycle WHERE id = $1`, [
      `${unitId}/${year}`,
    ]);
    if (!cycle) throw new NotFoundException(`no breakthrough cycle ${unitId}/${year}`);
    return cycle;
  }

  /** An action on a cycle: its workflow (404 unknown). Who may do what is the workflow's update validator's call. */
  async cycleForAction(_principal: Principal, unitId: string, year: number): Promise<{ workflowId: string }> {
    const [cycle] = await this.dataSource.query(`SELECT workflow_id FROM breakthrough_cycle WHERE id = $1`, [
      `${unitId}/${year}`,
    ]);
    if (!cycle) throw new NotFoundException(`no breakthrough cycle ${unitId}/${year}`);
    return { workflowId: cycle.workflow_id };
  }

  // Notifications

  /** The notifications a person may read and mark: those addressed to them. */
  notificationsOf(principal: Principal): { recipientId: string } {
    return { recipientId: principal.personId };
  }
}
