import { BadRequestException, ForbiddenException } from '@nestjs/common';
import type { AdminReach, UnitScopes } from './scope';

import { ADMIN_ROLE_NEEDED } from '../auth/admin-role.guard';

export const ADMINS_ONLY = ADMIN_ROLE_NEEDED;

/**
 * What one administrator may manage, over the unit tree as a transaction sees it: every unit (system
 * admin) or the units of their province. Each check names the unit it refuses.
 */
export class AdminScope {
  constructor(
    readonly reach: AdminReach,
    private readonly units: UnitScopes,
  ) {}

  get isSystemAdmin(): boolean {
    return this.reach.kind === 'ALL';
  }

  /** The province the caller administers, or null for a system admin. */
  get provinceId(): string | null {
    return this.reach.kind === 'PROVINCE' ? this.reach.provinceId : null;
  }

  has(unitId: string): boolean {
    return this.units.has(unitId);
  }

  contains(unitId: string): boolean {
    return this.units.inAdminReach(this.reach, unitId);
  }

  /** Every unit the caller manages. */
  unitIds(): string[] {
    return this.units.unitsInAdminReach(this.reach);
  }

  provinceOf(unitId: string): string {
    return this.units.provinceOf(unitId);
  }

  nameOf(unitId: string): string {
    return this.units.nameOf(unitId);
  }

  /** A unit named by the request (`as` says where): 400 when unknown, 403 outside the caller's province. */
  requireUnit(unitId: string, as = 'unit'): void {
    if (!this.units.has(unitId)) throw new BadRequestException(`unknown ${as} ${unitId}`);
    if (!this.contains(unitId)) throw new ForbiddenException(this.outside(`${as} ${unitId} (${this.nameOf(unitId)})`));
  }

  /** A person the caller administers: their current unit lies in reach (403 naming them otherwise). */
  requirePerson(person: { id: string; fullName: string; unitId: string }, as = 'person'): void {
    if (!this.contains(person.unitId))
      throw new ForbiddenException(
        this.outside(`${as} ${person.id} (${person.fullName}, ${this.nameOf(person.unitId)})`),
      );
  }

  /** A new province (a unit without a parent) is the system admin's alone. */
  requireSystemAdmin(what: string): void {
    if (!this.isSystemAdmin) throw new ForbiddenException(`only a system administrator ${what}`);
  }

  outside(what: string): string {
    const province = this.reach.kind === 'PROVINCE' ? this.reach.provinceName : '';
    return `${what} is outside the province you administer (${province})`;
  }
}

/** The administrator's scope, or 403 for anyone else. */
export function adminScopeOf(units: UnitScopes, principal: Parameters<UnitScopes['adminReachOf']>[0]): AdminScope {
  const reach = units.adminReachOf(principal);
  if (!reach) throw new ForbiddenException(ADMINS_ONLY);
  return new AdminScope(reach, units);
}
