import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Single sign-on: `person_identity` links an account at an OpenID Connect provider (issuer, subject)
 * to one person. Unique per (issuer, subject), so one provider account can never reach two people.
 */
export class OidcIdentities1796500000000 implements MigrationInterface {
  name = 'OidcIdentities1796500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "person_identity" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "issuer" text NOT NULL, "subject" text NOT NULL, "person_id" text NOT NULL, "linked_by" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_person_identity_subject" UNIQUE ("issuer", "subject"), CONSTRAINT "pk_person_identity" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_person_identity_person" ON "person_identity" ("person_id") `);
    await queryRunner.query(
      `ALTER TABLE "person_identity" ADD CONSTRAINT "fk_person_identity_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "person_identity" DROP CONSTRAINT "fk_person_identity_person"`);
    await queryRunner.query(`DROP INDEX "public"."ix_person_identity_person"`);
    await queryRunner.query(`DROP TABLE "person_identity"`);
  }
}
