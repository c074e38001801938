import { hasRole, Role } from '@app/domain';
import type { Scope } from '../access';
import type { Principal } from '../auth/principal';

/** The rows of the audit a reader sees: all of them, or those tied to some units. */
export type AuditReadScope = { kind: 'ALL' } | { kind: 'UNITS'; unitIds: string[] };

/**
 * Who reads the audit of acts. An admin reads every row. An inspector (Ủy ban kiểm tra) reads the
 * rows tied to a unit of the committee tree they inspect, that is the acts of its people (logins,
 * programme creation, reports, exports); administration rows (calendar, webhooks, retries, accounts,
 * the audit's own exports) are tied to no unit, and neither is a failed login, so only admins read
 * those. Anyone else reads nothing: null, answered 403.
 * `supervised` is what the caller supervises (the access module's scope).
 */
export function auditReadScope(principal: Principal, supervised: Scope): AuditReadScope | null {
  if (hasRole(principal, Role.ADMIN)) return { kind: 'ALL' };
  if (hasRole(principal, Role.INSPECTOR) && supervised.kind === 'UNITS')
    return { kind: 'UNITS', unitIds: supervised.unitIds };
  return null;
}

export const AUDIT_READERS_ONLY = 'the audit is read by admins and, for their committee, by inspectors';
