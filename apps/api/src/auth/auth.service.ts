import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import * as argon2 from 'argon2';
import { Repository } from 'typeorm';
import { isRole, Role } from '@app/domain';
import { PersonEntity } from '@app/persistence';
import { API_CONFIG, ApiConfig } from '../api.config';
import type { Principal } from './principal';
import { PrincipalCache } from './principal-cache';

// Verifying against a fixed hash when the user is unknown keeps the timing the same either way.
const DUMMY_HASH = '$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHRzb21lc2FsdA$2Yr9P4n7mJvQ4YbL2l6vWm9gJ9oX3h1c8sU0kq8Yt6E';

@Injectable()
export class AuthService {
  private readonly principals: PrincipalCache;

  constructor(
    @InjectRepository(PersonEntity) private readonly people: Repository<PersonEntity>,
    private readonly jwt: JwtService,
    @Inject(API_CONFIG) config: ApiConfig,
  ) {
    this.principals = new PrincipalCache(config.PRINCIPAL_CACHE_MS);
  }

  async login(username: string, password: string): Promise<{ accessToken: string; principal: Principal }> {
    const person = await this.people.findOne({ where: { username } });
    const ok = await argon2.verify(person?.passwordHash ?? DUMMY_HASH, password).catch(() => false);
    if (!person || !ok || !person.active) throw new UnauthorizedException('wrong username or password');
    const principal = toPrincipal(person);
    const accessToken = await this.jwt.signAsync({ sub: person.id });
    return { accessToken, principal };
  }

  /**
   * Verifies a token and loads the person (remembered for PRINCIPAL_CACHE_MS), so a deactivated user
   * or a role change applies within seconds.
   */
  async principalFromToken(token: string): Promise<Principal> {
    let sub: string;
    try {
      ({ sub } = await this.jwt.verifyAsync<{ sub: string }>(token));
    } catch {
      throw new UnauthorizedException('the access token is invalid or expired');
    }
    const known = this.principals.get(sub);
    if (known) return known;
    const person = await this.people.findOne({ where: { id: sub } });
    if (!person || !person.active) throw new UnauthorizedException('the account no longer exists or is disabled');
    const principal = toPrincipal(person);
    this.principals.set(sub, principal);
    return principal;
  }
}

export function toPrincipal(p: PersonEntity): Principal {
  return {
    personId: p.id,
    unitId: p.unitId,
    roles: p.roles.filter(isRole) as Role[],
    username: p.username,
    fullName: p.fullName,
  };
}

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}
