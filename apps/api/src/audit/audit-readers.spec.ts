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
  it('gives admins every row', () => {
    expect(auditReadScope(person(Role.ADMIN), { kind: 'ALL', unitIds: null, committee: null })).toEqual({
      kind: 'ALL',
    });
  });

  it("gives inspectors the rows of their committee's units", () => {
    expect(auditReadScope(person(Role.INSPECTOR), committee)).toEqual({ kind: 'UNITS', unitIds: ['hg-tu', 'hg-ubkt'] });
    expect(auditReadScope(person(Role.INSPECTOR), self)).toBeNull();
  });

  it('gives nobody else anything, however much they supervise', () => {
    for (const role of [Role.STAFF, Role.HEAD, Role.STANDING_COMMITTEE, Role.ADVISORY_STAFF, Role.KEY_CADRE])
      expect(auditReadScope(person(role), committee)).toBeNull();
  });
});
