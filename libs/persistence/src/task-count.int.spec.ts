import { DataSource, QueryRunner } from 'typeorm';
import { dataSourceOptions } from './data-source';
import { bucketsFromCountsSql, COUNTED_GROUPINGS, taskBucketCountsSql } from './queries/task-buckets.sql';

/** task_count recomputed from task: what the triggers must keep it equal to. */
const RECOUNT = `SELECT t.issuing_unit_id, t.responsible_unit_id, COALESCE(t.member_in_charge_id, '') AS member_in_charge_id,
    COALESCE(t.field_group, '') AS field_group, CASE WHEN t.programme_id IS NULL THEN '' ELSE COALESCE(p.term, '-') END AS term,
    date_trunc('month', t.due_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date::text AS due_month,
    count(*) FILTER (WHERE t.status = 'DONE' AND t.done_at <= t.due_at)::int AS done_on_time,
    count(*) FILTER (WHERE t.status = 'DONE' AND t.done_at > t.due_at)::int AS done_late,
    count(*) FILTER (WHERE t.status NOT IN ('DONE', 'CANCELLED'))::int AS open
  FROM task t LEFT JOIN programme p ON p.id = t.programme_id
  WHERE t.issuing_unit_id LIKE 'tc-%' AND t.status <> 'CANCELLED' AND (t.status <> 'DONE' OR t.done_at IS NOT NULL)
  GROUP BY 1, 2, 3, 4, 5, 6`;
const COUNTS = `SELECT issuing_unit_id, responsible_unit_id, member_in_charge_id, field_group, term, due_month::text, done_on_time, done_late, open
  FROM task_count WHERE issuing_unit_id LIKE 'tc-%'`;
const ORDER = ' ORDER BY 1, 2, 3, 4, 5, 6';
/** task_total recomputed from task_count: the same counts without the month (the year only for tasks of no programme). */
const RETOTAL = `SELECT issuing_unit_id, responsible_unit_id, member_in_charge_id, field_group, term,
    CASE WHEN term = '' THEN extract(year FROM due_month::date)::int ELSE 0 END AS due_year,
    sum(done_on_time)::int AS done_on_time, sum(done_late)::int AS done_late, sum(open)::int AS open
  FROM (${RECOUNT}) c GROUP BY 1, 2, 3, 4, 5, 6`;
const TOTALS = `SELECT issuing_unit_id, responsible_unit_id, member_in_charge_id, field_group, term, due_year::int, done_on_time, done_late, open
  FROM task_total WHERE issuing_unit_id LIKE 'tc-%'`;

describe('task_count triggers', () => {
  let ds: DataSource;
  let q: QueryRunner;

  beforeAll(async () => {
    ds = new DataSource(dataSourceOptions(process.env.DATABASE_URL as string));
    await ds.initialize();
  });
  afterAll(() => ds.destroy());
  // Everything happens in one transaction that is rolled back, so other tests never see these rows.
  beforeEach(async () => {
    q = ds.createQueryRunner();
    await q.startTransaction();
  });
  afterEach(async () => {
    await q.rollbackTransaction();
    await q.release();
  });

  const expectInStep = async () => {
    const counts = await q.query(COUNTS + ORDER);
    expect(counts).toEqual(await q.query(RECOUNT + ORDER));
    expect(await q.query(TOTALS + ORDER)).toEqual(await q.query(RETOTAL + ORDER));
    return counts as Array<Record<string, unknown>>;
  };
  const programme = (id: string, term: string) =>
    q.query(
      `INSERT INTO programme (id, title, template_id, template_version, phase, issuing_unit_id, member_in_charge_id, field_group, term, workflow_id, snapshot, created_by)
       VALUES ($1, 'tc', 'action-programme', 1, 'IMPLEMENTATION', 'tc-tu', 'tc-member', 'economy', $2, 'programme/' || $1, '{}', 'tc-member')`,
      [id, term],
    );
  const task = (id: string, programmeId: string | null, status: string, dueAt: string, doneAt: string | null = null) =>
    q.query(
      `INSERT INTO task (id, workflow_id, source, programme_id, code, title, responsible_unit_id, responsible_person_id, assigner_id,
         member_in_charge_id, field_group, issuing_unit_id, status, due_at, original_due_at, done_at)
       VALUES ($1, 'task/' || $1, 'PROGRAMME', $2, $1, 'tc', 'tc-dept', 'tc-person', 'tc-member', 'tc-member', 'economy', 'tc-tu', $3, $4, $4, $5)`,
      [id, programmeId, status, dueAt, doneAt],
    );

  it('counts inserts, updates and deletes of tasks in their buckets, by due month in Vietnam time', async () => {
    await programme('tc-p1', '2020-2025');
    await task('tc-1', 'tc-p1', 'DONE', '2024-03-10T00:00:00Z', '2024-03-09T00:00:00Z');
    await task('tc-2', 'tc-p1', 'DONE', '2024-03-10T00:00:00Z', '2024-03-12T00:00:00Z');
    await task('tc-3', 'tc-p1', 'IN_PROGRESS', '2024-03-31T18:00:00Z'); // 1 April in Vietnam
    await task('tc-4', 'tc-p1', 'CANCELLED', '2024-03-10T00:00:00Z');
    expect(await expectInStep()).toEqual([
      expect.objectContaining({ term: '2020-2025', due_month: '2024-03-01', done_on_time: 1, done_late: 1, open: 0 }),
      expect.objectContaining({ term: '2020-2025', due_month: '2024-04-01', done_on_time: 0, done_late: 0, open: 1 }),
    ]);
    await q.query(`UPDATE task SET status = 'DONE', done_at = '2024-03-30T00:00:00Z' WHERE id = 'tc-3'`);
    await q.query(
      `UPDATE task SET status = 'ACCEPTED', due_at = '2025-01-05T00:00:00Z', responsible_unit_id = 'tc-dept-2' WHERE id = 'tc-1'`,
    );
    await q.query(`UPDATE task SET progress_percent = 40 WHERE id = 'tc-2'`);
    await q.query(`DELETE FROM task WHERE id = 'tc-4'`);
    await expectInStep();
    await q.query(`DELETE FROM task WHERE id IN ('tc-1', 'tc-2', 'tc-3')`);
    expect(await expectInStep()).toEqual([]); // no empty rows left behind
  });

  it("moves a programme's tasks when its term becomes known or changes, and counts tasks of no programme apart", async () => {
    await task('tc-5', 'tc-p2', 'ASSIGNED', '2026-06-01T00:00:00Z'); // projected before its programme row
    await task('tc-6', null, 'ASSIGNED', '2026-06-01T00:00:00Z');
    expect((await expectInStep()).map((r) => r.term)).toEqual(['', '-']);
    await programme('tc-p2', '2020-2025');
    expect((await expectInStep()).map((r) => r.term)).toEqual(['', '2020-2025']);
    await q.query(`UPDATE programme SET term = '2025-2030' WHERE id = 'tc-p2'`);
    expect((await expectInStep()).map((r) => r.term)).toEqual(['', '2025-2030']);
    await q.query(`DELETE FROM programme WHERE id = 'tc-p2'`);
    expect((await expectInStep()).map((r) => r.term)).toEqual(['', '-']);
  });

  it('gives the same buckets per unit, member and field as a GROUP BY over task, around the current month', async () => {
    const now = new Date();
    const at = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString();
    await programme('tc-p3', '2025-2030');
    // Open tasks due long ago, earlier today (this month: read from task), later, and next year; done ones; a cancelled one.
    await task('tc-7', 'tc-p3', 'IN_PROGRESS', at(-400));
    await task('tc-8', 'tc-p3', 'ASSIGNED', new Date(now.getTime() - 60_000).toISOString());
    await task('tc-9', 'tc-p3', 'ACCEPTED', new Date(now.getTime() + 60_000).toISOString());
    await task('tc-10', 'tc-p3', 'SUBMITTED', at(300));
    await task('tc-11', 'tc-p3', 'DONE', at(-40), at(-41));
    await task('tc-12', 'tc-p3', 'DONE', at(-40), at(-20));
    await task('tc-13', 'tc-p3', 'CANCELLED', at(-5));
    await q.query(`UPDATE task SET member_in_charge_id = NULL, field_group = 'culture' WHERE id IN ('tc-9', 'tc-10')`);
    // One page of up to 100 groups at the moment $2: the tasks of units $1 (issued by or assigned to
    // them), or the tasks issued by unit $1.
    const page = (where: (a: 'c' | 't') => string) => ({ now: '$2', where, limit: '100', offset: '0' });
    const ofUnits = page((a) => `(${a}.issuing_unit_id = ANY($1) OR ${a}.responsible_unit_id = ANY($1))`);
    const issuedBy = page((a) => `${a}.issuing_unit_id = $1`);
    for (const grouping of Object.keys(COUNTED_GROUPINGS) as Array<keyof typeof COUNTED_GROUPINGS>) {
      const column = COUNTED_GROUPINGS[grouping];
      const counted = await q.query(bucketsFromCountsSql(grouping, ofUnits), [['tc-tu'], now]);
      const plain = await q.query(
        `SELECT t.${column} AS key, ${taskBucketCountsSql('t', '$2')}, count(*) OVER ()::int AS groups FROM task t
          WHERE t.issuing_unit_id = ANY($1) AND t.status <> 'CANCELLED' GROUP BY t.${column} ORDER BY t.${column} NULLS LAST`,
        [['tc-tu'], now],
      );
      expect([grouping, counted]).toEqual([grouping, plain]);
    }
    const [all] = await q.query(bucketsFromCountsSql('unit', issuedBy), ['tc-tu', now]);
    expect(all).toMatchObject({
      key: 'tc-dept',
      done_on_time: 1,
      done_late: 1,
      open_within_deadline: 2,
      open_overdue: 2,
    });
  });
});
