import { MigrationInterface, QueryRunner } from 'typeorm';

/** The task-count trigger's UPDATE test and its two moves, with or without the orphan mark. */
function taskCountOnTask(orphanAware: boolean): string {
  const live = (row: string) => (orphanAware ? ` AND ${row}.orphaned_at IS NULL` : '');
  const mark = (row: string) => (orphanAware ? `, ${row}.orphaned_at IS NULL` : '');
  return `CREATE OR REPLACE FUNCTION task_count_on_task() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND (OLD.issuing_unit_id, OLD.responsible_unit_id, OLD.member_in_charge_id, OLD.field_group, OLD.programme_id,
            OLD.status, OLD.due_at, OLD.done_at${mark('OLD')}) IS NOT DISTINCT FROM (NEW.issuing_unit_id, NEW.responsible_unit_id, NEW.member_in_charge_id,
            NEW.field_group, NEW.programme_id, NEW.status, NEW.due_at, NEW.done_at${mark('NEW')}) THEN
          RETURN NULL; -- progress, snapshot and the like do not move a count
        END IF;
        IF TG_OP IN ('UPDATE', 'DELETE')${live('OLD')} THEN PERFORM task_count_add(OLD, task_count_term(OLD.programme_id), -1); END IF;
        IF TG_OP IN ('INSERT', 'UPDATE')${live('NEW')} THEN PERFORM task_count_add(NEW, task_count_term(NEW.programme_id), 1); END IF;
        RETURN NULL;
      END
    $$`;
}

function taskCountOnProgramme(orphanAware: boolean): string {
  return `CREATE OR REPLACE FUNCTION task_count_on_programme() RETURNS trigger LANGUAGE plpgsql AS $$
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
        FOR t IN SELECT * FROM task WHERE programme_id = prog_id${orphanAware ? ' AND orphaned_at IS NULL' : ''} LOOP
          PERFORM task_count_add(t, old_term, -1);
          PERFORM task_count_add(t, new_term, 1);
        END LOOP;
        RETURN NULL;
      END
    $$`;
}

/**
 * Read-model reconciliation: `reconciliation_run` keeps what each run found; a task row marked
 * orphaned (no workflow of its chain behind it) leaves the overview's pre-aggregated counts, and
 * comes back into them if a live workflow writes it again.
 */
export class ReadModelReconciliation1796830000000 implements MigrationInterface {
  name = 'ReadModelReconciliation1796830000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "reconciliation_run" ("id" text NOT NULL,
      "started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE,
      "checked" integer NOT NULL DEFAULT '0', "repaired" integer NOT NULL DEFAULT '0', "created" integer NOT NULL DEFAULT '0',
      "orphaned" integer NOT NULL DEFAULT '0', "details" jsonb, CONSTRAINT "pk_reconciliation_run" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_reconciliation_run_started_at" ON "reconciliation_run" ("started_at") `);
    await queryRunner.query(taskCountOnTask(true));
    await queryRunner.query(taskCountOnProgramme(true));
    // Rows orphaned by hand before this migration (none are expected) leave the counts now.
    await queryRunner.query(`DO $$
      DECLARE t task;
      BEGIN
        FOR t IN SELECT * FROM task WHERE orphaned_at IS NOT NULL LOOP
          PERFORM task_count_add(t, task_count_term(t.programme_id), -1);
        END LOOP;
      END
    $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DO $$
      DECLARE t task;
      BEGIN
        FOR t IN SELECT * FROM task WHERE orphaned_at IS NOT NULL LOOP
          PERFORM task_count_add(t, task_count_term(t.programme_id), 1);
        END LOOP;
      END
    $$`);
    await queryRunner.query(taskCountOnProgramme(false));
    await queryRunner.query(taskCountOnTask(false));
    await queryRunner.query(`DROP INDEX "public"."ix_reconciliation_run_started_at"`);
    await queryRunner.query(`DROP TABLE "reconciliation_run"`);
  }
}
