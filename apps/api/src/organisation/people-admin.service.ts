import { randomUUID } from 'node:crypto';
import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { assignmentOn, PositionFacts, positionProblems, seatConflict } from '@app/domain';
import { OrgUnitEntity, PersonEntity, PositionEntity } from '@app/persistence';
import { AccessService, AdminScope } from '../access';
import type { Principal } from '../auth/principal';
import { refuseProblems, vnToday, withConstraintAnswers } from './organisation.errors';

export interface CreatePersonInput {
  /** Kept when given (an import's own key; a second create with it is 409); generated otherwise. */
  id?: string;
  fullName: string;
  /** The unit the person belongs to until a position says otherwise. */
  unitId: string;
  title?: string | null;
  email?: string | null;
  locale?: 'vi' | 'en';
}

export type UpdatePersonInput = Partial<Pick<CreatePersonInput, 'fullName' | 'email' | 'locale'>>;

export interface CreatePositionInput {
  personId: string;
  unitId: string;
  title: string;
  roles?: string[];
  seat?: string | null;
  fields?: string[];
  startsOn: string;
  endsOn?: string | null;
  /** Why a position given with its end ended (an import of past positions). */
  endReason?: string | null;
}

export interface EndPositionInput {
  endsOn: string;
  reason: string;
}

export interface PersonView {
  id: string;
  fullName: string;
  unitId: string;
  title: string | null;
  roles: string[];
  fields: string[];
  email: string | null;
  locale: string;
  username: string | null;
  active: boolean;
}

export interface PositionView {
  id: string;
  personId: string;
  unitId: string;
  title: string;
  roles: string[];
  seat: string | null;
  fields: string[];
  startsOn: string;
  endsOn: string | null;
  endReason: string | null;
}

export const personView = (p: PersonEntity): PersonView => ({
  id: p.id,
  fullName: p.fullName,
  unitId: p.unitId,
  title: p.title,
  roles: p.roles,
  fields: p.fields,
  email: p.email,
  locale: p.locale,
  username: p.username,
  active: p.active,
});

export const positionView = (p: PositionEntity): PositionView => ({
  id: p.id,
  personId: p.personId,
  unitId: p.unitId,
  title: p.title,
  roles: p.roles,
  seat: p.seat,
  fields: p.fields,
  startsOn: p.startsOn,
  endsOn: p.endsOn,
  endReason: p.endReason,
});

/**
 * Writes to people and their positions, each through the transaction's EntityManager. After every
 * position write the person's record (unit, title, roles, fields: what sign-in and scoping read) is
 * recomputed from their positions current today (`assignmentOn`); a change of unit or roles raises
 * their token version, which ends their sessions.
 */
@Injectable()
export class PeopleAdminService {
  constructor(private readonly access: AccessService) {}

  /** A person (without an account) in a unit of the caller's reach. */
  async createPerson(em: EntityManager, actor: Principal, input: CreatePersonInput): Promise<PersonView> {
    const scope = await this.access.adminScope(actor, em);
    const people = em.getRepository(PersonEntity);
    if (input.id) {
      const existing = await people.findOneBy({ id: input.id });
      if (existing) throw new ConflictException(`person ${input.id} exists already (${existing.fullName})`);
    }
    scope.requireUnit(input.unitId);
    const person = people.create({
      id: input.id ?? randomUUID(),
      username: null,
      passwordHash: null,
      fullName: input.fullName,
      unitId: input.unitId,
      title: input.title ?? null,
      email: input.email ?? null,
      locale: input.locale ?? 'vi',
      roles: [],
      fields: [],
    });
    await withConstraintAnswers(() => people.insert(person), `person ${person.id} exists already`);
    return personView(await people.findOneByOrFail({ id: person.id }));
  }

  async updatePerson(em: EntityManager, actor: Principal, id: string, input: UpdatePersonInput): Promise<PersonView> {
    const person = await this.personInReach(em, await this.access.adminScope(actor, em), id);
    const changes = {
      ...(input.fullName !== undefined && { fullName: input.fullName }),
      ...(input.email !== undefined && { email: input.email }),
      ...(input.locale !== undefined && { locale: input.locale }),
    };
    if (Object.keys(changes).length > 0) await em.getRepository(PersonEntity).update(person.id, changes);
    return personView(await em.getRepository(PersonEntity).findOneByOrFail({ id }));
  }

  /** A position of a person in a unit, both in the caller's reach; a taken seat is 400 naming its holder. */
  async createPosition(em: EntityManager, actor: Principal, input: CreatePositionInput): Promise<PositionView> {
    const scope = await this.access.adminScope(actor, em);
    const person = await this.personInReach(em, scope, input.personId, 'person', true);
    scope.requireUnit(input.unitId);
    const unit = await em.getRepository(OrgUnitEntity).findOneByOrFail({ id: input.unitId });
    const position: PositionFacts = {
      id: randomUUID(),
      personId: person.id,
      unitId: unit.id,
      title: input.title,
      roles: input.roles ?? [],
      seat: input.seat ?? null,
      fields: input.fields ?? [],
      startsOn: input.startsOn,
      endsOn: input.endsOn ?? null,
    };
    refuseProblems(positionProblems(position, unit));
    await this.refuseTakenSeat(em, position, unit);
    const repo = em.getRepository(PositionEntity);
    await withConstraintAnswers(
      () =>
        repo.insert({
          ...position,
          roles: [...position.roles],
          fields: [...position.fields],
          endReason: position.endsOn === null ? null : (input.endReason ?? null),
        }),
      `position ${position.id} exists already`,
    );
    await this.refreshAssignment(em, person.id);
    return positionView(await repo.findOneByOrFail({ id: position.id }));
  }

  /**
   * Ends a position on `endsOn` (inclusive) for `reason`. Ending it again on the same day answers it
   * unchanged (a retry); on another day it is 409 (the end is history: a new position says what follows).
   */
  async endPosition(em: EntityManager, actor: Principal, id: string, input: EndPositionInput): Promise<PositionView> {
    const scope = await this.access.adminScope(actor, em);
    const repo = em.getRepository(PositionEntity);
    const position = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!position) throw new NotFoundException(`no position ${id}`);
    scope.requireUnit(position.unitId, 'the unit of position');
    if (position.endsOn !== null) {
      if (position.endsOn === input.endsOn) return positionView(position);
      throw new ConflictException(`position ${id} ended already on ${position.endsOn} (${position.endReason ?? ''})`);
    }
    if (input.endsOn < position.startsOn)
      throw new BadRequestException(`endsOn ${input.endsOn} is before the position's start ${position.startsOn}`);
    await repo.update(id, { endsOn: input.endsOn, endReason: input.reason });
    await this.refreshAssignment(em, position.personId);
    return positionView(await repo.findOneByOrFail({ id }));
  }

  /**
   * Recomputes a person's unit, title, roles and fields from their positions current today; writes
   * only what changed (so sessions end only when unit or roles really change). A person who never held
   * a position is left as they are. Answers whether anything changed.
   */
  async refreshAssignment(em: EntityManager, personId: string, day?: string): Promise<boolean> {
    const people = em.getRepository(PersonEntity);
    const person = await people.findOne({ where: { id: personId }, lock: { mode: 'pessimistic_write' } });
    if (!person) return false;
    const positions = await em.getRepository(PositionEntity).findBy({ personId });
    const next = assignmentOn(positions, day ?? (await vnToday(em)), person.roles);
    if (!next) return false;
    const same = (a: readonly string[], b: readonly string[]) =>
      new Set(a).size === new Set(b).size && a.every((x) => b.includes(x));
    if (
      next.unitId === person.unitId &&
      next.title === person.title &&
      same(next.roles, person.roles) &&
      same(next.fields, person.fields)
    )
      return false;
    await people.update(personId, { unitId: next.unitId, title: next.title, roles: next.roles, fields: next.fields });
    return true;
  }

  /**
   * Positions that begin or end take effect on their day without anyone writing: this recomputes the
   * people whose positions started or ended within the last `days` days (run hourly; idempotent).
   */
  async refreshDueAssignments(em: EntityManager, day?: string, days = 7): Promise<number> {
    const today = day ?? (await vnToday(em));
    const rows: Array<{ personId: string }> = await em.query(
      `SELECT DISTINCT person_id AS "personId" FROM position
        WHERE starts_on BETWEEN $1::date - $2::int AND $1::date OR ends_on BETWEEN $1::date - $2::int - 1 AND $1::date`,
      [today, days],
    );
    let changed = 0;
    for (const r of rows) if (await this.refreshAssignment(em, r.personId, today)) changed += 1;
    return changed;
  }

  /** A person the caller administers (their current unit in reach): 404 unknown (400 when named in a body), 403 outside. */
  async personInReach(
    em: EntityManager,
    scope: AdminScope,
    id: string,
    as = 'person',
    inBody = false,
  ): Promise<PersonEntity> {
    const person = await em.getRepository(PersonEntity).findOneBy({ id });
    if (!person)
      throw inBody ? new BadRequestException(`unknown ${as} ${id}`) : new NotFoundException(`no ${as} ${id}`);
    scope.requirePerson(person, as);
    return person;
  }

  private async refuseTakenSeat(em: EntityManager, p: PositionFacts, unit: OrgUnitEntity): Promise<void> {
    if (p.seat === null) return;
    const others = await em.getRepository(PositionEntity).find({
      where: { unitId: p.unitId, seat: p.seat },
      relations: { person: true },
    });
    const holder = seatConflict(p, others);
    if (holder)
      throw new BadRequestException(
        `the ${p.seat} seat of ${unit.name} is held by ${holder.person?.fullName ?? holder.personId} (${holder.personId}) from ${holder.startsOn} to ${holder.endsOn ?? 'now'}, overlapping ${p.startsOn} – ${p.endsOn ?? 'open'}`,
      );
  }
}
