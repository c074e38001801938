import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Files kept with a programme: `programme_document` says what each one is and who added it;
 * `document_blob` holds the bytes when the documents are stored in Postgres (the default storage).
 */
export class ProgrammeDocuments1796840000000 implements MigrationInterface {
  name = 'ProgrammeDocuments1796840000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "programme_document" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "programme_id" text NOT NULL, "kind" text NOT NULL, "file_name" text NOT NULL, "content_type" text NOT NULL, "size_bytes" integer NOT NULL, "sha256" text NOT NULL, "storage_key" text NOT NULL, "uploaded_by" text NOT NULL, "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "unit_id" text NOT NULL, "note" text, CONSTRAINT "uq_programme_document_storage_key" UNIQUE ("storage_key"), CONSTRAINT "chk_programme_document_kind" CHECK ("kind" IN ('DRAFT', 'ISSUED', 'UNIT_REPORT', 'INSPECTION_RECORD')), CONSTRAINT "pk_programme_document" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_programme_document_programme" ON "programme_document" ("programme_id", "uploaded_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "document_blob" ("storage_key" text NOT NULL, "content" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_document_blob" PRIMARY KEY ("storage_key"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "document_blob"`);
    await queryRunner.query(`DROP INDEX "public"."ix_programme_document_programme"`);
    await queryRunner.query(`DROP TABLE "programme_document"`);
  }
}
