import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The actual value of one target in one review period, and its achievement once the review closed. */
@Entity({ name: 'target_value' })
@Index('ix_target_value_programme_period', ['programmeId', 'periodLabel'])
export class TargetValueEntity {
  @PrimaryColumn({ name: 'programme_id', type: 'text', primaryKeyConstraintName: 'pk_target_value' })
  programmeId: string;

  @PrimaryColumn({ name: 'target_code', type: 'text', primaryKeyConstraintName: 'pk_target_value' })
  targetCode: string;

  @PrimaryColumn({ name: 'review_seq', type: 'integer', primaryKeyConstraintName: 'pk_target_value' })
  reviewSeq: number;

  @Column({ name: 'period_label', type: 'text' })
  periodLabel: string;

  /** As reported (decimal text, or "yes"/"no"); null when nobody reported it. */
  @Column({ type: 'text', nullable: true })
  value: string | null;

  @Column({ name: 'reported_by_unit_id', type: 'text', nullable: true })
  reportedByUnitId: string | null;

  @Column({ name: 'reported_at', type: 'timestamptz', nullable: true })
  reportedAt: Date | null;

  /** A relative target's reference value (e.g. the national average) it was judged against, once closed. */
  @Column({ name: 'reference_value', type: 'text', nullable: true })
  referenceValue: string | null;

  /** The target's estimate for the review's year, once closed, when it has one. */
  @Column({ name: 'annual_estimate', type: 'text', nullable: true })
  annualEstimate: string | null;

  /** value / annual estimate × 100 (one decimal), once closed. */
  @Column({ name: 'share_of_estimate', type: 'numeric', nullable: true })
  shareOfEstimate: string | null;

  /** EXCEEDED, ACHIEVED, NOT_ACHIEVED or NO_DATA once the review closed; null while open. */
  @Column({ type: 'text', nullable: true })
  achievement: string | null;
}
