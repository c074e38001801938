import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A unit as administered data: a `code` (the key that imports and people use; unique), the dates it
 * is valid from and to (inclusive; null = open), and where it stands after a restructuring: `status`
 * (ACTIVE, MERGED, SPLIT, ABOLISHED) and, for a merged or renamed unit, the `successor_id` that took
 * over its work. Rows are never deleted: history keeps naming the unit as it was.
 */
export class UnitLifecycle1796690000000 implements MigrationInterface {
  name = 'UnitLifecycle1796690000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "org_unit" ADD "code" text`);
    await queryRunner.query(`ALTER TABLE "org_unit" ADD "valid_from" date`);
    await queryRunner.query(`ALTER TABLE "org_unit" ADD "valid_to" date`);
    await queryRunner.query(`ALTER TABLE "org_unit" ADD "status" text NOT NULL DEFAULT 'ACTIVE'`);
    await queryRunner.query(`ALTER TABLE "org_unit" ADD "successor_id" text`);
    await queryRunner.query(`ALTER TABLE "org_unit" ADD "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`);
    await queryRunner.query(`ALTER TABLE "org_unit" ADD CONSTRAINT "uq_org_unit_code" UNIQUE ("code")`);
    await queryRunner.query(
      `ALTER TABLE "org_unit" ADD CONSTRAINT "chk_org_unit_status" CHECK ("status" IN ('ACTIVE', 'MERGED', 'SPLIT', 'ABOLISHED'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "org_unit" ADD CONSTRAINT "chk_org_unit_validity" CHECK ("valid_to" IS NULL OR "valid_from" IS NULL OR "valid_to" >= "valid_from")`,
    );
    await queryRunner.query(`CREATE INDEX "ix_org_unit_successor" ON "org_unit" ("successor_id") `);
    await queryRunner.query(
      `ALTER TABLE "org_unit" ADD CONSTRAINT "fk_org_unit_successor" FOREIGN KEY ("successor_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "org_unit" DROP CONSTRAINT "fk_org_unit_successor"`);
    await queryRunner.query(`DROP INDEX "public"."ix_org_unit_successor"`);
    await queryRunner.query(`ALTER TABLE "org_unit" DROP CONSTRAINT "chk_org_unit_validity"`);
    await queryRunner.query(`ALTER TABLE "org_unit" DROP CONSTRAINT "chk_org_unit_status"`);
    await queryRunner.query(`ALTER TABLE "org_unit" DROP CONSTRAINT "uq_org_unit_code"`);
    for (const column of ['updated_at', 'successor_id', 'status', 'valid_to', 'valid_from', 'code'])
      await queryRunner.query(`ALTER TABLE "org_unit" DROP COLUMN "${column}"`);
  }
}
