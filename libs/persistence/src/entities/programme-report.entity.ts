import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A generated review report (DOCX), kept with the programme so it can be downloaded again as issued. */
@Entity({ name: 'programme_report' })
@Index('ix_programme_report_programme', ['programmeId', 'createdAt'])
/** One automatic report per review: the worker's retries store nothing more. */
@Index('uq_programme_report_automatic', ['programmeId', 'reviewSeq'], { unique: true, where: '"automatic"' })
export class ProgrammeReportEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_programme_report' })
  id: string;

  @Column({ name: 'programme_id', type: 'text' })
  programmeId: string;

  @Column({ name: 'review_seq', type: 'integer' })
  reviewSeq: number;

  /** QUARTERLY, HALF_YEAR, YEARLY, MID_TERM or FINAL. */
  @Column({ name: 'review_kind', type: 'text' })
  reviewKind: string;

  @Column({ name: 'period_label', type: 'text' })
  periodLabel: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ name: 'file_name', type: 'text' })
  fileName: string;

  @Column({ name: 'content_type', type: 'text' })
  contentType: string;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes: number;

  @Column({ type: 'bytea', select: false })
  content: Buffer;

  /** A person's id, or `system` for the report stored when the review closed. */
  @Column({ name: 'generated_by', type: 'text' })
  generatedBy: string;

  /** Stored by the worker when the review closed (one per review), not on someone's request. */
  @Column({ type: 'boolean', default: false })
  automatic: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
