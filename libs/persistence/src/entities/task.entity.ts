import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * Read model of one task, projected from its task workflow (the workflow is the source of truth).
 * Programme facts (member in charge, field group, issuing unit) are copied in so that supervisor
 * queries group tasks without joins. "Overdue" is never stored: it is derived from `due_at`.
 */
@Entity({ name: 'task' })
@Index('ix_task_person_status', ['responsiblePersonId', 'status', 'dueAt'])
@Index('ix_task_unit_status', ['responsibleUnitId', 'status', 'dueAt'])
@Index('ix_task_programme', ['programmeId'])
@Index('ix_task_member_in_charge', ['memberInChargeId', 'status'])
@Index('ix_task_field_group', ['fieldGroup', 'status'])
@Index('ix_task_issuing_unit', ['issuingUnitId', 'status', 'dueAt'])
@Index('ix_task_original_responsible_unit', ['originalResponsibleUnitId'])
// The overview reads the current month's open tasks by due date (the rest comes from task_count).
@Index('ix_task_due', ['dueAt', 'status'])
/**
 * Open tasks by due date (then id), with the columns they are scoped and grouped by: the overdue and
 * within-deadline drill-down lists read their page in order, and the overview counts the open tasks
 * past due from the index alone (migration NationalReads); only tasks with a workflow behind them
 * (migration OpenTasksIndexLiveOnly), as every read leaves orphaned rows out.
 */
@Index(
  'ix_task_open_due',
  ['dueAt', 'id', 'issuingUnitId', 'responsibleUnitId', 'memberInChargeId', 'fieldGroup', 'programmeId'],
  { where: `status <> ALL (ARRAY['DONE'::text, 'CANCELLED'::text]) AND orphaned_at IS NULL` },
)
export class TaskEntity {
  /** e.g. "hg-ctr-123/T1", "hg-ctr-123/2026/K3", "bt/hg-tu/2026/12". */
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_task' })
  id: string;

  @Column({ name: 'workflow_id', type: 'text' })
  workflowId: string;

  /** PROGRAMME (issued with it), ANNUAL_PLAN (added by a yearly plan) or BREAKTHROUGH. */
  @Column({ type: 'text' })
  source: string;

  /** Null for breakthrough tasks that belong to a yearly cycle rather than a programme. */
  @Column({ name: 'programme_id', type: 'text', nullable: true })
  programmeId: string | null;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  title: string;

  /** The units before the task's first restructuring; null while they never moved. */
  @Column({ name: 'original_issuing_unit_id', type: 'text', nullable: true })
  originalIssuingUnitId: string | null;

  @Column({ name: 'original_responsible_unit_id', type: 'text', nullable: true })
  originalResponsibleUnitId: string | null;

  @Column({ name: 'responsible_unit_id', type: 'text' })
  responsibleUnitId: string;

  @Column({ name: 'responsible_person_id', type: 'text' })
  responsiblePersonId: string;

  @Column({ name: 'coordinating_unit_ids', type: 'text', array: true, default: () => "'{}'" })
  coordinatingUnitIds: string[];

  /** Who assigned the task and verifies its result. */
  @Column({ name: 'assigner_id', type: 'text' })
  assignerId: string;

  @Column({ name: 'member_in_charge_id', type: 'text', nullable: true })
  memberInChargeId: string | null;

  @Column({ name: 'field_group', type: 'text', nullable: true })
  fieldGroup: string | null;

  /** The committee that issued the programme (or ran the breakthrough cycle). */
  @Column({ name: 'issuing_unit_id', type: 'text' })
  issuingUnitId: string;

  @Column({ name: 'is_breakthrough', type: 'boolean', default: false })
  isBreakthrough: boolean;

  /** ASSIGNED, ACCEPTED, IN_PROGRESS, SUBMITTED, RETURNED, DONE, CANCELLED. */
  @Column({ type: 'text' })
  status: string;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  @Column({ name: 'original_due_at', type: 'timestamptz' })
  originalDueAt: Date;

  @Column({ name: 'progress_percent', type: 'smallint', default: 0 })
  progressPercent: number;

  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  /** When the result was verified (status DONE). On time when done_at <= due_at. */
  @Column({ name: 'done_at', type: 'timestamptz', nullable: true })
  doneAt: Date | null;

  /** How many times an inspection finding reopened the task (it counts as open until done again). */
  @Column({ name: 'reopen_count', type: 'smallint', default: 0 })
  reopenCount: number;

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

  @Column({ type: 'jsonb', default: () => "'{}'" })
  snapshot: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
