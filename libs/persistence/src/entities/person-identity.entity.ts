import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { PersonEntity } from './person.entity';

/**
 * An account at a single sign-on provider (its issuer and the subject it names the account by), linked
 * by an admin to one person. Signing in through the provider finds the person through this table only:
 * never by e-mail or name, and never by creating someone.
 */
@Entity({ name: 'person_identity' })
@Unique('uq_person_identity_subject', ['issuer', 'subject'])
@Index('ix_person_identity_person', ['personId'])
export class PersonIdentityEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_person_identity' })
  id: string;

  /** The provider's issuer URL, exactly as its ID tokens carry it in `iss`. */
  @Column({ type: 'text' })
  issuer: string;

  /** The provider's stable identifier of the account (`sub`); never reassigned by the provider. */
  @Column({ type: 'text' })
  subject: string;

  @Column({ name: 'person_id', type: 'text' })
  personId: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_person_identity_person' })
  person?: PersonEntity;

  /** The admin who made the link. */
  @Column({ name: 'linked_by', type: 'text' })
  linkedBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
