import { randomUUID } from 'node:crypto';
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OrgUnitKind, UNIT_KINDS, unitPlacementProblems, unitProblems, UnitFacts } from '@app/domain';
import { OrgUnitEntity } from '@app/persistence';
import { AccessService, AdminScope } from '../access';
import type { Principal } from '../auth/principal';
import { refuseProblems, withConstraintAnswers } from './organisation.errors';

export interface CreateUnitInput {
  /** Kept when given (an import's own key); generated otherwise. */
  id?: string;
  code: string;
  name: string;
  kind: string;
  parentId: string | null;
  validFrom?: string | null;
  validTo?: string | null;
}

export type UpdateUnitInput = Partial<Omit<CreateUnitInput, 'id'>>;

export interface UnitView {
  id: string;
  code: string | null;
  name: string;
  kind: string;
  kindLabelVi: string;
  kindLabelEn: string;
  committee: boolean;
  parentId: string | null;
  provinceId: string;
  validFrom: string | null;
  validTo: string | null;
  status: string;
  successorId: string | null;
}

const facts = (u: OrgUnitEntity): UnitFacts => ({
  id: u.id,
  name: u.name,
  kind: u.kind,
  parentId: u.parentId,
  validFrom: u.validFrom,
  validTo: u.validTo,
});

/** A unit as the API answers it, with its kind's labels. */
export function unitView(u: OrgUnitEntity, scope: Pick<AdminScope, 'provinceOf'>): UnitView {
  const info = UNIT_KINDS[u.kind as OrgUnitKind];
  return {
    id: u.id,
    code: u.code,
    name: u.name,
    kind: u.kind,
    kindLabelVi: info?.labelVi ?? u.kind,
    kindLabelEn: info?.labelEn ?? u.kind,
    committee: info?.committee ?? false,
    parentId: u.parentId,
    provinceId: scope.provinceOf(u.id),
    validFrom: u.validFrom,
    validTo: u.validTo,
    status: u.status,
    successorId: u.successorId,
  };
}

/**
 * Writes to the unit tree. Every method takes the transaction's EntityManager (an import applies many
 * rows through the same rules in one transaction) and the acting administrator; each validates
 * everything before it writes. Restructuring (status, successor) is not done here.
 */
@Injectable()
export class UnitAdminService {
  constructor(private readonly access: AccessService) {}

  /** A new unit; its code is its natural key: a second create with the same code is 409 naming the unit. */
  async createUnit(em: EntityManager, actor: Principal, input: CreateUnitInput): Promise<UnitView> {
    const scope = await this.access.adminScope(actor, em);
    // Where it goes first: a provincial admin learns nothing of codes elsewhere before being refused.
    if (input.parentId === null) scope.requireSystemAdmin('creates a province (a unit without a parent)');
    else scope.requireUnit(input.parentId, 'parent unit');
    const units = em.getRepository(OrgUnitEntity);
    const existing = await units.findOne({ where: [{ code: input.code }, ...(input.id ? [{ id: input.id }] : [])] });
    if (existing)
      throw new ConflictException(
        existing.code === input.code
          ? `unit code ${input.code} is taken by ${existing.id} (${existing.name})`
          : `unit ${existing.id} exists already (${existing.name})`,
      );
    const unit = units.create({
      id: input.id ?? randomUUID(),
      code: input.code,
      name: input.name,
      kind: input.kind,
      parentId: input.parentId,
      validFrom: input.validFrom ?? null,
      validTo: input.validTo ?? null,
      status: 'ACTIVE',
      successorId: null,
    });
    await this.check(em, unit);
    await withConstraintAnswers(() => units.insert(unit), `unit code ${input.code} is taken`);
    return unitView(unit, await this.access.adminScope(actor, em));
  }

  /** Changes name, code, kind, parent or validity of a unit in the caller's reach (and keeps it there). */
  async updateUnit(em: EntityManager, actor: Principal, id: string, input: UpdateUnitInput): Promise<UnitView> {
    const scope = await this.access.adminScope(actor, em);
    const units = em.getRepository(OrgUnitEntity);
    const unit = await units.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!unit) throw new NotFoundException(`no unit ${id}`);
    scope.requireUnit(id);
    if (input.code !== undefined && input.code !== unit.code) {
      const holder = await units.findOneBy({ code: input.code });
      if (holder) throw new ConflictException(`unit code ${input.code} is taken by ${holder.id} (${holder.name})`);
    }
    if (input.parentId !== undefined && input.parentId !== unit.parentId) {
      if (input.parentId === null) scope.requireSystemAdmin('makes a unit a province (without a parent)');
      else scope.requireUnit(input.parentId, 'parent unit');
    }
    const next = units.merge(units.create({ ...unit }), {
      ...(input.code !== undefined && { code: input.code }),
      ...(input.name !== undefined && { name: input.name }),
      ...(input.kind !== undefined && { kind: input.kind }),
      ...(input.parentId !== undefined && { parentId: input.parentId }),
      ...(input.validFrom !== undefined && { validFrom: input.validFrom }),
      ...(input.validTo !== undefined && { validTo: input.validTo }),
    });
    const placementChanged = next.kind !== unit.kind || next.parentId !== unit.parentId;
    await this.check(em, next, {
      placement: placementChanged || next.validFrom !== unit.validFrom || next.validTo !== unit.validTo,
    });
    await withConstraintAnswers(
      () =>
        units.update(id, {
          code: next.code,
          name: next.name,
          kind: next.kind,
          parentId: next.parentId,
          validFrom: next.validFrom,
          validTo: next.validTo,
        }),
      `unit code ${next.code} is taken`,
    );
    return unitView(next, await this.access.adminScope(actor, em));
  }

  /**
   * Every problem of a unit as it would be: its own dates and kind, its place under its parent (kind,
   * dates, no cycle), its children's dates within its own and its positions' dates within its own.
   */
  private async check(em: EntityManager, unit: OrgUnitEntity, opts = { placement: true }): Promise<void> {
    const problems = unitProblems(unit);
    if (problems.length === 0 && opts.placement) {
      const rows: Array<{ id: string; parentId: string | null }> = await em.query(
        `SELECT id, parent_id AS "parentId" FROM org_unit`,
      );
      const parentOf = new Map(rows.map((r) => [r.id, r.parentId]));
      const parent = unit.parentId ? await em.getRepository(OrgUnitEntity).findOneBy({ id: unit.parentId }) : null;
      problems.push(...unitPlacementProblems(facts(unit), parent ? facts(parent) : null, (id) => parentOf.get(id)));
      const outliers = await em.query(
        `SELECT kind, id, starts, ends FROM (
           SELECT 'unit' AS kind, id, valid_from::text AS starts, valid_to::text AS ends FROM org_unit WHERE parent_id = $1
           UNION ALL
           SELECT 'position', id::text, starts_on::text, ends_on::text FROM position WHERE unit_id = $1) x
         WHERE ($2::date IS NOT NULL AND (starts IS NULL OR starts::date < $2::date))
            OR ($3::date IS NOT NULL AND (ends IS NULL OR ends::date > $3::date))
         ORDER BY kind DESC, id LIMIT 5`,
        [unit.id, unit.validFrom, unit.validTo],
      );
      for (const o of outliers as Array<{ kind: string; id: string; starts: string | null; ends: string | null }>)
        problems.push(
          `${o.kind} ${o.id} (${o.starts ?? '…'} – ${o.ends ?? 'nay'}) would no longer lie within the dates of ${unit.name}`,
        );
    }
    refuseProblems(problems);
  }
}
