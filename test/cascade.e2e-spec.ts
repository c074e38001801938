import { randomUUID } from 'node:crypto';
import { OrgUnitKind, Role } from '../libs/domain/src';
import { hashPassword } from '../apps/api/src/auth/auth.service';
import { DEMO_PASSWORD } from '../apps/api/src/seed/demo-data';
import { eventually, startTestStack, TestStack } from './utils/test-stack';

/**
 * The cascade over HTTP on the real stack, in a province of its own (per-run suffix), so its numbers are
 * exact whatever other files write. Its committee P signs entry 12-NQ/TU forty days ago and obliges:
 *
 *   body   deadline                 what happens                     standing
 *   xa1    10 calendar days         issues 3 days after its due date ISSUED_LATE, 3 days late
 *   xa2    a date 30 days ahead     issues today                     ISSUED_ON_TIME
 *   xa3    5 working days           never issues (escalated)         OVERDUE
 *   xa4    20 calendar days         withdrawn                        WITHDRAWN
 *
 * xa1 and xa2 issue through the real programme workflow; the worker tells the obligation's workflow.
 */
describe('the cascade (e2e)', () => {
  let stack: TestStack;
  const run = randomUUID().slice(0, 6);
  const P = `cz${run}`;
  const Q = `cq${run}`;
  const unit = {
    tu: `${P}-tu`,
    btv: `${P}-btv`,
    xa1: `${P}-xa1`,
    xa2: `${P}-xa2`,
    xa3: `${P}-xa3`,
    xa4: `${P}-xa4`,
    other: `${Q}-tu`,
  };
  const person = {
    cv: `${P}-cv`,
    tv: `${P}-tv`,
    tv2: `${P}-tv2`,
    vt: `${P}-vt`,
    bt1: `${P}-bt1`,
    bt2: `${P}-bt2`,
    bt3: `${P}-bt3`,
    cv3: `${P}-cv3`,
    otherCv: `${Q}-cv`,
  };
  const user = (id: string) => id.replace(/-/g, '.');
  const day = (offset: number) => new Date(Date.now() + 7 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);
  const addDays = (date: string, n: number) =>
    new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);
  const signedOn = day(-40);
  let entryId = '';

  const as = async (who: string) => ({ Authorization: `Bearer ${await stack.login(user(who))}` });
  const get = async (who: string, path: string) =>
    stack
      .http()
      .get(path)
      .set(await as(who));
  const post = async (who: string, path: string, body: object) =>
    stack
      .http()
      .post(path)
      .set(await as(who))
      .send(body);
  const oblige = (who: string, obligations: object[]) =>
    post(who, `/resolutions/${entryId}/obligations`, { requestId: randomUUID(), obligations });
  const rowCount = async () =>
    (
      await stack.dataSource.query('SELECT count(*)::int AS n FROM cascade_obligation WHERE resolution_id = $1', [
        entryId,
      ])
    )[0].n as number;
  const view = async (who = person.cv) => {
    const res = await get(who, `/resolutions/${entryId}/obligations`);
    expect(res.status).toBe(200);
    return res.body as {
      counts: Record<string, number>;
      figures: Record<string, number | null>;
      obligations: Array<Record<string, unknown> & { unitId: string; dueOn: string; figures: Record<string, number> }>;
    };
  };
  const of = (v: Awaited<ReturnType<typeof view>>, unitId: string) =>
    v.obligations.find((o) => o.unitId === unitId) as Awaited<ReturnType<typeof view>>['obligations'][number];

  /** A work programme of a commune committee, from drafting to issuance, by its head, implementing the entry. */
  async function issueProgramme(head: string, unitId: string, issuedOn: string, tasks: number): Promise<string> {
    const id = `${unitId}-ctr-${randomUUID().slice(0, 6)}`;
    const created = await post(head, '/programmes', {
      id,
      templateId: 'work-programme',
      title: 'Chương trình thực hiện Nghị quyết 12-NQ/TU về chuyển đổi số',
      issuingUnitId: unitId,
      memberInChargeId: head,
      fieldGroup: 'economy',
      term: '2025-2030',
      resolutionId: entryId,
    });
    expect([created.status, created.body.message]).toEqual([201, undefined]);
    const act = async (action: string, payload: object) => {
      const res = await post(head, `/programmes/${id}/actions/${action}`, { requestId: randomUUID(), payload });
      if (res.status !== 200) throw new Error(`${action}: ${res.status} ${JSON.stringify(res.body)}`);
    };
    await act('submitDraft', { text: 'Dự thảo chương trình', changeNote: 'bản đầu' });
    await act('openConsultation', { inviteeIds: [head] });
    await act('submitOpinion', { text: 'Nhất trí với dự thảo' });
    await act('closeConsultation', {});
    await act('submitForApproval', {});
    await act('approve', {});
    await act('issue', {
      documentNumber: `${randomUUID().slice(0, 4)}-CTr/ĐU`,
      issuedOn,
      targets: [
        {
          code: 'CT1',
          name: 'Tỷ lệ hồ sơ trực tuyến',
          unit: '%',
          goal: { comparator: 'AT_LEAST', goal: '80' },
          responsibleUnitId: unitId,
        },
      ],
      tasks: Array.from({ length: tasks }, (_, i) => ({
        code: `NV${i + 1}`,
        title: `Nhiệm vụ ${i + 1}`,
        responsibleUnitId: unitId,
        responsiblePersonId: head,
        dueAt: new Date(Date.now() + 60 * 86_400_000).toISOString(),
      })),
      solutions: ['Đầu tư hạ tầng số'],
      resources: ['Ngân sách xã'],
    });
    return id;
  }

  beforeAll(async () => {
    stack = await startTestStack();
    await seedProvince(stack);
    const created = await post(person.cv, '/resolutions', {
      kind: 'RESOLUTION',
      number: '12-NQ/TU',
      issuingUnitId: unit.tu,
      signedOn,
      title: 'Về chuyển đổi số trong hệ thống chính trị',
      fieldGroup: 'economy',
      memberInChargeId: person.tv,
    });
    expect(created.status).toBe(201);
    entryId = created.body.id;
  }, 180_000);

  afterAll(async () => {
    await stack?.close();
  });

  let obligationIds: Record<string, string> = {};

  it('obliges four bodies with deadlines on the working calendar, and the overdue one is escalated at once', async () => {
    const res = await oblige(person.cv, [
      { unitId: unit.xa1, deadlineKind: 'CALENDAR_DAYS', deadlineDays: 10 },
      { unitId: unit.xa2, deadlineKind: 'DATE', deadlineDate: day(30) },
      { unitId: unit.xa3, deadlineKind: 'WORKING_DAYS', deadlineDays: 5 },
      { unitId: unit.xa4, deadlineKind: 'CALENDAR_DAYS', deadlineDays: 20 },
    ]);
    expect([res.status, res.body.obligations?.length]).toEqual([201, 4]);
    obligationIds = Object.fromEntries(
      res.body.obligations.map((o: { unitId: string; id: string }) => [o.unitId, o.id]),
    );
    const v = await view();
    // Calendar days move to the next working day at most by a long weekend or Tết; working days skip them.
    expect(daysBetween(signedOn, of(v, unit.xa1).dueOn)).toBeGreaterThanOrEqual(10);
    expect(daysBetween(signedOn, of(v, unit.xa3).dueOn)).toBeGreaterThanOrEqual(5);
    expect([0, 6]).not.toContain(new Date(`${of(v, unit.xa3).dueOn}T00:00:00Z`).getUTCDay());
    expect(of(v, unit.xa2)).toMatchObject({ standing: 'PENDING', daysLate: 0, deadlineDate: day(30) });
    expect(of(v, unit.xa3)).toMatchObject({
      standing: 'OVERDUE',
      daysLate: daysBetween(of(v, unit.xa3).dueOn, day(0)),
      deadlineKind: 'WORKING_DAYS',
      deadlineDays: 5,
    });
    // Obliged after both escalation dates: only the highest fires, to the member in charge and the Standing Committee.
    await eventually(async () => {
      const rows = await stack.dataSource.query(
        `SELECT recipient_id FROM notification WHERE kind = 'CASCADE_ESCALATION' AND recipient_id = ANY($1) AND body LIKE $2`,
        [[person.tv, person.tv2], '%Xã Ba%'],
      );
      return rows.length === 2;
    }, 'the escalation of xa3 to the member in charge and the Standing Committee');
    // xa1, xa3 and xa4 were overdue when obliged, xa2 is not.
    const escalated = async () =>
      (await view()).obligations.map((o) => [o.unitId, o.escalationsSent, o.remindersSent]).sort();
    await eventually(async () => (await escalated()).filter((e) => e[1] === 1).length === 3, 'escalations projected');
    expect(await escalated()).toEqual(
      [
        [unit.xa1, 1, 0],
        [unit.xa2, 0, 0],
        [unit.xa3, 1, 0],
        [unit.xa4, 1, 0],
      ].sort(),
    );
    const told = await stack.dataSource.query(
      `SELECT recipient_id FROM notification WHERE kind = 'CASCADE_OBLIGATION' AND recipient_id = ANY($1) ORDER BY recipient_id`,
      [[person.bt3, person.cv3]],
    );
    expect(told.map((r: { recipient_id: string }) => r.recipient_id)).toEqual([person.bt3, person.cv3].sort());
  }, 60_000);

  it('refuses bad input with a 400 naming the problem, and changes nothing', async () => {
    const before = await rowCount();
    const cases: Array<[object[], RegExp]> = [
      [[{ unitId: unit.other, deadlineKind: 'CALENDAR_DAYS', deadlineDays: 30 }], /is not a unit of your province/],
      [
        [{ unitId: 'khong-co', deadlineKind: 'CALENDAR_DAYS', deadlineDays: 30 }],
        /khong-co is not a unit of your province/,
      ],
      [[{ unitId: unit.tu, deadlineKind: 'CALENDAR_DAYS', deadlineDays: 30 }], /is not a body below/],
      [[{ unitId: unit.btv, deadlineKind: 'CALENDAR_DAYS', deadlineDays: 30 }], /is not a body below/],
      [
        [{ unitId: unit.xa1, deadlineKind: 'CALENDAR_DAYS', deadlineDays: 30 }],
        /duplicate: Đảng ủy Xã Một is obliged by 12-NQ\/TU already/,
      ],
      [
        [
          { unitId: unit.xa4, deadlineKind: 'CALENDAR_DAYS', deadlineDays: 30 },
          { unitId: unit.xa4, deadlineKind: 'WORKING_DAYS', deadlineDays: 3 },
        ],
        /named twice/,
      ],
      [[{ unitId: unit.xa4, deadlineKind: 'DATE', deadlineDate: day(-41) }], /before the entry was signed/],
      [[{ unitId: unit.xa4, deadlineKind: 'DATE', deadlineDays: 3 }], /needs deadlineDate/],
      [[{ unitId: unit.xa4, deadlineKind: 'SOON' }], /deadlineKind must be one of/],
    ];
    for (const [obligations, message] of cases) {
      const res = await oblige(person.cv, obligations);
      expect([res.status, JSON.stringify(res.body.message)]).toEqual([400, expect.stringMatching(message)]);
    }
    expect(await rowCount()).toBe(before);
  });

  it('refuses another province and staff; a retry of the same request has one effect', async () => {
    const body = {
      requestId: randomUUID(),
      obligations: [{ unitId: unit.xa1, deadlineKind: 'CALENDAR_DAYS', deadlineDays: 9 }],
    };
    expect((await post(person.otherCv, `/resolutions/${entryId}/obligations`, body)).status).toBe(404);
    expect((await get(person.otherCv, `/resolutions/${entryId}/obligations`)).status).toBe(404);
    expect((await post(person.vt, `/resolutions/${entryId}/obligations`, body)).status).toBe(403);
    // A commune sees only its own obligation.
    const own = await view(person.bt3);
    expect(own.obligations.map((o) => o.unitId)).toEqual([unit.xa3]);
    const withdraw = { requestId: randomUUID(), reason: 'Xã Bốn sáp nhập' };
    const path = `/resolutions/${entryId}/obligations/${obligationIds[unit.xa4]}/withdraw`;
    const first = await post(person.cv, path, withdraw);
    const again = await post(person.cv, path, withdraw);
    expect([first.status, first.body.standing, again.status, again.body.standing]).toEqual([
      200,
      'WITHDRAWN',
      200,
      'WITHDRAWN',
    ]);
    expect((await post(person.cv, `/resolutions/${entryId}/obligations/nope/withdraw`, withdraw)).status).toBe(404);
  });

  it('learns of each issuance and shows who issued, how late, who is late, with counts, roll-up, lineage and CSV', async () => {
    const dueXa1 = of(await view(), unit.xa1).dueOn;
    const p1 = await issueProgramme(person.bt1, unit.xa1, addDays(dueXa1, 3), 1);
    const p2 = await issueProgramme(person.bt2, unit.xa2, day(0), 2);
    const v = await eventually(
      async () => {
        const now = await view();
        return now.obligations.filter((o) => o.programmeId).length === 2 &&
          now.figures.tasks === 3 &&
          now.figures.targets === 2
          ? now
          : undefined;
      },
      'both issuances and their tasks',
      60_000,
    );
    expect(v.counts).toEqual({ ISSUED_ON_TIME: 1, ISSUED_LATE: 1, OVERDUE: 1, PENDING: 0, WITHDRAWN: 1, total: 3 });
    expect(of(v, unit.xa1)).toMatchObject({
      standing: 'ISSUED_LATE',
      daysLate: 3,
      programmeId: p1,
      issuedOn: addDays(dueXa1, 3),
    });
    expect(of(v, unit.xa2)).toMatchObject({
      standing: 'ISSUED_ON_TIME',
      daysLate: 0,
      programmeId: p2,
      issuedOn: day(0),
    });
    expect(of(v, unit.xa2).figures).toEqual({
      annualPlans: 0,
      tasks: 2,
      tasksDone: 0,
      tasksOverdue: 0,
      targets: 1,
      targetsAchieved: 0,
      progressPercent: 0,
    });
    expect(of(v, unit.xa3)).toMatchObject({ standing: 'OVERDUE', programmeId: null, figures: { tasks: 0 } });
    expect(of(v, unit.xa4)).toMatchObject({ standing: 'WITHDRAWN', daysLate: null, withdrawReason: 'Xã Bốn sáp nhập' });
    expect(v.figures).toMatchObject({ tasks: 3, tasksDone: 0, targets: 2, progressPercent: 0 });
    const rows = await stack.dataSource.query(
      'SELECT status FROM cascade_obligation WHERE resolution_id = $1 ORDER BY unit_id',
      [entryId],
    );
    expect(rows.map((r: { status: string }) => r.status)).toEqual(['FULFILLED', 'FULFILLED', 'OPEN', 'WITHDRAWN']);
    // Fulfilled obligations are not withdrawn.
    const late = await post(person.cv, `/resolutions/${entryId}/obligations/${obligationIds[unit.xa1]}/withdraw`, {
      requestId: randomUUID(),
      reason: 'thử',
    });
    expect(late.status).toBe(409);

    const lineage = await get(person.cv, `/resolutions/${entryId}/lineage`);
    expect(lineage.body.programmes.map((p: { id: string }) => p.id).sort()).toEqual([p1, p2].sort());
    const csv = await get(person.cv, `/resolutions/${entryId}/obligations?format=csv`);
    expect(csv.status).toBe(200);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toMatch(/^unitId,unitName,dueOn,standing/);
    expect(lines.slice(1).map((l) => l.split(',')[3])).toEqual([
      // By the body's name: Ba, Bốn, Hai, Một.
      'OVERDUE',
      'WITHDRAWN',
      'ISSUED_ON_TIME',
      'ISSUED_LATE',
    ]);
  }, 120_000);

  async function seedProvince(s: TestStack): Promise<void> {
    const hash = await hashPassword(DEMO_PASSWORD);
    const units: Array<[string, string, OrgUnitKind, string | null]> = [
      [unit.tu, 'Tỉnh ủy Phân cấp', OrgUnitKind.PROVINCIAL_COMMITTEE, null],
      [unit.btv, 'Ban Thường vụ Tỉnh ủy Phân cấp', OrgUnitKind.STANDING_COMMITTEE, unit.tu],
      [unit.xa1, 'Đảng ủy Xã Một', OrgUnitKind.DISTRICT_COMMITTEE, unit.tu],
      [unit.xa2, 'Đảng ủy Xã Hai', OrgUnitKind.DISTRICT_COMMITTEE, unit.tu],
      [unit.xa3, 'Đảng ủy Xã Ba', OrgUnitKind.DISTRICT_COMMITTEE, unit.tu],
      [unit.xa4, 'Đảng ủy Xã Bốn', OrgUnitKind.DISTRICT_COMMITTEE, unit.tu],
      [unit.other, 'Tỉnh ủy Láng giềng', OrgUnitKind.PROVINCIAL_COMMITTEE, null],
    ];
    const people: Array<[string, string, string, Role[]]> = [
      [person.cv, 'Nguyễn Văn Tham', unit.tu, [Role.ADVISORY_STAFF, Role.STAFF]],
      [person.tv, 'Lê Văn Tâm', unit.btv, [Role.STANDING_COMMITTEE, Role.KEY_CADRE]],
      [person.tv2, 'Phạm Thị Hoa', unit.btv, [Role.STANDING_COMMITTEE, Role.KEY_CADRE]],
      [person.vt, 'Trương Thị Văn', unit.tu, [Role.STAFF]],
      [person.bt1, 'Trần Văn Một', unit.xa1, [Role.HEAD, Role.STANDING_COMMITTEE]],
      [person.bt2, 'Trần Văn Hai', unit.xa2, [Role.HEAD, Role.STANDING_COMMITTEE]],
      [person.bt3, 'Trần Văn Ba', unit.xa3, [Role.HEAD, Role.STANDING_COMMITTEE]],
      [person.cv3, 'Lý Thị Ba', unit.xa3, [Role.ADVISORY_STAFF, Role.STAFF]],
      [person.otherCv, 'Hà Văn Láng', unit.other, [Role.ADVISORY_STAFF, Role.STAFF]],
    ];
    await s.dataSource.transaction(async (tx) => {
      for (const [id, name, kind, parentId] of units)
        await tx.query('INSERT INTO org_unit (id, name, kind, parent_id) VALUES ($1,$2,$3,$4)', [
          id,
          name,
          kind,
          parentId,
        ]);
      for (const [id, fullName, unitId, roles] of people)
        await tx.query(
          'INSERT INTO person (id, username, full_name, password_hash, unit_id, roles) VALUES ($1,$2,$3,$4,$5,$6)',
          [id, user(id), fullName, hash, unitId, roles],
        );
    });
  }
});
