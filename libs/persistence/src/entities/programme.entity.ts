import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Read model of one programme, projected from its workflow; the workflow is the source of truth. */
@Entity({ name: 'programme' })
@Index('ix_programme_phase', ['phase'])
@Index('ix_programme_issuing_unit', ['issuingUnitId'])
@Index('ix_programme_member_in_charge', ['memberInChargeId'])
@Index('ix_programme_field_group', ['fieldGroup'])
@Index('ix_programme_term', ['term'])
// A term's programmes in the drill-down list's order, nearest phase deadline first (migration NationalReads).
@Index('ix_programme_term_deadline', ['term', 'phaseDeadline', 'id'])
@Index('ix_programme_resolution', ['resolutionId'])
@Index('ix_programme_original_issuing_unit', ['originalIssuingUnitId'])
export class ProgrammeEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_programme' })
  id: string;

  @Column({ type: 'text' })
  title: string;

  /** Document number once issued, e.g. 123-CTr/TU. */
  @Column({ name: 'document_number', type: 'text', nullable: true })
  documentNumber: string | null;

  @Column({ name: 'issued_on', type: 'date', nullable: true })
  issuedOn: string | null;

  @Column({ name: 'template_id', type: 'text' })
  templateId: string;

  @Column({ name: 'template_version', type: 'integer' })
  templateVersion: number;

  @Column({ type: 'text' })
  phase: string;

  @Column({ name: 'phase_deadline', type: 'timestamptz', nullable: true })
  phaseDeadline: Date | null;

  @Column({ name: 'issuing_unit_id', type: 'text' })
  issuingUnitId: string;

  /** The issuing unit before its first restructuring; null while it never moved. */
  @Column({ name: 'original_issuing_unit_id', type: 'text', nullable: true })
  originalIssuingUnitId: string | null;

  @Column({ name: 'member_in_charge_id', type: 'text' })
  memberInChargeId: string;

  @Column({ name: 'field_group', type: 'text' })
  fieldGroup: string;

  /** e.g. "2020-2025". */
  @Column({ type: 'text' })
  term: string;

  /** The resolution this programme implements, e.g. "13-NQ/TW". */
  @Column({ name: 'implements_resolution', type: 'text', nullable: true })
  implementsResolution: string | null;

  /** The registry entry this programme implements (`resolution.id`); null for programmes made before the registry. */
  @Column({ name: 'resolution_id', type: 'text', nullable: true })
  resolutionId: string | null;

  @Column({ name: 'workflow_id', type: 'text' })
  workflowId: string;

  @Column({ name: 'latest_review_headline', type: 'text', nullable: true })
  latestReviewHeadline: string | null;

  /** Projection sequence from the workflow: an older write never overwrites a newer one. */
  @Column({ name: 'projection_seq', type: 'integer', default: 0 })
  projectionSeq: number;

  /** First run id of the workflow run chain that wrote the row (null: written before chains were told). */
  @Column({ name: 'chain_run_id', type: 'text', nullable: true })
  chainRunId: string | null;

  /** When that chain started: of two chains under one id the later started wins (with projection_seq). */
  @Column({ name: 'chain_started_at', type: 'timestamptz', nullable: true })
  chainStartedAt: Date | null;

  /** Set by reconciliation when no workflow stands behind the row any more; cleared when one writes it. */
  @Column({ name: 'orphaned_at', type: 'timestamptz', nullable: true })
  orphanedAt: Date | null;

  /** The workflow's full projected state, for detail views. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  snapshot: Record<string, unknown>;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
