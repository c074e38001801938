import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The secret tier ("Mật"): `restricted_programme` marks a programme restricted and `programme_reader`
 * names the people who read it besides the issuing committee's leaders. Both are written by the API
 * when the programme is created, before its workflow starts, so they never depend on the projection of
 * the `programme` row (which the worker writes later) and a restricted programme is never shown
 * unrestricted, not even for a moment.
 */
export class RestrictedProgrammes1796600000000 implements MigrationInterface {
  name = 'RestrictedProgrammes1796600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "restricted_programme" ("programme_id" text NOT NULL, "restricted_by" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_restricted_programme" PRIMARY KEY ("programme_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "programme_reader" ("programme_id" text NOT NULL, "person_id" text NOT NULL, "added_by" text NOT NULL, "added_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_programme_reader" PRIMARY KEY ("programme_id", "person_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_programme_reader_person" ON "programme_reader" ("person_id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_programme_reader_person"`);
    await queryRunner.query(`DROP TABLE "programme_reader"`);
    await queryRunner.query(`DROP TABLE "restricted_programme"`);
  }
}
