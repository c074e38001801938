import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `task_count`: the overview's task counts, pre-aggregated and kept by triggers in the writer's
 * transaction (see TaskCountEntity). A task row moves its count on insert, update and delete; a
 * programme row moves its tasks' counts when its term becomes known or changes. `ix_task_due` serves
 * the one part read from `task`: open tasks of the current month already past due.
 */
export class TaskCounts1796000000000 implements MigrationInterface {
  name = 'TaskCounts1796000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "task_count" ("issuing_unit_id" text NOT NULL, "responsible_unit_id" text NOT NULL,
      "member_in_charge_id" text NOT NULL, "field_group" text NOT NULL, "term" text NOT NULL, "due_month" date NOT NULL,
      "done_on_time" integer NOT NULL DEFAULT '0', "done_late" integer NOT NULL DEFAULT '0', "open" integer NOT NULL DEFAULT '0',
      CONSTRAINT "pk_task_count" PRIMARY KEY ("issuing_unit_id", "responsible_unit_id", "member_in_charge_id", "field_group", "term", "due_month"))`);
    await queryRunner.query(`CREATE INDEX "ix_task_count_responsible_unit" ON "task_count" ("responsible_unit_id") `);

    // The term key of a task: its programme's term, '' without a programme, '-' while the programme row is missing.
    await queryRunner.query(`CREATE FUNCTION task_count_term(programme_id text) RETURNS text LANGUAGE sql STABLE AS $$
      SELECT CASE WHEN $1 IS NULL THEN '' ELSE COALESCE((SELECT p.term FROM programme p WHERE p.id = $1), '-') END
    $$`);

    // Adds (sign 1) or removes (sign -1) one task's count; the buckets are those of taskBucketCountsSql.
    await queryRunner.query(`CREATE FUNCTION task_count_add(t task, term text, sign integer) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        n_on_time integer := CASE WHEN t.status = 'DONE' AND t.done_at <= t.due_at THEN sign ELSE 0 END;
        n_late integer := CASE WHEN t.status = 'DONE' AND t.done_at > t.due_at THEN sign ELSE 0 END;
        n_open integer := CASE WHEN t.status NOT IN ('DONE', 'CANCELLED') THEN sign ELSE 0 END;
        month date := date_trunc('month', t.due_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date;
      BEGIN
        IF n_on_time = 0 AND n_late = 0 AND n_open = 0 THEN RETURN; END IF;
        INSERT INTO task_count AS c (issuing_unit_id, responsible_unit_id, member_in_charge_id, field_group, term, due_month, done_on_time, done_late, open)
        VALUES (t.issuing_unit_id, t.responsible_unit_id, COALESCE(t.member_in_charge_id, ''), COALESCE(t.field_group, ''), term, month, n_on_time, n_late, n_open)
        ON CONFLICT ON CONSTRAINT pk_task_count DO UPDATE
          SET done_on_time = c.done_on_time + EXCLUDED.done_on_time, done_late = c.done_late + EXCLUDED.done_late, open = c.open + EXCLUDED.open;
        IF sign < 0 THEN
          DELETE FROM task_count c WHERE c.issuing_unit_id = t.issuing_unit_id AND c.responsible_unit_id = t.responsible_unit_id
            AND c.member_in_charge_id = COALESCE(t.member_in_charge_id, '') AND c.field_group = COALESCE(t.field_group, '')
            AND c.term = task_count_add.term AND c.due_month = month AND c.done_on_time = 0 AND c.done_late = 0 AND c.open = 0;
        END IF;
      END
    $$`);

    await queryRunner.query(`CREATE FUNCTION task_count_on_task() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND (OLD.issuing_unit_id, OLD.responsible_unit_id, OLD.member_in_charge_id, OLD.field_group, OLD.programme_id,
            OLD.status, OLD.due_at, OLD.done_at) IS NOT DISTINCT FROM (NEW.issuing_unit_id, NEW.responsible_unit_id, NEW.member_in_charge_id,
            NEW.field_group, NEW.programme_id, NEW.status, NEW.due_at, NEW.done_at) THEN
          RETURN NULL; -- progress, snapshot and the like do not move a count
        END IF;
        IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM task_count_add(OLD, task_count_term(OLD.programme_id), -1); END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM task_count_add(NEW, task_count_term(NEW.programme_id), 1); END IF;
        RETURN NULL;
      END
    $$`);
    await queryRunner.query(
      `CREATE TRIGGER tr_task_count AFTER INSERT OR UPDATE OR DELETE ON task FOR EACH ROW EXECUTE FUNCTION task_count_on_task()`,
    );
    await queryRunner.query(`CREATE FUNCTION task_count_on_task_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN TRUNCATE task_count; RETURN NULL; END
    $$`);
    await queryRunner.query(
      `CREATE TRIGGER tr_task_count_truncate AFTER TRUNCATE ON task FOR EACH STATEMENT EXECUTE FUNCTION task_count_on_task_truncate()`,
    );

    // A programme's term is part of its tasks' key: move their counts when it appears, changes or goes.
    await queryRunner.query(`CREATE FUNCTION task_count_on_programme() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        prog_id text;
        old_term text;
        new_term text;
        t task;
      BEGIN
        IF TG_OP = 'INSERT' THEN prog_id := NEW.id; old_term := '-'; new_term := NEW.term;
        ELSIF TG_OP = 'DELETE' THEN prog_id := OLD.id; old_term := OLD.term; new_term := '-';
        ELSE prog_id := NEW.id; old_term := OLD.term; new_term := NEW.term;
        END IF;
        IF old_term IS NOT DISTINCT FROM new_term THEN RETURN NULL; END IF;
        FOR t IN SELECT * FROM task WHERE programme_id = prog_id LOOP
          PERFORM task_count_add(t, old_term, -1);
          PERFORM task_count_add(t, new_term, 1);
        END LOOP;
        RETURN NULL;
      END
    $$`);
    await queryRunner.query(
      `CREATE TRIGGER tr_task_count_programme AFTER INSERT OR DELETE OR UPDATE OF term ON programme FOR EACH ROW EXECUTE FUNCTION task_count_on_programme()`,
    );

    await queryRunner.query(`CREATE INDEX "ix_task_due" ON "task" ("due_at", "status") `);
    await queryRunner.query(`INSERT INTO task_count (issuing_unit_id, responsible_unit_id, member_in_charge_id, field_group, term, due_month, done_on_time, done_late, open)
      SELECT t.issuing_unit_id, t.responsible_unit_id, COALESCE(t.member_in_charge_id, ''), COALESCE(t.field_group, ''),
        CASE WHEN t.programme_id IS NULL THEN '' ELSE COALESCE(p.term, '-') END,
        date_trunc('month', t.due_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date,
        count(*) FILTER (WHERE t.status = 'DONE' AND t.done_at <= t.due_at), count(*) FILTER (WHERE t.status = 'DONE' AND t.done_at > t.due_at),
        count(*) FILTER (WHERE t.status NOT IN ('DONE', 'CANCELLED'))
      FROM task t LEFT JOIN programme p ON p.id = t.programme_id
      WHERE t.status <> 'CANCELLED' AND (t.status <> 'DONE' OR t.done_at IS NOT NULL)
      GROUP BY 1, 2, 3, 4, 5, 6`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER tr_task_count_programme ON programme`);
    await queryRunner.query(`DROP TRIGGER tr_task_count_truncate ON task`);
    await queryRunner.query(`DROP TRIGGER tr_task_count ON task`);
    await queryRunner.query(`DROP FUNCTION task_count_on_programme()`);
    await queryRunner.query(`DROP FUNCTION task_count_on_task_truncate()`);
    await queryRunner.query(`DROP FUNCTION task_count_on_task()`);
    await queryRunner.query(`DROP FUNCTION task_count_add(task, text, integer)`);
    await queryRunner.query(`DROP FUNCTION task_count_term(text)`);
    await queryRunner.query(`DROP INDEX "public"."ix_task_due"`);
    await queryRunner.query(`DROP INDEX "public"."ix_task_count_responsible_unit"`);
    await queryRunner.query(`DROP TABLE "task_count"`);
  }
}
