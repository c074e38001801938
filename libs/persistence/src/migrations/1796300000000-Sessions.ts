import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Revocable sessions: `auth_session` (one per login) and `auth_refresh_token` (its rotating refresh
 * tokens, hashed), `person.token_version` (compared on every request) and `person.must_change_password`.
 *
 * The trigger raises `token_version` whenever what a token stands for changes: roles, unit, username,
 * password or `active`. It is a trigger rather than application code so that a change made by hand in
 * SQL (an operator disabling someone) ends that person's sessions just as surely as one made by the API.
 */
export class Sessions1796300000000 implements MigrationInterface {
  name = 'Sessions1796300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "auth_session" ("id" uuid NOT NULL, "person_id" text NOT NULL, "token_version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "revoked_reason" text, CONSTRAINT "pk_auth_session" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_auth_session_person" ON "auth_session" ("person_id") `);
    await queryRunner.query(
      `CREATE TABLE "auth_refresh_token" ("token_hash" text NOT NULL, "session_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "pk_auth_refresh_token" PRIMARY KEY ("token_hash"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_auth_refresh_token_session" ON "auth_refresh_token" ("session_id") `);
    await queryRunner.query(`ALTER TABLE "person" ADD "token_version" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "person" ADD "must_change_password" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(
      `ALTER TABLE "auth_session" ADD CONSTRAINT "fk_auth_session_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "auth_refresh_token" ADD CONSTRAINT "fk_auth_refresh_token_session" FOREIGN KEY ("session_id") REFERENCES "auth_session"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`CREATE FUNCTION "person_bump_token_version"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.roles IS DISTINCT FROM OLD.roles OR NEW.unit_id IS DISTINCT FROM OLD.unit_id
           OR NEW.username IS DISTINCT FROM OLD.username OR NEW.password_hash IS DISTINCT FROM OLD.password_hash
           OR NEW.active IS DISTINCT FROM OLD.active THEN
          NEW.token_version := GREATEST(NEW.token_version, OLD.token_version + 1);
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "tr_person_token_version" BEFORE UPDATE ON "person" FOR EACH ROW EXECUTE FUNCTION "person_bump_token_version"()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "tr_person_token_version" ON "person"`);
    await queryRunner.query(`DROP FUNCTION "person_bump_token_version"()`);
    await queryRunner.query(`ALTER TABLE "auth_refresh_token" DROP CONSTRAINT "fk_auth_refresh_token_session"`);
    await queryRunner.query(`ALTER TABLE "auth_session" DROP CONSTRAINT "fk_auth_session_person"`);
    await queryRunner.query(`ALTER TABLE "person" DROP COLUMN "must_change_password"`);
    await queryRunner.query(`ALTER TABLE "person" DROP COLUMN "token_version"`);
    await queryRunner.query(`DROP INDEX "public"."ix_auth_refresh_token_session"`);
    await queryRunner.query(`DROP TABLE "auth_refresh_token"`);
    await queryRunner.query(`DROP INDEX "public"."ix_auth_session_person"`);
    await queryRunner.query(`DROP TABLE "auth_session"`);
  }
}
