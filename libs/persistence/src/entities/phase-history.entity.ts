import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row per phase a programme entered; (programme, seq) makes the write idempotent. */
@Entity({ name: 'programme_phase_history' })
export class PhaseHistoryEntity {
  @PrimaryColumn({ name: 'programme_id', type: 'text', primaryKeyConstraintName: 'pk_programme_phase_history' })
  programmeId: string;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'pk_programme_phase_history' })
  seq: number;

  @Column({ type: 'text' })
  phase: string;

  @Column({ name: 'entered_at', type: 'timestamptz' })
  enteredAt: Date;

  @Column({ name: 'deadline', type: 'timestamptz', nullable: true })
  deadline: Date | null;

  @Column({ name: 'actor_id', type: 'text', nullable: true })
  actorId: string | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;
}
