import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Restructurings of units carried through running work. `org_change` is one merger, split, renaming
 * or abolished level (its client request id unique: one effect), with its progress; `org_change_unit`
 * each predecessor and its successor (a unit is restructured once: unique); `org_change_item` the
 * open programmes and tasks sent elsewhere than the default successor; `org_change_workflow` each
 * workflow the fan-out told (or skipped: gone since the read model saw it), once, so progress counts exactly. The read model keeps
 * the unit a programme, task or cycle had before its first restructuring (`original_*`, null while
 * it never moved), so supervision can show the work "as before the merger".
 */
export class Restructuring1796720000000 implements MigrationInterface {
  name = 'Restructuring1796720000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "org_change" ("id" text NOT NULL, "request_id" text NOT NULL, "kind" text NOT NULL, "effective_date" date NOT NULL, "status" text NOT NULL DEFAULT 'SCHEDULED', "reason" text NOT NULL, "request" jsonb NOT NULL, "created_by" text NOT NULL, "applied_effects" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "applied_at" TIMESTAMP WITH TIME ZONE, "completed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "uq_org_change_request" UNIQUE ("request_id"), CONSTRAINT "chk_org_change_kind" CHECK ("kind" IN ('MERGE', 'SPLIT', 'RENAME', 'ABOLISH_LEVEL')), CONSTRAINT "chk_org_change_status" CHECK ("status" IN ('SCHEDULED', 'APPLYING', 'DONE')), CONSTRAINT "pk_org_change" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "org_change_unit" ("change_id" text NOT NULL, "unit_id" text NOT NULL, "successor_id" text NOT NULL, CONSTRAINT "uq_org_change_unit_unit" UNIQUE ("unit_id"), CONSTRAINT "pk_org_change_unit" PRIMARY KEY ("change_id", "unit_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_org_change_unit_successor" ON "org_change_unit" ("successor_id") `);
    await queryRunner.query(
      `CREATE TABLE "org_change_item" ("change_id" text NOT NULL, "kind" text NOT NULL, "item_id" text NOT NULL, "successor_id" text NOT NULL, "responsible_person_id" text, CONSTRAINT "chk_org_change_item_kind" CHECK ("kind" IN ('PROGRAMME', 'TASK')), CONSTRAINT "pk_org_change_item" PRIMARY KEY ("change_id", "kind", "item_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "org_change_workflow" ("change_id" text NOT NULL, "workflow_id" text NOT NULL, "target" text NOT NULL, "outcome" text NOT NULL, "reason" text, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_org_change_workflow_outcome" CHECK ("outcome" IN ('UPDATED', 'SKIPPED')), CONSTRAINT "pk_org_change_workflow" PRIMARY KEY ("change_id", "workflow_id"))`,
    );
    await queryRunner.query(`ALTER TABLE "programme" ADD "original_issuing_unit_id" text`);
    await queryRunner.query(`ALTER TABLE "task" ADD "original_issuing_unit_id" text`);
    await queryRunner.query(`ALTER TABLE "task" ADD "original_responsible_unit_id" text`);
    await queryRunner.query(`ALTER TABLE "breakthrough_cycle" ADD "original_unit_id" text`);
    await queryRunner.query(
      `CREATE INDEX "ix_programme_original_issuing_unit" ON "programme" ("original_issuing_unit_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_task_original_responsible_unit" ON "task" ("original_responsible_unit_id") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_task_original_responsible_unit"`);
    await queryRunner.query(`DROP INDEX "public"."ix_programme_original_issuing_unit"`);
    await queryRunner.query(`ALTER TABLE "breakthrough_cycle" DROP COLUMN "original_unit_id"`);
    await queryRunner.query(`ALTER TABLE "task" DROP COLUMN "original_responsible_unit_id"`);
    await queryRunner.query(`ALTER TABLE "task" DROP COLUMN "original_issuing_unit_id"`);
    await queryRunner.query(`ALTER TABLE "programme" DROP COLUMN "original_issuing_unit_id"`);
    await queryRunner.query(`DROP TABLE "org_change_workflow"`);
    await queryRunner.query(`DROP TABLE "org_change_item"`);
    await queryRunner.query(`DROP INDEX "public"."ix_org_change_unit_successor"`);
    await queryRunner.query(`DROP TABLE "org_change_unit"`);
    await queryRunner.query(`DROP TABLE "org_change"`);
  }
}
