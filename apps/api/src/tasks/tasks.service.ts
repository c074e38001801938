import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { DataSource, Repository } from 'typeorm';
import { Actor, OPEN_TASK_STATUSES, TASK_ACTIONS, TaskActionName, TaskBucketCounts } from '@app/domain';
import { TaskEntity, TaskEventEntity } from '@app/persistence';
import { bucketCountsOf, taskBucketCountsSql } from '@app/persistence/queries/task-buckets.sql';
import { taskUpdates, TaskView, taskViewQuery } from '@app/workflows/task/definitions';
import { TaskAccessService, taskInScope } from '../access';
import { AvailableActionsService } from '../available-actions/available-actions.service';
import { ActionRequestDto } from '../common/action-request.dto';
import { Page } from '../common/pagination.query';
import { Principal } from '../auth/principal';
import { SqlParams } from '../common/sql-params';
import { ListTasksQuery } from './dto/list-tasks.query';
import { ActiveUnitsService, unitIdsAssignedIn } from '../organisation/restructuring/active-units.service';
import { SORT_COLUMN, SUMMARY_COLUMNS, TaskSummary, toTaskSummary } from './task-summary';

const DAY_MS = 86_400_000;

/** The staff side of tasks: my tasks, one task with its live state and history, actions on it. */
@Injectable()
export class TasksService {
  constructor(
    private readonly temporal: Client,
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(TaskEntity) private readonly tasks: Repository<TaskEntity>,
    @InjectRepository(TaskEventEntity) private readonly events: Repository<TaskEventEntity>,
    private readonly taskAccess: TaskAccessService,
    private readonly activeUnits: ActiveUnitsService,
    private readonly availableActions: AvailableActionsService,
  ) {}

  /** The caller's own tasks, each with the names of the actions they may take on it now. */
  async listMine(q: ListTasksQuery, p: Principal): Promise<Page<TaskSummary & { actions: string[] }>> {
    const now = new Date();
    const mine = new SqlParams('mine');
    const qb = this.tasks
      .createQueryBuilder('t')
      // The snapshot too: what each task offers its reader is worked out from it.
      .select([...SUMMARY_COLUMNS.map((c) => `t.${c}`), 't.snapshot'])
      .where(taskInScope(this.taskAccess.ownTasks(p), 't', mine), mine.byName());
    if (q.status?.length) qb.andWhere('t.status IN (:...statuses)', { statuses: q.status });
    if (q.dueWithinDays !== undefined)
      qb.andWhere('t.status IN (:...open) AND t.due_at >= :now AND t.due_at <= :until', {
        open: OPEN_TASK_STATUSES,
        now,
        until: new Date(now.getTime() + q.dueWithinDays * DAY_MS),
      });
    if (q.overdue === true)
      qb.andWhere('t.status IN (:...open) AND t.due_at < :now', { open: OPEN_TASK_STATUSES, now });
    if (q.overdue === false)
      qb.andWhere('NOT (t.status IN (:...open) AND t.due_at < :now)', { open: OPEN_TASK_STATUSES, now });
    if (q.programmeId) qb.andWhere('t.programme_id = :pid', { pid: q.programmeId });
    if (q.breakthrough !== undefined) qb.andWhere('t.is_breakthrough = :bt', { bt: q.breakthrough });
    const [column, direction] = SORT_COLUMN[q.sort];
    const [rows, total] = await qb
      .orderBy(column, direction)
      .addOrderBy('t.id', 'ASC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    const items = await this.availableActions.withTaskActions(
      rows.map((task) => ({ item: toTaskSummary(task, now), task })),
      p,
    );
    return { items, total, page: q.page, pageSize: q.pageSize };
  }

  /** The four buckets of the caller's own tasks, for a badge. */
  async countsMine(p: Principal): Promise<TaskBucketCounts> {
    const params = new SqlParams();
    const now = params.add(new Date());
    const [row] = await this.dataSource.query(
      `SELECT ${taskBucketCountsSql('t', now)} FROM task t WHERE ${taskInScope(this.taskAccess.ownTasks(p), 't', params)}`,
      params.values,
    );
    return bucketCountsOf(row);
  }

  async get(id: string, p: Principal): Promise<{ task: TaskSummary; live: TaskView | null }> {
    const task = await this.taskAccess.readableTask(p, id);
    let live: TaskView | null;
    try {
      live = await this.temporal.workflow.getHandle(task.workflowId).query(taskViewQuery);
    } catch {
      live = null; // closed and past retention, or no worker: the read model still answers
    }
    return { task: toTaskSummary(task, new Date()), live };
  }

  async history(id: string, p: Principal): Promise<{ items: TaskEventEntity[]; total: number }> {
    await this.taskAccess.readableTask(p, id);
    const [items, total] = await this.events.findAndCount({
      where: { taskId: id },
      order: { occurredAt: 'ASC', id: 'ASC' },
      take: 1000,
    });
    return { items, total };
  }

  /** A staff action: a Temporal update whose validator refuses with a reason (mapped to 4xx). */
  async act(id: string, action: string, dto: ActionRequestDto, p: Principal): Promise<TaskView> {
    if (!(TASK_ACTIONS as readonly string[]).includes(action))
      throw new NotFoundException(`unknown action ${action}; known: ${TASK_ACTIONS.join(', ')}`);
    const { workflowId, actor } = await this.taskAccess.taskForAction(p, id, action, dto.payload);
    await this.activeUnits.assertActive(unitIdsAssignedIn(dto.payload), 'a task cannot be assigned to this unit');
    return this.sendAction(workflowId, action as TaskActionName, dto.requestId, dto.payload, actor);
  }

  /**
   * Sends one action to a task workflow as `actor` (the caller as the access module lets the task see
   * them); a finished task answers a retried request from its state.
   */
  async sendAction(
    workflowId: string,
    action: TaskActionName,
    requestId: string,
    payload: unknown,
    actor: Actor,
  ): Promise<TaskView> {
    const handle = this.temporal.workflow.getHandle(workflowId);
    try {
      return (await handle.executeUpdate(taskUpdates[action] as never, {
        args: [{ actor, requestId, payload }] as never,
        updateId: `${action}-${requestId}`,
      })) as TaskView;
    } catch (err) {
      if (err instanceof WorkflowUpdateFailedError) throw err;
      // The workflow has finished (DONE or CANCELLED): a retry of the finishing request still has its answer.
      const view = await handle.query(taskViewQuery).catch(() => null);
      if (!view)
        throw err instanceof WorkflowNotFoundError
          ? new NotFoundException(`task workflow ${workflowId} not found`)
          : err;
      if (view.state.appliedRequestIds.includes(requestId)) return view;
      throw new ConflictException(`the task is ${view.status} and accepts no more actions`);
    }
  }
}
