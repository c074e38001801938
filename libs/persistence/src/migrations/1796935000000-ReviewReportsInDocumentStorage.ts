import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Review reports go to the document storage (`DOCUMENT_STORAGE`) like uploaded documents: a new row
 * names its bytes by `storage_key` and leaves `content` null. Reports written before keep their bytes
 * inline and are read from the row; a check holds every row to exactly one of the two. Nothing is
 * copied: the migration is a few statements in one transaction, whatever the storage, and no row
 * ever names an object its store does not hold. Every row gets the SHA-256 its downloads are checked
 * against, computed here for the inline ones.
 */
export class ReviewReportsInDocumentStorage1796935000000 implements MigrationInterface {
  name = 'ReviewReportsInDocumentStorage1796935000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "programme_report" ADD "sha256" text`);
    await queryRunner.query(`UPDATE "programme_report" SET "sha256" = encode(sha256("content"), 'hex')`);
    await queryRunner.query(`ALTER TABLE "programme_report" ALTER COLUMN "sha256" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "programme_report" ADD "storage_key" text`);
    await queryRunner.query(
      `ALTER TABLE "programme_report" ADD CONSTRAINT "uq_programme_report_storage_key" UNIQUE ("storage_key")`,
    );
    await queryRunner.query(`ALTER TABLE "programme_report" ALTER COLUMN "content" DROP NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "programme_report" ADD CONSTRAINT "chk_programme_report_bytes" CHECK (("content" IS NULL) <> ("storage_key" IS NULL))`,
    );
  }

  /**
   * Takes the bytes of stored reports back into their rows from `document_blob`. Reports whose bytes
   * are in an S3 bucket cannot be fetched from SQL: then nothing is changed and the error says so
   * (copy those objects into `document_blob` under their keys, then run it again).
   */
  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "programme_report" DROP CONSTRAINT "chk_programme_report_bytes"`);
    await queryRunner.query(
      `UPDATE "programme_report" r SET "content" = b."content"
         FROM "document_blob" b WHERE b."storage_key" = r."storage_key" AND r."content" IS NULL`,
    );
    const [{ missing }]: Array<{ missing: number }> = await queryRunner.query(
      `SELECT count(*)::int AS missing FROM "programme_report" WHERE "content" IS NULL`,
    );
    if (missing > 0)
      throw new Error(
        `${missing} review reports have no bytes in Postgres (kept in an S3 bucket with DOCUMENT_STORAGE=s3, or missing): copy their objects into document_blob under their storage keys first`,
      );
    await queryRunner.query(
      `DELETE FROM "document_blob" b USING "programme_report" r WHERE b."storage_key" = r."storage_key"`,
    );
    await queryRunner.query(`ALTER TABLE "programme_report" ALTER COLUMN "content" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "programme_report" DROP CONSTRAINT "uq_programme_report_storage_key"`);
    await queryRunner.query(`ALTER TABLE "programme_report" DROP COLUMN "storage_key"`);
    await queryRunner.query(`ALTER TABLE "programme_report" DROP COLUMN "sha256"`);
  }
}
