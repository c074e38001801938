import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Field groups: each province's managed list of fields with its supervising Standing Committee member.
 * Programmes and registry entries keep the code they store. The free-text values already in use
 * become groups of their issuing unit's province (named by the code, no supervisor, to be named by the
 * province's admin), so every existing value maps to a group of its province.
 */
export class FieldGroups1796760000000 implements MigrationInterface {
  name = 'FieldGroups1796760000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "field_group" ("id" uuid NOT NULL, "province_id" text NOT NULL, "code" text NOT NULL, "name" text NOT NULL, "supervisor_id" text, "retired_at" TIMESTAMP WITH TIME ZONE, "created_by" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_field_group_province_code" UNIQUE ("province_id", "code"), CONSTRAINT "pk_field_group" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_field_group_supervisor" ON "field_group" ("supervisor_id") `);
    await queryRunner.query(
      `ALTER TABLE "field_group" ADD CONSTRAINT "fk_field_group_province" FOREIGN KEY ("province_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "field_group" ADD CONSTRAINT "fk_field_group_supervisor" FOREIGN KEY ("supervisor_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // Values in use become groups of their province (the root above the issuing unit).
    await queryRunner.query(
      `WITH RECURSIVE up AS (
         SELECT id AS unit_id, id, parent_id FROM org_unit
         UNION ALL SELECT up.unit_id, u.id, u.parent_id FROM up JOIN org_unit u ON u.id = up.parent_id),
       province AS (SELECT unit_id, id AS province_id FROM up WHERE parent_id IS NULL),
       used AS (
         SELECT issuing_unit_id AS unit_id, field_group FROM programme
         UNION SELECT issuing_unit_id, field_group FROM resolution WHERE issuing_unit_id IS NOT NULL)
       INSERT INTO field_group (id, province_id, code, name, created_by)
       SELECT DISTINCT ON (p.province_id, used.field_group) gen_random_uuid(), p.province_id, used.field_group, used.field_group, 'migration'
         FROM used JOIN province p ON p.unit_id = used.unit_id
        WHERE used.field_group IS NOT NULL AND used.field_group <> ''
       ON CONFLICT DO NOTHING`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "field_group" DROP CONSTRAINT "fk_field_group_supervisor"`);
    await queryRunner.query(`ALTER TABLE "field_group" DROP CONSTRAINT "fk_field_group_province"`);
    await queryRunner.query(`DROP INDEX "public"."ix_field_group_supervisor"`);
    await queryRunner.query(`DROP TABLE "field_group"`);
  }
}
