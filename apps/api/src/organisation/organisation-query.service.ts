import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { ALL_UNIT_KINDS, heldOn, UNIT_KINDS } from '@app/domain';
import { OrgUnitEntity, PersonEntity, PositionEntity } from '@app/persistence';
import { AccessService, AdminScope } from '../access';
import type { Principal } from '../auth/principal';
import { vnToday } from './organisation.errors';
import { personView, PersonView, positionView, PositionView } from './people-admin.service';
import { unitView, UnitView } from './unit-admin.service';
import type { ListPeopleQuery, ListPositionsQuery, ListUnitsQuery } from './dto/organisation.dto';

type PositionInContext = PositionView & { personName: string; unitName: string };

/** Reads of the administered organisation, each limited to what the caller administers. */
@Injectable()
export class OrganisationQueryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
  ) {}

  unitKinds() {
    return {
      items: ALL_UNIT_KINDS.map((kind) => ({
        kind,
        ...UNIT_KINDS[kind],
        parents: UNIT_KINDS[kind].parents.map((k) => k ?? ''),
      })),
    };
  }

  /** The units the caller administers, depth first (each before the units below it), then by name. */
  async units(principal: Principal, q: ListUnitsQuery) {
    const scope = await this.access.adminScope(principal);
    if (q.province) scope.requireUnit(q.province, 'province');
    const rows = await this.db.getRepository(OrgUnitEntity).findBy({ id: In(scope.unitIds()) });
    const today = await vnToday(this.db.manager);
    const children = new Map<string | null, OrgUnitEntity[]>();
    for (const u of rows) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u]);
    const ids = new Set(rows.map((u) => u.id));
    const ordered: Array<UnitView & { depth: number }> = [];
    const visit = (u: OrgUnitEntity, depth: number) => {
      ordered.push({ ...unitView(u, scope), depth });
      for (const c of (children.get(u.id) ?? []).sort((a, b) => a.name.localeCompare(b.name, 'vi')))
        visit(c, depth + 1);
    };
    const roots = rows.filter((u) => u.parentId === null || !ids.has(u.parentId));
    for (const r of roots.sort((a, b) => a.name.localeCompare(b.name, 'vi'))) visit(r, 0);
    const items = ordered.filter(
      (u) =>
        (!q.province || u.provinceId === q.province) &&
        (!q.kind || u.kind === q.kind) &&
        (q.includeEnded || u.validTo === null || u.validTo >= today),
    );
    return { items: items.slice(q.offset, q.offset + q.limit), total: items.length, limit: q.limit, offset: q.offset };
  }

  /** A unit, its children and who holds a position there today. */
  async unit(principal: Principal, id: string) {
    const scope = await this.access.adminScope(principal);
    const repo = this.db.getRepository(OrgUnitEntity);
    const unit = await repo.findOneBy({ id });
    if (!unit) throw new NotFoundException(`no unit ${id}`);
    scope.requireUnit(id);
    const children = await repo.find({ where: { parentId: id }, order: { name: 'ASC' } });
    const today = await vnToday(this.db.manager);
    const positions = await this.positionsWhere({ unitId: id });
    return {
      unit: unitView(unit, scope),
      children: children.map((c) => unitView(c, scope)),
      holders: positions.filter((p) => heldOn(p, today)),
    };
  }

  /** People whose current unit the caller administers; `q` matches name, username or id. */
  async people(principal: Principal, q: ListPeopleQuery) {
    const scope = await this.access.adminScope(principal);
    let unitIds = scope.unitIds();
    if (q.unitId) {
      scope.requireUnit(q.unitId);
      const below = await this.db.query(
        `WITH RECURSIVE t AS (SELECT id FROM org_unit WHERE id = $1 UNION ALL SELECT u.id FROM org_unit u JOIN t ON u.parent_id = t.id) SELECT id FROM t`,
        [q.unitId],
      );
      unitIds = below.map((r: { id: string }) => r.id);
    }
    const query = this.db
      .getRepository(PersonEntity)
      .createQueryBuilder('p')
      .where('p.unitId = ANY(:unitIds)', { unitIds })
      .orderBy('p.fullName', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .skip(q.offset)
      .take(q.limit);
    if (q.q) {
      const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query.andWhere('(p.fullName ILIKE :like OR p.username ILIKE :like OR p.id ILIKE :like)', { like });
    }
    const [rows, total] = await query.getManyAndCount();
    return { items: rows.map(personView), total, limit: q.limit, offset: q.offset };
  }

  /** A person and every position they held, latest first. */
  async person(principal: Principal, id: string): Promise<{ person: PersonView; positions: PositionInContext[] }> {
    const scope = await this.access.adminScope(principal);
    const person = await this.personInReach(scope, id);
    return { person: personView(person), positions: await this.positionsWhere({ personId: id }) };
  }

  /** The positions of a person, or in a unit, the caller administers. */
  async positions(principal: Principal, q: ListPositionsQuery): Promise<{ items: PositionInContext[] }> {
    if (!q.personId && !q.unitId) throw new BadRequestException('personId or unitId is required');
    const scope = await this.access.adminScope(principal);
    if (q.personId) await this.personInReach(scope, q.personId, true);
    if (q.unitId) scope.requireUnit(q.unitId);
    return {
      items: await this.positionsWhere({
        ...(q.personId && { personId: q.personId }),
        ...(q.unitId && { unitId: q.unitId }),
      }),
    };
  }

  private async personInReach(scope: AdminScope, id: string, inQuery = false): Promise<PersonEntity> {
    const person = await this.db.getRepository(PersonEntity).findOneBy({ id });
    if (!person)
      throw inQuery ? new BadRequestException(`unknown person ${id}`) : new NotFoundException(`no person ${id}`);
    scope.requirePerson(person);
    return person;
  }

  private async positionsWhere(where: { personId?: string; unitId?: string }): Promise<PositionInContext[]> {
    const rows = await this.db.getRepository(PositionEntity).find({
      where,
      relations: { person: true, unit: true },
      order: { startsOn: 'DESC', id: 'ASC' },
    });
    return rows.map((p) => ({
      ...positionView(p),
      personName: p.person?.fullName ?? p.personId,
      unitName: p.unit?.name ?? p.unitId,
    }));
  }
}
