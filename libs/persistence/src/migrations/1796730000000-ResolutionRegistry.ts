import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The resolution registry: one row per resolution, directive, conclusion, decision, regulation, plan
 * or project, issued by a unit of the product or by a central body (exactly one of the two), with its
 * number unique per issuing body, its level, status and replacement, and the higher entry it
 * implements. Programmes gain `resolution_id`, the entry they implement (null for older programmes,
 * which keep their free-text `implements_resolution`).
 */
export class ResolutionRegistry1796730000000 implements MigrationInterface {
  name = 'ResolutionRegistry1796730000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "resolution" ("id" text NOT NULL, "kind" text NOT NULL, "number" text NOT NULL, "issuing_unit_id" text, "external_body" text, "level" text NOT NULL, "signed_on" date NOT NULL, "title" text NOT NULL, "field_group" text NOT NULL, "member_in_charge_id" text, "status" text NOT NULL DEFAULT 'IN_FORCE', "replaced_by_id" text, "implements_id" text, "created_by" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_resolution_body_number" UNIQUE ("external_body", "number"), CONSTRAINT "uq_resolution_unit_number" UNIQUE ("issuing_unit_id", "number"), CONSTRAINT "chk_resolution_replaced" CHECK (("status" = 'REPLACED') = ("replaced_by_id" IS NOT NULL)), CONSTRAINT "chk_resolution_status" CHECK ("status" IN ('IN_FORCE', 'REPLACED', 'EXPIRED')), CONSTRAINT "chk_resolution_level" CHECK ("level" IN ('CENTRAL', 'PROVINCIAL', 'COMMUNE')), CONSTRAINT "chk_resolution_kind" CHECK ("kind" IN ('RESOLUTION', 'DIRECTIVE', 'CONCLUSION', 'DECISION', 'REGULATION', 'PLAN', 'PROJECT')), CONSTRAINT "chk_resolution_issuer" CHECK (("issuing_unit_id" IS NULL) <> ("external_body" IS NULL)), CONSTRAINT "pk_resolution" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_resolution_member_in_charge" ON "resolution" ("member_in_charge_id") `);
    await queryRunner.query(`CREATE INDEX "ix_resolution_signed_on" ON "resolution" ("signed_on") `);
    await queryRunner.query(`CREATE INDEX "ix_resolution_implements" ON "resolution" ("implements_id") `);
    await queryRunner.query(`ALTER TABLE "programme" ADD "resolution_id" text`);
    await queryRunner.query(`CREATE INDEX "ix_programme_resolution" ON "programme" ("resolution_id") `);
    await queryRunner.query(
      `ALTER TABLE "resolution" ADD CONSTRAINT "fk_resolution_issuing_unit" FOREIGN KEY ("issuing_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "resolution" ADD CONSTRAINT "fk_resolution_member_in_charge" FOREIGN KEY ("member_in_charge_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "resolution" ADD CONSTRAINT "fk_resolution_replaced_by" FOREIGN KEY ("replaced_by_id") REFERENCES "resolution"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "resolution" ADD CONSTRAINT "fk_resolution_implements" FOREIGN KEY ("implements_id") REFERENCES "resolution"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "resolution" DROP CONSTRAINT "fk_resolution_implements"`);
    await queryRunner.query(`ALTER TABLE "resolution" DROP CONSTRAINT "fk_resolution_replaced_by"`);
    await queryRunner.query(`ALTER TABLE "resolution" DROP CONSTRAINT "fk_resolution_member_in_charge"`);
    await queryRunner.query(`ALTER TABLE "resolution" DROP CONSTRAINT "fk_resolution_issuing_unit"`);
    await queryRunner.query(`DROP INDEX "public"."ix_programme_resolution"`);
    await queryRunner.query(`ALTER TABLE "programme" DROP COLUMN "resolution_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_resolution_implements"`);
    await queryRunner.query(`DROP INDEX "public"."ix_resolution_signed_on"`);
    await queryRunner.query(`DROP INDEX "public"."ix_resolution_member_in_charge"`);
    await queryRunner.query(`DROP TABLE "resolution"`);
  }
}
