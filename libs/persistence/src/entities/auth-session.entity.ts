import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { PersonEntity } from './person.entity';

/**
 * One login: its refresh tokens form one family, and the access tokens it issues carry its id (`sid`),
 * so revoking the row (logout, refresh-token reuse) ends every token of that login at once. It also
 * ends when the person's `token_version` moves past the version it was opened with.
 */
@Entity({ name: 'auth_session' })
@Index('ix_auth_session_person', ['personId'])
export class AuthSessionEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_auth_session' })
  id: string;

  @Column({ name: 'person_id', type: 'text' })
  personId: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_auth_session_person' })
  person?: PersonEntity;

  /** The person's token_version at login; a later one (role change, disabling, new password) ends the session. */
  @Column({ name: 'token_version', type: 'integer' })
  tokenVersion: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** The session's hard end, however often it is refreshed. */
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  /** Why it ended early: logout, refresh-token reuse, password reset... */
  @Column({ name: 'revoked_reason', type: 'text', nullable: true })
  revokedReason: string | null;
}
