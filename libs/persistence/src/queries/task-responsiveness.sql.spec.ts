import { taskResponsivenessOf, taskResponsivenessSql } from './task-responsiveness.sql';

describe('taskResponsivenessSql', () => {
  it('groups the tasks of the programmes in view by responsible unit, counting buckets and reopenings', () => {
    const sql = taskResponsivenessSql('unit', { now: '$2', programmes: 'p.issuing_unit_id = ANY($1::text[])' });
    expect(sql).toMatch(/^SELECT t\.responsible_unit_id AS key,/);
    expect(sql).toContain(`count(*) FILTER (WHERE t.status = 'DONE' AND t.done_at <= t.due_at)::int AS on_time`);
    expect(sql).toContain(
      `count(*) FILTER (WHERE t.status NOT IN ('DONE','CANCELLED') AND t.due_at < $2::timestamptz)::int AS overdue`,
    );
    expect(sql).toContain('count(*) FILTER (WHERE t.reopen_count > 0)::int AS reopened');
    expect(sql).toContain(
      `count(*) FILTER (WHERE t.reopen_count > 0 AND t.status NOT IN ('DONE','CANCELLED'))::int AS reopened_open`,
    );
    expect(sql).toContain('COALESCE(sum(t.reopen_count), 0)::int AS reopenings');
    expect(sql).toContain(
      `FROM task t JOIN programme p ON p.id = t.programme_id\n  WHERE t.status <> 'CANCELLED' AND p.issuing_unit_id = ANY($1::text[])\n`,
    );
    expect(sql).toMatch(/GROUP BY t\.responsible_unit_id$/);
  });

  it('groups by responsible person, narrowed to one person when asked', () => {
    const sql = taskResponsivenessSql('person', {
      now: '$1',
      programmes: 'TRUE',
      ownOnly: 't.responsible_person_id = $2',
    });
    expect(sql).toMatch(/^SELECT t\.responsible_person_id AS key,/);
    expect(sql).toContain(`WHERE t.status <> 'CANCELLED' AND TRUE AND t.responsible_person_id = $2\n`);
    expect(sql).toMatch(/GROUP BY t\.responsible_person_id$/);
  });
});

describe('taskResponsivenessOf', () => {
  it('judges done and overdue tasks, leaves open ones out of the rate and reads numeric strings', () => {
    expect(
      taskResponsivenessOf({
        key: 'hg-skhdt',
        on_time: 3,
        late: '1',
        overdue: 1,
        open: 2,
        reopened: 2,
        reopened_open: 1,
        reopenings: '3',
      }),
    ).toEqual({
      due: 5,
      onTime: 3,
      late: 1,
      overdue: 1,
      open: 2,
      reopened: 2,
      reopenedOpen: 1,
      reopenings: 3,
      onTimeRate: 0.6,
    });
  });

  it('has no rate while nothing is due (a reopened task open within its new deadline is not on time)', () => {
    const f = taskResponsivenessOf({
      key: 'p1',
      on_time: 0,
      late: 0,
      overdue: 0,
      open: 1,
      reopened: 1,
      reopened_open: 1,
      reopenings: 1,
    });
    expect(f).toMatchObject({ due: 0, onTime: 0, open: 1, reopened: 1, onTimeRate: null });
    expect(taskResponsivenessOf(undefined)).toMatchObject({ due: 0, reopened: 0, onTimeRate: null });
  });
});
