import { MigrationInterface, QueryRunner } from 'typeorm';

export class ReadModelTargetsReviewsTasks1795553955123 implements MigrationInterface {
  name = 'ReadModelTargetsReviewsTasks1795553955123';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "programme_review" ("programme_id" text NOT NULL, "seq" integer NOT NULL, "kind" text NOT NULL, "period_label" text NOT NULL, "opens_at" TIMESTAMP WITH TIME ZONE NOT NULL, "closes_at" TIMESTAMP WITH TIME ZONE NOT NULL, "closed_at" TIMESTAMP WITH TIME ZONE, "expected_unit_ids" text array NOT NULL DEFAULT '{}', "reported_unit_ids" text array NOT NULL DEFAULT '{}', "headline" text, "achieved_or_exceeded" integer, "targets_total" integer, "low_target_codes" text array NOT NULL DEFAULT '{}', CONSTRAINT "pk_programme_review" PRIMARY KEY ("programme_id", "seq"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_programme_review_closes" ON "programme_review" ("closes_at") `);
    await queryRunner.query(
      `CREATE TABLE "programme_target" ("programme_id" text NOT NULL, "code" text NOT NULL, "name" text NOT NULL, "unit" text NOT NULL, "baseline" text, "goal" jsonb NOT NULL, "period_goals" jsonb NOT NULL DEFAULT '{}', "responsible_unit_id" text NOT NULL, CONSTRAINT "pk_programme_target" PRIMARY KEY ("programme_id", "code"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "target_value" ("programme_id" text NOT NULL, "target_code" text NOT NULL, "review_seq" integer NOT NULL, "period_label" text NOT NULL, "value" text, "reported_by_unit_id" text, "reported_at" TIMESTAMP WITH TIME ZONE, "achievement" text, CONSTRAINT "pk_target_value" PRIMARY KEY ("programme_id", "target_code", "review_seq"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_target_value_programme_period" ON "target_value" ("programme_id", "period_label") `,
    );
    await queryRunner.query(
      `CREATE TABLE "task" ("id" text NOT NULL, "workflow_id" text NOT NULL, "source" text NOT NULL, "programme_id" text, "code" text NOT NULL, "title" text NOT NULL, "responsible_unit_id" text NOT NULL, "responsible_person_id" text NOT NULL, "coordinating_unit_ids" text array NOT NULL DEFAULT '{}', "assigner_id" text NOT NULL, "member_in_charge_id" text, "field_group" text, "issuing_unit_id" text NOT NULL, "is_breakthrough" boolean NOT NULL DEFAULT false, "status" text NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "original_due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "progress_percent" smallint NOT NULL DEFAULT '0', "accepted_at" TIMESTAMP WITH TIME ZONE, "submitted_at" TIMESTAMP WITH TIME ZONE, "done_at" TIMESTAMP WITH TIME ZONE, "projection_seq" integer NOT NULL DEFAULT '0', "snapshot" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_task" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_task_issuing_unit" ON "task" ("issuing_unit_id", "status", "due_at") `);
    await queryRunner.query(`CREATE INDEX "ix_task_field_group" ON "task" ("field_group", "status") `);
    await queryRunner.query(`CREATE INDEX "ix_task_member_in_charge" ON "task" ("member_in_charge_id", "status") `);
    await queryRunner.query(`CREATE INDEX "ix_task_programme" ON "task" ("programme_id") `);
    await queryRunner.query(
      `CREATE INDEX "ix_task_unit_status" ON "task" ("responsible_unit_id", "status", "due_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_task_person_status" ON "task" ("responsible_person_id", "status", "due_at") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_task_person_status"`);
    await queryRunner.query(`DROP INDEX "public"."ix_task_unit_status"`);
    await queryRunner.query(`DROP INDEX "public"."ix_task_programme"`);
    await queryRunner.query(`DROP INDEX "public"."ix_task_member_in_charge"`);
    await queryRunner.query(`DROP INDEX "public"."ix_task_field_group"`);
    await queryRunner.query(`DROP INDEX "public"."ix_task_issuing_unit"`);
    await queryRunner.query(`DROP TABLE "task"`);
    await queryRunner.query(`DROP INDEX "public"."ix_target_value_programme_period"`);
    await queryRunner.query(`DROP TABLE "target_value"`);
    await queryRunner.query(`DROP TABLE "programme_target"`);
    await queryRunner.query(`DROP INDEX "public"."ix_programme_review_closes"`);
    await queryRunner.query(`DROP TABLE "programme_review"`);
  }
}
