import { restructuringProvinces, Who } from './utils/restructuring-fixtures';
import { TestStack } from './utils/test-stack';

/**
 * Restructurings refused or held back, over HTTP on the real stack: every bad request is refused with a
 * 400 naming the problem and changes nothing, and a change for a later date stays scheduled while its
 * units are busy for any other change. The provinces are this file's own (the merger itself, and what
 * it does to running work, is restructuring.e2e-spec.ts).
 */
describe('restructuring refusals (e2e)', () => {
  const provinces = restructuringProvinces();
  const { prefix, unit, restructure, merger, changes } = provinces;
  let stack: TestStack;

  beforeAll(async () => {
    stack = await provinces.start();
  }, 120_000);

  afterAll(async () => {
    await provinces.close();
  });

  const tree = async () =>
    stack.dataSource.query(
      `SELECT id, parent_id, status, successor_id, valid_to FROM org_unit WHERE id LIKE $1 OR id LIKE 'n%' ORDER BY id`,
      [`${prefix}-%`],
    );

  it('refuses every bad restructuring with a 400 naming the problem, and changes nothing', async () => {
    const before = { tree: await tree(), changes: await changes() };
    const refusals: Array<[Who, object, number, RegExp]> = [
      ['aCv', merger(), 403, /admin/],
      ['bAdmin', merger(), 400, /Rạch Sỏi is a province: restructuring provinces needs the SYSTEM_ADMIN role/],
      [
        'bAdmin',
        merger({ units: [{ unitId: unit.bDept, successorId: unit.aSkh }] }),
        400,
        /successor Sở Kế hoạch Rạch Sỏi lies outside your province/,
      ],
      ['sys', merger({ units: [{ unitId: 'khong-co', successorId: unit.b }] }), 400, /unknown unit khong-co/],
      [
        'sys',
        merger({ units: [{ unitId: unit.bDept, successorId: unit.bOld }] }),
        400,
        /successor Ban Kinh tế Sông Bến \(đã giải thể\) is abolished/,
      ],
      [
        'sys',
        merger({ effectiveDate: '2005-01-01', units: [{ unitId: unit.bDept, successorId: unit.b }] }),
        400,
        /not after unit Sở Tài chính Sông Bến came into being \(2010-01-01\)/,
      ],
      [
        'sys',
        merger({
          units: [{ unitId: unit.bDept, successorId: 'n1' }],
          newUnits: [
            { id: 'n1', code: 'N1', name: 'Đơn vị mới 1', kind: 'DEPARTMENT', parentId: 'n2' },
            { id: 'n2', code: 'N2', name: 'Đơn vị mới 2', kind: 'DEPARTMENT', parentId: 'n1' },
          ],
        }),
        400,
        /cycle in the unit tree: Đơn vị mới \d → Đơn vị mới \d → Đơn vị mới \d/,
      ],
      ['sys', merger({ units: [{ unitId: unit.a, successorId: unit.a }] }), 400, /restructured by the same change/],
      ['sys', merger({ kind: 'RENAME' }), 400, /renaming takes effect as a new unit row/],
      ['sys', merger({ effectiveDate: '2025-02-30' }), 400, /effectiveDate must be a date/],
      ['sys', merger({ units: [] }), 400, /units/],
    ];
    for (const [who, body, status, message] of refusals) {
      const res = await restructure(who, body);
      expect({ status: res.status, body: JSON.stringify(res.body) }).toEqual({
        status,
        body: expect.stringMatching(message),
      });
    }
    expect({ tree: await tree(), changes: await changes() }).toEqual(before);
  });

  it('keeps a change for a later date scheduled, and its units busy for any other change', async () => {
    const later = await restructure(
      'sys',
      merger({ effectiveDate: '2099-01-01', units: [{ unitId: unit.c, successorId: unit.b }] }),
    );
    expect(later.status).toBe(201);
    expect(later.body).toMatchObject({ status: 'SCHEDULED', appliedAt: null });
    const [c] = await stack.dataSource.query(`SELECT status, successor_id FROM org_unit WHERE id = $1`, [unit.c]);
    expect(c).toEqual({ status: 'ACTIVE', successor_id: null });
    const clash = await restructure('sys', merger({ units: [{ unitId: unit.c, successorId: unit.b }] }));
    expect(clash.status).toBe(400);
    expect(clash.body.message).toBe(
      `unit ${unit.c} is already being restructured by change ${later.body.id} (effective 2099-01-01)`,
    );
  });
});
