import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes the clean-up of old delivery and digest rows walks (see apps/notifier/src/retention): by the
 * moment a delivery left and by the day of a digest and its items, so each batch it deletes is found
 * without reading the whole table.
 */
export class DeliveryRetention1796810000000 implements MigrationInterface {
  name = 'DeliveryRetention1796810000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_notification_delivery_delivered_at" ON "notification_delivery" ("delivered_at") `,
    );
    await queryRunner.query(`CREATE INDEX "ix_notification_digest_item_day" ON "notification_digest_item" ("day") `);
    await queryRunner.query(`CREATE INDEX "ix_notification_digest_day" ON "notification_digest" ("day") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_notification_digest_day"`);
    await queryRunner.query(`DROP INDEX "public"."ix_notification_digest_item_day"`);
    await queryRunner.query(`DROP INDEX "public"."ix_notification_delivery_delivered_at"`);
  }
}
