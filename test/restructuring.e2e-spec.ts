import { randomUUID } from 'node:crypto';
import { Client } from '@temporalio/client';
import { assignmentOn, Role } from '@app/domain';
import { hashPassword } from '../apps/api/src/auth/auth.service';
import { DEMO_PASSWORD } from '../apps/api/src/seed/demo-data';
import { recordHistories } from './utils/record-history';
import { eventually, startTestStack, TestStack } from './utils/test-stack';

/**
 * A merger of two provinces over HTTP on the real stack. Province A ("rs-a") runs a programme with
 * two tasks (one due within a minute, so its reminders and escalations are pending when the merger
 * takes effect) and a breakthrough cycle; it is merged into province B ("rs-b") by a system admin.
 * Every bad request is refused first with a 400 naming the problem and changes nothing. Then: the
 * workflows' views and the read model name the successor, history still names the predecessor, B's
 * supervisors see A's work (closed included) and can list it "as before", A can issue nothing more,
 * and the pending escalation reaches B's head. The units are this file's own: the demo tree that
 * other test files use is left as it is.
 */
describe('restructuring (e2e)', () => {
  let stack: TestStack;
  const programmeId = `e2e-rs-${randomUUID().slice(0, 8)}`;
  const closedProgrammeId = `${programmeId}-closed`;
  const year = 2100 + Math.floor(Math.random() * 800);
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const vnToday = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
  type Who = 'aBt' | 'aCv' | 'aGd' | 'bBt' | 'bAdmin' | 'sys';
  let tokens: Record<Who, string>;

  const UNITS: Array<[string, string, string, string | null, string]> = [
    ['rs-a', 'Tỉnh ủy Rạch Sỏi', 'PROVINCIAL_COMMITTEE', null, 'ACTIVE'],
    ['rs-a-skh', 'Sở Kế hoạch Rạch Sỏi', 'DEPARTMENT', 'rs-a', 'ACTIVE'],
    ['rs-b', 'Thành ủy Sông Bến', 'PROVINCIAL_COMMITTEE', null, 'ACTIVE'],
    ['rs-b-dept', 'Sở Tài chính Sông Bến', 'DEPARTMENT', 'rs-b', 'ACTIVE'],
    ['rs-b-old', 'Ban Kinh tế Sông Bến (đã giải thể)', 'ADVISORY_BOARD', 'rs-b', 'ABOLISHED'],
    ['rs-c', 'Tỉnh ủy Cồn Cỏ', 'PROVINCIAL_COMMITTEE', null, 'ACTIVE'],
  ];
  const PEOPLE: Array<[string, string, Role[]]> = [
    ['rs-a-bt', 'rs-a', [Role.HEAD, Role.STANDING_COMMITTEE, Role.KEY_CADRE]],
    ['rs-a-cv', 'rs-a', [Role.ADVISORY_STAFF]],
    ['rs-a-pbt', 'rs-a', [Role.STANDING_COMMITTEE, Role.KEY_CADRE]],
    ['rs-a-gd', 'rs-a-skh', [Role.HEAD, Role.KEY_CADRE]],
    ['rs-b-bt', 'rs-b', [Role.HEAD, Role.STANDING_COMMITTEE, Role.KEY_CADRE]],
    ['rs-b-admin', 'rs-b', [Role.ADMIN]],
    ['rs-sys', 'rs-c', [Role.SYSTEM_ADMIN]],
  ];

  beforeAll(async () => {
    stack = await startTestStack();
    const ds = stack.dataSource;
    const hash = await hashPassword(DEMO_PASSWORD);
    for (const [id, name, kind, parentId, status] of UNITS)
      await ds.query(
        `INSERT INTO org_unit (id, name, kind, parent_id, code, valid_from, status) VALUES ($1,$2,$3,$4,$5,'2010-01-01',$6)`,
        [id, name, kind, parentId, id.toUpperCase(), status],
      );
    for (const [id, unitId, roles] of PEOPLE)
      await ds.query(
        `INSERT INTO person (id, username, full_name, title, password_hash, unit_id, roles, fields, email)
         VALUES ($1,$1,$1,'',$2,$3,$4,'{}',$5)`,
        [id, hash, unitId, roles, `${id}@example.invalid`],
      );
    // A's secretary holds the head's seat of A as a position (positions decide a person's unit and roles).
    await ds.query(
      `INSERT INTO position (id, person_id, unit_id, title, roles, seat, fields, starts_on)
       VALUES (gen_random_uuid(), 'rs-a-bt', 'rs-a', 'Bí thư Tỉnh ủy', $1, 'HEAD', '{}', '2020-01-01')`,
      [[Role.HEAD, Role.STANDING_COMMITTEE]],
    );
    // A programme A closed years ago: its workflow is gone, its row keeps naming A.
    await ds.query(
      `INSERT INTO programme (id, title, template_id, template_version, phase, issuing_unit_id, member_in_charge_id, field_group, term, workflow_id, created_by)
       VALUES ($1, 'Chương trình đã kết thúc', 'demo-fast', 1, 'CLOSED', 'rs-a', 'rs-a-pbt', 'economy', '2015-2020', $2, 'rs-a-cv')`,
      [closedProgrammeId, `programme/${closedProgrammeId}`],
    );
    const login = (u: string) => stack.login(u);
    tokens = {
      aBt: await login('rs-a-bt'),
      aCv: await login('rs-a-cv'),
      aGd: await login('rs-a-gd'),
      bBt: await login('rs-b-bt'),
      bAdmin: await login('rs-b-admin'),
      sys: await login('rs-sys'),
    };
  }, 120_000);

  afterAll(async () => {
    await stack?.close();
  });

  const act = async (who: Who, action: string, payload: object) => {
    const res = await stack
      .http()
      .post(`/programmes/${programmeId}/actions/${action}`)
      .set(auth(tokens[who]))
      .send({ requestId: randomUUID(), payload });
    if (res.status !== 200) throw new Error(`${action}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const restructure = (who: Who, body: object) =>
    stack.http().post('/organisation/restructurings').set(auth(tokens[who])).send(body);
  const merger = (overrides: object = {}) => ({
    requestId: randomUUID(),
    kind: 'MERGE',
    effectiveDate: vnToday(),
    reason: 'Nghị quyết 202/2025/QH15',
    units: [{ unitId: 'rs-a', successorId: 'rs-b' }],
    ...overrides,
  });
  const tree = async () =>
    stack.dataSource.query(
      `SELECT id, parent_id, status, successor_id, valid_to FROM org_unit WHERE id LIKE 'rs-%' OR id LIKE 'n%' ORDER BY id`,
    );
  // Changes naming this file's units (other files in the run make changes of their own).
  const changes = async () =>
    (
      await stack.dataSource.query(
        `SELECT count(DISTINCT change_id)::int AS n FROM org_change_unit WHERE unit_id LIKE 'rs-%' OR successor_id LIKE 'rs-%'`,
      )
    )[0].n;
  const taskRow = async (code: string) =>
    (await stack.dataSource.query(`SELECT * FROM task WHERE id = $1`, [`${programmeId}/${code}`]))[0];

  let mergedAt = 0;
  let changeId: string;
  const requestId = randomUUID();

  it('runs a programme with tasks and a breakthrough cycle in province A', async () => {
    await stack
      .http()
      .post('/programmes')
      .set(auth(tokens.aCv))
      .send({
        id: programmeId,
        templateId: 'demo-fast',
        title: 'Chương trình hành động phát triển kinh tế số',
        issuingUnitId: 'rs-a',
        memberInChargeId: 'rs-a-pbt',
        fieldGroup: 'economy',
        term: '2025-2030',
      })
      .expect(201);
    await act('aCv', 'assignSurveyors', { surveyorIds: ['rs-a-gd'] });
    await act('aGd', 'submitSurveyFindings', { text: 'Hạ tầng số còn thiếu ở vùng nông thôn.' });
    await act('aCv', 'closeSurvey', {});
    await act('aCv', 'submitDraft', { documentRef: 'DT-1/VPTU', changeNote: 'Dự thảo lần 1' });
    await act('aCv', 'openConsultation', { inviteeIds: ['rs-a-gd'] });
    await act('aGd', 'submitOpinion', { text: 'Nhất trí' });
    await act('aCv', 'closeConsultation', {});
    await act('aCv', 'submitForApproval', {});
    await act('aBt', 'approve', {});
    await act('aCv', 'issue', {
      documentNumber: '01-CTr/TU',
      issuedOn: vnToday(),
      targets: [],
      tasks: [
        {
          code: 'T1',
          title: 'Kế hoạch chuyển đổi số của cơ quan tỉnh ủy',
          responsibleUnitId: 'rs-a',
          responsiblePersonId: 'rs-a-cv',
          coordinatingUnitIds: ['rs-a-skh'],
          // Reminders 60 s, 20 s and 0 s before; escalations 5 s (to the unit's head) and 15 s after.
          dueAt: new Date(Date.now() + 75_000).toISOString(),
        },
        {
          code: 'T2',
          title: 'Đề án hạ tầng số',
          responsibleUnitId: 'rs-a-skh',
          responsiblePersonId: 'rs-a-gd',
          coordinatingUnitIds: [],
          dueAt: new Date(Date.now() + 10 * 86_400_000).toISOString(),
        },
      ],
      solutions: ['Phát triển hạ tầng số'],
      resources: ['Ngân sách tỉnh'],
    });
    for (const code of ['T1', 'T2']) await eventually(() => taskRow(code), `task ${code} in the read model`);
    await stack
      .http()
      .post('/breakthrough/cycles')
      .set(auth(tokens.aBt))
      .send({
        unitId: 'rs-a',
        year,
        title: `Việc đột phá năm ${year}`,
        registrationDeadline: new Date(Date.now() + 86_400_000).toISOString(),
        appraisalDeadline: new Date(Date.now() + 2 * 86_400_000).toISOString(),
      })
      .expect(201);
    await eventually(
      async () => (await stack.dataSource.query(`SELECT 1 FROM breakthrough_cycle WHERE id = $1`, [`rs-a/${year}`]))[0],
      'the cycle in the read model',
    );
  }, 120_000);

  it('refuses every bad restructuring with a 400 naming the problem, and changes nothing', async () => {
    const before = { tree: await tree(), changes: await changes() };
    const refusals: Array<[Who, object, number, RegExp]> = [
      ['aCv', merger(), 403, /admin/],
      ['bAdmin', merger(), 400, /Rạch Sỏi is a province: restructuring provinces needs the SYSTEM_ADMIN role/],
      [
        'bAdmin',
        merger({ units: [{ unitId: 'rs-b-dept', successorId: 'rs-a-skh' }] }),
        400,
        /successor Sở Kế hoạch Rạch Sỏi lies outside your province/,
      ],
      ['sys', merger({ units: [{ unitId: 'khong-co', successorId: 'rs-b' }] }), 400, /unknown unit khong-co/],
      [
        'sys',
        merger({ units: [{ unitId: 'rs-b-dept', successorId: 'rs-b-old' }] }),
        400,
        /successor Ban Kinh tế Sông Bến \(đã giải thể\) is abolished/,
      ],
      [
        'sys',
        merger({ effectiveDate: '2005-01-01', units: [{ unitId: 'rs-b-dept', successorId: 'rs-b' }] }),
        400,
        /not after unit Sở Tài chính Sông Bến came into being \(2010-01-01\)/,
      ],
      [
        'sys',
        merger({
          units: [{ unitId: 'rs-b-dept', successorId: 'n1' }],
          newUnits: [
            { id: 'n1', code: 'N1', name: 'Đơn vị mới 1', kind: 'DEPARTMENT', parentId: 'n2' },
            { id: 'n2', code: 'N2', name: 'Đơn vị mới 2', kind: 'DEPARTMENT', parentId: 'n1' },
          ],
        }),
        400,
        /cycle in the unit tree: Đơn vị mới \d → Đơn vị mới \d → Đơn vị mới \d/,
      ],
      ['sys', merger({ units: [{ unitId: 'rs-a', successorId: 'rs-a' }] }), 400, /restructured by the same change/],
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

  it('merges A into B: one change per request id, taking effect today and reaching every running workflow', async () => {
    const first = await restructure('sys', merger({ requestId }));
    expect(first.status).toBe(201);
    mergedAt = Date.now();
    changeId = first.body.id;
    const again = await restructure('sys', merger({ requestId }));
    expect(again.body.id).toBe(changeId);
    expect(await changes()).toBe(1);
    const done = await eventually(
      async () => {
        const res = await stack.http().get(`/organisation/restructurings/${changeId}`).set(auth(tokens.sys));
        return res.body.status === 'DONE' && res.body;
      },
      'the change to be done',
      60_000,
    );
    expect(done.units).toEqual([
      { unitId: 'rs-a', unitName: 'Tỉnh ủy Rạch Sỏi', successorId: 'rs-b', successorName: 'Thành ủy Sông Bến' },
    ]);
    // The programme, both tasks and the cycle.
    expect(done.progress).toEqual({ updated: 4, skipped: 0 });
    expect(done.appliedEffects.reparented).toEqual([{ unitId: 'rs-a-skh', from: 'rs-a', to: 'rs-b' }]);
    expect(done.appliedEffects.movedPeople).toEqual(
      expect.arrayContaining([{ personId: 'rs-a-bt', from: 'rs-a', to: 'rs-b', droppedHead: true }]),
    );
    // Their position moved with them: the one in A ends the day before, the same one opens in B
    // without the headship B already has, so recomputing the person from positions keeps them in B.
    const positions = await stack.dataSource.query(
      `SELECT unit_id, roles, seat, to_char(starts_on, 'YYYY-MM-DD') AS starts_on, to_char(ends_on, 'YYYY-MM-DD') AS ends_on
         FROM position WHERE person_id = 'rs-a-bt' ORDER BY starts_on`,
    );
    const dayBefore = new Date(Date.parse(`${vnToday()}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    expect(positions).toEqual([
      {
        unit_id: 'rs-a',
        roles: [Role.HEAD, Role.STANDING_COMMITTEE],
        seat: 'HEAD',
        starts_on: '2020-01-01',
        ends_on: dayBefore,
      },
      { unit_id: 'rs-b', roles: [Role.STANDING_COMMITTEE], seat: null, starts_on: vnToday(), ends_on: null },
    ]);
    const facts = positions.map((p: Record<string, string>, i: number) => ({
      id: String(i),
      personId: 'rs-a-bt',
      unitId: p.unit_id,
      title: '',
      roles: p.roles,
      seat: p.seat,
      fields: [],
      startsOn: p.starts_on,
      endsOn: p.ends_on,
    }));
    expect(assignmentOn(facts, vnToday(), [])).toMatchObject({ unitId: 'rs-b', roles: [Role.STANDING_COMMITTEE] });
    const [a] = await stack.dataSource.query(
      `SELECT status, successor_id, to_char(valid_to, 'YYYY-MM-DD') AS valid_to FROM org_unit WHERE id = 'rs-a'`,
    );
    expect(a).toEqual({
      status: 'MERGED',
      successor_id: 'rs-b',
      valid_to: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    expect(a.valid_to < vnToday()).toBe(true);
    // The province admin of B sees the change; nobody outside reads it.
    expect((await stack.http().get('/organisation/restructurings').set(auth(tokens.bAdmin))).body.items).toHaveLength(
      1,
    );
    expect((await stack.http().get(`/organisation/restructurings/${changeId}`).set(auth(tokens.aGd))).status).toBe(403);
  }, 90_000);

  it("shows the successor in the workflows' views and the read model; history still names A", async () => {
    const programme = await stack.http().get(`/programmes/${programmeId}`).set(auth(tokens.bBt));
    expect(programme.status).toBe(200);
    expect(programme.body.live.state.setup.issuingUnitId).toBe('rs-b');
    expect(
      programme.body.live.state.issuance.tasks.map((t: { responsibleUnitId: string }) => t.responsibleUnitId),
    ).toEqual(['rs-b', 'rs-a-skh']);
    const [row] = await stack.dataSource.query(
      `SELECT issuing_unit_id, original_issuing_unit_id FROM programme WHERE id = $1`,
      [programmeId],
    );
    expect(row).toEqual({ issuing_unit_id: 'rs-b', original_issuing_unit_id: 'rs-a' });
    const t1 = await taskRow('T1');
    expect(t1).toMatchObject({
      responsible_unit_id: 'rs-b',
      issuing_unit_id: 'rs-b',
      coordinating_unit_ids: ['rs-a-skh'],
      original_responsible_unit_id: 'rs-a',
      original_issuing_unit_id: 'rs-a',
      responsible_person_id: 'rs-a-cv',
    });
    expect(await taskRow('T2')).toMatchObject({ responsible_unit_id: 'rs-a-skh', issuing_unit_id: 'rs-b' });
    const cycle = await stack.http().get(`/breakthrough/cycles/rs-a/${year}`).set(auth(tokens.bBt));
    expect(cycle.status).toBe(200);
    const [cycleRow] = await stack.dataSource.query(
      `SELECT unit_id, original_unit_id FROM breakthrough_cycle WHERE id = $1`,
      [`rs-a/${year}`],
    );
    expect(cycleRow).toEqual({ unit_id: 'rs-b', original_unit_id: 'rs-a' });

    const audit = await stack.http().get(`/programmes/${programmeId}/audit?limit=100`).set(auth(tokens.bBt));
    const changed = audit.body.items.find((e: { action: string }) => e.action === 'org.changed');
    expect(changed.before).toMatchObject({ issuingUnitId: 'rs-a', taskUnitIds: ['rs-a', 'rs-a-skh'] });
    expect(changed.after).toMatchObject({ issuingUnitId: 'rs-b', taskUnitIds: ['rs-b', 'rs-a-skh'], changeId });
    const events: Array<{ action: string; before: Record<string, unknown>; after: Record<string, unknown> }> =
      await stack.dataSource.query(
        `SELECT action, before, after FROM task_event WHERE task_id = $1 ORDER BY occurred_at`,
        [`${programmeId}/T1`],
      );
    expect(events.find((e) => e.action === 'assigned')?.after).toMatchObject({ responsibleUnitId: 'rs-a' });
    expect(events.find((e) => e.action === 'org.changed')).toMatchObject({
      before: { responsibleUnitId: 'rs-a', issuingUnitId: 'rs-a' },
      after: { responsibleUnitId: 'rs-b', issuingUnitId: 'rs-b', changeId },
    });
    // A resent update has no second effect.
    const resent = await stack.dataSource.query(
      `SELECT count(*)::int AS n FROM task_event WHERE task_id = $1 AND action = 'org.changed'`,
      [`${programmeId}/T1`],
    );
    expect(resent[0].n).toBe(1);
  });

  it("lets B's supervisors see A's work, closed included, and list it as before the merger", async () => {
    const list = async (view: string) => {
      const res = await stack.http().get(`/supervision/programmes?view=${view}&pageSize=100`).set(auth(tokens.bBt));
      expect(res.status).toBe(200);
      return Object.fromEntries(
        res.body.items
          .filter((p: { id: string }) => p.id.startsWith(programmeId))
          .map((p: { id: string; issuingUnitId: string }) => [p.id, p.issuingUnitId]),
      );
    };
    expect(await list('current')).toEqual({ [programmeId]: 'rs-b', [closedProgrammeId]: 'rs-a' });
    expect(await list('asBefore')).toEqual({ [programmeId]: 'rs-a', [closedProgrammeId]: 'rs-a' });
    expect((await stack.http().get(`/programmes/${closedProgrammeId}`).set(auth(tokens.bBt))).status).toBe(200);
    expect((await stack.http().get('/supervision/programmes?view=sideways').set(auth(tokens.bBt))).status).toBe(400);
  });

  it('refuses new work for the merged unit with a 400 naming its successor, and a second restructuring of it', async () => {
    const programme = await stack.http().post('/programmes').set(auth(tokens.bAdmin)).send({
      templateId: 'demo-fast',
      title: 'Chương trình mới của đơn vị đã hợp nhất',
      issuingUnitId: 'rs-a',
      memberInChargeId: 'rs-b-bt',
      fieldGroup: 'economy',
      term: '2025-2030',
    });
    expect(programme.status).toBe(400);
    expect(programme.body.message).toMatch(/Tỉnh ủy Rạch Sỏi is merged: use its successor Thành ủy Sông Bến \(rs-b\)/);
    const cycle = await stack
      .http()
      .post('/breakthrough/cycles')
      .set(auth(tokens.bAdmin))
      .send({
        unitId: 'rs-a',
        year: year + 1,
        title: 'Việc đột phá',
        registrationDeadline: new Date(Date.now() + 86_400_000).toISOString(),
        appraisalDeadline: new Date(Date.now() + 2 * 86_400_000).toISOString(),
      });
    expect(cycle.status).toBe(400);
    expect(cycle.body.message).toMatch(/successor Thành ủy Sông Bến/);
    const again = await restructure('sys', merger());
    expect(again.status).toBe(400);
    expect(again.body.message).toMatch(
      /unit Tỉnh ủy Rạch Sỏi was already restructured \(MERGED, successor Thành ủy Sông Bến\)/,
    );
  });

  it('keeps a change for a later date scheduled, and its units busy for any other change', async () => {
    const later = await restructure(
      'sys',
      merger({ effectiveDate: '2099-01-01', units: [{ unitId: 'rs-c', successorId: 'rs-b' }] }),
    );
    expect(later.status).toBe(201);
    expect(later.body).toMatchObject({ status: 'SCHEDULED', appliedAt: null });
    const [c] = await stack.dataSource.query(`SELECT status, successor_id FROM org_unit WHERE id = 'rs-c'`);
    expect(c).toEqual({ status: 'ACTIVE', successor_id: null });
    const clash = await restructure('sys', merger({ units: [{ unitId: 'rs-c', successorId: 'rs-b' }] }));
    expect(clash.status).toBe(400);
    expect(clash.body.message).toBe(
      `unit rs-c is already being restructured by change ${later.body.id} (effective 2099-01-01)`,
    );
  });

  it("lets B's admin restructure inside B: A's former department merges, then splits with its task sent to B's head", async () => {
    const done = async (id: string) =>
      eventually(
        async () => {
          const res = await stack.http().get(`/organisation/restructurings/${id}`).set(auth(tokens.bAdmin));
          return res.body.status === 'DONE' && res.body;
        },
        `change ${id} to be done`,
        60_000,
      );
    // In 2025 the planning departments merged into the finance departments.
    const merge = await restructure('bAdmin', merger({ units: [{ unitId: 'rs-a-skh', successorId: 'rs-b-dept' }] }));
    expect(merge.status).toBe(201);
    await done(merge.body.id);
    expect(await taskRow('T2')).toMatchObject({ responsible_unit_id: 'rs-b-dept', responsible_person_id: 'rs-a-gd' });
    // A split: the department's people go to a new unit; its task T2 goes to B's committee, whose head carries it.
    const split = await restructure('bAdmin', {
      requestId: randomUUID(),
      kind: 'SPLIT',
      effectiveDate: vnToday(),
      reason: 'Tách bộ phận kế hoạch',
      units: [{ unitId: 'rs-b-dept', successorId: 'rs-b-kh' }],
      newUnits: [
        { id: 'rs-b-kh', code: 'RS-B-KH', name: 'Sở Kế hoạch Sông Bến', kind: 'DEPARTMENT', parentId: 'rs-b' },
      ],
      items: [{ kind: 'TASK', id: `${programmeId}/T2`, successorId: 'rs-b' }],
    });
    expect(split.status).toBe(201);
    const result = await done(split.body.id);
    expect(result.items).toEqual([
      { kind: 'TASK', id: `${programmeId}/T2`, successorId: 'rs-b', responsiblePersonId: null },
    ]);
    await eventually(async () => (await taskRow('T2')).responsible_person_id === 'rs-b-bt', 'T2 with the head of B');
    expect(await taskRow('T2')).toMatchObject({
      responsible_unit_id: 'rs-b',
      original_responsible_unit_id: 'rs-a-skh',
    });
    const [gd] = await stack.dataSource.query(`SELECT unit_id FROM person WHERE id = 'rs-a-gd'`);
    expect(gd.unit_id).toBe('rs-b-kh');
    await eventually(
      async () =>
        (await stack.http().get('/inbox?limit=100').set(auth(tokens.bBt))).body.items?.find(
          (n: { kind: string; taskId: string }) => n.kind === 'TASK_ASSIGNED' && n.taskId === `${programmeId}/T2`,
        ),
      "B's head told the task is now theirs",
    );
    // A provincial admin works inside their province only.
    const outside = await restructure('bAdmin', merger({ units: [{ unitId: 'rs-b-kh', successorId: 'rs-c' }] }));
    expect(outside.status).toBe(400);
    expect(outside.body.message).toBe('successor Tỉnh ủy Cồn Cỏ lies outside your province (Thành ủy Sông Bến)');
  }, 120_000);

  it("delivers the reminders and escalations pending at the merger to the successor's people", async () => {
    type Notice = { kind: string; taskId: string | null; createdAt: string };
    // People a merger moved sign in again: their sessions ended with the change of their account.
    for (const [who, username] of [
      ['aBt', 'rs-a-bt'],
      ['aCv', 'rs-a-cv'],
    ] as const) {
      const res = await stack.http().post('/auth/login').send({ username, password: DEMO_PASSWORD });
      expect(res.status).toBe(200);
      tokens[who] = res.body.accessToken;
    }
    const inbox = async (who: Who): Promise<Notice[]> => {
      const res = await stack.http().get('/inbox?limit=100').set(auth(tokens[who]));
      if (res.status !== 200) throw new Error(`inbox of ${who}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.items;
    };
    const escalation = await eventually(
      async () =>
        (await inbox('bBt')).find((n) => n.kind === 'TASK_OVERDUE_ESCALATION' && n.taskId === `${programmeId}/T1`),
      "the overdue escalation in the successor's head's inbox",
      120_000,
    );
    expect(Date.parse(escalation.createdAt)).toBeGreaterThan(mergedAt);
    // A's former secretary joined B without its headship: the escalation is not theirs.
    expect((await inbox('aBt')).some((n) => n.kind === 'TASK_OVERDUE_ESCALATION')).toBe(false);
    // The responsible person moved with the unit and is reminded there.
    await eventually(
      async () =>
        (await inbox('aCv')).find(
          (n) =>
            n.kind === 'TASK_DUE_REMINDER' && n.taskId === `${programmeId}/T1` && Date.parse(n.createdAt) > mergedAt,
        ),
      'a reminder after the merger for the person who moved with the unit',
      30_000,
    );
    const [cv] = await stack.dataSource.query(`SELECT unit_id FROM person WHERE id = 'rs-a-cv'`);
    expect(cv.unit_id).toBe('rs-b');
    // With RECORD_HISTORIES_TO set: the three workflow types with the applyOrgChange update, for the replay test.
    const client = stack.api.get(Client);
    await recordHistories(client, `programme/${programmeId}`, 'programme-org-change-merger.v2');
    await recordHistories(client, `task/${programmeId}/T1`, 'task-org-change-merger.v2');
    await recordHistories(client, `breakthrough/rs-a/${year}`, 'breakthrough-org-change-merger.v2');
  }, 150_000);
});
