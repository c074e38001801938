import { TaskBucket } from '@app/domain';
import {
  bucketCountsOf,
  bucketsFromCountsSql,
  countedTasksCte,
  taskBucketCountsSql,
  taskBucketSql,
  taskInBucketSql,
} from './task-buckets.sql';

describe('taskBucketCountsSql', () => {
  it('counts each bucket with the conditions of taskBucket', () => {
    expect(taskBucketCountsSql('t', '$2')).toBe(
      [
        `count(*) FILTER (WHERE t.status = 'DONE' AND t.done_at <= t.due_at)::int AS done_on_time`,
        `count(*) FILTER (WHERE t.status = 'DONE' AND t.done_at > t.due_at)::int AS done_late`,
        `count(*) FILTER (WHERE t.status NOT IN ('DONE','CANCELLED') AND t.due_at >= $2)::int AS open_within_deadline`,
        `count(*) FILTER (WHERE t.status NOT IN ('DONE','CANCELLED') AND t.due_at < $2)::int AS open_overdue`,
      ].join(',\n    '),
    );
  });
});

describe('bucketCountsOf', () => {
  it('reads the four counting columns (numbers or numeric strings) and adds the total', () => {
    expect(bucketCountsOf({ done_on_time: 1, done_late: '2', open_within_deadline: 3, open_overdue: null })).toEqual({
      DONE_ON_TIME: 1,
      DONE_LATE: 2,
      OPEN_WITHIN_DEADLINE: 3,
      OPEN_OVERDUE: 0,
      total: 6,
    });
    expect(bucketCountsOf(undefined).total).toBe(0);
  });
});

describe('countedTasksCte', () => {
  const where = (alias: 'c' | 't') => `${alias}.issuing_unit_id = $1`;

  it('reads task_count, and from task only the open tasks of this month already past due', () => {
    const sql = countedTasksCte({ now: '$2', where });
    expect(sql).toMatch(/^counted \(unit_id, member_id, field_group, due_month, done_on_time, done_late, /);
    expect(sql).toContain('FROM task_count c WHERE c.issuing_unit_id = $1');
    expect(sql).toContain(`FROM task t WHERE t.issuing_unit_id = $1 AND t.status NOT IN ('DONE','CANCELLED')`);
    expect(sql).toContain(`date_trunc('month', $2::timestamptz AT TIME ZONE 'Asia/Ho_Chi_Minh')`);
  });

  it('counts straight from task when asked to', () => {
    const sql = countedTasksCte({ now: '$2', where, fromTasks: true });
    expect(sql).not.toContain('task_count');
    expect(sql).toContain(`FROM task t WHERE t.issuing_unit_id = $1 AND t.status <> 'CANCELLED'`);
  });
});

describe('bucketsFromCountsSql', () => {
  it('sums one page of groups of the counted rows by the grouping key', () => {
    const sql = bucketsFromCountsSql('memberInCharge', { now: '$2', where: () => 'TRUE', limit: '$3', offset: '$4' });
    expect(sql).toMatch(/^WITH counted \(/);
    expect(sql).toContain(`SELECT NULLIF(member_id, '') AS key`);
    expect(sql).toContain('FROM counted GROUP BY member_id');
    expect(sql).toContain(`ORDER BY NULLIF(member_id, '') NULLS LAST LIMIT $3 OFFSET $4`);
  });
});

describe('taskInBucketSql', () => {
  it('keeps the bucket CASE and adds the conditions it implies, so open tasks are found by due date', () => {
    const bucket = taskBucketSql('t', '$1');
    expect(taskInBucketSql('t', '$1', TaskBucket.OPEN_OVERDUE, '$2')).toBe(
      `(t.status NOT IN ('DONE','CANCELLED') AND t.due_at < $1 AND ${bucket} = $2)`,
    );
    expect(taskInBucketSql('t', '$1', TaskBucket.OPEN_WITHIN_DEADLINE, '$2')).toBe(
      `(t.status NOT IN ('DONE','CANCELLED') AND t.due_at >= $1 AND ${bucket} = $2)`,
    );
    expect(taskInBucketSql('t', '$1', TaskBucket.DONE_LATE, '$2')).toBe(`(t.status = 'DONE' AND ${bucket} = $2)`);
  });
});
