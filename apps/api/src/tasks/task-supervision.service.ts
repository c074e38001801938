import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { TaskEntity } from '@app/persistence';
import {
  bucketsFromCountsSql,
  COUNTED_GROUPINGS,
  taskBucketCountsSql,
  taskBucketSql,
} from '@app/persistence/queries/task-buckets.sql';
import { Page } from '../common/pagination.query';
import { Principal } from '../auth/principal';
import { SupervisionFilterQuery, SupervisionListQuery, TaskBucketsQuery, TaskGrouping } from './dto/supervision.query';
import { TaskScopeService } from './task-scope.service';
import { BucketCounts, bucketCounts } from './tasks.service';
import { SORT_COLUMN, SUMMARY_COLUMNS, TaskSummary, toTaskSummary } from './task-summary';

const GROUP_COLUMN: Record<TaskGrouping, string> = {
  unit: 't.responsible_unit_id',
  memberInCharge: 't.member_in_charge_id',
  fieldGroup: 't.field_group',
  programme: 't.programme_id',
};

export type BucketRow = { key: string | null } & BucketCounts;

/** A WHERE clause with positional parameters, built up filter by filter. */
class Where {
  readonly params: unknown[] = [];
  private readonly parts: string[] = [];

  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  add(sql: (p: (value: unknown) => string) => string): this {
    this.parts.push(sql((v) => this.param(v)));
    return this;
  }

  toString(): string {
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
    private readonly scope: TaskScopeService,
  ) {}

  async buckets(q: TaskBucketsQuery, p: Principal): Promise<Page<BucketRow>> {
    // By unit, member in charge or field group across programmes: from the counts triggers keep in
    // task_count (a few thousand rows instead of up to 100,000 tasks). By programme: from task itself.
    if (q.groupBy !== 'programme' && !q.programmeId) return this.bucketsFromCounts(q, p);
    const where = await this.filters(q, p);
    const now = where.param(new Date());
    const key = GROUP_COLUMN[q.groupBy];
    const limit = where.param(q.pageSize);
    const offset = where.param((q.page - 1) * q.pageSize);
    const rows: Array<Record<string, number> & { key: string | null; groups: string }> = await this.dataSource.query(
      `SELECT ${key} AS key, ${taskBucketCountsSql('t', now)}, count(*) OVER ()::int AS groups
         FROM task t ${where}
        GROUP BY ${key}
        ORDER BY ${key} NULLS LAST
        LIMIT ${limit} OFFSET ${offset}`,
      where.params,
    );
    const total = rows.length ? Number(rows[0].groups) : q.page === 1 ? 0 : await this.countGroups(q, p);
    return { items: rows.map((r) => ({ key: r.key, ...bucketCounts(r) })), total, page: q.page, pageSize: q.pageSize };
  }

  private async bucketsFromCounts(q: TaskBucketsQuery, p: Principal): Promise<Page<BucketRow>> {
    const units = await this.scope.unitsOf(p);
    const rows: Array<Record<string, number> & { key: string | null; groups: number }> = await this.dataSource.query(
      bucketsFromCountsSql(q.groupBy as keyof typeof COUNTED_GROUPINGS),
      [units, q.issuingUnitId ?? null, new Date(), q.pageSize, (q.page - 1) * q.pageSize],
    );
    const total = rows.length ? rows[0].groups : 0;
    return { items: rows.map((r) => ({ key: r.key, ...bucketCounts(r) })), total, page: q.page, pageSize: q.pageSize };
  }

  async list(q: SupervisionListQuery, p: Principal): Promise<Page<TaskSummary>> {
    const where = await this.filters(q, p);
    const now = new Date();
    if (q.responsibleUnitId) where.add((v) => `t.responsible_unit_id = ${v(q.responsibleUnitId)}`);
    if (q.memberInChargeId) where.add((v) => `t.member_in_charge_id = ${v(q.memberInChargeId)}`);
    if (q.fieldGroup) where.add((v) => `t.field_group = ${v(q.fieldGroup)}`);
    if (q.bucket) where.add((v) => `${taskBucketSql('t', v(now))} = ${v(q.bucket)}`);
    const [column, direction] = SORT_COLUMN[q.sort];
    const columns = SUMMARY_COLUMNS.map((c) => `t.${c.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`)} AS "${c}"`).join(
      ', ',
    );
    const limit = where.param(q.pageSize);
    const offset = where.param((q.page - 1) * q.pageSize);
    const rows: Array<TaskEntity & { total: number }> = await this.dataSource.query(
      `SELECT ${columns}, count(*) OVER ()::int AS total FROM task t ${where} ORDER BY ${column} ${direction}, t.id LIMIT ${limit} OFFSET ${offset}`,
      where.params,
    );
    return {
      items: rows.map((r) => toTaskSummary(r, now)),
      total: rows[0]?.total ?? 0,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  /** Scope (issuing or responsible unit among the caller's) and the shared filters. */
  private async filters(q: SupervisionFilterQuery, p: Principal): Promise<Where> {
    const units = await this.scope.unitsOf(p);
    const where = new Where();
    if (units !== null)
      where.add((v) => {
        const u = v(units);
        return `(t.issuing_unit_id = ANY(${u}) OR t.responsible_unit_id = ANY(${u}))`;
      });
    if (q.issuingUnitId) where.add((v) => `t.issuing_unit_id = ${v(q.issuingUnitId)}`);
    if (q.programmeId) where.add((v) => `t.programme_id = ${v(q.programmeId)}`);
    return where;
  }

  private async countGroups(q: TaskBucketsQuery, p: Principal): Promise<number> {
    const where = await this.filters(q, p);
    const [row] = await this.dataSource.query(
      `SELECT count(DISTINCT ${GROUP_COLUMN[q.groupBy]})::int AS n FROM task t ${where}`,
      where.params,
    );
    return row.n;
  }
}
