import { BadRequestException, ForbiddenException } from '@nestjs/common';
import { Role } from '@app/domain';
import type { Principal } from '../auth/principal';
import { assertMayWriteResolution, countingScope, RegistryWriteFacts } from './rules';

const person = (unitId: string, ...roles: Role[]): Principal => ({
  personId: `p-${unitId}`,
  unitId,
  roles,
  username: 'u',
  fullName: 'U',
});

/** Callers of Hậu Giang: at the committee, its standing committee, a department it heads, or Vị Thanh below it. */
const hg = (committeeId: string, headOf: string | null = null): RegistryWriteFacts['caller'] => ({
  committeeId,
  headOf,
  provinceId: 'hg-tu',
  provinceName: 'Tỉnh ủy Hậu Giang',
});
const HG_TU: RegistryWriteFacts['issuer'] = {
  committeeId: 'hg-tu',
  committeeName: 'Tỉnh ủy Hậu Giang',
  provinceId: 'hg-tu',
};
const LC_TU: RegistryWriteFacts['issuer'] = {
  committeeId: 'lc-tu',
  committeeName: 'Tỉnh ủy Lào Cai',
  provinceId: 'lc-tu',
};

describe('writing registry entries', () => {
  it("lets the issuing committee's head, Standing Committee and advisory staff, and an admin of its province, write", () => {
    const ok = (p: Principal, caller: RegistryWriteFacts['caller']) =>
      expect(() => assertMayWriteResolution(p, { caller, issuer: HG_TU }, 'create', 'hg-tu')).not.toThrow();
    ok(person('hg-btv', Role.STANDING_COMMITTEE), hg('hg-tu'));
    ok(person('hg-tu', Role.ADVISORY_STAFF), hg('hg-tu'));
    ok(person('hg-tu', Role.HEAD), hg('hg-tu', 'hg-tu'));
    ok(person('hg-tu', Role.ADMIN), hg('hg-tu'));
    ok(person('lc-tu', Role.SYSTEM_ADMIN), { ...hg('lc-tu'), provinceId: 'lc-tu' });
  });

  it('refuses staff, inspectors, a department head and a lower committee with 403', () => {
    const refused = (p: Principal, caller: RegistryWriteFacts['caller']) =>
      expect(() => assertMayWriteResolution(p, { caller, issuer: HG_TU }, 'change', 'hg-tu')).toThrow(
        ForbiddenException,
      );
    refused(person('hg-tu', Role.STAFF), hg('hg-tu'));
    refused(person('hg-ubkt', Role.INSPECTOR), hg('hg-tu'));
    refused(person('hg-skhdt', Role.HEAD), hg('hg-tu', 'hg-skhdt'));
    refused(person('hg-vithanh', Role.STANDING_COMMITTEE), hg('hg-vithanh'));
  });

  it('answers 400 for a unit of another province or none, whatever the caller holds', () => {
    for (const issuer of [LC_TU, null])
      expect(() =>
        assertMayWriteResolution(
          person('hg-tu', Role.ADVISORY_STAFF),
          { caller: hg('hg-tu'), issuer },
          'create',
          'lc-tu',
        ),
      ).toThrow(new BadRequestException('issuing unit lc-tu is not a unit of your province (Tỉnh ủy Hậu Giang)'));
    expect(() =>
      assertMayWriteResolution(person('hg-tu', Role.ADMIN), { caller: hg('hg-tu'), issuer: LC_TU }, 'create', 'lc-tu'),
    ).toThrow(BadRequestException);
  });

  it('lets provincial leaders and admins register central entries; only a system admin changes one', () => {
    const central = (p: Principal, caller: RegistryWriteFacts['caller'], change: 'create' | 'change') => () =>
      assertMayWriteResolution(p, { caller, issuer: null }, change, null);
    expect(central(person('hg-tu', Role.ADVISORY_STAFF), hg('hg-tu'), 'create')).not.toThrow();
    expect(central(person('hg-tu', Role.ADMIN), hg('hg-tu'), 'create')).not.toThrow();
    expect(central(person('hg-vithanh', Role.HEAD), hg('hg-vithanh', 'hg-vithanh'), 'create')).toThrow(
      ForbiddenException,
    );
    expect(central(person('hg-tu', Role.ADVISORY_STAFF), hg('hg-tu'), 'change')).toThrow(
      'a central entry is read by every province: only a system admin changes it',
    );
    expect(central(person('hg-tu', Role.SYSTEM_ADMIN), hg('hg-tu'), 'change')).not.toThrow();
  });

  it('counts only for supervisors', () => {
    expect(() => countingScope({ kind: 'SELF', personId: 'x', committee: null })).toThrow(ForbiddenException);
    const units = { kind: 'UNITS' as const, unitIds: ['hg-tu'], committee: { id: 'hg-tu', name: 'HG' } };
    expect(countingScope(units)).toBe(units);
  });
});
