import { MigrationInterface, QueryRunner } from 'typeorm';
// Relative, not '@app/domain': migrations also run from dist/ where path aliases do not resolve.
import { DEFAULT_CALENDAR_YEARS } from '../../../domain/src/calendar/default-calendar.data';

/**
 * `working_calendar_year`: the admin-editable working-day table, one row per year. Seeded with the
 * shipped years (2025–2027) so a fresh system counts Vietnamese holidays from the start.
 */
export class WorkingCalendar1796200000000 implements MigrationInterface {
  name = 'WorkingCalendar1796200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "working_calendar_year" ("year" integer NOT NULL, "data" jsonb NOT NULL, "updated_by" text NOT NULL,
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_working_calendar_year" PRIMARY KEY ("year"))`);
    for (const y of DEFAULT_CALENDAR_YEARS) {
      await queryRunner.query(
        `INSERT INTO "working_calendar_year" ("year", "data", "updated_by") VALUES ($1, $2::jsonb, 'system') ON CONFLICT DO NOTHING`,
        [y.year, JSON.stringify(y)],
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "working_calendar_year"`);
  }
}
