import { TaskBucket } from '@app/domain';
import {
  bucketCountsOf,
  bucketsFromCountsSql,
  countedTasksCte,
  taskBucketCountsSql,
  taskBucketFilterSql,
  taskBucketSql,
  taskInBucketSql,
  taskTotalsSelect,
  taskTotalsWithCountedSelect,
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

describe('taskTotalsSelect', () => {
  const where = (alias: 'c' | 't') => `${alias}.issuing_unit_id = $1`;

  it('reads task_total, and from task only the open tasks already past due, which move to overdue', () => {
    const sql = taskTotalsSelect({ now: '$2', where });
    expect(sql).toContain(
      'c.done_on_time, c.done_late, c.open, 0\n      FROM task_total c WHERE c.issuing_unit_id = $1',
    );
    expect(sql).toContain(
      `SELECT t.responsible_unit_id, COALESCE(t.member_in_charge_id, ''), COALESCE(t.field_group, ''), 0, 0, -1, 1`,
    );
    expect(sql).toContain(`t.status NOT IN ('DONE','CANCELLED') AND t.due_at < $2::timestamptz`);
    expect(sql).not.toContain('task_count');
  });

  it('counts straight from task when asked to', () => {
    const sql = taskTotalsSelect({ now: '$2', where, fromTasks: true });
    expect(sql).not.toContain('task_total');
    expect(sql).toContain(`FROM task t WHERE t.issuing_unit_id = $1 AND t.status <> 'CANCELLED'`);
  });
});

describe('taskTotalsWithCountedSelect', () => {
  const where = (alias: 'c' | 't') => `${alias}.issuing_unit_id = $1`;

  it('adds to task_total the overdue tasks the counted months hold, moved from within deadline', () => {
    const sql = taskTotalsWithCountedSelect({ where });
    expect(sql).toContain('FROM task_total c WHERE c.issuing_unit_id = $1');
    expect(sql).toContain(
      'SELECT unit_id, member_id, field_group, 0, 0, -open_overdue, open_overdue FROM counted WHERE open_overdue <> 0',
    );
  });

  it('takes the counted rows as they are when they come from task', () => {
    const sql = taskTotalsWithCountedSelect({ where, fromTasks: true });
    expect(sql).toBe(
      'SELECT unit_id, member_id, field_group, done_on_time, done_late, open_within_deadline, open_overdue FROM counted',
    );
  });
});

describe('countedTasksCte until the current month', () => {
  it('leaves out the counts of later months, not the tasks read from task', () => {
    const sql = countedTasksCte({ now: '$2', where: () => 'TRUE', untilCurrentMonth: true });
    expect(sql).toContain(
      `FROM task_count c WHERE TRUE AND c.due_month <= date_trunc('month', $2::timestamptz AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`,
    );
    expect(countedTasksCte({ now: '$2', where: () => 'TRUE' })).not.toContain('c.due_month <=');
  });
});

describe('taskBucketFilterSql', () => {
  const params = () => {
    const values: unknown[] = [];
    return { values, add: (v: unknown) => (values.push(v), `$${values.length}`) };
  };
  const now = new Date('2026-11-27T00:00:00Z');

  it('is the plain conditions for an open bucket, which the open-task index answers alone', () => {
    const p = params();
    expect(taskBucketFilterSql('t', now, TaskBucket.OPEN_OVERDUE, p.add)).toBe(
      `(t.status NOT IN ('DONE','CANCELLED') AND t.due_at < $1)`,
    );
    expect(p.values).toEqual([now]);
    expect(taskBucketFilterSql('t', now, TaskBucket.OPEN_WITHIN_DEADLINE, params().add)).toBe(
      `(t.status NOT IN ('DONE','CANCELLED') AND t.due_at >= $1)`,
    );
  });

  it('is taskInBucketSql for a done bucket', () => {
    const p = params();
    expect(taskBucketFilterSql('t', now, TaskBucket.DONE_ON_TIME, p.add)).toBe(
      taskInBucketSql('t', '$1', TaskBucket.DONE_ON_TIME, '$2'),
    );
    expect(p.values).toEqual([now, TaskBucket.DONE_ON_TIME]);
  });
});
