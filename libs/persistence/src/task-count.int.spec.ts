import { DataSource, QueryRunner } from 'typeorm';
import { dataSourceOptions } from './data-source';

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
    await q.query(`UPDATE task SET status = 'ACCEPTED', due_at = '2025-01-05T00:00:00Z', responsible_unit_id = 'tc-dept-2' WHERE id = 'tc-1'`);
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
});
