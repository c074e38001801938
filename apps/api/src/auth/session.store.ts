import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { API_CONFIG, ApiConfig } from '../api.config';

/** The person behind a session, as every request reads it (one indexed join). */
export interface SessionPerson {
  id: string;
  username: string;
  fullName: string;
  unitId: string;
  roles: string[];
  active: boolean;
  tokenVersion: number;
  mustChangePassword: boolean;
}

export interface SessionRow {
  sessionId: string;
  /** Not revoked, not past its end, the person active and their token version unchanged since login. */
  live: boolean;
  person: SessionPerson;
}

export interface OpenedSession {
  sessionId: string;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
}

export type Rotation =
  ({ status: 'rotated' } & OpenedSession & { row: SessionRow }) | { status: 'reused' } | { status: 'invalid' };

const SESSION_BY_ID = `
  SELECT s.id AS session_id,
         (s.revoked_at IS NULL AND s.expires_at > now() AND p.active AND p.token_version = s.token_version) AS live,
         p.id, p.username, p.full_name, p.unit_id, p.roles, p.active, p.token_version, p.must_change_password
    FROM auth_session s JOIN person p ON p.id = s.person_id
   WHERE s.id = $1`;

type Row = {
  session_id: string;
  live: boolean;
  id: string;
  username: string;
  full_name: string;
  unit_id: string;
  roles: string[];
  active: boolean;
  token_version: number;
  must_change_password: boolean;
};

const toSessionRow = (r: Row): SessionRow => ({
  sessionId: r.session_id,
  live: r.live,
  person: {
    id: r.id,
    username: r.username,
    fullName: r.full_name,
    unitId: r.unit_id,
    roles: r.roles,
    active: r.active,
    tokenVersion: r.token_version,
    mustChangePassword: r.must_change_password,
  },
});

/** Refresh tokens are 256 random bits; the database keeps only their SHA-256. */
export const hashRefreshToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Sessions and their refresh-token families in Postgres. Times are the database's clock, so API
 * replicas whose clocks differ agree on what has expired.
 */
@Injectable()
export class SessionStore {
  constructor(
    private readonly db: DataSource,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /** A new session (one login) with its first refresh token; the person's long-dead sessions are pruned. */
  async open(personId: string, tokenVersion: number): Promise<OpenedSession> {
    const sessionId = randomUUID();
    return this.db.transaction(async (tx) => {
      await tx.query(
        `DELETE FROM auth_session WHERE person_id = $1
            AND (expires_at < now() - interval '1 day' OR revoked_at < now() - interval '1 day')`,
        [personId],
      );
      await tx.query(
        `INSERT INTO auth_session (id, person_id, token_version, expires_at)
         VALUES ($1, $2, $3, now() + make_interval(secs => $4))`,
        [sessionId, personId, tokenVersion, this.config.SESSION_MAX_AGE_SECONDS],
      );
      return { sessionId, ...(await this.issueRefreshToken(tx, sessionId)) };
    });
  }

  find(sessionId: string): Promise<SessionRow | undefined> {
    return this.db.query(SESSION_BY_ID, [sessionId]).then((rows: Row[]) => rows[0] && toSessionRow(rows[0]));
  }

  /**
   * Spends a refresh token and issues the next of its family. A token spent before means a copy is in
   * someone else's hands: the whole session is revoked, for the thief and the owner alike.
   */
  async rotate(refreshToken: string): Promise<Rotation> {
    const hash = hashRefreshToken(refreshToken);
    return this.db.transaction(async (tx): Promise<Rotation> => {
      // TypeORM answers an UPDATE with [rows, count].
      const [spent] = (await tx.query(
        `UPDATE auth_refresh_token SET used_at = now()
          WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING session_id`,
        [hash],
      )) as [Array<{ session_id: string }>, number];
      if (spent.length === 0) {
        const reused: Array<{ session_id: string }> = await tx.query(
          `SELECT session_id FROM auth_refresh_token WHERE token_hash = $1 AND used_at IS NOT NULL`,
          [hash],
        );
        if (reused.length === 0) return { status: 'invalid' };
        await this.revokeIn(tx, reused[0].session_id, 'refresh token reused');
        return { status: 'reused' };
      }
      const rows: Row[] = await tx.query(SESSION_BY_ID, [spent[0].session_id]);
      if (!rows[0]?.live) return { status: 'invalid' };
      const next = await this.issueRefreshToken(tx, spent[0].session_id);
      return { status: 'rotated', sessionId: spent[0].session_id, ...next, row: toSessionRow(rows[0]) };
    });
  }

  /** The session a refresh token belongs to, without spending it (logout, the CSRF check of a refresh). */
  async sessionOfRefreshToken(refreshToken: string): Promise<string | undefined> {
    const rows: Array<{ session_id: string }> = await this.db.query(
      `SELECT session_id FROM auth_refresh_token WHERE token_hash = $1`,
      [hashRefreshToken(refreshToken)],
    );
    return rows[0]?.session_id;
  }

  revoke(sessionId: string, reason: string): Promise<void> {
    return this.revokeIn(this.db.manager, sessionId, reason);
  }

  /** Ends every open session of a person; answers how many there were. */
  revokeAll(personId: string, reason: string): Promise<number> {
    return this.revokeAllIn(this.db.manager, personId, reason);
  }

  /** The same inside a caller's transaction (an account disabled with the rest of its change). */
  async revokeAllIn(tx: EntityManager, personId: string, reason: string): Promise<number> {
    const [, count] = (await tx.query(
      `UPDATE auth_session SET revoked_at = now(), revoked_reason = $2
        WHERE person_id = $1 AND revoked_at IS NULL AND expires_at > now()`,
      [personId, reason],
    )) as [unknown, number];
    return count;
  }

  private async revokeIn(tx: EntityManager, sessionId: string, reason: string): Promise<void> {
    await tx.query(
      `UPDATE auth_session SET revoked_at = now(), revoked_reason = $2 WHERE id = $1 AND revoked_at IS NULL`,
      [sessionId, reason],
    );
  }

  /** Valid for the idle timeout, never past the session's own end. */
  private async issueRefreshToken(
    tx: EntityManager,
    sessionId: string,
  ): Promise<{ refreshToken: string; refreshTokenExpiresAt: Date }> {
    const refreshToken = randomBytes(32).toString('base64url');
    const rows: Array<{ expires_at: Date }> = await tx.query(
      `INSERT INTO auth_refresh_token (token_hash, session_id, expires_at)
       SELECT $1, s.id, LEAST(now() + make_interval(secs => $3), s.expires_at) FROM auth_session s WHERE s.id = $2
       RETURNING expires_at`,
      [hashRefreshToken(refreshToken), sessionId, this.config.REFRESH_TOKEN_TTL_SECONDS],
    );
    return { refreshToken, refreshTokenExpiresAt: rows[0].expires_at };
  }
}
