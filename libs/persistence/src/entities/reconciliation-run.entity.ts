import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One reconciliation of the read model with the workflows: when it ran and what it found (written
 * by the worker's reconciliation activities; read by operators through the admin API).
 */
@Entity({ name: 'reconciliation_run' })
@Index('ix_reconciliation_run_started_at', ['startedAt'])
export class ReconciliationRunEntity {
  /** `<workflow id>/<first run id>` of the run's workflow (see reconciliationIdOf). */
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_reconciliation_run' })
  id: string;

  @Column({ name: 'started_at', type: 'timestamptz', default: () => 'now()' })
  startedAt: Date;

  /** Null while the run goes on (or if it never finished). */
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  /** Workflows and rows compared. */
  @Column({ type: 'integer', default: 0 })
  checked: number;

  /** Rows that drifted from their workflow and were written again from it. */
  @Column({ type: 'integer', default: 0 })
  repaired: number;

  /** Rows missing for a running workflow, written from it. */
  @Column({ type: 'integer', default: 0 })
  created: number;

  /** Rows without a workflow of their chain, marked orphaned. */
  @Column({ type: 'integer', default: 0 })
  orphaned: number;

  /** The counts per kind and the first findings (kind, id, what, why). */
  @Column({ type: 'jsonb', nullable: true })
  details: Record<string, unknown> | null;
}
