import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The worker stores a review's report when the review closes: marked `automatic`, and at most one
 * per programme and review, so a retried projection never stores a second. Reports generated on
 * request stay as many as people ask for.
 */
export class AutomaticReviewReports1796880000000 implements MigrationInterface {
  name = 'AutomaticReviewReports1796880000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "programme_report" ADD "automatic" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_programme_report_automatic" ON "programme_report" ("programme_id", "review_seq") WHERE "automatic"`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."uq_programme_report_automatic"`);
    await queryRunner.query(`ALTER TABLE "programme_report" DROP COLUMN "automatic"`);
  }
}
