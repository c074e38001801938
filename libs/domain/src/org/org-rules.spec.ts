import { OrgUnitKind } from './org-unit';
import {
  assignmentOn,
  cycleThrough,
  isIsoDate,
  PositionFacts,
  positionProblems,
  seatConflict,
  unitPlacementProblems,
  unitProblems,
  UnitFacts,
} from './org-rules';
import { Role } from './roles';
import { COMMITTEE_KINDS, UNIT_KINDS } from './unit-kinds';

const unit = (
  id: string,
  kind: OrgUnitKind,
  parentId: string | null,
  from: string | null = null,
  to: string | null = null,
): UnitFacts => ({
  id,
  name: `Unit ${id}`,
  kind,
  parentId,
  validFrom: from,
  validTo: to,
});

const TREE: Record<string, string | null> = { p: null, c: 'p', d: 'c', e: 'd' };
const parentOf = (id: string) => TREE[id];

describe('unit kinds', () => {
  it('labels every kind in Vietnamese and names the committees of the two-level system', () => {
    for (const info of Object.values(UNIT_KINDS)) expect(info.labelVi).toMatch(/\S/);
    expect(COMMITTEE_KINDS).toEqual(
      expect.arrayContaining([
        OrgUnitKind.PROVINCIAL_COMMITTEE,
        OrgUnitKind.COMMUNE_COMMITTEE,
        OrgUnitKind.PARTY_AGENCIES_COMMITTEE,
      ]),
    );
    expect(COMMITTEE_KINDS).not.toContain(OrgUnitKind.STANDING_COMMITTEE);
  });
});

describe('unit rules', () => {
  it('accepts real dates only and an end not before the start', () => {
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(unitProblems({ kind: OrgUnitKind.DEPARTMENT, validFrom: '2025-08-01', validTo: '2025-07-01' })).toEqual([
      'validTo 2025-07-01 is before validFrom 2025-08-01',
    ]);
    expect(unitProblems({ kind: 'VILLAGE', validFrom: null, validTo: null })).toEqual(['unknown unit kind VILLAGE']);
  });

  it('refuses a district committee that starts after the district level was abolished', () => {
    expect(unitProblems({ kind: OrgUnitKind.DISTRICT_COMMITTEE, validFrom: '2025-07-01', validTo: null })[0]).toMatch(
      /abolished on 2025-07-01/,
    );
    expect(
      unitProblems({ kind: OrgUnitKind.DISTRICT_COMMITTEE, validFrom: '2010-01-01', validTo: '2025-06-30' }),
    ).toEqual([]);
  });

  it('names the cycle a parent change would make', () => {
    expect(cycleThrough('c', 'e', parentOf)).toEqual(['c', 'd', 'e']);
    expect(cycleThrough('c', 'c', parentOf)).toEqual(['c']);
    expect(cycleThrough('d', 'p', parentOf)).toBeNull();
    const problems = unitPlacementProblems(
      unit('c', OrgUnitKind.COMMUNE_COMMITTEE, 'e'),
      unit('e', OrgUnitKind.PROVINCIAL_COMMITTEE, 'd'),
      parentOf,
    );
    expect(problems).toContain('moving c under e makes a cycle: c → d → e → c');
  });

  it('checks the parent kind: a province is a root, a commune committee sits under a province', () => {
    const province = unit('p', OrgUnitKind.PROVINCIAL_COMMITTEE, null);
    expect(unitPlacementProblems(province, null, parentOf)).toEqual([]);
    expect(unitPlacementProblems(unit('x', OrgUnitKind.COMMUNE_COMMITTEE, null), null, parentOf)[0]).toMatch(
      /needs a parent/,
    );
    const dept = unit('s', OrgUnitKind.DEPARTMENT, 'x');
    expect(unitPlacementProblems(dept, unit('x', OrgUnitKind.COMMUNE_COMMITTEE, 'p'), parentOf)[0]).toMatch(
      /may not sit under Unit x \(COMMUNE_COMMITTEE\)/,
    );
  });

  it('requires the parent to be valid on every date of the unit', () => {
    const parent = unit('p', OrgUnitKind.PROVINCIAL_COMMITTEE, null, '2020-01-01', '2025-06-30');
    expect(
      unitPlacementProblems(unit('a', OrgUnitKind.ADVISORY_BOARD, 'p', '2021-01-01', '2025-06-30'), parent, parentOf),
    ).toEqual([]);
    expect(
      unitPlacementProblems(unit('a', OrgUnitKind.ADVISORY_BOARD, 'p', '2021-01-01', null), parent, parentOf)[0],
    ).toMatch(/the parent Unit p is valid 2020-01-01 – 2025-06-30/);
    expect(
      unitPlacementProblems(unit('a', OrgUnitKind.ADVISORY_BOARD, 'p', null, '2021-01-01'), parent, parentOf),
    ).toHaveLength(1);
  });
});

const position = (over: Partial<PositionFacts> = {}): PositionFacts => ({
  id: 'x1',
  personId: 'an',
  unitId: 'p',
  title: 'Bí thư',
  roles: [Role.HEAD],
  seat: 'HEAD',
  fields: [],
  startsOn: '2021-01-01',
  endsOn: null,
  ...over,
});

describe('position rules', () => {
  const provinceUnit = { name: 'Tỉnh ủy', validFrom: '2000-01-01', validTo: null };

  it('refuses account roles, unknown roles and seats, and dates outside the unit', () => {
    expect(positionProblems(position({ roles: [Role.ADMIN, 'BOSS'], seat: 'KING' }), provinceUnit)).toEqual([
      'ADMIN belongs to an account, not to a position',
      'unknown role BOSS',
      'unknown seat KING',
    ]);
    expect(positionProblems(position({ endsOn: '2020-12-31' }), provinceUnit)).toEqual([
      'endsOn 2020-12-31 is before startsOn 2021-01-01',
    ]);
    expect(positionProblems(position({ startsOn: '1999-12-31' }), provinceUnit)[0]).toMatch(
      /Tỉnh ủy is valid 2000-01-01/,
    );
    expect(positionProblems(position(), provinceUnit)).toEqual([]);
  });

  it('finds the holder of a seat on overlapping dates (inclusive ends), not an adjacent term', () => {
    const held = { ...position({ id: 'old', personId: 'binh', endsOn: '2025-06-30' }) };
    expect(seatConflict(position({ startsOn: '2025-06-30' }), [held])?.personId).toBe('binh');
    expect(seatConflict(position({ startsOn: '2025-07-01' }), [held])).toBeNull();
    expect(seatConflict(position({ seat: null }), [held])).toBeNull();
    expect(seatConflict(position({ unitId: 'q' }), [held])).toBeNull();
    expect(seatConflict(position({ id: 'old' }), [held])).toBeNull(); // itself
  });
});

describe('a person record from positions', () => {
  const past = position({
    id: 'a',
    unitId: 'd',
    title: 'Bí thư Huyện ủy',
    startsOn: '2020-01-01',
    endsOn: '2025-06-30',
    roles: [Role.HEAD],
  });
  const current = position({
    id: 'b',
    unitId: 'p',
    title: 'Phó Bí thư Thường trực',
    seat: 'STANDING_DEPUTY',
    roles: [Role.STANDING_COMMITTEE, Role.KEY_CADRE],
    fields: ['economy'],
    startsOn: '2025-07-01',
  });
  const elsewhere = position({
    id: 'c',
    unitId: 'q',
    title: 'Trưởng ban',
    roles: [Role.HEAD],
    startsOn: '2025-08-01',
    seat: null,
  });

  it('follows the current positions: the main one is held longest, roles only from its unit, account roles kept', () => {
    expect(assignmentOn([past, current, elsewhere], '2025-09-01', [Role.ADMIN, Role.HEAD])).toEqual({
      unitId: 'p',
      title: 'Phó Bí thư Thường trực',
      roles: [Role.STANDING_COMMITTEE, Role.KEY_CADRE, Role.ADMIN],
      fields: ['economy'],
    });
    expect(assignmentOn([past, current], '2025-06-30', [])?.unitId).toBe('d');
  });

  it('a position dated in the future takes effect on its day only', () => {
    expect(assignmentOn([past, current], '2025-06-30', [])?.roles).toEqual([Role.HEAD]);
    expect(assignmentOn([past, current], '2025-07-01', [])?.roles).toEqual([Role.STANDING_COMMITTEE, Role.KEY_CADRE]);
  });

  it('with no current position keeps the latest unit and only the account roles; nothing for someone never placed', () => {
    expect(assignmentOn([past], '2026-01-01', [Role.SYSTEM_ADMIN])).toEqual({
      unitId: 'd',
      title: 'Bí thư Huyện ủy',
      roles: [Role.SYSTEM_ADMIN],
      fields: [],
    });
    expect(assignmentOn([], '2026-01-01', [])).toBeNull();
  });
});
