import { ForbiddenException, NotFoundException } from '@nestjs/common';
import { OrgUnitKind, Role } from '@app/domain';
import { UnitScopes } from './scope';
import { person, UNITS } from './test-units';

const ADMIN = person('hg-tu', Role.SYSTEM_ADMIN);
const PROVINCIAL_ADMIN = person('hg-vt', Role.ADMIN);
const STANDING = person('hg-btv', Role.STANDING_COMMITTEE);
const DEPARTMENT_HEAD = person('hg-skhdt', Role.HEAD);
const DISTRICT_HEAD = person('hg-vt', Role.HEAD);
const STAFF = person('hg-skhdt', Role.STAFF);

describe('UnitScopes.scopeOf', () => {
  it('gives a provincial administrator their province, refusing a committee of another', () => {
    expect(UNITS.scopeOf(PROVINCIAL_ADMIN)).toMatchObject({ kind: 'UNITS', committee: { id: 'hg-tu' } });
    expect((UNITS.scopeOf(PROVINCIAL_ADMIN) as { unitIds: string[] }).unitIds).not.toContain('lc-tu');
    expect(() => UNITS.scopeOf(PROVINCIAL_ADMIN, 'lc-tu')).toThrow(ForbiddenException);
    expect(UNITS.readsProgrammesOf(PROVINCIAL_ADMIN, 'hg-pp')).toBe(true);
    expect(UNITS.readsProgrammesOf(PROVINCIAL_ADMIN, 'lc-tu')).toBe(false);
  });

  it('reaches, as an administrator, every unit (system) or the province of their own unit (provincial)', () => {
    expect(UNITS.adminReachOf(ADMIN)).toEqual({ kind: 'ALL' });
    const reach = UNITS.adminReachOf(PROVINCIAL_ADMIN);
    expect(reach).toEqual({ kind: 'PROVINCE', provinceId: 'hg-tu', provinceName: 'Tỉnh ủy Hậu Giang' });
    expect(UNITS.inAdminReach(reach!, 'hg-vt-x')).toBe(true);
    expect(UNITS.inAdminReach(reach!, 'lc-tu')).toBe(false);
    expect(UNITS.inAdminReach(reach!, 'nowhere')).toBe(false);
    expect(UNITS.adminReachOf(person('hg-tu', Role.HEAD))).toBeNull();
  });

  it('gives an administrator everything, or the subtree of the committee asked for', () => {
    expect(UNITS.scopeOf(ADMIN)).toEqual({ kind: 'ALL', unitIds: null, committee: null });
    expect(UNITS.scopeOf(ADMIN, 'hg-vt')).toEqual({
      kind: 'UNITS',
      unitIds: ['hg-vt', 'hg-vt-x'],
      committee: { id: 'hg-vt', name: 'Huyện ủy Vị Thủy' },
    });
    expect(() => UNITS.scopeOf(ADMIN, 'nowhere')).toThrow(NotFoundException);
  });

  it('gives the Standing Committee the subtree of the committee it works for', () => {
    expect(UNITS.scopeOf(STANDING)).toEqual({
      kind: 'UNITS',
      unitIds: ['hg-tu', 'hg-btv', 'hg-bcsd', 'hg-skhdt', 'hg-vt', 'hg-vt-x', 'hg-pp'],
      committee: { id: 'hg-tu', name: 'Tỉnh ủy Hậu Giang' },
    });
  });

  it('gives a head their own unit: a department head the department, a district secretary the district', () => {
    expect(UNITS.scopeOf(DEPARTMENT_HEAD)).toMatchObject({ kind: 'UNITS', unitIds: ['hg-skhdt'] });
    expect(UNITS.scopeOf(DISTRICT_HEAD)).toMatchObject({ kind: 'UNITS', unitIds: ['hg-vt', 'hg-vt-x'] });
  });

  it('narrows to a committee inside the scope and refuses one outside it', () => {
    expect(UNITS.scopeOf(DISTRICT_HEAD, 'hg-vt-x')).toMatchObject({ unitIds: ['hg-vt-x'] });
    expect(() => UNITS.scopeOf(DISTRICT_HEAD, 'hg-pp')).toThrow(
      new ForbiddenException('unit hg-pp is outside what you supervise (Huyện ủy Vị Thủy)'),
    );
    expect(() => UNITS.scopeOf(DISTRICT_HEAD, 'nowhere')).toThrow(NotFoundException);
  });

  it('leaves anyone else their own tasks, and refuses them a committee', () => {
    expect(UNITS.scopeOf(STAFF)).toEqual({ kind: 'SELF', personId: 'p-hg-skhdt', committee: null });
    expect(() => UNITS.scopeOf(STAFF, 'hg-tu')).toThrow(ForbiddenException);
    expect(UNITS.scopeOf(person('unknown-unit', Role.HEAD)).kind).toBe('SELF');
  });
});

describe('UnitScopes.programmeReaders', () => {
  it('lets staff read the programmes of the committees above them', () => {
    expect(UNITS.programmeReaders(STAFF)).toEqual({ kind: 'UNITS', unitIds: ['hg-skhdt', 'hg-bcsd', 'hg-tu'] });
  });

  it('adds what a supervisor supervises, and nothing of another district or province', () => {
    const readers = UNITS.programmeReaders(DISTRICT_HEAD);
    expect(readers).toEqual({ kind: 'UNITS', unitIds: ['hg-vt', 'hg-tu', 'hg-vt-x'] });
  });

  it('lets an administrator read every programme', () => {
    expect(UNITS.programmeReaders(ADMIN)).toEqual({ kind: 'ALL' });
  });
});

describe('UnitScopes.unitsInScope', () => {
  it('lists the scope root first, then the other units by Vietnamese name (Đ after D)', () => {
    expect(UNITS.unitsInScope(DISTRICT_HEAD).map((u) => u.id)).toEqual(['hg-vt', 'hg-vt-x']);
    expect(UNITS.unitsInScope(STANDING).map((u) => u.name)).toEqual([
      'Tỉnh ủy Hậu Giang',
      'Ban cán sự đảng UBND',
      'Ban Thường vụ',
      'Đảng ủy xã Vị Thắng',
      'Huyện ủy Phụng Hiệp',
      'Huyện ủy Vị Thủy',
      'Sở Kế hoạch và Đầu tư',
    ]);
    expect(UNITS.unitsInScope(ADMIN).map((u) => u.id)).toHaveLength(8);
  });

  it('lists nothing for someone who supervises nothing', () => {
    expect(UNITS.unitsInScope(STAFF)).toEqual([]);
  });
});

describe('UnitScopes: committees and authority', () => {
  it('finds the committee of a unit: itself, or the nearest committee above it', () => {
    expect(UNITS.committeeOf('hg-tu')).toBe('hg-tu');
    expect(UNITS.committeeOf('hg-btv')).toBe('hg-tu');
    expect(UNITS.committeeOf('hg-skhdt')).toBe('hg-tu');
    expect(UNITS.committeeOf('hg-vt-x')).toBe('hg-vt-x');
    expect(UNITS.committeeTreeOf('hg-vt')).toEqual(['hg-vt', 'hg-vt-x']);
  });

  it('places the committee roles at the committee and a head at their unit (or at the committee, heading a body that works for it)', () => {
    expect(UNITS.authorityRoots(STANDING)).toEqual({ committee: 'hg-tu', head: null });
    expect(UNITS.authorityRoots(DEPARTMENT_HEAD)).toEqual({ committee: null, head: 'hg-skhdt' });
    expect(UNITS.authorityRoots(person('hg-btv', Role.HEAD))).toEqual({ committee: null, head: 'hg-tu' });
    expect(UNITS.authorityRoots(person('hg-vt', Role.HEAD, Role.STANDING_COMMITTEE))).toEqual({
      committee: 'hg-vt',
      head: 'hg-vt',
    });
    expect(UNITS.authorityRoots(STAFF)).toEqual({ committee: null, head: null });
    expect(UNITS.authorityRoots(person('nowhere', Role.STANDING_COMMITTEE))).toEqual({ committee: null, head: null });
  });

  it('reads the programmes of a unit exactly when programmeReaders lists it', () => {
    expect(UNITS.readsProgrammesOf(STAFF, 'hg-tu')).toBe(true);
    expect(UNITS.readsProgrammesOf(STAFF, 'hg-vt')).toBe(false);
    expect(UNITS.readsProgrammesOf(DISTRICT_HEAD, 'hg-vt-x')).toBe(true);
    expect(UNITS.readsProgrammesOf(DISTRICT_HEAD, 'hg-pp')).toBe(false);
    expect(UNITS.readsProgrammesOf(STANDING, 'lc-tu')).toBe(false);
    expect(UNITS.readsProgrammesOf(ADMIN, 'lc-tu')).toBe(true);
  });
});

describe('UnitScopes after a restructuring', () => {
  // Hậu Giang merged into Cần Thơ: its departments moved under Cần Thơ; a district abolished into a commune.
  const merged = new UnitScopes([
    { id: 'ct-tu', parentId: null, kind: OrgUnitKind.PROVINCIAL_COMMITTEE, name: 'Thành ủy Cần Thơ' },
    { id: 'ct-skh', parentId: 'ct-tu', kind: OrgUnitKind.DEPARTMENT, name: 'Sở Kế hoạch Cần Thơ' },
    {
      id: 'hg-tu',
      parentId: null,
      kind: OrgUnitKind.PROVINCIAL_COMMITTEE,
      name: 'Tỉnh ủy Hậu Giang',
      successorId: 'ct-tu',
    },
    { id: 'hg-skhdt', parentId: 'ct-tu', kind: OrgUnitKind.DEPARTMENT, name: 'Sở KH&ĐT Hậu Giang' },
    {
      id: 'hg-vt',
      parentId: 'hg-tu',
      kind: OrgUnitKind.DISTRICT_COMMITTEE,
      name: 'Huyện ủy Vị Thủy',
      successorId: 'hg-vt-x',
    },
    { id: 'hg-vt-x', parentId: 'ct-tu', kind: OrgUnitKind.GRASSROOTS_ORGANISATION, name: 'Đảng ủy xã Vị Thủy' },
    { id: 'lc-tu', parentId: null, kind: OrgUnitKind.PROVINCIAL_COMMITTEE, name: 'Tỉnh ủy Lào Cai' },
  ]);

  it("puts a predecessor inside its successor: the successor's supervisors see its work, closed rows included", () => {
    const ctStanding = person('ct-tu', Role.STANDING_COMMITTEE);
    expect((merged.scopeOf(ctStanding) as { unitIds: string[] }).unitIds.sort()).toEqual(
      ['ct-tu', 'ct-skh', 'hg-tu', 'hg-skhdt', 'hg-vt', 'hg-vt-x'].sort(),
    );
    // The commune that took over an abolished district supervises the district's old work.
    expect(merged.scopeOf(person('hg-vt-x', Role.HEAD))).toMatchObject({ unitIds: ['hg-vt', 'hg-vt-x'] });
    expect(merged.provinceOf('hg-vt')).toBe('ct-tu');
    expect(merged.isWithin('hg-tu', 'lc-tu')).toBe(false);
  });

  it('lets a provincial admin restructure only inside their province, and never a province itself', () => {
    const admin = person('ct-tu', Role.ADMIN);
    const none = { predecessorIds: [], successorIds: [], newParentIds: [] };
    expect(
      merged.restructuringProblem(admin, { ...none, predecessorIds: ['hg-skhdt'], successorIds: ['ct-skh'] }),
    ).toBeNull();
    expect(merged.restructuringProblem(admin, { ...none, predecessorIds: ['ct-skh'], successorIds: ['lc-tu'] })).toBe(
      'successor Tỉnh ủy Lào Cai lies outside your province (Thành ủy Cần Thơ)',
    );
    expect(merged.restructuringProblem(admin, { ...none, predecessorIds: ['lc-tu'], successorIds: ['ct-tu'] })).toBe(
      'Tỉnh ủy Lào Cai is a province: restructuring provinces needs the SYSTEM_ADMIN role',
    );
    expect(merged.restructuringProblem(admin, { ...none, newParentIds: ['lc-tu'] })).toMatch(/outside your province/);
    expect(
      merged.restructuringProblem(person('x', Role.SYSTEM_ADMIN), { ...none, predecessorIds: ['lc-tu'] }),
    ).toBeNull();
    expect(merged.restructuringProblem(person('ct-tu', Role.HEAD), none)).toBe('only an admin restructures units');
  });
});

describe('UnitScopes.cycleInviteesOf', () => {
  it("invites a committee's own units and the committees right below it, not the units inside those", () => {
    expect(UNITS.cycleInviteesOf('hg-tu').sort()).toEqual(['hg-bcsd', 'hg-btv', 'hg-pp', 'hg-skhdt', 'hg-vt']);
    expect(UNITS.cycleInviteesOf('hg-vt')).toEqual(['hg-vt-x']);
    expect(UNITS.cycleInviteesOf('lc-tu')).toEqual([]);
  });
});
