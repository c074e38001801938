import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Positions: who holds which post in which unit, from and to which day (a history, never overwritten).
 * A single-holder seat (HEAD, STANDING_DEPUTY, CHAIR) of a unit is held by one person on any day: an
 * exclusion constraint over the unit, the seat and the inclusive date range refuses an overlap even
 * when two writers race. People may exist without an account: `username` and `password_hash` become
 * optional (an account is created for a person later).
 */
export class Positions1796700000000 implements MigrationInterface {
  name = 'Positions1796700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await queryRunner.query(`CREATE TABLE "position" ("id" uuid NOT NULL, "person_id" text NOT NULL, "unit_id" text NOT NULL,
      "title" text NOT NULL, "roles" text array NOT NULL DEFAULT '{}', "seat" text, "fields" text array NOT NULL DEFAULT '{}',
      "starts_on" date NOT NULL, "ends_on" date, "end_reason" text,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "chk_position_dates" CHECK ("ends_on" IS NULL OR "ends_on" >= "starts_on"),
      CONSTRAINT "chk_position_seat" CHECK ("seat" IS NULL OR "seat" IN ('HEAD', 'STANDING_DEPUTY', 'CHAIR')),
      CONSTRAINT "pk_position" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_position_person" ON "position" ("person_id", "starts_on") `);
    await queryRunner.query(`CREATE INDEX "ix_position_unit" ON "position" ("unit_id", "starts_on") `);
    await queryRunner.query(
      `ALTER TABLE "position" ADD CONSTRAINT "ex_position_seat" EXCLUDE USING gist ("unit_id" WITH =, "seat" WITH =, daterange("starts_on", "ends_on", '[]') WITH &&) WHERE ("seat" IS NOT NULL)`,
    );
    await queryRunner.query(
      `ALTER TABLE "position" ADD CONSTRAINT "fk_position_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "position" ADD CONSTRAINT "fk_position_unit" FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`ALTER TABLE "person" ALTER COLUMN "username" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "person" ALTER COLUMN "password_hash" DROP NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "person" WHERE "username" IS NULL OR "password_hash" IS NULL`);
    await queryRunner.query(`ALTER TABLE "person" ALTER COLUMN "password_hash" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "person" ALTER COLUMN "username" SET NOT NULL`);
    await queryRunner.query(`DROP TABLE "position"`);
  }
}
