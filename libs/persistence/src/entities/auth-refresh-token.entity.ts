import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AuthSessionEntity } from './auth-session.entity';

/**
 * A refresh token, stored as the SHA-256 of the opaque value the client holds (the value itself is
 * 256 random bits, so a fast hash suffices). Each one is good for one refresh: using it sets `used_at`
 * and issues the next; presenting a used one again means it was copied, and the whole session ends.
 */
@Entity({ name: 'auth_refresh_token' })
@Index('ix_auth_refresh_token_session', ['sessionId'])
export class AuthRefreshTokenEntity {
  @PrimaryColumn({ name: 'token_hash', type: 'text', primaryKeyConstraintName: 'pk_auth_refresh_token' })
  tokenHash: string;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @ManyToOne(() => AuthSessionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'fk_auth_refresh_token_session' })
  session?: AuthSessionEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt: Date | null;
}
