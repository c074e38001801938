import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A target (chỉ tiêu) of an issued programme, with its goal; values live in `target_value`. */
@Entity({ name: 'programme_target' })
export class ProgrammeTargetEntity {
  @PrimaryColumn({ name: 'programme_id', type: 'text', primaryKeyConstraintName: 'pk_programme_target' })
  programmeId: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_programme_target' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  /** Measurement unit, e.g. "%/năm". */
  @Column({ type: 'text' })
  unit: string;

  @Column({ type: 'text', nullable: true })
  baseline: string | null;

  /** The goal with its comparator (AT_LEAST / AT_MOST / RANGE / YES_NO). */
  @Column({ type: 'jsonb' })
  goal: Record<string, unknown>;

  @Column({ name: 'period_goals', type: 'jsonb', default: () => "'{}'" })
  periodGoals: Record<string, unknown>;

  /** The estimate (plan figure) by year, e.g. {"2026": "14800"}. */
  @Column({ name: 'annual_estimates', type: 'jsonb', default: () => "'{}'" })
  annualEstimates: Record<string, string>;

  @Column({ name: 'responsible_unit_id', type: 'text' })
  responsibleUnitId: string;
}
