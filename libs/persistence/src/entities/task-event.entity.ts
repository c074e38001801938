import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** Append-only history of one task (assigned, accepted, progress, extension, returned, escalated…). */
@Entity({ name: 'task_event' })
@Unique('uq_task_event_key', ['eventKey'])
@Index('ix_task_event_task', ['taskId', 'occurredAt'])
export class TaskEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', primaryKeyConstraintName: 'pk_task_event' })
  id: string;

  /** Idempotency key: a retried activity writes the same event once. */
  @Column({ name: 'event_key', type: 'text' })
  eventKey: string;

  @Column({ name: 'task_id', type: 'text' })
  taskId: string;

  @Column({ name: 'programme_id', type: 'text', nullable: true })
  programmeId: string | null;

  /** Null for what the workflow does by itself (reminders, escalations). */
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
