import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** Append-only: who did what, when, with the state before and after. */
@Entity({ name: 'audit_event' })
@Unique('uq_audit_event_key', ['eventKey'])
@Index('ix_audit_event_programme', ['programmeId', 'occurredAt'])
export class AuditEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', primaryKeyConstraintName: 'pk_audit_event' })
  id: string;

  /** Idempotency key: a retried activity writes the same event once. */
  @Column({ name: 'event_key', type: 'text' })
  eventKey: string;

  @Column({ name: 'programme_id', type: 'text', nullable: true })
  programmeId: string | null;

  @Column({ name: 'task_id', type: 'text', nullable: true })
  taskId: string | null;

  /** Null for actions the system takes by itself (timers). */
  @Column({ name: 'actor_id', type: 'text', nullable: true })
  actorId: string | null;

  @Column({ type: 'text' })
  action: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ type: 'jsonb', nullable: true })
  before: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after: Record<string, unknown> | null;
}
