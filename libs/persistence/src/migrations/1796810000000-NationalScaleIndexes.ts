import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes the clean-up of old delivery and digest rows walks (see apps/notifier/src/retention): by the
 * moment a delivery left and by the day of a digest and its items, so each batch it deletes is found
 * without reading the whole table; and open tasks by due date (`ix_task_open_due`), which the
 * overdue and within-deadline drill-down lists read instead of every task in scope.
 */
export class NationalScaleIndexes1796810000000 implements MigrationInterface {
  name = 'NationalScaleIndexes1796810000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_notification_delivery_delivered_at" ON "notification_delivery" ("delivered_at") `,
    );
    await queryRunner.query(`CREATE INDEX "ix_notification_digest_item_day" ON "notification_digest_item" ("day") `);
    await queryRunner.query(`CREATE INDEX "ix_notification_digest_day" ON "notification_digest" ("day") `);
    await queryRunner.query(
      `CREATE INDEX "ix_task_open_due" ON "task" ("due_at") WHERE status <> ALL (ARRAY['DONE'::text, 'CANCELLED'::text])`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_task_open_due"`);
    await queryRunner.query(`DROP INDEX "public"."ix_notification_digest_day"`);
    await queryRunner.query(`DROP INDEX "public"."ix_notification_digest_item_day"`);
    await queryRunner.query(`DROP INDEX "public"."ix_notification_delivery_delivered_at"`);
  }
}
