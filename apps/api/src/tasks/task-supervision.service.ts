import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import type { TaskBucketCounts } from '@app/domain';
import { TaskEntity } from '@app/persistence';
import {
  BucketCountColumns,
  bucketCountsOf,
  bucketsFromCountsSql,
  COUNTED_GROUPINGS,
  taskBucketCountsSql,
  taskBucketFilterSql,
} from '@app/persistence/queries/task-buckets.sql';
import {
  TaskAccessService,
  countedTaskInScope,
  RESTRICTED_TASK_TITLE,
  restrictedFrom,
  type SupervisorScope,
  taskInScope,
} from '../access';
import { Page } from '../common/pagination.query';
import { SqlParams } from '../common/sql-params';
import { Principal } from '../auth/principal';
import { SupervisionFilterQuery, SupervisionListQuery, TaskBucketsQuery, TaskGrouping } from './dto/supervision.query';
import { SORT_COLUMN, SUMMARY_COLUMNS, TaskSummary, toTaskSummary } from './task-summary';

const GROUP_COLUMN: Record<TaskGrouping, string> = {
  unit: 't.responsible_unit_id',
  memberInCharge: 't.member_in_charge_id',
  fieldGroup: 't.field_group',
  programme: 't.programme_id',
};

export type BucketRow = { key: string | null } & TaskBucketCounts;

/** A WHERE clause with positional parameters, built up condition by condition. */
class Where extends SqlParams {
  private readonly parts: string[] = [];

  and(condition: string): this {
    this.parts.push(condition);
    return this;
  }

  override toString(): string {
    return this.parts.length ? `WHERE ${this.parts.join(' AND ')}` : '';
  }
}

/**
 * Supervisor views: the four tracking buckets grouped by unit, member in charge, field group or
 * programme, and the tasks behind each cell, scoped to the caller's units. Plain indexed SQL.
 */
@Injectable()
export class TaskSupervisionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly taskAccess: TaskAccessService,
  ) {}

  async buckets(q: TaskBucketsQuery, p: Principal): Promise<Page<BucketRow>> {
    // By unit, member in charge or field group across programmes: from the counts triggers keep in
    // task_count (a few thousand rows instead of up to 100,000 tasks). By programme: from task itself.
    if (q.groupBy !== 'programme' && !q.programmeId) return this.bucketsFromCounts(q, p);
    const where = this.filters(q, await this.taskAccess.taskSupervisorScope(p));
    const now = where.add(new Date());
    const key = GROUP_COLUMN[q.groupBy];
    const limit = where.add(q.pageSize);
    const offset = where.add((q.page - 1) * q.pageSize);
    const rows: Array<BucketCountColumns & { key: string | null; groups: string }> = await this.dataSource.query(
      `SELECT ${key} AS key, ${taskBucketCountsSql('t', now)}, count(*) OVER ()::int AS groups
         FROM task t ${where}
        GROUP BY ${key}
        ORDER BY ${key} NULLS LAST
        LIMIT ${limit} OFFSET ${offset}`,
      where.values,
    );
    const total = rows.length ? Number(rows[0].groups) : q.page === 1 ? 0 : await this.countGroups(q, p);
    return {
      items: rows.map((r) => ({ key: r.key, ...bucketCountsOf(r) })),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  private async bucketsFromCounts(q: TaskBucketsQuery, p: Principal): Promise<Page<BucketRow>> {
    const scope = await this.taskAccess.taskSupervisorScope(p);
    const params = new SqlParams();
    const where = (alias: 'c' | 't') => {
      const conditions = [countedTaskInScope(scope, alias, params)];
      if (q.issuingUnitId) conditions.push(`${alias}.issuing_unit_id = ${params.add(q.issuingUnitId)}`);
      return conditions.join(' AND ');
    };
    const sql = bucketsFromCountsSql(q.groupBy as keyof typeof COUNTED_GROUPINGS, {
      now: params.add(new Date()),
      where,
      limit: params.add(q.pageSize),
      offset: params.add((q.page - 1) * q.pageSize),
    });
    const rows: Array<BucketCountColumns & { key: string | null; groups: number }> = await this.dataSource.query(
      sql,
      params.values,
    );
    const total = rows.length ? rows[0].groups : 0;
    return {
      items: rows.map((r) => ({ key: r.key, ...bucketCountsOf(r) })),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  async list(q: SupervisionListQuery, p: Principal): Promise<Page<TaskSummary>> {
    const scope = await this.taskAccess.taskSupervisorScope(p);
    const where = this.filters(q, scope);
    const now = new Date();
    if (q.responsibleUnitId) where.and(`t.responsible_unit_id = ${where.add(q.responsibleUnitId)}`);
    if (q.memberInChargeId) where.and(`t.member_in_charge_id = ${where.add(q.memberInChargeId)}`);
    if (q.fieldGroup) where.and(`t.field_group = ${where.add(q.fieldGroup)}`);
    if (q.bucket) where.and(taskBucketFilterSql('t', now, q.bucket, (v) => where.add(v)));
    const [column, direction] = SORT_COLUMN[q.sort];
    // The total counts the rows of the WHERE on its own: the page then stops at its last row (the open
    // tasks by `ix_task_open_due`, in due order) instead of reading every match to count them.
    const countValues = [...where.values];
    // A supervisor who may not read a restricted programme sees its tasks counted, not titled.
    const hidden = restrictedFrom(scope.reader, 't.programme_id', where);
    const untitled = where.add(RESTRICTED_TASK_TITLE);
    const columns = SUMMARY_COLUMNS.map((c) => {
      const column = `t.${c.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`)}`;
      return c === 'title'
        ? `CASE WHEN ${hidden} THEN ${untitled} ELSE ${column} END AS "title"`
        : `${column} AS "${c}"`;
    }).join(', ');
    const limit = where.add(q.pageSize);
    const offset = where.add((q.page - 1) * q.pageSize);
    const [rows, [{ total }]]: [TaskEntity[], Array<{ total: number }>] = await Promise.all([
      this.dataSource.query(
        `SELECT ${columns} FROM task t ${where} ORDER BY ${column} ${direction}, t.id LIMIT ${limit} OFFSET ${offset}`,
        where.values,
      ),
      this.dataSource.query(`SELECT count(*)::int AS total FROM task t ${where}`, countValues),
    ]);
    return {
      items: rows.map((r) => toTaskSummary(r, now)),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  /** The caller's supervised tasks and the shared filters. */
  private filters(q: SupervisionFilterQuery, scope: SupervisorScope): Where {
    const where = new Where();
    where.and(taskInScope(scope, 't', where));
    if (q.issuingUnitId) where.and(`t.issuing_unit_id = ${where.add(q.issuingUnitId)}`);
    if (q.programmeId) where.and(`t.programme_id = ${where.add(q.programmeId)}`);
    return where;
  }

  private async countGroups(q: TaskBucketsQuery, p: Principal): Promise<number> {
    const where = this.filters(q, await this.taskAccess.taskSupervisorScope(p));
    const [row] = await this.dataSource.query(
      `SELECT count(DISTINCT ${GROUP_COLUMN[q.groupBy]})::int AS n FROM task t ${where}`,
      where.values,
    );
    return row.n;
  }
}
