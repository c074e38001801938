import { randomInt } from 'node:crypto';
import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { PersonEntity } from '@app/persistence';
import { AuthService, IssuedSession } from './auth.service';
import { LoginThrottle } from './login-throttle';
import { PasswordHasher } from './password-hasher';
import { passwordProblems } from './password-policy';
import type { Principal } from './principal';
import { SessionStore } from './session.store';

// No 0/O, 1/l/I: a temporary password is read out or copied by hand.
const TEMPORARY_ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export interface PasswordReset {
  personId: string;
  username: string;
  temporaryPassword: string;
  mustChangePassword: true;
  sessionsEnded: number;
}

/**
 * Changing and resetting passwords. Either one changes `password_hash`, which raises the person's
 * token version: every session they had ends at once.
 */
@Injectable()
export class PasswordService {
  constructor(
    @InjectRepository(PersonEntity) private readonly people: Repository<PersonEntity>,
    private readonly auth: AuthService,
    private readonly sessions: SessionStore,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
  ) {}

  /**
   * The signed-in person picks a new password, proving the current one (a guess counts against the
   * login throttle like a failed login). All their sessions end, this one included; the answer is a
   * fresh session for the client that made the change.
   */
  async change(who: Principal, currentPassword: string, newPassword: string, ip: string): Promise<IssuedSession> {
    await this.throttle.attempt(ip, who.username);
    const person = await this.people.findOneByOrFail({ id: who.personId });
    if (!(await this.hasher.verify(person.passwordHash, currentPassword)))
      throw new ForbiddenException('the current password is not correct');
    await this.throttle.succeeded(ip, who.username);
    const problems = passwordProblems(newPassword, who.username);
    if (newPassword === currentPassword) problems.push('the new password must differ from the current one');
    refuseIfAny(problems);
    await this.people.update(person.id, {
      passwordHash: await this.hasher.hash(newPassword),
      mustChangePassword: false,
    });
    await this.sessions.revokeAll(person.id, 'password changed');
    return this.auth.open(await this.people.findOneByOrFail({ id: person.id }));
  }

  /**
   * An admin sets a temporary password (theirs, if it passes the policy, or a generated one, shown
   * once): the person's sessions end and their next login can only choose a new password.
   */
  async reset(personId: string, temporaryPassword?: string): Promise<PasswordReset> {
    const person = await this.people.findOneBy({ id: personId });
    if (!person) throw new NotFoundException(`no person ${personId}`);
    if (person.username === null) throw new ConflictException(`${personId} has no account: create one first`);
    if (temporaryPassword !== undefined) {
      refuseIfAny(passwordProblems(temporaryPassword, person.username));
    }
    const password = temporaryPassword ?? generateTemporaryPassword();
    await this.people.update(person.id, { passwordHash: await this.hasher.hash(password), mustChangePassword: true });
    const sessionsEnded = await this.sessions.revokeAll(person.id, 'password reset by an admin');
    return {
      personId: person.id,
      username: person.username,
      temporaryPassword: password,
      mustChangePassword: true,
      sessionsEnded,
    };
  }
}

/** 400 listing every reason, as the validation of other bodies does. */
export function refuseIfAny(problems: string[]): void {
  if (problems.length) throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: problems });
}

/** Four groups of five, about 116 bits: e.g. `k7Qx2-mPz9a-...`. */
export function generateTemporaryPassword(): string {
  const group = () =>
    Array.from({ length: 5 }, () => TEMPORARY_ALPHABET[randomInt(TEMPORARY_ALPHABET.length)]).join('');
  return [group(), group(), group(), group()].join('-');
}
