import { Role, validateAction } from '@app/domain';
import { at, toApproval } from '@app/domain/programme/test-fixtures';
import { effectiveActor } from './effective-actor';
import { person, UNITS } from './test-units';

const rolesOn = (who: ReturnType<typeof person>, unitIds: string[], invitedUnitIds?: string[]) =>
  effectiveActor(who, { unitIds, invitedUnitIds }, UNITS).roles;

describe('effectiveActor', () => {
  const provinceStanding = person('hg-btv', Role.STANDING_COMMITTEE, Role.KEY_CADRE);
  const districtSecretary = person('hg-vt', Role.HEAD, Role.STANDING_COMMITTEE, Role.KEY_CADRE);
  const otherProvinceSecretary = person('lc-tu', Role.HEAD, Role.STANDING_COMMITTEE, Role.KEY_CADRE);

  it('keeps the person and unit whatever the roles', () => {
    expect(effectiveActor(otherProvinceSecretary, { unitIds: ['hg-tu'] }, UNITS)).toEqual({
      personId: 'p-lc-tu',
      unitId: 'lc-tu',
      roles: [Role.KEY_CADRE],
    });
  });

  it('keeps the Standing Committee role on its own committee and the units below, not above or elsewhere', () => {
    expect(rolesOn(provinceStanding, ['hg-tu'])).toEqual([Role.STANDING_COMMITTEE, Role.KEY_CADRE]);
    expect(rolesOn(provinceStanding, ['hg-vt-x'])).toEqual([Role.STANDING_COMMITTEE, Role.KEY_CADRE]);
    expect(rolesOn(districtSecretary, ['hg-tu'])).toEqual([Role.KEY_CADRE]);
    expect(rolesOn(districtSecretary, ['hg-pp'])).toEqual([Role.KEY_CADRE]);
    expect(rolesOn(otherProvinceSecretary, ['hg-tu'])).toEqual([Role.KEY_CADRE]);
  });

  it('keeps inspectors and advisory staff within their committee tree', () => {
    const inspector = person('hg-vt', Role.INSPECTOR);
    expect(rolesOn(inspector, ['hg-vt-x'])).toEqual([Role.INSPECTOR]);
    expect(rolesOn(inspector, ['hg-tu'])).toEqual([]);
    const advisor = person('hg-tu', Role.ADVISORY_STAFF, Role.STAFF);
    expect(rolesOn(advisor, ['hg-skhdt'])).toEqual([Role.ADVISORY_STAFF, Role.STAFF]);
    expect(rolesOn(advisor, ['lc-tu'])).toEqual([Role.STAFF]);
  });

  it('keeps a head for the unit they head; a task counts by its issuing or its responsible unit', () => {
    const departmentHead = person('hg-skhdt', Role.HEAD);
    expect(rolesOn(departmentHead, ['hg-skhdt'])).toEqual([Role.HEAD]);
    expect(rolesOn(departmentHead, ['hg-tu'])).toEqual([]);
    expect(rolesOn(departmentHead, ['hg-tu', 'hg-skhdt'])).toEqual([Role.HEAD]);
    expect(rolesOn(districtSecretary, ['hg-tu', 'hg-vt-x'])).toEqual([
      Role.HEAD,
      Role.STANDING_COMMITTEE,
      Role.KEY_CADRE,
    ]);
  });

  it('keeps a head in a breakthrough cycle only when their unit is invited to register', () => {
    const departmentHead = person('hg-skhdt', Role.HEAD);
    expect(rolesOn(departmentHead, ['hg-tu'], ['hg-skhdt', 'hg-vt'])).toEqual([Role.HEAD]);
    expect(rolesOn(districtSecretary, ['hg-tu'], ['hg-skhdt'])).toEqual([Role.KEY_CADRE]);
    // The province's own secretary leads the cycle rather than registering in it.
    expect(rolesOn(person('hg-tu', Role.HEAD, Role.STANDING_COMMITTEE), ['hg-tu'], ['hg-skhdt'])).toEqual([
      Role.STANDING_COMMITTEE,
    ]);
  });

  it('never passes the administrator role to a workflow, and keeps no role for a person whose unit is unknown', () => {
    expect(rolesOn(person('hg-tu', Role.ADMIN), ['hg-tu'])).toEqual([]);
    expect(rolesOn(person('nowhere', Role.HEAD, Role.STANDING_COMMITTEE, Role.STAFF), ['hg-tu'])).toEqual([Role.STAFF]);
  });
});

describe("the domain's role checks, told the effective actor", () => {
  const approve = (who: ReturnType<typeof person>) =>
    validateAction(
      toApproval(),
      effectiveActor(who, { unitIds: ['hg-tu'] }, UNITS),
      { name: 'approve', payload: {} },
      at('2024-02-25T00:00:00Z'),
    )?.kind ?? 'ALLOWED';

  it("approve for the issuing committee's Standing Committee only", () => {
    expect(approve(person('hg-btv', Role.STANDING_COMMITTEE))).toBe('ALLOWED');
    expect(approve(person('hg-vt', Role.HEAD, Role.STANDING_COMMITTEE))).toBe('FORBIDDEN');
    expect(approve(person('lc-tu', Role.HEAD, Role.STANDING_COMMITTEE))).toBe('FORBIDDEN');
  });
});
