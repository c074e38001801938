import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * A generated review report (DOCX), kept with the programme so it can be downloaded again as issued.
 * Its bytes live in the document storage under `storage_key` (`DOCUMENT_STORAGE`: the `document_blob`
 * table or an S3-compatible bucket); reports written before that keep theirs inline in `content`.
 */
@Entity({ name: 'programme_report' })
@Index('ix_programme_report_programme', ['programmeId', 'createdAt'])
/** One automatic report per review: the worker's retries store nothing more. */
@Index('uq_programme_report_automatic', ['programmeId', 'reviewSeq'], { unique: true, where: '"automatic"' })
@Unique('uq_programme_report_storage_key', ['storageKey'])
/** Every report's bytes are in exactly one place: the document storage or, for the old ones, the row. */
@Check('chk_programme_report_bytes', `("content" IS NULL) <> ("storage_key" IS NULL)`)
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

  /** Hex SHA-256 of the bytes, checked on every download. */
  @Column({ type: 'text' })
  sha256: string;

  /** `reports/<id>` in the document storage; null for a report written inline before reports went there. */
  @Column({ name: 'storage_key', type: 'text', nullable: true })
  storageKey: string | null;

  /** The bytes of a report written before reports went to the document storage; null for every newer one. */
  @Column({ type: 'bytea', nullable: true, select: false })
  content: Buffer | null;

  /** A person's id, or `system` for the report stored when the review closed. */
  @Column({ name: 'generated_by', type: 'text' })
  generatedBy: string;

  /** Stored by the worker when the review closed (one per review), not on someone's request. */
  @Column({ type: 'boolean', default: false })
  automatic: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
