import { Role } from '@app/domain';
import type { Scope } from '../access';
import type { Principal } from '../auth/principal';
import { auditReadScope } from './audit-readers';

const person = (...roles: Role[]): Principal => ({
  personId: 'p',
  unitId: 'hg-ubkt',
  username: 'u',
  fullName: 'U',
  roles,
});
const committee: Scope = { kind: 'UNITS', unitIds: ['hg-tu', 'hg-ubkt'], committee: { id: 'hg-tu', name: 'HG' } };
const self: Scope = { kind: 'SELF', personId: 'p', committee: null };

describe('who reads the audit', () => {
  it('gives system admins every row, provincial admins every row of their province', () => {
    expect(auditReadScope(person(Role.SYSTEM_ADMIN), { kind: 'ALL', unitIds: null, committee: null })).toEqual({
      kind: 'ALL',
    });
    expect(auditReadScope(person(Role.ADMIN), committee)).toEqual({ kind: 'UNITS', unitIds: ['hg-tu', 'hg-ubkt'] });
  });

  it("gives inspectors the rows of their committee's units, acts of its work only", () => {
    const scope = auditReadScope(person(Role.INSPECTOR), committee);
    expect(scope).toMatchObject({ kind: 'UNITS', unitIds: ['hg-tu', 'hg-ubkt'] });
    const acts = (scope as { acts: string[] }).acts;
    expect(acts).toContain('programme.create');
    expect(acts).not.toContain('org.unit.create');
    expect(acts).not.toContain('account.password.reset');
    expect(auditReadScope(person(Role.INSPECTOR), self)).toBeNull();
  });

  it('gives nobody else anything, however much they supervise', () => {
    for (const role of [Role.STAFF, Role.HEAD, Role.STANDING_COMMITTEE, Role.ADVISORY_STAFF, Role.KEY_CADRE])
      expect(auditReadScope(person(role), committee)).toBeNull();
  });
});
