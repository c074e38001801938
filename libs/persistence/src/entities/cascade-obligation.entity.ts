import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { OrgUnitEntity } from './org-unit.entity';
import { ResolutionEntity } from './resolution.entity';

/**
 * An obligation of the cascade: a registry entry obliges a subordinate body (`unit_id`) to issue its own
 * programme or plan by `due_on`. Written by the API when created or withdrawn, projected by its workflow
 * (reminders, escalations, the issuance). At most one open or fulfilled per entry and body.
 */
@Entity({ name: 'cascade_obligation' })
@Index('uq_cascade_obligation_unit', ['resolutionId', 'unitId'], { unique: true, where: `"status" <> 'WITHDRAWN'` })
@Index('ix_cascade_obligation_unit', ['unitId'])
@Check('chk_cascade_obligation_status', `"status" IN ('OPEN', 'FULFILLED', 'WITHDRAWN')`)
@Check('chk_cascade_obligation_deadline', `"deadline_kind" IN ('DATE', 'WORKING_DAYS', 'CALENDAR_DAYS')`)
export class CascadeObligationEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_cascade_obligation' })
  id: string;

  @Column({ name: 'resolution_id', type: 'text' })
  resolutionId: string;

  @ManyToOne(() => ResolutionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'resolution_id', foreignKeyConstraintName: 'fk_cascade_obligation_resolution' })
  resolution?: ResolutionEntity;

  @Column({ name: 'unit_id', type: 'text' })
  unitId: string;

  @ManyToOne(() => OrgUnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_cascade_obligation_unit' })
  unit?: OrgUnitEntity;

  /** DATE, WORKING_DAYS or CALENDAR_DAYS, as the writer gave it. */
  @Column({ name: 'deadline_kind', type: 'text' })
  deadlineKind: string;

  @Column({ name: 'deadline_days', type: 'integer', nullable: true })
  deadlineDays: number | null;

  @Column({ name: 'deadline_date', type: 'date', nullable: true })
  deadlineDate: string | null;

  /** The last day to issue (a working day), computed on the working-day calendar when created. */
  @Column({ name: 'due_on', type: 'date' })
  dueOn: string;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'text', default: 'OPEN' })
  status: string;

  /** The body's programme that fulfilled it, and the date it was issued on. */
  @Column({ name: 'programme_id', type: 'text', nullable: true })
  programmeId: string | null;

  @Column({ name: 'issued_on', type: 'date', nullable: true })
  issuedOn: string | null;

  @Column({ name: 'reminders_sent', type: 'integer', default: 0 })
  remindersSent: number;

  @Column({ name: 'escalations_sent', type: 'integer', default: 0 })
  escalationsSent: number;

  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;

  @Column({ name: 'withdrawn_by', type: 'text', nullable: true })
  withdrawnBy: string | null;

  @Column({ name: 'withdraw_reason', type: 'text', nullable: true })
  withdrawReason: string | null;

  @Column({ name: 'workflow_id', type: 'text' })
  workflowId: string;

  /** The creating request: a retry with it completes what the first left undone, once. */
  @Column({ name: 'request_id', type: 'text' })
  requestId: string;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @Column({ name: 'projection_seq', type: 'integer', default: 0 })
  projectionSeq: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** One row of an obligation's history (created, reminded, escalated, fulfilled, withdrawn), keyed for idempotency. */
@Entity({ name: 'cascade_event' })
@Index('ix_cascade_event_obligation', ['obligationId'])
export class CascadeEventEntity {
  @PrimaryColumn({ name: 'event_key', type: 'text', primaryKeyConstraintName: 'pk_cascade_event' })
  eventKey: string;

  @Column({ name: 'obligation_id', type: 'text' })
  obligationId: string;

  @Column({ name: 'actor_id', type: 'text', nullable: true })
  actorId: string | null;

  @Column({ type: 'text' })
  action: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ type: 'jsonb', nullable: true })
  after: Record<string, unknown> | null;
}
