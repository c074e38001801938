import { RESTRICTED_TASK_TITLE } from '../apps/api/src/access/secrecy';
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
  const { prefix, unit, person, tokens, auth, restructure, merger, changes } = provinces;
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

  it('lists the open work of a unit to the admins who may restructure it, by the rule its items are checked by', async () => {
    const ds = stack.dataSource;
    const id = (name: string) => `${prefix}-ow-${name}`;
    const programme = (name: string, phase: string, issuingUnitId: string) =>
      ds.query(
        `INSERT INTO programme (id, title, template_id, template_version, phase, issuing_unit_id, member_in_charge_id, field_group, term, workflow_id, created_by)
         VALUES ($1, $2, 'demo-fast', 1, $3, $4, $5, 'economy', '2025-2030', $6, $5)`,
        [id(name), `Chương trình ${name}`, phase, issuingUnitId, person.bBt, `programme/${id(name)}`],
      );
    const task = (
      programmeName: string,
      code: string,
      status: string,
      issuingUnitId: string,
      responsibleUnitId: string,
      due: string,
    ) =>
      ds.query(
        `INSERT INTO task (id, workflow_id, source, programme_id, code, title, responsible_unit_id, responsible_person_id, assigner_id,
           member_in_charge_id, field_group, issuing_unit_id, is_breakthrough, status, due_at, original_due_at, progress_percent)
         VALUES ($1, $2, 'PROGRAMME', $3, $4, $5, $6, $7, $7, $7, 'economy', $8, false, $9, $10, $10, 0)`,
        [
          `${id(programmeName)}/${code}`,
          `task/${id(programmeName)}/${code}`,
          id(programmeName),
          code,
          `Nhiệm vụ ${code}`,
          responsibleUnitId,
          person.bBt,
          issuingUnitId,
          status,
          due,
        ],
      );
    await programme('open', 'IMPLEMENTATION', unit.bDept);
    await programme('secret', 'DRAFTING', unit.bDept);
    await ds.query(`INSERT INTO restricted_programme (programme_id, restricted_by) VALUES ($1, 'test')`, [
      id('secret'),
    ]);
    await programme('closed', 'CLOSED', unit.bDept);
    await programme('parent', 'IMPLEMENTATION', unit.b);
    await task('parent', 'NV1', 'ASSIGNED', unit.b, unit.bDept, '2030-01-02T00:00:00Z');
    await task('parent', 'NV2', 'IN_PROGRESS', unit.bDept, unit.b, '2030-01-01T00:00:00Z');
    await task('parent', 'NV3', 'DONE', unit.b, unit.bDept, '2029-01-01T00:00:00Z');
    await task('parent', 'NV4', 'ASSIGNED', unit.b, unit.b, '2029-01-01T00:00:00Z');
    await task('secret', 'NV5', 'ASSIGNED', unit.bDept, unit.bDept, '2030-01-03T00:00:00Z');

    const openWork = (who: Who, unitId: string) =>
      stack.http().get(`/organisation/units/${unitId}/open-work`).set(auth(tokens[who]));
    const row = (
      programmeName: string,
      code: string,
      status: string,
      issuingUnitId: string,
      responsibleUnitId: string,
      dueAt: string,
      title = `Nhiệm vụ ${code}`,
    ) => ({
      id: `${id(programmeName)}/${code}`,
      code,
      title,
      programmeId: id(programmeName),
      responsibleUnitId,
      issuingUnitId,
      status,
      dueAt,
    });
    const expected = {
      unitId: unit.bDept,
      programmes: [
        { id: id('open'), title: 'Chương trình open', documentNumber: null, phase: 'IMPLEMENTATION' },
        { id: id('secret'), title: null, documentNumber: null, phase: 'DRAFTING' },
      ],
      programmesTotal: 2,
      tasks: [
        row('parent', 'NV2', 'IN_PROGRESS', unit.bDept, unit.b, '2030-01-01T00:00:00.000Z'),
        row('parent', 'NV1', 'ASSIGNED', unit.b, unit.bDept, '2030-01-02T00:00:00.000Z'),
        row('secret', 'NV5', 'ASSIGNED', unit.bDept, unit.bDept, '2030-01-03T00:00:00.000Z', RESTRICTED_TASK_TITLE),
      ],
      tasksTotal: 3,
    };
    for (const who of ['bAdmin', 'sys'] as const) {
      const res = await openWork(who, unit.bDept);
      expect({ who, status: res.status, body: res.body }).toEqual({ who, status: 200, body: expected });
    }
    const refusals: Array<[Who, string, number, RegExp]> = [
      ['bAdmin', unit.aSkh, 403, /outside the province you administer/],
      ['bAdmin', unit.b, 403, /restructuring provinces needs the SYSTEM_ADMIN role/],
      ['bBt', unit.bDept, 403, /ADMIN/],
      ['sys', 'khong-co', 404, /no unit khong-co/],
      ['sys', 'khong co', 400, /id may hold only/],
    ];
    for (const [who, unitId, status, message] of refusals) {
      const res = await openWork(who, encodeURIComponent(unitId));
      expect({ who, unitId, status: res.status, body: JSON.stringify(res.body) }).toEqual({
        who,
        unitId,
        status,
        body: expect.stringMatching(message),
      });
    }
    // A closed programme and a done task are not open work: a split cannot name them.
    const split = (items: object[]) =>
      merger({ kind: 'SPLIT', units: [{ unitId: unit.bDept, successorId: unit.b }], items });
    for (const item of [
      { kind: 'PROGRAMME', id: id('closed'), successorId: unit.aSkh },
      { kind: 'TASK', id: `${id('parent')}/NV3`, successorId: unit.aSkh },
    ]) {
      const res = await restructure('sys', split([item]));
      expect({ status: res.status, message: res.body.message }).toEqual({
        status: 400,
        message: `${item.kind.toLowerCase()} ${item.id} is not open work of the units restructured`,
      });
    }
  });
});
