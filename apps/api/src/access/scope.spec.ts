import { ForbiddenException, NotFoundException } from '@nestjs/common';
import { OrgUnitKind, Role } from '@app/domain';
import type { Principal } from '../auth/principal';
import { UnitRow, UnitScopes } from './scope';

const unit = (id: string, kind: OrgUnitKind, parentId: string | null, name = id): UnitRow => ({
  id,
  parentId,
  kind,
  name,
});

/** A province with its standing committee, a department under the people's committee delegation and two districts; another province. */
const UNITS = new UnitScopes([
  unit('hg-tu', OrgUnitKind.PROVINCIAL_COMMITTEE, null, 'Tỉnh ủy Hậu Giang'),
  unit('hg-btv', OrgUnitKind.STANDING_COMMITTEE, 'hg-tu', 'Ban Thường vụ'),
  unit('hg-bcsd', OrgUnitKind.PEOPLES_COMMITTEE_DELEGATION, 'hg-tu', 'Ban cán sự đảng UBND'),
  unit('hg-skhdt', OrgUnitKind.DEPARTMENT, 'hg-bcsd', 'Sở Kế hoạch và Đầu tư'),
  unit('hg-vt', OrgUnitKind.DISTRICT_COMMITTEE, 'hg-tu', 'Huyện ủy Vị Thủy'),
  unit('hg-vt-x', OrgUnitKind.GRASSROOTS_ORGANISATION, 'hg-vt', 'Đảng ủy xã Vị Thắng'),
  unit('hg-pp', OrgUnitKind.DISTRICT_COMMITTEE, 'hg-tu', 'Huyện ủy Phụng Hiệp'),
  unit('lc-tu', OrgUnitKind.PROVINCIAL_COMMITTEE, null, 'Tỉnh ủy Lào Cai'),
]);

const person = (unitId: string, ...roles: Role[]): Principal => ({
  personId: `p-${unitId}`,
  unitId,
  roles,
  username: `u-${unitId}`,
  fullName: unitId,
});

const ADMIN = person('hg-tu', Role.ADMIN);
const STANDING = person('hg-btv', Role.STANDING_COMMITTEE);
const DEPARTMENT_HEAD = person('hg-skhdt', Role.HEAD);
const DISTRICT_HEAD = person('hg-vt', Role.HEAD);
const STAFF = person('hg-skhdt', Role.STAFF);

describe('UnitScopes.scopeOf', () => {
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
