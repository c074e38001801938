import { MigrationInterface, QueryRunner } from 'typeorm';

const COLUMNS = `"due_at", "id", "issuing_unit_id", "responsible_unit_id", "member_in_charge_id", "field_group", "programme_id"`;
const OPEN = `status <> ALL (ARRAY['DONE'::text, 'CANCELLED'::text])`;

/**
 * `ix_task_open_due` holds only tasks with a workflow behind them (`orphaned_at IS NULL`): every read
 * of tasks leaves orphaned rows out, and with the condition in the index's own predicate the overdue
 * lists and counts still read the index alone, without visiting the table to check the orphan mark.
 */
export class OpenTasksIndexLiveOnly1796920000000 implements MigrationInterface {
  name = 'OpenTasksIndexLiveOnly1796920000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_task_open_due"`);
    await queryRunner.query(
      `CREATE INDEX "ix_task_open_due" ON "task" (${COLUMNS}) WHERE ${OPEN} AND orphaned_at IS NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_task_open_due"`);
    await queryRunner.query(`CREATE INDEX "ix_task_open_due" ON "task" (${COLUMNS}) WHERE ${OPEN}`);
  }
}
