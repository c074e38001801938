import { randomUUID } from 'node:crypto';
import { Client } from '@temporalio/client';
import { assignmentOn, Role } from '@app/domain';
import { DEMO_PASSWORD } from '../apps/api/src/seed/demo-data';
import { recordHistories } from './utils/record-history';
import { restructuringProvinces, Who } from './utils/restructuring-fixtures';
import { eventually, TestStack } from './utils/test-stack';

/**
 * A merger of two provinces over HTTP on the real stack. Province A ("Rạch Sỏi") runs a programme with
 * two tasks (one due within a minute, so its reminders and escalations are pending when the merger
 * takes effect) and a breakthrough cycle; it is merged into province B ("Sông Bến") by a system admin.
 * Then: the workflows' views and the read model name the successor, history still names the
 * predecessor, B's supervisors see A's work (closed included) and can list it "as before", A can issue
 * nothing more, and the pending escalation reaches B's head. The units are this file's own: the demo
 * tree that other test files use is left as it is. Bad requests: restructuring-refusals.e2e-spec.ts.
 */
describe('restructuring (e2e)', () => {
  const provinces = restructuringProvinces();
  const { unit, person, tokens, auth, vnToday, restructure, merger, changes } = provinces;
  let stack: TestStack;
  const programmeId = `e2e-rs-${randomUUID().slice(0, 8)}`;
  const closedProgrammeId = `${programmeId}-closed`;
  const year = 2100 + Math.floor(Math.random() * 800);

  beforeAll(async () => {
    stack = await provinces.start();
    // A programme A closed years ago: its workflow is gone, its row keeps naming A.
    await stack.dataSource.query(
      `INSERT INTO programme (id, title, template_id, template_version, phase, issuing_unit_id, member_in_charge_id, field_group, term, workflow_id, created_by)
       VALUES ($1, 'Chương trình đã kết thúc', 'demo-fast', 1, 'CLOSED', $3, $4, 'economy', '2015-2020', $2, $5)`,
      [closedProgrammeId, `programme/${closedProgrammeId}`, unit.a, person.aPbt, person.aCv],
    );
  }, 120_000);

  afterAll(async () => {
    await provinces.close();
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
        issuingUnitId: unit.a,
        memberInChargeId: person.aPbt,
        fieldGroup: 'economy',
        term: '2025-2030',
      })
      .expect(201);
    await act('aCv', 'assignSurveyors', { surveyorIds: [person.aGd] });
    await act('aGd', 'submitSurveyFindings', { text: 'Hạ tầng số còn thiếu ở vùng nông thôn.' });
    await act('aCv', 'closeSurvey', {});
    await act('aCv', 'submitDraft', { documentRef: 'DT-1/VPTU', changeNote: 'Dự thảo lần 1' });
    await act('aCv', 'openConsultation', { inviteeIds: [person.aGd] });
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
          responsibleUnitId: unit.a,
          responsiblePersonId: person.aCv,
          coordinatingUnitIds: [unit.aSkh],
          // Reminders 60 s, 20 s and 0 s before; escalations 5 s (to the unit's head) and 15 s after.
          dueAt: new Date(Date.now() + 75_000).toISOString(),
        },
        {
          code: 'T2',
          title: 'Đề án hạ tầng số',
          responsibleUnitId: unit.aSkh,
          responsiblePersonId: person.aGd,
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
        unitId: unit.a,
        year,
        title: `Việc đột phá năm ${year}`,
        registrationDeadline: new Date(Date.now() + 86_400_000).toISOString(),
        appraisalDeadline: new Date(Date.now() + 2 * 86_400_000).toISOString(),
      })
      .expect(201);
    await eventually(
      async () =>
        (await stack.dataSource.query(`SELECT 1 FROM breakthrough_cycle WHERE id = $1`, [`${unit.a}/${year}`]))[0],
      'the cycle in the read model',
    );
  }, 120_000);

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
      { unitId: unit.a, unitName: 'Tỉnh ủy Rạch Sỏi', successorId: unit.b, successorName: 'Thành ủy Sông Bến' },
    ]);
    // The programme, both tasks and the cycle.
    expect(done.progress).toEqual({ updated: 4, skipped: 0 });
    expect(done.appliedEffects.reparented).toEqual([{ unitId: unit.aSkh, from: unit.a, to: unit.b }]);
    expect(done.appliedEffects.movedPeople).toEqual(
      expect.arrayContaining([{ personId: person.aBt, from: unit.a, to: unit.b, droppedHead: true }]),
    );
    // Their position moved with them: the one in A ends the day before, the same one opens in B
    // without the headship B already has, so recomputing the person from positions keeps them in B.
    const positions = await stack.dataSource.query(
      `SELECT unit_id, roles, seat, to_char(starts_on, 'YYYY-MM-DD') AS starts_on, to_char(ends_on, 'YYYY-MM-DD') AS ends_on
         FROM position WHERE person_id = $1 ORDER BY starts_on`,
      [person.aBt],
    );
    const dayBefore = new Date(Date.parse(`${vnToday()}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    expect(positions).toEqual([
      {
        unit_id: unit.a,
        roles: [Role.HEAD, Role.STANDING_COMMITTEE],
        seat: 'HEAD',
        starts_on: '2020-01-01',
        ends_on: dayBefore,
      },
      { unit_id: unit.b, roles: [Role.STANDING_COMMITTEE], seat: null, starts_on: vnToday(), ends_on: null },
    ]);
    const facts = positions.map((p: Record<string, string>, i: number) => ({
      id: String(i),
      personId: person.aBt,
      unitId: p.unit_id,
      title: '',
      roles: p.roles,
      seat: p.seat,
      fields: [],
      startsOn: p.starts_on,
      endsOn: p.ends_on,
    }));
    expect(assignmentOn(facts, vnToday(), [])).toMatchObject({ unitId: unit.b, roles: [Role.STANDING_COMMITTEE] });
    const [a] = await stack.dataSource.query(
      `SELECT status, successor_id, to_char(valid_to, 'YYYY-MM-DD') AS valid_to FROM org_unit WHERE id = $1`,
      [unit.a],
    );
    expect(a).toEqual({
      status: 'MERGED',
      successor_id: unit.b,
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
    expect(programme.body.live.state.setup.issuingUnitId).toBe(unit.b);
    expect(
      programme.body.live.state.issuance.tasks.map((t: { responsibleUnitId: string }) => t.responsibleUnitId),
    ).toEqual([unit.b, unit.aSkh]);
    const [row] = await stack.dataSource.query(
      `SELECT issuing_unit_id, original_issuing_unit_id FROM programme WHERE id = $1`,
      [programmeId],
    );
    expect(row).toEqual({ issuing_unit_id: unit.b, original_issuing_unit_id: unit.a });
    const t1 = await taskRow('T1');
    expect(t1).toMatchObject({
      responsible_unit_id: unit.b,
      issuing_unit_id: unit.b,
      coordinating_unit_ids: [unit.aSkh],
      original_responsible_unit_id: unit.a,
      original_issuing_unit_id: unit.a,
      responsible_person_id: person.aCv,
    });
    expect(await taskRow('T2')).toMatchObject({ responsible_unit_id: unit.aSkh, issuing_unit_id: unit.b });
    const cycle = await stack.http().get(`/breakthrough/cycles/${unit.a}/${year}`).set(auth(tokens.bBt));
    expect(cycle.status).toBe(200);
    const [cycleRow] = await stack.dataSource.query(
      `SELECT unit_id, original_unit_id FROM breakthrough_cycle WHERE id = $1`,
      [`${unit.a}/${year}`],
    );
    expect(cycleRow).toEqual({ unit_id: unit.b, original_unit_id: unit.a });

    const audit = await stack.http().get(`/programmes/${programmeId}/audit?limit=100`).set(auth(tokens.bBt));
    const changed = audit.body.items.find((e: { action: string }) => e.action === 'org.changed');
    expect(changed.before).toMatchObject({ issuingUnitId: unit.a, taskUnitIds: [unit.a, unit.aSkh] });
    expect(changed.after).toMatchObject({ issuingUnitId: unit.b, taskUnitIds: [unit.b, unit.aSkh], changeId });
    const events: Array<{ action: string; before: Record<string, unknown>; after: Record<string, unknown> }> =
      await stack.dataSource.query(
        `SELECT action, before, after FROM task_event WHERE task_id = $1 ORDER BY occurred_at`,
        [`${programmeId}/T1`],
      );
    expect(events.find((e) => e.action === 'assigned')?.after).toMatchObject({ responsibleUnitId: unit.a });
    expect(events.find((e) => e.action === 'org.changed')).toMatchObject({
      before: { responsibleUnitId: unit.a, issuingUnitId: unit.a },
      after: { responsibleUnitId: unit.b, issuingUnitId: unit.b, changeId },
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
    expect(await list('current')).toEqual({ [programmeId]: unit.b, [closedProgrammeId]: unit.a });
    expect(await list('asBefore')).toEqual({ [programmeId]: unit.a, [closedProgrammeId]: unit.a });
    expect((await stack.http().get(`/programmes/${closedProgrammeId}`).set(auth(tokens.bBt))).status).toBe(200);
    expect((await stack.http().get('/supervision/programmes?view=sideways').set(auth(tokens.bBt))).status).toBe(400);
  });

  it('refuses new work for the merged unit with a 400 naming its successor, and a second restructuring of it', async () => {
    const programme = await stack.http().post('/programmes').set(auth(tokens.bAdmin)).send({
      templateId: 'demo-fast',
      title: 'Chương trình mới của đơn vị đã hợp nhất',
      issuingUnitId: unit.a,
      memberInChargeId: person.bBt,
      fieldGroup: 'economy',
      term: '2025-2030',
    });
    expect(programme.status).toBe(400);
    expect(programme.body.message).toMatch(
      new RegExp(`Tỉnh ủy Rạch Sỏi is merged: use its successor Thành ủy Sông Bến \\(${unit.b}\\)`),
    );
    const cycle = await stack
      .http()
      .post('/breakthrough/cycles')
      .set(auth(tokens.bAdmin))
      .send({
        unitId: unit.a,
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
    const merge = await restructure('bAdmin', merger({ units: [{ unitId: unit.aSkh, successorId: unit.bDept }] }));
    expect(merge.status).toBe(201);
    await done(merge.body.id);
    expect(await taskRow('T2')).toMatchObject({ responsible_unit_id: unit.bDept, responsible_person_id: person.aGd });
    // A split: the department's people go to a new unit; its task T2 goes to B's committee, whose head carries it.
    const split = await restructure('bAdmin', {
      requestId: randomUUID(),
      kind: 'SPLIT',
      effectiveDate: vnToday(),
      reason: 'Tách bộ phận kế hoạch',
      units: [{ unitId: unit.bDept, successorId: unit.bKh }],
      newUnits: [
        {
          id: unit.bKh,
          code: unit.bKh.toUpperCase(),
          name: 'Sở Kế hoạch Sông Bến',
          kind: 'DEPARTMENT',
          parentId: unit.b,
        },
      ],
      items: [{ kind: 'TASK', id: `${programmeId}/T2`, successorId: unit.b }],
    });
    expect(split.status).toBe(201);
    const result = await done(split.body.id);
    expect(result.items).toEqual([
      { kind: 'TASK', id: `${programmeId}/T2`, successorId: unit.b, responsiblePersonId: null },
    ]);
    await eventually(async () => (await taskRow('T2')).responsible_person_id === person.bBt, 'T2 with the head of B');
    expect(await taskRow('T2')).toMatchObject({
      responsible_unit_id: unit.b,
      original_responsible_unit_id: unit.aSkh,
    });
    const [gd] = await stack.dataSource.query(`SELECT unit_id FROM person WHERE id = $1`, [person.aGd]);
    expect(gd.unit_id).toBe(unit.bKh);
    await eventually(
      async () =>
        (await stack.http().get('/inbox?limit=100').set(auth(tokens.bBt))).body.items?.find(
          (n: { kind: string; taskId: string }) => n.kind === 'TASK_ASSIGNED' && n.taskId === `${programmeId}/T2`,
        ),
      "B's head told the task is now theirs",
    );
    // A provincial admin works inside their province only.
    const outside = await restructure('bAdmin', merger({ units: [{ unitId: unit.bKh, successorId: unit.c }] }));
    expect(outside.status).toBe(400);
    expect(outside.body.message).toBe('successor Tỉnh ủy Cồn Cỏ lies outside your province (Thành ủy Sông Bến)');
  }, 120_000);

  it("delivers the reminders and escalations pending at the merger to the successor's people", async () => {
    type Notice = { kind: string; taskId: string | null; createdAt: string };
    // People a merger moved sign in again: their sessions ended with the change of their account.
    for (const [who, username] of [
      ['aBt', person.aBt],
      ['aCv', person.aCv],
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
    const [cv] = await stack.dataSource.query(`SELECT unit_id FROM person WHERE id = $1`, [person.aCv]);
    expect(cv.unit_id).toBe(unit.b);
    // With RECORD_HISTORIES_TO set: the three workflow types with the applyOrgChange update, for the replay test.
    const client = stack.api.get(Client);
    await recordHistories(client, `programme/${programmeId}`, 'programme-org-change-merger.v2');
    await recordHistories(client, `task/${programmeId}/T1`, 'task-org-change-merger.v2');
    await recordHistories(client, `breakthrough/${unit.a}/${year}`, 'breakthrough-org-change-merger.v2');
  }, 150_000);
});
