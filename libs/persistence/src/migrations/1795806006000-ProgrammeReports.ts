import { MigrationInterface, QueryRunner } from 'typeorm';

export class ProgrammeReports1795806006000 implements MigrationInterface {
  name = 'ProgrammeReports1795806006000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "programme_report" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "programme_id" text NOT NULL, "review_seq" integer NOT NULL, "review_kind" text NOT NULL, "period_label" text NOT NULL, "title" text NOT NULL, "file_name" text NOT NULL, "content_type" text NOT NULL, "size_bytes" integer NOT NULL, "content" bytea NOT NULL, "generated_by" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_programme_report" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_programme_report_programme" ON "programme_report" ("programme_id", "created_at") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_programme_report_programme"`);
    await queryRunner.query(`DROP TABLE "programme_report"`);
  }
}
