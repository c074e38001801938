import { orgChangeProblem, OrgChangeRequest, planOrgChange, UnitFact } from './org-change';

const unit = (id: string, kind: string, parentId: string | null, extra: Partial<UnitFact> = {}): UnitFact => ({
  id,
  name: id,
  kind,
  parentId,
  status: 'ACTIVE',
  successorId: null,
  code: id.toUpperCase(),
  validFrom: '2010-01-01',
  ...extra,
});

const UNITS = new Map(
  [
    unit('hg', 'PROVINCIAL_COMMITTEE', null),
    unit('hg-skh', 'DEPARTMENT', 'hg'),
    unit('hg-d1', 'DISTRICT_COMMITTEE', 'hg'),
    unit('hg-d1-x', 'GRASSROOTS_ORGANISATION', 'hg-d1'),
    unit('hg-d2', 'DISTRICT_COMMITTEE', 'hg'),
    unit('ct', 'PROVINCIAL_COMMITTEE', null),
    unit('ct-old', 'DEPARTMENT', 'ct', { status: 'MERGED', successorId: 'ct' }),
    unit('yb', 'PROVINCIAL_COMMITTEE', null, { validFrom: '2025-01-01' }),
  ].map((u) => [u.id, u]),
);

const req = (overrides: Partial<OrgChangeRequest> = {}): OrgChangeRequest => ({
  kind: 'MERGE',
  effectiveDate: '2025-07-01',
  units: [{ unitId: 'hg', successorId: 'ct' }],
  newUnits: [],
  items: [],
  ...overrides,
});

describe('orgChangeProblem', () => {
  it('accepts a merger of a province into another, a renaming into a new row, an abolished level', () => {
    expect(orgChangeProblem(req(), UNITS)).toBeNull();
    const renamed = { id: 'hg-skh2', code: 'HG-SKH2', name: 'Sở Tài chính', kind: 'DEPARTMENT', parentId: 'hg' };
    expect(
      orgChangeProblem(
        req({ kind: 'RENAME', units: [{ unitId: 'hg-skh', successorId: 'hg-skh2' }], newUnits: [renamed] }),
        UNITS,
      ),
    ).toBeNull();
    const level = [
      { unitId: 'hg-d1', successorId: 'hg-d1-x' },
      { unitId: 'hg-d2', successorId: 'hg' },
    ];
    expect(orgChangeProblem(req({ kind: 'ABOLISH_LEVEL', units: level }), UNITS)).toBeNull();
  });

  it.each([
    [req({ units: [{ unitId: 'nope', successorId: 'ct' }] }), 'unknown unit nope'],
    [req({ units: [{ unitId: 'hg', successorId: 'nope' }] }), 'unknown successor nope for hg'],
    [req({ units: [{ unitId: 'hg', successorId: 'ct-old' }] }), 'successor ct-old is merged: use its successor ct'],
    [
      req({ units: [{ unitId: 'ct-old', successorId: 'hg' }] }),
      'unit ct-old was already restructured (MERGED, successor ct)',
    ],
    [
      req({ effectiveDate: '2009-12-31' }),
      'effectiveDate 2009-12-31 is not after unit hg came into being (2010-01-01)',
    ],
    [
      req({ effectiveDate: '2024-12-01', units: [{ unitId: 'hg', successorId: 'yb' }] }),
      'successor yb does not exist yet on 2024-12-01 (valid from 2025-01-01)',
    ],
    [req({ effectiveDate: '2025-02-30' }), 'effectiveDate must be a date (YYYY-MM-DD), not "2025-02-30"'],
    [req({ effectiveDate: '0000-01-01' }), 'effectiveDate must be a date (YYYY-MM-DD), not "0000-01-01"'],
    [
      req({
        units: [
          { unitId: 'hg', successorId: 'ct' },
          { unitId: 'hg-skh', successorId: 'hg-d1' },
        ],
      }),
      'a merger has one successor for all its units',
    ],
    [
      req({
        units: [
          { unitId: 'hg', successorId: 'ct' },
          { unitId: 'ct', successorId: 'hg' },
        ],
      }),
      'hg cannot be succeeded by ct, which is restructured by the same change',
    ],
    [
      req({ kind: 'RENAME' }),
      'a renaming takes effect as a new unit row: describe it in newUnits and name it as the successor',
    ],
    [
      req({ kind: 'SPLIT', units: [{ unitId: 'hg-skh', successorId: 'hg' }] }),
      'a split needs items that send work to a second unit, or a new unit',
    ],
    [
      req({
        kind: 'ABOLISH_LEVEL',
        units: [
          { unitId: 'hg-d1', successorId: 'hg' },
          { unitId: 'hg-skh', successorId: 'hg' },
        ],
      }),
      'an abolished level names units of one kind (e.g. every district committee)',
    ],
    [
      req({ newUnits: [{ id: 'ct', code: 'X', name: 'x', kind: 'DEPARTMENT', parentId: null }] }),
      'new unit ct already exists',
    ],
    [
      req({ newUnits: [{ id: 'n', code: 'CT', name: 'x', kind: 'DEPARTMENT', parentId: null }] }),
      'code CT of new unit n is already used by ct',
    ],
    [
      req({
        units: [{ unitId: 'hg-skh', successorId: 'n1' }],
        newUnits: [
          { id: 'n1', code: 'N1', name: 'N1', kind: 'DEPARTMENT', parentId: 'n2' },
          { id: 'n2', code: 'N2', name: 'N2', kind: 'DEPARTMENT', parentId: 'n1' },
        ],
      }),
      'the change would make a cycle in the unit tree: N1 → N2 → N1',
    ],
  ])('refuses %#: %s', (request, problem) => {
    expect(orgChangeProblem(request, UNITS)).toBe(problem);
  });
});

describe('planOrgChange', () => {
  it('ends the predecessors the day before and moves the units under them to the successor', () => {
    expect(planOrgChange(req(), UNITS)).toEqual({
      unitMap: { hg: 'ct' },
      predecessorStatus: 'MERGED',
      validTo: '2025-06-30',
      reparent: [
        { unitId: 'hg-skh', parentId: 'ct' },
        { unitId: 'hg-d1', parentId: 'ct' },
        { unitId: 'hg-d2', parentId: 'ct' },
      ],
    });
  });

  it("hands an abolished level's units to the level above, even when one of them is the successor", () => {
    const plan = planOrgChange(
      req({ kind: 'ABOLISH_LEVEL', units: [{ unitId: 'hg-d1', successorId: 'hg-d1-x' }] }),
      UNITS,
    );
    expect(plan).toMatchObject({ predecessorStatus: 'ABOLISHED', reparent: [{ unitId: 'hg-d1-x', parentId: 'hg' }] });
  });

  it("lets a successor that sat under its predecessor take the predecessor's place", () => {
    const plan = planOrgChange(req({ units: [{ unitId: 'hg-d1', successorId: 'hg-d1-x' }] }), UNITS);
    expect(plan.reparent).toEqual([{ unitId: 'hg-d1-x', parentId: 'hg' }]);
    expect(orgChangeProblem(req({ units: [{ unitId: 'hg-d1', successorId: 'hg-d1-x' }] }), UNITS)).toBeNull();
  });
});
