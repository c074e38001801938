import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rotations of duties (`duty_transfer`, one row per request id), and the breakthrough cycle's whole
 * projected state (`breakthrough_cycle.snapshot`, as programmes and tasks have), so the read model
 * finds appraisers and registrants without asking every workflow.
 */
export class DutyTransfers1796710000000 implements MigrationInterface {
  name = 'DutyTransfers1796710000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "duty_transfer" ("request_id" text NOT NULL, "person_id" text NOT NULL, "successor_person_id" text NOT NULL, "successor_unit_id" text, "reason" text NOT NULL, "kinds" text array, "requested_by" text NOT NULL, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "completed_at" TIMESTAMP WITH TIME ZONE, "status" text NOT NULL DEFAULT 'IN_PROGRESS', "items" jsonb NOT NULL DEFAULT '[]', CONSTRAINT "chk_duty_transfer_status" CHECK ("status" IN ('IN_PROGRESS', 'DONE')), CONSTRAINT "pk_duty_transfer" PRIMARY KEY ("request_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_duty_transfer_person" ON "duty_transfer" ("person_id", "requested_at") `);
    await queryRunner.query(
      `CREATE INDEX "ix_duty_transfer_successor" ON "duty_transfer" ("successor_person_id", "requested_at") `,
    );
    await queryRunner.query(`ALTER TABLE "breakthrough_cycle" ADD "snapshot" jsonb NOT NULL DEFAULT '{}'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "breakthrough_cycle" DROP COLUMN "snapshot"`);
    await queryRunner.query(`DROP INDEX "public"."ix_duty_transfer_successor"`);
    await queryRunner.query(`DROP INDEX "public"."ix_duty_transfer_person"`);
    await queryRunner.query(`DROP TABLE "duty_transfer"`);
  }
}
