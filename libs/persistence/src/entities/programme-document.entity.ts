import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * A file kept with a programme: a draft, the issued text, a unit's review report or an inspection
 * record. The row says what it is and who added it; its bytes live in the document storage under
 * `storage_key` (the `document_blob` table, or an S3-compatible bucket).
 */
@Entity({ name: 'programme_document' })
@Index('ix_programme_document_programme', ['programmeId', 'uploadedAt'])
@Unique('uq_programme_document_storage_key', ['storageKey'])
@Check('chk_programme_document_kind', `"kind" IN ('DRAFT', 'ISSUED', 'UNIT_REPORT', 'INSPECTION_RECORD')`)
export class ProgrammeDocumentEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_programme_document' })
  id: string;

  @Column({ name: 'programme_id', type: 'text' })
  programmeId: string;

  /** DRAFT, ISSUED, UNIT_REPORT or INSPECTION_RECORD. */
  @Column({ type: 'text' })
  kind: string;

  /** The name it was uploaded under, made safe (no path, no control characters). */
  @Column({ name: 'file_name', type: 'text' })
  fileName: string;

  /** Decided from the content (PDF, DOCX or ODT), never from the name. */
  @Column({ name: 'content_type', type: 'text' })
  contentType: string;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes: number;

  /** Hex SHA-256 of the content. */
  @Column({ type: 'text' })
  sha256: string;

  @Column({ name: 'storage_key', type: 'text' })
  storageKey: string;

  @Column({ name: 'uploaded_by', type: 'text' })
  uploadedBy: string;

  @CreateDateColumn({ name: 'uploaded_at', type: 'timestamptz' })
  uploadedAt: Date;

  /** The uploader's unit when they uploaded it. */
  @Column({ name: 'unit_id', type: 'text' })
  unitId: string;

  @Column({ type: 'text', nullable: true })
  note: string | null;
}

/** The bytes of a document, when documents are stored in Postgres (`DOCUMENT_STORAGE=postgres`). */
@Entity({ name: 'document_blob' })
export class DocumentBlobEntity {
  @PrimaryColumn({ name: 'storage_key', type: 'text', primaryKeyConstraintName: 'pk_document_blob' })
  storageKey: string;

  @Column({ type: 'bytea' })
  content: Buffer;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
