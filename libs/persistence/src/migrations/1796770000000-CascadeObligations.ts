import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The cascade: a registry entry obliges a subordinate body to issue its own programme or plan by a
 * deadline. One row per obligation (at most one open or fulfilled per entry and body; withdrawn ones
 * stay), projected by its workflow, and the obligation's history rows.
 */
export class CascadeObligations1796770000000 implements MigrationInterface {
  name = 'CascadeObligations1796770000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "cascade_obligation" ("id" text NOT NULL, "resolution_id" text NOT NULL, "unit_id" text NOT NULL, "deadline_kind" text NOT NULL, "deadline_days" integer, "deadline_date" date, "due_on" date NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" text NOT NULL DEFAULT 'OPEN', "programme_id" text, "issued_on" date, "reminders_sent" integer NOT NULL DEFAULT 0, "escalations_sent" integer NOT NULL DEFAULT 0, "withdrawn_at" TIMESTAMP WITH TIME ZONE, "withdrawn_by" text, "withdraw_reason" text, "workflow_id" text NOT NULL, "request_id" text NOT NULL, "created_by" text NOT NULL, "projection_seq" integer NOT NULL DEFAULT 0, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_cascade_obligation_status" CHECK ("status" IN ('OPEN', 'FULFILLED', 'WITHDRAWN')), CONSTRAINT "chk_cascade_obligation_deadline" CHECK ("deadline_kind" IN ('DATE', 'WORKING_DAYS', 'CALENDAR_DAYS')), CONSTRAINT "pk_cascade_obligation" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_cascade_obligation_unit" ON "cascade_obligation" ("resolution_id", "unit_id") WHERE "status" <> 'WITHDRAWN'`,
    );
    await queryRunner.query(`CREATE INDEX "ix_cascade_obligation_unit" ON "cascade_obligation" ("unit_id") `);
    await queryRunner.query(
      `CREATE TABLE "cascade_event" ("event_key" text NOT NULL, "obligation_id" text NOT NULL, "actor_id" text, "action" text NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "after" jsonb, CONSTRAINT "pk_cascade_event" PRIMARY KEY ("event_key"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_cascade_event_obligation" ON "cascade_event" ("obligation_id") `);
    await queryRunner.query(
      `ALTER TABLE "cascade_obligation" ADD CONSTRAINT "fk_cascade_obligation_resolution" FOREIGN KEY ("resolution_id") REFERENCES "resolution"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cascade_obligation" ADD CONSTRAINT "fk_cascade_obligation_unit" FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "cascade_obligation" DROP CONSTRAINT "fk_cascade_obligation_unit"`);
    await queryRunner.query(`ALTER TABLE "cascade_obligation" DROP CONSTRAINT "fk_cascade_obligation_resolution"`);
    await queryRunner.query(`DROP INDEX "public"."ix_cascade_event_obligation"`);
    await queryRunner.query(`DROP TABLE "cascade_event"`);
    await queryRunner.query(`DROP INDEX "public"."ix_cascade_obligation_unit"`);
    await queryRunner.query(`DROP INDEX "public"."uq_cascade_obligation_unit"`);
    await queryRunner.query(`DROP TABLE "cascade_obligation"`);
  }
}
