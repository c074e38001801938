import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { hasRole, Role, type ResolutionLevel } from '@app/domain';
import { ResolutionEntity } from '@app/persistence';
import type { Principal } from '../auth/principal';
import { SqlParams } from '../common/sql-params';
import { AccessService } from './access.service';
import * as rules from './rules';
import type { RowScope, SupervisorScope } from './scope';
import { obligationInScope, resolutionIssuedInScope, resolutionReadable } from './scope-sql';

/**
 * Who may see, name, write and count entries of the resolution registry: central entries are read by
 * everyone, a unit's entries by those who read its programmes; writes go to the issuing committee's
 * leaders and the admins of its province (`rules.assertMayWriteResolution`).
 */
@Injectable()
export class ResolutionAccessService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  /** The condition on registry alias `r` for the entries the caller opens: central ones and those of units whose programmes they read. */
  async readableResolutions(principal: Principal, r: string, params: SqlParams): Promise<string> {
    return resolutionReadable((await this.access.unitScopes()).programmeReaders(principal), r, params);
  }

  /** A registry entry the caller opens; 404 when unknown or not theirs to read. */
  async readableResolution(principal: Principal, id: string): Promise<ResolutionEntity> {
    const params = new SqlParams();
    const readable = await this.readableResolutions(principal, 'r', params);
    const [row] = await this.dataSource.query(
      `SELECT r.id FROM resolution r WHERE r.id = ${params.add(id)} AND ${readable}`,
      params.values,
    );
    const entry = row ? await this.dataSource.getRepository(ResolutionEntity).findOneBy({ id }) : null;
    if (!entry) throw new NotFoundException(`resolution ${id} not found`);
    return entry;
  }

  /**
   * Whether the caller may write an entry issued by `issuingUnitId` (null: a central body): 400 for a unit
   * outside their province or unknown, 403 for anyone but its committee's leaders and admins
   * (`rules.assertMayWriteResolution`). Answers the level the entry has from its issuing body.
   */
  async mayWriteResolution(
    principal: Principal,
    issuingUnitId: string | null,
    change: 'create' | 'change',
  ): Promise<ResolutionLevel | null> {
    const units = await this.access.unitScopes();
    const callerCommittee = units.committeeOf(principal.unitId);
    const callerProvince = units.provinceOf(principal.unitId);
    const known = issuingUnitId !== null && units.has(issuingUnitId);
    // Before the rules, which let a system admin through: an entry of no unit could not be written.
    if (issuingUnitId !== null && !known) throw new BadRequestException(`unknown issuing unit ${issuingUnitId}`);
    const issuerCommittee = known ? units.committeeOf(issuingUnitId) : null;
    rules.assertMayWriteResolution(
      principal,
      {
        caller: {
          committeeId: callerCommittee,
          headOf: units.authorityRoots(principal).head,
          provinceId: callerProvince,
          provinceName: units.nameOf(callerProvince),
        },
        issuer:
          known && issuerCommittee
            ? {
                committeeId: issuerCommittee,
                committeeName: units.nameOf(issuerCommittee),
                provinceId: units.provinceOf(issuingUnitId),
              }
            : null,
      },
      change,
      issuingUnitId,
    );
    return issuingUnitId === null ? null : units.levelOf(issuingUnitId);
  }

  /**
   * A registry entry named by someone writing for `unitId` (a programme's issuing unit, or a lower
   * entry's): one the caller reads (400 "unknown" otherwise: what they may not read does not exist
   * for them) and central or issued by the unit's committee or one above it (400).
   */
  async higherResolutionFor(
    principal: Principal,
    id: string,
    unitId: string | null,
    as: string,
  ): Promise<ResolutionEntity> {
    const entry = await this.readableResolution(principal, id).catch((err: unknown) => {
      if (err instanceof NotFoundException) throw new BadRequestException(`unknown ${as} ${id}`);
      throw err;
    });
    if (entry.issuingUnitId === null) return entry;
    if (unitId === null)
      throw new BadRequestException(
        `${as} ${entry.number} is not central: a central entry implements only central ones`,
      );
    const units = await this.access.unitScopes();
    const committee = units.committeeOf(entry.issuingUnitId);
    if (!units.isWithin(unitId, committee))
      throw new BadRequestException(
        `${as} ${entry.number} is issued by ${units.nameOf(entry.issuingUnitId)}, which is not ${units.nameOf(units.committeeOf(unitId))} or a committee above it`,
      );
    return entry;
  }

  /**
   * The cascade: the bodies an entry of `issuingUnitId` may oblige. Each must be a unit of the caller's
   * province (400 "not a unit of your province", the same sentence for an unknown unit) and a body
   * subordinate to the issuing committee (400 naming both). Answers the units' names.
   */
  async obligedUnits(principal: Principal, issuingUnitId: string, unitIds: string[]): Promise<Map<string, string>> {
    const units = await this.access.unitScopes();
    // A system admin writes for any province: the entry's.
    const province = units.provinceOf(hasRole(principal, Role.SYSTEM_ADMIN) ? issuingUnitId : principal.unitId);
    const committee = units.committeeOf(issuingUnitId);
    const names = new Map<string, string>();
    for (const id of unitIds) {
      if (!units.has(id) || units.provinceOf(id) !== province)
        throw new BadRequestException(`unit ${id} is not a unit of your province (${units.nameOf(province)})`);
      if (!units.isSubordinateBody(id, committee))
        throw new BadRequestException(
          `unit ${id} (${units.nameOf(id)}) is not a body below ${units.nameOf(committee)}, which issued the entry`,
        );
      names.set(id, units.nameOf(id));
    }
    return names;
  }

  /** The issuing committee of a unit's entry (its Standing Committee is escalated to). */
  async committeeOf(unitId: string): Promise<string> {
    return (await this.access.unitScopes()).committeeOf(unitId);
  }

  /** The condition on obligation alias `o` for the obligations the caller sees: those of bodies whose programmes they read. */
  async readableObligations(principal: Principal, o: string, params: SqlParams): Promise<string> {
    return obligationInScope((await this.access.unitScopes()).programmeReaders(principal), o, params);
  }

  /** The registry level of what each unit issues, for counting programmes by level. */
  async unitLevels(): Promise<(unitId: string) => ResolutionLevel> {
    const units = await this.access.unitScopes();
    return (unitId) => units.levelOf(unitId);
  }

  /** Counting resolutions and programmes: the committee asked about (default: the caller's), for its supervisors only (403). */
  async countingScope(principal: Principal, committeeId?: string): Promise<SupervisorScope> {
    return rules.countingScope(await this.access.scope(principal, committeeId));
  }

  /** The condition on registry alias `r` for the entries a supervisor scope counts as its own. */
  resolutionsIssuedIn(scope: RowScope, r: string, params: SqlParams): string {
    return resolutionIssuedInScope(scope, r, params);
  }
}
