import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** Append-only history of a breakthrough cycle: registrations, appraisals, closings, the evaluation. */
@Entity({ name: 'breakthrough_event' })
@Unique('uq_breakthrough_event_key', ['eventKey'])
@Index('ix_breakthrough_event_cycle', ['cycleId', 'occurredAt'])
export class BreakthroughEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', primaryKeyConstraintName: 'pk_breakthrough_event' })
  id: string;

  @Column({ name: 'event_key', type: 'text' })
  eventKey: string;

  @Column({ name: 'cycle_id', type: 'text' })
  cycleId: string;

  @Column({ name: 'actor_id', type: 'text', nullable: true })
  actorId: string | null;

  @Column({ type: 'text' })
  action: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ type: 'jsonb' })
  after: Record<string, unknown>;
}
