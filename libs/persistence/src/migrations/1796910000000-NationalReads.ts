import { MigrationInterface, QueryRunner } from 'typeorm';

/** What a task adds to the counts: its buckets, its due month (Vietnam time), and the key columns. */
const DECLARE_COUNTS = `
        n_on_time integer := CASE WHEN t.status = 'DONE' AND t.done_at <= t.due_at THEN sign ELSE 0 END;
        n_late integer := CASE WHEN t.status = 'DONE' AND t.done_at > t.due_at THEN sign ELSE 0 END;
        n_open integer := CASE WHEN t.status NOT IN ('DONE', 'CANCELLED') THEN sign ELSE 0 END;
        month date := date_trunc('month', t.due_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date;`;

const TASK_COUNT_UPSERT = `
        INSERT INTO task_count AS c (issuing_unit_id, responsible_unit_id, member_in_charge_id, field_group, term, due_month, done_on_time, done_late, open)
        VALUES (t.issuing_unit_id, t.responsible_unit_id, COALESCE(t.member_in_charge_id, ''), COALESCE(t.field_group, ''), term, month, n_on_time, n_late, n_open)
        ON CONFLICT ON CONSTRAINT pk_task_count DO UPDATE
          SET done_on_time = c.done_on_time + EXCLUDED.done_on_time, done_late = c.done_late + EXCLUDED.done_late, open = c.open + EXCLUDED.open;
        IF sign < 0 THEN
          DELETE FROM task_count c WHERE c.issuing_unit_id = t.issuing_unit_id AND c.responsible_unit_id = t.responsible_unit_id
            AND c.member_in_charge_id = COALESCE(t.member_in_charge_id, '') AND c.field_group = COALESCE(t.field_group, '')
            AND c.term = task_count_add.term AND c.due_month = month AND c.done_on_time = 0 AND c.done_late = 0 AND c.open = 0;
        END IF;`;

/** The year a task of no programme is due in places it in a term; a programme's tasks have their term (0). */
const dueYear = (term: string) => `CASE WHEN ${term} = '' THEN extract(year FROM month)::smallint ELSE 0::smallint END`;

const TASK_TOTAL_UPSERT = `
        INSERT INTO task_total AS c (issuing_unit_id, responsible_unit_id, member_in_charge_id, field_group, term, due_year, done_on_time, done_late, open)
        VALUES (t.issuing_unit_id, t.responsible_unit_id, COALESCE(t.member_in_charge_id, ''), COALESCE(t.field_group, ''), term, ${dueYear('term')}, n_on_time, n_late, n_open)
        ON CONFLICT ON CONSTRAINT pk_task_total DO UPDATE
          SET done_on_time = c.done_on_time + EXCLUDED.done_on_time, done_late = c.done_late + EXCLUDED.done_late, open = c.open + EXCLUDED.open;
        IF sign < 0 THEN
          DELETE FROM task_total c WHERE c.issuing_unit_id = t.issuing_unit_id AND c.responsible_unit_id = t.responsible_unit_id
            AND c.member_in_charge_id = COALESCE(t.member_in_charge_id, '') AND c.field_group = COALESCE(t.field_group, '')
            AND c.term = task_count_add.term AND c.due_year = ${dueYear('task_count_add.term')} AND c.done_on_time = 0 AND c.done_late = 0 AND c.open = 0;
        END IF;`;

function taskCountAdd(body: string): string {
  return `CREATE OR REPLACE FUNCTION task_count_add(t task, term text, sign integer) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE${DECLARE_COUNTS}
      BEGIN
        IF n_on_time = 0 AND n_late = 0 AND n_open = 0 THEN RETURN; END IF;${body}
      END
    $$`;
}

/**
 * The supervision reads at national scale (34 provinces, a million tasks):
 * - `task_total`: the counts of `task_count` without the due month (a few tens of thousands of rows
 *   instead of six hundred thousand), kept by the same trigger function in the same transaction. The
 *   overview and the task buckets group it by unit, member in charge and field group; the open tasks
 *   already past due, which it cannot tell from those within deadline, are read from `task` by
 *   `ix_task_open_due`, which now carries the columns they are scoped and grouped by (read from
 *   the index alone) and `id` after `due_at`, so the overdue and within-deadline lists read their page
 *   in order.
 * - `ix_task_count_responsible_unit` on (responsible_unit_id, term, due_month): a province's tasks
 *   assigned to its units, of one term and its months up to now, without reading the others.
 * - `ix_task_count_term_month`: the overview reads a term's months up to the current one (the overdue
 *   trend, and the open tasks past due) from the index alone.
 * - `ix_programme_term_deadline`: a term's programmes, nearest phase deadline first (the drill-down
 *   list's order), so a page stops after its last row.
 * - `org_unit_version`: a number that moves in the transaction of any change to `org_unit`, so the API
 *   keeps the unit tree in memory and reads it again only when it has changed (every replica alike).
 */
export class NationalReads1796910000000 implements MigrationInterface {
  name = 'NationalReads1796910000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "task_total" ("issuing_unit_id" text NOT NULL, "responsible_unit_id" text NOT NULL,
      "member_in_charge_id" text NOT NULL, "field_group" text NOT NULL, "term" text NOT NULL, "due_year" smallint NOT NULL,
      "done_on_time" integer NOT NULL DEFAULT '0', "done_late" integer NOT NULL DEFAULT '0', "open" integer NOT NULL DEFAULT '0',
      CONSTRAINT "pk_task_total" PRIMARY KEY ("issuing_unit_id", "responsible_unit_id", "member_in_charge_id", "field_group", "term", "due_year"))`);
    await queryRunner.query(`CREATE INDEX "ix_task_total_responsible_unit" ON "task_total" ("responsible_unit_id") `);
    await queryRunner.query(`LOCK TABLE task IN SHARE MODE`);
    await queryRunner.query(taskCountAdd(TASK_COUNT_UPSERT + TASK_TOTAL_UPSERT));
    await queryRunner.query(`INSERT INTO task_total (issuing_unit_id, responsible_unit_id, member_in_charge_id, field_group, term, due_year, done_on_time, done_late, open)
      SELECT issuing_unit_id, responsible_unit_id, member_in_charge_id, field_group, term,
        CASE WHEN term = '' THEN extract(year FROM due_month)::smallint ELSE 0::smallint END,
        sum(done_on_time), sum(done_late), sum(open)
      FROM task_count GROUP BY 1, 2, 3, 4, 5, 6`);
    await queryRunner.query(`DROP INDEX "public"."ix_task_count_responsible_unit"`);
    await queryRunner.query(
      `CREATE INDEX "ix_task_count_responsible_unit" ON "task_count" ("responsible_unit_id", "term", "due_month") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_task_count_term_month" ON "task_count" ("term", "due_month", "responsible_unit_id", "member_in_charge_id", "field_group", "done_on_time", "done_late", "open") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_programme_term_deadline" ON "programme" ("term", "phase_deadline", "id") `,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_task_open_due"`);
    await queryRunner.query(
      `CREATE INDEX "ix_task_open_due" ON "task" ("due_at", "id", "issuing_unit_id", "responsible_unit_id", "member_in_charge_id", "field_group", "programme_id") WHERE status <> ALL (ARRAY['DONE'::text, 'CANCELLED'::text])`,
    );

    await queryRunner.query(`CREATE SEQUENCE "org_unit_version_seq"`);
    await queryRunner.query(
      `CREATE TABLE "org_unit_version" ("id" smallint NOT NULL, "version" bigint NOT NULL, CONSTRAINT "pk_org_unit_version" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`INSERT INTO org_unit_version (id, version) VALUES (1, nextval('org_unit_version_seq'))`);
    // A new number from a sequence (never one seen before, even after the row was lost), visible when the change commits.
    await queryRunner.query(`CREATE FUNCTION org_unit_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO org_unit_version AS v (id, version) VALUES (1, nextval('org_unit_version_seq'))
          ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version;
        RETURN NULL;
      END
    $$`);
    await queryRunner.query(
      `CREATE TRIGGER tr_org_unit_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON org_unit FOR EACH STATEMENT EXECUTE FUNCTION org_unit_version_bump()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER tr_org_unit_version ON org_unit`);
    await queryRunner.query(`DROP FUNCTION org_unit_version_bump()`);
    await queryRunner.query(`DROP TABLE "org_unit_version"`);
    await queryRunner.query(`DROP SEQUENCE "org_unit_version_seq"`);
    await queryRunner.query(`DROP INDEX "public"."ix_task_open_due"`);
    await queryRunner.query(
      `CREATE INDEX "ix_task_open_due" ON "task" ("due_at") WHERE status <> ALL (ARRAY['DONE'::text, 'CANCELLED'::text])`,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_programme_term_deadline"`);
    await queryRunner.query(`DROP INDEX "public"."ix_task_count_term_month"`);
    await queryRunner.query(`DROP INDEX "public"."ix_task_count_responsible_unit"`);
    await queryRunner.query(`CREATE INDEX "ix_task_count_responsible_unit" ON "task_count" ("responsible_unit_id") `);
    await queryRunner.query(taskCountAdd(TASK_COUNT_UPSERT));
    await queryRunner.query(`DROP TABLE "task_total"`);
  }
}
