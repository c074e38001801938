import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One periodic or final review of a programme, with its achievement headline once closed. */
@Entity({ name: 'programme_review' })
@Index('ix_programme_review_closes', ['closesAt'])
export class ProgrammeReviewEntity {
  @PrimaryColumn({ name: 'programme_id', type: 'text', primaryKeyConstraintName: 'pk_programme_review' })
  programmeId: string;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'pk_programme_review' })
  seq: number;

  /** QUARTERLY, HALF_YEAR, YEARLY, MID_TERM or FINAL. */
  @Column({ type: 'text' })
  kind: string;

  /** e.g. "2026-Q3", "2026", "mid-term". */
  @Column({ name: 'period_label', type: 'text' })
  periodLabel: string;

  @Column({ name: 'opens_at', type: 'timestamptz' })
  opensAt: Date;

  @Column({ name: 'closes_at', type: 'timestamptz' })
  closesAt: Date;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ name: 'expected_unit_ids', type: 'text', array: true, default: () => "'{}'" })
  expectedUnitIds: string[];

  @Column({ name: 'reported_unit_ids', type: 'text', array: true, default: () => "'{}'" })
  reportedUnitIds: string[];

  /** "x/y achieved or exceeded", once closed. */
  @Column({ type: 'text', nullable: true })
  headline: string | null;

  @Column({ name: 'achieved_or_exceeded', type: 'integer', nullable: true })
  achievedOrExceeded: number | null;

  @Column({ name: 'targets_total', type: 'integer', nullable: true })
  targetsTotal: number | null;

  @Column({ name: 'low_target_codes', type: 'text', array: true, default: () => "'{}'" })
  lowTargetCodes: string[];
}
