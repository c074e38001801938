import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OrgUnitEntity, PersonEntity, PositionEntity } from '@app/persistence';
import { AccessService } from '../../access';
import type { Principal } from '../../auth/principal';
import { PeopleAdminService } from '../people-admin.service';
import { UnitAdminService, UpdateUnitInput } from '../unit-admin.service';
import { ImportRow, PersonRow, PositionRow, UnitRow } from './import-rows';
import { IMPORT_SHEETS, ImportKind } from './import-sheets';

export interface RowOutcome {
  sheet: string;
  row: number;
  kind: ImportKind;
  /** The row's natural key, as a person reads it. */
  key: string;
  outcome: 'created' | 'updated' | 'unchanged';
  /** The columns an update changes. */
  changed: string[];
}

/** A row the import refuses, naming the column at fault. */
export class RowProblem extends Error {
  constructor(
    readonly column: string | null,
    message: string,
  ) {
    super(message);
  }
}

const header = (kind: ImportKind, key: string) => IMPORT_SHEETS[kind].columns.find((c) => c.key === key)?.vi ?? key;
const sameSet = (a: readonly string[], b: readonly string[]) =>
  new Set(a).size === new Set(b).size && a.every((x) => b.includes(x));
/** Why a position import ends one without saying why. */
export const DEFAULT_END_REASON = 'Kết thúc theo tệp nhập tổ chức';

/**
 * One import row, found by its natural key and then created, updated (only what differs) or left
 * unchanged through the organisation's services, which check every rule and the admin's reach. A row
 * that names a unit or person the file defines further down is told so.
 */
@Injectable()
export class RowWriter {
  constructor(
    private readonly access: AccessService,
    private readonly units: UnitAdminService,
    private readonly people: PeopleAdminService,
  ) {}

  async write(em: EntityManager, actor: Principal, row: ImportRow, later: Map<string, number>): Promise<RowOutcome> {
    if (row.kind === 'units') return this.unit(em, actor, row, later);
    if (row.kind === 'people') return this.person(em, actor, row, later);
    return this.position(em, actor, row, later);
  }

  private async unit(em: EntityManager, actor: Principal, row: UnitRow, later: Map<string, number>) {
    const parentId = row.parentCode === null ? null : await this.unitIdOf(em, row, row.parentCode, 'parentCode', later);
    const existing = await em.getRepository(OrgUnitEntity).findOneBy({ code: row.code });
    const base = { sheet: row.sheet, row: row.row, kind: row.kind, key: row.code };
    const wanted = {
      code: row.code,
      name: row.name,
      kind: row.unitKind,
      parentId,
      validFrom: row.validFrom,
      validTo: row.validTo,
    };
    if (!existing) {
      await this.units.createUnit(em, actor, wanted);
      return { ...base, outcome: 'created' as const, changed: [] };
    }
    (await this.access.adminScope(actor, em)).requireUnit(existing.id);
    const change: UpdateUnitInput = {};
    if (existing.name !== wanted.name) change.name = wanted.name;
    if (existing.kind !== wanted.kind) change.kind = wanted.kind;
    if (existing.parentId !== wanted.parentId) change.parentId = wanted.parentId;
    if (existing.validFrom !== wanted.validFrom) change.validFrom = wanted.validFrom;
    if (existing.validTo !== wanted.validTo) change.validTo = wanted.validTo;
    const changed = Object.keys(change);
    if (changed.length === 0) return { ...base, outcome: 'unchanged' as const, changed };
    await this.units.updateUnit(em, actor, existing.id, change);
    return { ...base, outcome: 'updated' as const, changed };
  }

  private async person(em: EntityManager, actor: Principal, row: PersonRow, later: Map<string, number>) {
    const people = em.getRepository(PersonEntity);
    const unitId = await this.unitIdOf(em, row, row.unitCode, 'unitCode', later);
    const byCode = row.code ? await people.findOneBy({ id: row.code }) : null;
    const byUsername = row.username ? await people.findOneBy({ username: row.username }) : null;
    if (byCode && row.username && byCode.username !== row.username)
      throw new RowProblem(
        header('people', 'username'),
        `person ${byCode.id} (${byCode.fullName}) has ${byCode.username === null ? 'no account' : `the username ${byCode.username}`}, not ${row.username}`,
      );
    if (!byCode && row.code && byUsername)
      throw new RowProblem(
        header('people', 'code'),
        `the username ${row.username} belongs to person ${byUsername.id} (${byUsername.fullName}), not ${row.code}`,
      );
    const existing = byCode ?? byUsername;
    const base = { sheet: row.sheet, row: row.row, kind: row.kind, key: (row.code ?? row.username) as string };
    const scope = await this.access.adminScope(actor, em);
    if (!existing) {
      if (!row.code)
        throw new RowProblem(
          header('people', 'username'),
          `no person has the username ${row.username}; a new person needs a code (accounts are not created by an import)`,
        );
      await this.people.createPerson(em, actor, {
        id: row.code,
        fullName: row.fullName,
        unitId,
        title: row.title,
        email: row.email,
      });
      return { ...base, outcome: 'created' as const, changed: [] };
    }
    await this.people.personInReach(em, scope, existing.id);
    scope.requireUnit(unitId);
    // Unit and title of a known person follow their positions; the sheet's apply when it is created.
    const change: { fullName?: string; email?: string | null } = {};
    if (existing.fullName !== row.fullName) change.fullName = row.fullName;
    if (row.email !== null && existing.email !== row.email) change.email = row.email;
    const changed = Object.keys(change);
    if (changed.length === 0) return { ...base, outcome: 'unchanged' as const, changed };
    await this.people.updatePerson(em, actor, existing.id, change);
    return { ...base, outcome: 'updated' as const, changed };
  }

  private async position(em: EntityManager, actor: Principal, row: PositionRow, later: Map<string, number>) {
    const people = em.getRepository(PersonEntity);
    const person = (await people.findOneBy({ id: row.person })) ?? (await people.findOneBy({ username: row.person }));
    if (!person) {
      const at = later.get(`person:${row.person}`);
      throw new RowProblem(
        header('positions', 'person'),
        at === undefined
          ? `unknown person ${row.person}: no person has this code or username, in the organisation or in the file`
          : `unknown person ${row.person}: the people sheet's row ${at} was not imported (see its problem)`,
      );
    }
    const unitId = await this.unitIdOf(em, row, row.unitCode, 'unitCode', later);
    const key = `${person.id} @ ${row.unitCode}: ${row.seat ?? row.title} ${row.startsOn}`;
    const base = { sheet: row.sheet, row: row.row, kind: row.kind, key };
    const existing = await em.getRepository(PositionEntity).findOneBy({
      personId: person.id,
      unitId,
      startsOn: row.startsOn,
      ...(row.seat !== null ? { seat: row.seat } : { title: row.title }),
    });
    if (!existing) {
      await this.people.createPosition(em, actor, {
        personId: person.id,
        unitId,
        title: row.title,
        roles: row.roles,
        seat: row.seat,
        fields: row.fields,
        startsOn: row.startsOn,
        endsOn: row.endsOn,
        endReason: row.endsOn === null ? null : (row.endReason ?? DEFAULT_END_REASON),
      });
      return { ...base, outcome: 'created' as const, changed: [] };
    }
    const scope = await this.access.adminScope(actor, em);
    scope.requireUnit(unitId);
    const differs = [
      existing.title !== row.title && 'title',
      existing.seat !== row.seat && 'seat',
      !sameSet(existing.roles, row.roles) && 'roles',
      !sameSet(existing.fields, row.fields) && 'fields',
      row.endsOn !== null && existing.endsOn !== null && existing.endsOn !== row.endsOn && 'endsOn',
      row.endsOn === null && existing.endsOn !== null && 'endsOn',
      row.endReason !== null && existing.endsOn !== null && existing.endReason !== row.endReason && 'endReason',
    ].filter((d): d is string => d !== false);
    if (differs.length)
      throw new RowProblem(
        header('positions', differs[0]),
        `position ${existing.id} (from ${existing.startsOn}) differs in ${differs.join(', ')}: a position is history and only an open one can be ended; end it and add a new position instead`,
      );
    if (row.endsOn === null || existing.endsOn !== null) return { ...base, outcome: 'unchanged' as const, changed: [] };
    await this.people.endPosition(em, actor, existing.id, {
      endsOn: row.endsOn,
      reason: row.endReason ?? DEFAULT_END_REASON,
    });
    return { ...base, outcome: 'updated' as const, changed: ['endsOn'] };
  }

  /** The id of the unit a row names by code; a refusal naming the column when there is none (yet). */
  private async unitIdOf(
    em: EntityManager,
    row: ImportRow,
    code: string,
    column: string,
    later: Map<string, number>,
  ): Promise<string> {
    const unit = await em.getRepository(OrgUnitEntity).findOneBy({ code });
    if (unit) return unit.id;
    const at = later.get(`unit:${code}`);
    const where =
      at === undefined
        ? 'no unit has this code, in the organisation or in the file'
        : row.kind === 'units' && at >= row.row
          ? `it is defined further down (row ${at}): put a parent above its units`
          : `the units sheet's row ${at} was not imported (see its problem)`;
    throw new RowProblem(header(row.kind, column), `unknown unit code ${code}: ${where}`);
  }
}
