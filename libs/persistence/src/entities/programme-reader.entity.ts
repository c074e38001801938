import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** A person named to read a restricted programme (besides its issuing committee's leaders). */
@Entity({ name: 'programme_reader' })
@Index('ix_programme_reader_person', ['personId'])
export class ProgrammeReaderEntity {
  @PrimaryColumn({ name: 'programme_id', type: 'text', primaryKeyConstraintName: 'pk_programme_reader' })
  programmeId: string;

  @PrimaryColumn({ name: 'person_id', type: 'text', primaryKeyConstraintName: 'pk_programme_reader' })
  personId: string;

  /** Who named them: the creator, or the leader who last changed the readers. */
  @Column({ name: 'added_by', type: 'text' })
  addedBy: string;

  @CreateDateColumn({ name: 'added_at', type: 'timestamptz' })
  addedAt: Date;
}
