import { Column, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Read model of one committee's yearly breakthrough cycle: its phase and headline counts (registrations stay in the workflow). */
@Entity({ name: 'breakthrough_cycle' })
@Index('ix_breakthrough_cycle_unit_year', ['unitId', 'year'])
@Index('ix_breakthrough_cycle_parent', ['parentCycleId'])
export class BreakthroughCycleEntity {
  /** "<unitId>/<year>". */
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_breakthrough_cycle' })
  id: string;

  @Column({ name: 'workflow_id', type: 'text' })
  workflowId: string;

  @Column({ name: 'unit_id', type: 'text' })
  unitId: string;

  /** The committee the cycle was started for, once a restructuring moved it; null while it never moved. */
  @Column({ name: 'original_unit_id', type: 'text', nullable: true })
  originalUnitId: string | null;

  @Column({ type: 'integer' })
  year: number;

  /** The higher level's cycle this one was opened under ("<unitId>/<year>"), null at the top. */
  @Column({ name: 'parent_cycle_id', type: 'text', nullable: true })
  parentCycleId: string | null;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  phase: string;

  /** Registrations by status. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  counts: Record<string, number>;

  /** The year-end evaluation, once made. */
  @Column({ type: 'jsonb', nullable: true })
  summary: Record<string, unknown> | null;

  /** The cycle's whole projected state (setup, registrations): who appraises and who registered. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  snapshot: Record<string, unknown>;

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

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
