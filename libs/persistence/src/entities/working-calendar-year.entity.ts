import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { CalendarYear } from '@app/domain/calendar';

/**
 * One year of the working-day table (holidays, substitute days off, make-up working days) as an
 * admin last saved it; validated by the domain before it is written. Task workflows read it once,
 * when they start.
 */
@Entity({ name: 'working_calendar_year' })
export class WorkingCalendarYearEntity {
  @PrimaryColumn({ type: 'int', primaryKeyConstraintName: 'pk_working_calendar_year' })
  year: number;

  @Column({ type: 'jsonb' })
  data: CalendarYear;

  /** Person id of the admin who saved it last ('system' for the shipped years). */
  @Column({ name: 'updated_by', type: 'text' })
  updatedBy: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
