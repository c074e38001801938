import { BadRequestException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { hasRole, Role } from '@app/domain';
import type { Actor } from '@app/domain';
import type { Principal } from '../auth/principal';
import { AccessService } from './access.service';
import * as rules from './rules';
import { UnitScopes } from './scope';

/**
 * Who may list a person's open duties and move them to a successor: the rotation part of the access
 * module. Administrators act within what they administer; everyone may list their own duties.
 */
@Injectable()
export class RotationAccessService {
  constructor(
    private readonly access: AccessService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /**
   * A person whose open duties the caller may list (`read`: also their own) or move to a successor
   * (`transfer`): a system administrator anyone's, a provincial administrator those of people of their
   * province (403 otherwise); 404 for an unknown person.
   */
  async personForRotation(
    principal: Principal,
    personId: string,
    purpose: 'read' | 'transfer',
  ): Promise<{ id: string; fullName: string; unitId: string }> {
    const [person] = await this.dataSource.query(
      `SELECT id, full_name AS "fullName", unit_id AS "unitId" FROM person WHERE id = $1`,
      [personId],
    );
    if (purpose === 'read' && person && person.id === principal.personId) return person;
    rules.assertMayRotate(principal);
    if (!person) throw new NotFoundException(`person ${personId} not found`);
    const units = await this.access.unitScopes();
    if (!this.rotatesIn(principal, units, person.unitId))
      throw new ForbiddenException(
        `${personId} works in ${units.nameOf(units.provinceOf(person.unitId))}, outside the province you administer`,
      );
    return person;
  }

  /**
   * The successor of a rotation: another active person (400 otherwise) and, when given, a known unit,
   * both in the province the caller administers (400 naming the one outside it).
   */
  async rotationSuccessor(
    principal: Principal,
    personId: string,
    successorPersonId: string,
    successorUnitId: string | undefined,
  ): Promise<{ personId: string; unitId: string | null }> {
    if (successorPersonId === personId) throw new BadRequestException('the successor must be another person');
    const [successor] = await this.dataSource.query(
      `SELECT id, unit_id AS "unitId", active FROM person WHERE id = $1`,
      [successorPersonId],
    );
    if (!successor) throw new BadRequestException(`unknown successor ${successorPersonId}`);
    if (!successor.active) throw new BadRequestException(`the successor ${successorPersonId} is not active`);
    const units = await this.access.unitScopes();
    if (!this.rotatesIn(principal, units, successor.unitId))
      throw new BadRequestException(
        `the successor ${successorPersonId} works in ${units.nameOf(units.provinceOf(successor.unitId))}, outside the province you administer`,
      );
    if (successorUnitId !== undefined) {
      if (!units.has(successorUnitId)) throw new BadRequestException(`unknown successor unit ${successorUnitId}`);
      if (!this.rotatesIn(principal, units, successorUnitId))
        throw new BadRequestException(
          `the successor unit ${units.nameOf(successorUnitId)} is outside the province you administer`,
        );
    }
    return { personId: successor.id, unitId: successorUnitId ?? null };
  }

  /** The actor a rotation's workflows are told about: the administrator with their administrator roles only. */
  rotationActor(principal: Principal): Actor {
    const roles = principal.roles.filter((r) => r === Role.ADMIN || r === Role.SYSTEM_ADMIN);
    return { personId: principal.personId, unitId: principal.unitId, roles };
  }

  /** A system administrator rotates anywhere; a provincial administrator within the province of their own unit. */
  private rotatesIn(principal: Principal, units: UnitScopes, unitId: string): boolean {
    if (hasRole(principal, Role.SYSTEM_ADMIN)) return true;
    return units.has(principal.unitId) && units.provinceOf(unitId) === units.provinceOf(principal.unitId);
  }
}
