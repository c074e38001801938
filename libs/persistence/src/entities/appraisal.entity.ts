import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A yearly appraisal (đánh giá, xếp loại hằng năm) of a unit or a person by the committee's leaders:
 * the rating and comment, with the figures computed from their tasks and targets when it was made.
 */
@Entity({ name: 'appraisal' })
@Index('ix_appraisal_unit', ['unitId', 'year'])
@Check('chk_appraisal_subject_kind', `"subject_kind" IN ('UNIT', 'PERSON')`)
@Check('chk_appraisal_rating', `"rating" IN ('EXCELLENT', 'GOOD', 'COMPLETED', 'NOT_COMPLETED')`)
export class AppraisalEntity {
  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'pk_appraisal' })
  year: number;

  @PrimaryColumn({ name: 'subject_kind', type: 'text', primaryKeyConstraintName: 'pk_appraisal' })
  subjectKind: string;

  @PrimaryColumn({ name: 'subject_id', type: 'text', primaryKeyConstraintName: 'pk_appraisal' })
  subjectId: string;

  /** The unit itself, or the person's unit: what the appraisal is scoped by. */
  @Column({ name: 'unit_id', type: 'text' })
  unitId: string;

  @Column({ type: 'text' })
  rating: string;

  @Column({ type: 'text' })
  comment: string;

  @Column({ type: 'jsonb' })
  figures: Record<string, number | null>;

  @Column({ name: 'appraised_by', type: 'text' })
  appraisedBy: string;

  @Column({ name: 'appraised_at', type: 'timestamptz', default: () => 'now()' })
  appraisedAt: Date;
}
