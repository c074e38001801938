import { MigrationInterface, QueryRunner } from 'typeorm';

export class SupervisionIndexes1795806007000 implements MigrationInterface {
  name = 'SupervisionIndexes1795806007000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "ix_notification_programme" ON "notification" ("programme_id", "kind") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_notification_programme"`);
  }
}
