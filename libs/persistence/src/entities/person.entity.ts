import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { OrgUnitEntity } from './org-unit.entity';

@Entity({ name: 'person' })
@Unique('uq_person_username', ['username'])
@Index('ix_person_unit', ['unitId'])
export class PersonEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_person' })
  id: string;

  /** The account's sign-in name; null for a person without an account. */
  @Column({ type: 'text', nullable: true })
  username: string | null;

  @Column({ name: 'full_name', type: 'text' })
  fullName: string;

  @Column({ type: 'text', nullable: true })
  title: string | null;

  /** Null for a person without an account. */
  @Column({ name: 'password_hash', type: 'text', nullable: true })
  passwordHash: string | null;

  @Column({ name: 'unit_id', type: 'text' })
  unitId: string;

  @ManyToOne(() => OrgUnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_person_unit' })
  unit?: OrgUnitEntity;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  roles: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  fields: string[];

  @Column({ type: 'text', nullable: true })
  email: string | null;

  /** Preferred language of notifications: 'vi' or 'en'. */
  @Column({ type: 'text', default: 'vi' })
  locale: string;

  /** How this person wants to be told (PersonChannel values); reminders by e-mail come as a daily digest. */
  @Column({ name: 'notification_channels', type: 'text', array: true, default: () => "'{IN_APP,EMAIL}'" })
  notificationChannels: string[];

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /**
   * Carried in every access token and compared on every request. A trigger raises it whenever roles,
   * unit, username, password or `active` change (by the API or by hand in SQL), which ends every
   * session the person had.
   */
  @Column({ name: 'token_version', type: 'integer', default: 0 })
  tokenVersion: number;

  /** Set by an admin's password reset: until the person picks a new password they can do nothing else. */
  @Column({ name: 'must_change_password', type: 'boolean', default: false })
  mustChangePassword: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
