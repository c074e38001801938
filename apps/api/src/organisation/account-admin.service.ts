import { ConflictException, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { PersonEntity } from '@app/persistence';
import { AccessService } from '../access';
import { LoginThrottle } from '../auth/login-throttle';
import { PasswordHasher } from '../auth/password-hasher';
import { passwordProblems } from '../auth/password-policy';
import { generateTemporaryPassword, PasswordService, refuseIfAny } from '../auth/password.service';
import type { Principal } from '../auth/principal';
import { SessionStore } from '../auth/session.store';
import { PeopleAdminService } from './people-admin.service';
import { withConstraintAnswers } from './organisation.errors';

export interface CreateAccountInput {
  username: string;
  /** Must pass the password policy; generated (and answered once) when absent. */
  temporaryPassword?: string;
}

export interface AccountCreated {
  personId: string;
  username: string;
  temporaryPassword: string;
  mustChangePassword: true;
}

export interface AccountState {
  personId: string;
  username: string;
  active: boolean;
  sessionsEnded: number;
}

/**
 * Accounts of people the caller administers: create (a username and a temporary password the person
 * must change at first login), disable (every session ends at once), enable, reset the password, unlock.
 */
@Injectable()
export class AccountAdminService {
  constructor(
    private readonly access: AccessService,
    private readonly people: PeopleAdminService,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionStore,
    private readonly passwords: PasswordService,
    private readonly throttle: LoginThrottle,
    private readonly db: DataSource,
  ) {}

  /** The username is the natural key: taken (by anyone) is 409 naming its holder; a second account is 409 too. */
  async createAccount(
    em: EntityManager,
    actor: Principal,
    personId: string,
    input: CreateAccountInput,
  ): Promise<AccountCreated> {
    const person = await this.people.personInReach(em, await this.access.adminScope(actor, em), personId);
    if (person.username !== null)
      throw new ConflictException(`${personId} has an account already (${person.username})`);
    const holder = await em.getRepository(PersonEntity).findOneBy({ username: input.username });
    if (holder) throw new ConflictException(`username ${input.username} is taken by ${holder.id} (${holder.fullName})`);
    if (input.temporaryPassword !== undefined) refuseIfAny(passwordProblems(input.temporaryPassword, input.username));
    const password = input.temporaryPassword ?? generateTemporaryPassword();
    const passwordHash = await this.hasher.hash(password);
    await withConstraintAnswers(
      () =>
        em
          .getRepository(PersonEntity)
          .update(personId, { username: input.username, passwordHash, mustChangePassword: true, active: true }),
      `username ${input.username} is taken`,
    );
    return { personId, username: input.username, temporaryPassword: password, mustChangePassword: true };
  }

  /** Disabling raises the token version (trigger) and revokes every session: access and refresh tokens stop at once. */
  async setActive(em: EntityManager, actor: Principal, personId: string, active: boolean): Promise<AccountState> {
    const person = await this.people.personInReach(em, await this.access.adminScope(actor, em), personId);
    if (person.username === null) throw new ConflictException(`${personId} has no account`);
    if (person.active !== active) await em.getRepository(PersonEntity).update(personId, { active });
    const sessionsEnded = active ? 0 : await this.sessions.revokeAllIn(em, personId, 'account disabled by an admin');
    return { personId, username: person.username, active, sessionsEnded };
  }

  /** The existing reset, for a person the caller administers. */
  async resetPassword(actor: Principal, personId: string, temporaryPassword?: string) {
    const em = this.db.manager;
    await this.people.personInReach(em, await this.access.adminScope(actor, em), personId);
    return this.passwords.reset(personId, temporaryPassword);
  }

  /** Clears the login throttle of the person's username (Redis: no transaction to share). */
  async unlock(
    em: EntityManager,
    actor: Principal,
    personId: string,
  ): Promise<{ personId: string; username: string; wasLocked: boolean }> {
    const person = await this.people.personInReach(em, await this.access.adminScope(actor, em), personId);
    if (person.username === null) throw new ConflictException(`${personId} has no account`);
    return { personId, username: person.username, wasLocked: await this.throttle.unlock(person.username) };
  }
}
