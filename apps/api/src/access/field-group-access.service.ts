import { BadRequestException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { FieldGroupRef, fieldGroupProblem, hasRole, Role } from '@app/domain';
import type { Principal } from '../auth/principal';
import { AccessService } from './access.service';
import * as rules from './rules';

/** A province (root unit) as field groups name it. */
export interface ProvinceRef {
  id: string;
  name: string;
}

/**
 * Who reads and keeps a province's field groups, and the list as the rules need it: everyone of a
 * province reads its list (to choose from), a system admin any province's; writes follow
 * `rules.assertMayWriteFieldGroups`. A supervising member is an active Standing Committee member of
 * the province.
 */
@Injectable()
export class FieldGroupAccessService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  /** The province whose list the caller reads: theirs by default; another only for a system admin (403). */
  async provinceToRead(principal: Principal, provinceId?: string): Promise<ProvinceRef> {
    const units = await this.access.unitScopes();
    const own = units.has(principal.unitId) ? units.provinceOf(principal.unitId) : null;
    const wanted = provinceId ?? own;
    if (!wanted) throw new ForbiddenException('you belong to no province; name one with provinceId');
    if (!units.has(wanted) || units.provinceOf(wanted) !== wanted) throw new NotFoundException(`no province ${wanted}`);
    if (wanted !== own && !hasRole(principal, Role.SYSTEM_ADMIN))
      throw new ForbiddenException(`${units.nameOf(wanted)} is not your province`);
    return { id: wanted, name: units.nameOf(wanted) };
  }

  /** The province whose list the caller changes (403 unless they keep it; 404 unknown). */
  async provinceToWrite(principal: Principal, provinceId?: string): Promise<ProvinceRef> {
    const units = await this.access.unitScopes();
    const known = units.has(principal.unitId);
    const wanted = provinceId ?? (known ? units.provinceOf(principal.unitId) : null);
    if (!wanted) throw new BadRequestException('name the province with provinceId');
    if (!units.has(wanted) || units.provinceOf(wanted) !== wanted) {
      if (!hasRole(principal, Role.SYSTEM_ADMIN)) throw new ForbiddenException(`${wanted} is not your province`);
      throw new NotFoundException(`no province ${wanted}`);
    }
    const province = { id: wanted, name: units.nameOf(wanted) };
    rules.assertMayWriteFieldGroups(principal, {
      caller: {
        provinceId: known ? units.provinceOf(principal.unitId) : null,
        committeeId: known ? units.committeeOf(principal.unitId) : null,
      },
      province,
    });
    return province;
  }

  /** A supervising member must be an active Standing Committee member working in the province (400 naming why not). */
  async checkSupervisor(personId: string, province: ProvinceRef, em: EntityManager = this.dataSource.manager) {
    const [person] = await em.query(`SELECT id, unit_id AS "unitId", roles, active FROM person WHERE id = $1`, [
      personId,
    ]);
    if (!person || !person.active) throw new BadRequestException(`unknown supervising member ${personId}`);
    const units = await this.access.unitScopes(em);
    if (!units.isWithin(person.unitId, province.id))
      throw new BadRequestException(`the supervising member ${personId} does not work in ${province.name}`);
    if (!(person.roles as string[]).includes(Role.STANDING_COMMITTEE))
      throw new BadRequestException(
        `the supervising member ${personId} is not a member of the Standing Committee of ${province.name}`,
      );
  }

  /** The field groups of the province `unitId` belongs to (all, retired ones flagged), with the province. */
  async groupsForUnit(
    unitId: string,
    em: EntityManager = this.dataSource.manager,
  ): Promise<{ province: ProvinceRef; groups: FieldGroupRef[] }> {
    const units = await this.access.unitScopes(em);
    const provinceId = units.has(unitId) ? units.provinceOf(unitId) : unitId;
    const groups: FieldGroupRef[] = await em.query(
      `SELECT code, name, supervisor_id AS "supervisorId", retired_at IS NOT NULL AS retired
         FROM field_group WHERE province_id = $1 ORDER BY code`,
      [provinceId],
    );
    return { province: { id: provinceId, name: units.nameOf(provinceId) }, groups };
  }

  /**
   * The group `code` something new of `unitId` names (a programme, a registry entry): one in force of
   * the unit's province (400 naming the problem); null when the province keeps no list yet (free text).
   */
  async checkFieldGroup(code: string, unitId: string, em?: EntityManager): Promise<FieldGroupRef | null> {
    const { province, groups } = await this.groupsForUnit(unitId, em);
    const problem = fieldGroupProblem(code, groups, province.name);
    if (problem) throw new BadRequestException(problem);
    return groups.find((g) => g.code === code) ?? null;
  }

  /** Whether `unitId` belongs to its province's own committee (what the province's groups' supervisors lead). */
  async ofProvincialCommittee(unitId: string): Promise<boolean> {
    const units = await this.access.unitScopes();
    return units.has(unitId) && units.committeeOf(unitId) === units.provinceOf(unitId);
  }
}
