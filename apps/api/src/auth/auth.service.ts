import { ForbiddenException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { isRole, Role } from '@app/domain';
import { PersonEntity } from '@app/persistence';
import { API_CONFIG, ApiConfig } from '../api.config';
import { MUST_CHANGE_PASSWORD } from './auth.tokens';
import { LoginThrottle } from './login-throttle';
import { PasswordHasher } from './password-hasher';
import type { Principal } from './principal';
import type { CookieSession } from './session-cookies';
import { SessionPerson, SessionStore } from './session.store';

export { hashPassword } from './password-hasher';

/** What an access token says: who (`sub`), which login (`sid`), and the person's token version then (`tv`). */
interface AccessClaims {
  sub: string;
  sid: string;
  tv: number;
}

/** A session just opened or renewed: what the client is handed, as JSON or as cookies. */
export interface IssuedSession extends CookieSession {
  principal: Principal;
  mustChangePassword: boolean;
}

export interface Authenticated {
  principal: Principal;
  sessionId: string;
  mustChangePassword: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SESSION_ENDED = 'the session has ended (logged out, or the account changed); log in again';

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(PersonEntity) private readonly people: Repository<PersonEntity>,
    private readonly jwt: JwtService,
    private readonly sessions: SessionStore,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /**
   * Checks the password (through the throttle, against a dummy hash when the username is unknown, so
   * neither the answer nor its timing tells whether the account exists) and opens a session.
   */
  async login(username: string, password: string, ip: string): Promise<IssuedSession> {
    await this.throttle.attempt(ip, username);
    const person = await this.people.findOne({ where: { username } });
    const ok = await this.hasher.verify(person?.passwordHash, password);
    if (!person || !ok || !person.active) throw new UnauthorizedException('wrong username or password');
    await this.throttle.succeeded(ip, username);
    return this.open(person);
  }

  /** A new session for a person whose credentials were just checked. */
  async open(person: SessionPerson | PersonEntity): Promise<IssuedSession> {
    const opened = await this.sessions.open(person.id, person.tokenVersion);
    return {
      ...opened,
      ...(await this.accessToken(person.id, opened.sessionId, person.tokenVersion)),
      principal: toPrincipal(person),
      mustChangePassword: person.mustChangePassword,
    };
  }

  async refresh(refreshToken: string): Promise<IssuedSession> {
    const r = await this.sessions.rotate(refreshToken);
    if (r.status === 'reused')
      throw new UnauthorizedException('this refresh token was already used, so the session was ended; log in again');
    if (r.status === 'invalid')
      throw new UnauthorizedException('the refresh token is invalid or expired; log in again');
    const { person } = r.row;
    return {
      sessionId: r.sessionId,
      refreshToken: r.refreshToken,
      refreshTokenExpiresAt: r.refreshTokenExpiresAt,
      ...(await this.accessToken(person.id, r.sessionId, person.tokenVersion)),
      principal: toPrincipal(person),
      mustChangePassword: person.mustChangePassword,
    };
  }

  /**
   * Verifies an access token, then reads its session and person in one indexed query: a logout, a
   * disabled account or a changed role (a new token version) ends it on the very next request.
   */
  async authenticate(token: string): Promise<Authenticated> {
    const claims = await this.verifiedClaims(token);
    if (!claims) throw new UnauthorizedException('the access token is invalid or expired');
    const row = await this.sessions.find(claims.sid);
    if (!row || row.person.id !== claims.sub) throw new UnauthorizedException(SESSION_ENDED);
    if (!row.person.active) throw new UnauthorizedException('the account no longer exists or is disabled');
    if (!row.live || row.person.tokenVersion !== claims.tv) throw new UnauthorizedException(SESSION_ENDED);
    return {
      principal: toPrincipal(row.person),
      sessionId: row.sessionId,
      mustChangePassword: row.person.mustChangePassword,
    };
  }

  /** For routes outside Nest's guards (Bull Board): the principal, refused while a password change is due. */
  async principalFromToken(token: string): Promise<Principal> {
    const auth = await this.authenticate(token);
    if (auth.mustChangePassword) throw new ForbiddenException(MUST_CHANGE_PASSWORD);
    return auth.principal;
  }

  /** The session an access token names, if its signature and expiry hold (logout needs no more). */
  async sessionIdOf(token: string): Promise<string | undefined> {
    return (await this.verifiedClaims(token))?.sid;
  }

  sessionOfRefreshToken(refreshToken: string): Promise<string | undefined> {
    return this.sessions.sessionOfRefreshToken(refreshToken);
  }

  logout(sessionId: string): Promise<void> {
    return this.sessions.revoke(sessionId, 'logout');
  }

  private async verifiedClaims(token: string): Promise<AccessClaims | undefined> {
    try {
      const c = await this.jwt.verifyAsync<Partial<AccessClaims>>(token);
      const wellFormed = typeof c.sub === 'string' && typeof c.sid === 'string' && UUID.test(c.sid);
      return wellFormed && Number.isInteger(c.tv) ? (c as AccessClaims) : undefined;
    } catch {
      return undefined;
    }
  }

  private async accessToken(personId: string, sessionId: string, tokenVersion: number) {
    const claims: AccessClaims = { sub: personId, sid: sessionId, tv: tokenVersion };
    const accessToken = await this.jwt.signAsync(claims);
    return { accessToken, accessTokenExpiresAt: new Date(Date.now() + this.config.JWT_TTL_SECONDS * 1000) };
  }
}

export function toPrincipal(p: Pick<PersonEntity, 'id' | 'unitId' | 'roles' | 'username' | 'fullName'>): Principal {
  return {
    personId: p.id,
    unitId: p.unitId,
    roles: p.roles.filter(isRole) as Role[],
    // Only a person with an account signs in, so the username is there.
    username: p.username ?? '',
    fullName: p.fullName,
  };
}
