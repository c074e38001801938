import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How many times an inspection finding reopened a task (`task.reopen_count`), and the yearly
 * appraisal of units and persons (`appraisal`, one row per year, subject kind and subject).
 */
export class ReopeningAndAppraisal1796790000000 implements MigrationInterface {
  name = 'ReopeningAndAppraisal1796790000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "task" ADD "reopen_count" smallint NOT NULL DEFAULT 0`);
    await queryRunner.query(
      `CREATE TABLE "appraisal" ("year" integer NOT NULL, "subject_kind" text NOT NULL, "subject_id" text NOT NULL, "unit_id" text NOT NULL, "rating" text NOT NULL, "comment" text NOT NULL, "figures" jsonb NOT NULL, "appraised_by" text NOT NULL, "appraised_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_appraisal_subject_kind" CHECK ("subject_kind" IN ('UNIT', 'PERSON')), CONSTRAINT "chk_appraisal_rating" CHECK ("rating" IN ('EXCELLENT', 'GOOD', 'COMPLETED', 'NOT_COMPLETED')), CONSTRAINT "pk_appraisal" PRIMARY KEY ("year", "subject_kind", "subject_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_appraisal_unit" ON "appraisal" ("unit_id", "year") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_appraisal_unit"`);
    await queryRunner.query(`DROP TABLE "appraisal"`);
    await queryRunner.query(`ALTER TABLE "task" DROP COLUMN "reopen_count"`);
  }
}
