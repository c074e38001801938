import { hasRole, Role } from '@app/domain';
import type { Scope } from '../access';
import type { Principal } from '../auth/principal';
import { AUDITED_ROUTES } from './audited-routes';

/**
 * The rows of the audit a reader sees: all of them, or those tied to some units (`acts`, when given,
 * narrows them to those acts).
 */
export type AuditReadScope = { kind: 'ALL' } | { kind: 'UNITS'; unitIds: string[]; acts?: string[] };

/** The acts of a unit's own work (not administration): what inspectors read. */
const UNIT_ACTS = [
  ...new Set(
    Object.values(AUDITED_ROUTES)
      .filter((r) => r.scope === 'unit')
      .map((r) => r.act),
  ),
];

/**
 * Who reads the audit of acts. A system admin reads every row; a provincial admin the rows tied to a
 * unit of their province (administration of its units, people and accounts included; `supervised` is
 * their province). An inspector (Ủy ban kiểm tra) reads the
 * rows tied to a unit of the committee tree they inspect, that is the acts of its people (logins,
 * programme creation, reports, exports); administration rows (calendar, webhooks, retries, accounts,
 * the audit's own exports) are tied to no unit, and neither is a failed login, so only system admins
 * read those; administration of the organisation is tied to the unit it concerns, but inspectors do
 * not read it (it is not the work of the committee's people). Anyone else reads nothing: null, answered 403.
 * `supervised` is what the caller supervises (the access module's scope).
 */
export function auditReadScope(principal: Principal, supervised: Scope): AuditReadScope | null {
  if (hasRole(principal, Role.SYSTEM_ADMIN)) return { kind: 'ALL' };
  if (hasRole(principal, Role.ADMIN) && supervised.kind === 'UNITS')
    return { kind: 'UNITS', unitIds: supervised.unitIds };
  if (hasRole(principal, Role.INSPECTOR) && supervised.kind === 'UNITS')
    return { kind: 'UNITS', unitIds: supervised.unitIds, acts: UNIT_ACTS };
  return null;
}

export const AUDIT_READERS_ONLY = 'the audit is read by admins and, for their committee, by inspectors';
