import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The read model's programme, task and breakthrough-cycle rows say which workflow run chain wrote
 * them (its first run id and start), so a second workflow under an id used before wins over the
 * first instead of losing to its higher version; and when reconciliation found no workflow behind
 * them (`orphaned_at`).
 */
export class ProjectionChains1796820000000 implements MigrationInterface {
  name = 'ProjectionChains1796820000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['programme', 'task', 'breakthrough_cycle']) {
      await queryRunner.query(`ALTER TABLE "${table}" ADD "chain_run_id" text`);
      await queryRunner.query(`ALTER TABLE "${table}" ADD "chain_started_at" TIMESTAMP WITH TIME ZONE`);
      await queryRunner.query(`ALTER TABLE "${table}" ADD "orphaned_at" TIMESTAMP WITH TIME ZONE`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['breakthrough_cycle', 'task', 'programme']) {
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "orphaned_at"`);
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "chain_started_at"`);
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "chain_run_id"`);
    }
  }
}
