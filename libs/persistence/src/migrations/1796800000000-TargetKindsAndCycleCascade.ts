import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Targets as the reports write them: a target's estimate per year (`programme_target.annual_estimates`),
 * and per review the reference value a relative target was judged against and the value's share of
 * the year's estimate (`target_value`). Breakthrough cycles cascading down the levels: the cycle a
 * subordinate committee's cycle was opened under (`breakthrough_cycle.parent_cycle_id`).
 */
export class TargetKindsAndCycleCascade1796800000000 implements MigrationInterface {
  name = 'TargetKindsAndCycleCascade1796800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "programme_target" ADD "annual_estimates" jsonb NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "target_value" ADD "reference_value" text`);
    await queryRunner.query(`ALTER TABLE "target_value" ADD "annual_estimate" text`);
    await queryRunner.query(`ALTER TABLE "target_value" ADD "share_of_estimate" numeric`);
    await queryRunner.query(`ALTER TABLE "breakthrough_cycle" ADD "parent_cycle_id" text`);
    await queryRunner.query(`CREATE INDEX "ix_breakthrough_cycle_parent" ON "breakthrough_cycle" ("parent_cycle_id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_breakthrough_cycle_parent"`);
    await queryRunner.query(`ALTER TABLE "breakthrough_cycle" DROP COLUMN "parent_cycle_id"`);
    await queryRunner.query(`ALTER TABLE "target_value" DROP COLUMN "share_of_estimate"`);
    await queryRunner.query(`ALTER TABLE "target_value" DROP COLUMN "annual_estimate"`);
    await queryRunner.query(`ALTER TABLE "target_value" DROP COLUMN "reference_value"`);
    await queryRunner.query(`ALTER TABLE "programme_target" DROP COLUMN "annual_estimates"`);
  }
}
