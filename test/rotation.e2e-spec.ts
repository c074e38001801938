import { randomUUID } from 'node:crypto';
import { Client } from '@temporalio/client';
import { Actor, DUTY_KINDS, findTemplate, ProgrammeTask, Role } from '@app/domain';
import { breakthroughWorkflowId, programmeWorkflowId, TEMPORAL_OPTIONS, TemporalOptions } from '@app/temporal';
import { taskWorkflowId } from '@app/temporal/workflow-ids';
import {
  BREAKTHROUGH_WORKFLOW_TYPE,
  breakthroughUpdates,
  breakthroughViewQuery,
} from '@app/workflows/breakthrough/definitions';
import { PROGRAMME_WORKFLOW_TYPE, programmeUpdates, programmeViewQuery } from '@app/workflows/programme/definitions';
import { TASK_WORKFLOW_TYPE, taskViewQuery } from '@app/workflows/task/definitions';
import { hashPassword } from '../apps/api/src/auth/auth.service';
import { DEMO_PASSWORD } from '../apps/api/src/seed/demo-data';
import { recordHistories } from './utils/record-history';
import { eventually, startTestStack, TestStack } from './utils/test-stack';

/**
 * Rotation end to end on the real stack: one person holds one open duty of every kind (programmes in
 * survey, consultation, dissemination and implementation, their tasks, a breakthrough cycle, and a task
 * whose reminder is still to come). The workflows are brought there through their own updates; the
 * listing and the transfer go over HTTP, as a provincial administrator.
 */
describe('rotation of duties (e2e)', () => {
  let stack: TestStack;
  let client: Client;
  let taskQueue: string;
  const u = randomUUID().slice(0, 6);
  const X = `rot-x-${u}`; // leaves
  const S = `rot-s-${u}`; // succeeds
  const INACTIVE = `rot-i-${u}`;
  const P = (n: number) => `rot-${u}-p${n}`;
  const year = 2300 + Math.floor(Math.random() * 600);
  const cycleId = `hg-tu/${year}`;
  const reminderTaskId = `rot-${u}/R1`;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  let hgAdmin: string;
  let lcAdmin: string;

  const actor = (personId: string, roles: Role[] = [], unitId = 'hg-tu'): Actor => ({ personId, unitId, roles });
  const act = (id: string, who: Actor, name: keyof typeof programmeUpdates, payload: object) =>
    client.workflow.getHandle(programmeWorkflowId(id)).executeUpdate(programmeUpdates[name] as never, {
      args: [{ actor: who, requestId: randomUUID(), payload }] as never,
    });
  const start = (id: string, memberInChargeId: string, issuingHeadId: string) =>
    client.workflow.start(PROGRAMME_WORKFLOW_TYPE, {
      workflowId: programmeWorkflowId(id),
      taskQueue,
      args: [
        {
          setup: {
            programmeId: id,
            title: `Chương trình luân chuyển ${id}`,
            templateId: 'action-programme',
            templateVersion: 1,
            issuingUnitId: 'hg-tu',
            issuingHeadId,
            memberInChargeId,
            fieldGroup: 'economy',
            term: '2025-2030',
            implementsResolution: null,
            createdBy: 'hg-cv1',
          },
          template: findTemplate('action-programme', 1),
        },
      ],
    });
  /** Survey, a draft, one consultation round answered, approval: the programme waits for its issuance. */
  const toIssued = async (id: string, drafter: Actor) => {
    await act(id, drafter, 'assignSurveyors', { surveyorIds: ['hg-cv1'] });
    await act(id, actor('hg-cv1'), 'submitSurveyFindings', { text: 'Khảo sát tại 5 xã' });
    await act(id, drafter, 'closeSurvey', {});
    await act(id, drafter, 'submitDraft', { text: 'Dự thảo', changeNote: 'Lần 1' });
    await act(id, drafter, 'openConsultation', { inviteeIds: ['hg-tv1'] });
    await act(id, actor('hg-tv1'), 'submitOpinion', { text: 'Nhất trí' });
    await act(id, drafter, 'closeConsultation', {});
    await act(id, drafter, 'submitForApproval', {});
    await act(id, actor('hg-bithu', [Role.STANDING_COMMITTEE]), 'approve', {});
  };
  const issuePayload = (tasks: ProgrammeTask[], steeringCommittee: object) => ({
    documentNumber: `${u}-CTr/TU`,
    issuedOn: new Date().toISOString().slice(0, 10),
    targets: [],
    tasks,
    solutions: ['Cải cách hành chính'],
    resources: ['Ngân sách tỉnh'],
    steeringCommittee,
  });
  const inAYear = new Date(Date.now() + 365 * 86_400_000).toISOString();

  const listing = async (personId: string, token = hgAdmin) =>
    stack.http().get(`/organisation/people/${personId}/duties`).set(auth(token));
  const kindsOf = (body: { groups: Array<{ kind: string }> }) => body.groups.map((g) => g.kind);
  const transfer = (body: object, token = hgAdmin) =>
    stack.http().post(`/organisation/people/${X}/duties/transfer`).set(auth(token)).send(body);
  const counts = async () => {
    const [row] = await stack.dataSource.query(
      `SELECT (SELECT count(*) FROM audit_event WHERE programme_id LIKE $1)::int AS programme,
              (SELECT count(*) FROM task_event WHERE task_id LIKE $1)::int AS task,
              (SELECT count(*) FROM breakthrough_event WHERE cycle_id = $2)::int AS cycle,
              (SELECT count(*) FROM duty_transfer WHERE person_id = $3)::int AS transfers`,
      [`rot-${u}%`, cycleId, X],
    );
    return row;
  };

  beforeAll(async () => {
    stack = await startTestStack();
    client = stack.api.get(Client);
    taskQueue = stack.api.get<TemporalOptions>(TEMPORAL_OPTIONS).taskQueue;
    const hash = await hashPassword(DEMO_PASSWORD);
    const people: Array<[string, string, string, Role[], boolean]> = [
      [X, `rot.x.${u}`, 'hg-btv', [Role.STANDING_COMMITTEE, Role.KEY_CADRE], true],
      [S, `rot.s.${u}`, 'hg-btv', [Role.STANDING_COMMITTEE, Role.KEY_CADRE], true],
      [INACTIVE, `rot.i.${u}`, 'hg-btv', [Role.STAFF], false],
      [`rot-adm-hg-${u}`, `rot.adm.hg.${u}`, 'hg-tu', [Role.ADMIN], true],
      [`rot-adm-lc-${u}`, `rot.adm.lc.${u}`, 'lc-tu', [Role.ADMIN], true],
    ];
    for (const [id, username, unitId, roles, active] of people)
      await stack.dataSource.query(
        `INSERT INTO person (id, username, full_name, password_hash, unit_id, roles, active) VALUES ($1,$2,$3,$4,$5,$6,$7)`,
        [id, username, `Cán bộ ${username}`, hash, unitId, roles, active],
      );
    hgAdmin = await stack.login(`rot.adm.hg.${u}`);
    lcAdmin = await stack.login(`rot.adm.lc.${u}`);

    // P1 in survey: X is its member in charge, the head of its issuing committee, and its surveyor.
    await start(P(1), X, X);
    await act(P(1), actor(X), 'assignSurveyors', { surveyorIds: [X] });
    // P2 in consultation: X is invited and has not answered.
    await start(P(2), 'hg-pbt', 'hg-bithu');
    const pbt = actor('hg-pbt');
    await act(P(2), pbt, 'assignSurveyors', { surveyorIds: ['hg-cv1'] });
    await act(P(2), actor('hg-cv1'), 'submitSurveyFindings', { text: 'Khảo sát' });
    await act(P(2), pbt, 'closeSurvey', {});
    await act(P(2), pbt, 'submitDraft', { text: 'Dự thảo', changeNote: 'Lần 1' });
    await act(P(2), pbt, 'openConsultation', { inviteeIds: [X, 'hg-tv1'] });
    // P3 in implementation: X heads its steering committee, is in the audience, issued its tasks (assigner,
    // member in charge of both), carries T1 (so owes review reports).
    await start(P(3), X, 'hg-bithu');
    await toIssued(P(3), actor(X));
    const task = (code: string, personId: string, unitId: string): ProgrammeTask => ({
      code,
      title: `Nhiệm vụ ${code}`,
      responsibleUnitId: unitId,
      responsiblePersonId: personId,
      coordinatingUnitIds: [],
      dueAt: inAYear,
    });
    await act(
      P(3),
      actor(X),
      'issue',
      issuePayload([task('T1', X, 'hg-btv'), task('T2', 'hg-stc-gd', 'hg-stc')], { headId: X, memberIds: ['hg-tv1'] }),
    );
    await act(P(3), actor('hg-bithu', [Role.HEAD]), 'recordDissemination', {
      heldOn: new Date().toISOString().slice(0, 10),
      audienceIds: [X, 'hg-tv1'],
    });
    // P4 in dissemination: X sits on its steering committee.
    await start(P(4), 'hg-pbt', 'hg-bithu');
    await toIssued(P(4), pbt);
    await act(P(4), pbt, 'issue', issuePayload([], { headId: 'hg-bithu', memberIds: [X] }));
    // A breakthrough cycle in registration: X appraises, is its member in charge, and registered one task.
    await client.workflow.start(BREAKTHROUGH_WORKFLOW_TYPE, {
      workflowId: breakthroughWorkflowId('hg-tu', year),
      taskQueue,
      args: [
        {
          setup: {
            unitId: 'hg-tu',
            year,
            title: `Việc đột phá ${year}`,
            memberInChargeId: X,
            fieldGroup: null,
            appraiserIds: [X, 'hg-pbt'],
            invitedUnitIds: ['hg-vithanh'],
            registrationDeadline: new Date(Date.now() + 86_400_000).toISOString(),
            appraisalDeadline: new Date(Date.now() + 2 * 86_400_000).toISOString(),
            yearEndsAt: inAYear,
            reminderOffsets: [],
            taskReminderOffsets: [],
            taskEscalationOffsets: [],
            createdBy: 'hg-bithu',
          },
        },
      ],
    });
    await client.workflow
      .getHandle(breakthroughWorkflowId('hg-tu', year))
      .executeUpdate(breakthroughUpdates.register as never, {
        args: [
          {
            actor: actor(X, [Role.HEAD], 'hg-vithanh'),
            requestId: randomUUID(),
            payload: { kind: 'HEAD', title: 'Chuyển đổi số', expectedResult: 'Một cửa số', measure: 'Số hồ sơ' },
          },
        ] as never,
      });
  }, 240_000);

  afterAll(async () => {
    for (const id of [1, 2, 3, 4].map((n) => programmeWorkflowId(P(n))))
      await client?.workflow
        .getHandle(id)
        .terminate('test done')
        .catch(() => undefined);
    for (const id of [
      breakthroughWorkflowId('hg-tu', year),
      taskWorkflowId(`${P(3)}/T1`),
      taskWorkflowId(`${P(3)}/T2`),
      taskWorkflowId(reminderTaskId),
    ])
      await client?.workflow
        .getHandle(id)
        .terminate('test done')
        .catch(() => undefined);
    await stack?.close();
  });

  let before: PersonDuties;
  type PersonDuties = { total: number; groups: Array<{ kind: string; items: Array<Record<string, unknown>> }> };

  it('lists one duty of every kind the person holds, with its programme, task or cycle and title', async () => {
    // The task whose reminder is still to come: 35 s before its due date, some 40 s from now.
    await client.workflow.start(TASK_WORKFLOW_TYPE, {
      workflowId: taskWorkflowId(reminderTaskId),
      taskQueue,
      args: [
        {
          setup: {
            taskId: reminderTaskId,
            programmeId: null,
            code: 'R1',
            title: 'Báo cáo nhanh tình hình',
            source: 'ANNUAL_PLAN',
            responsibleUnitId: 'hg-btv',
            responsiblePersonId: X,
            coordinatingUnitIds: [],
            assignerId: 'hg-pbt',
            memberInChargeId: 'hg-pbt',
            fieldGroup: null,
            issuingUnitId: 'hg-tu',
            isBreakthrough: false,
            dueAt: new Date(Date.now() + 75_000).toISOString(),
            reminderOffsets: ['PT35S'],
            escalationOffsets: ['PT1H'],
          },
          reportToWorkflowId: null,
        },
      ],
    });
    before = await eventually(async () => {
      const res = await listing(X);
      return res.status === 200 && kindsOf(res.body).length === DUTY_KINDS.length && res.body.total === 18 && res.body;
    }, 'every kind of duty of X in the read model');
    expect(kindsOf(before)).toEqual([...DUTY_KINDS]);
    const group = (kind: string) => before.groups.find((g) => g.kind === kind)!.items;
    expect(group('MEMBER_IN_CHARGE').map((d) => d.programmeId)).toEqual([P(1), P(3)]);
    expect(group('CONSULTATION_INVITATION')).toEqual([
      expect.objectContaining({ programmeId: P(2), ref: 'round 1', title: `Chương trình luân chuyển ${P(2)}` }),
    ]);
    expect(group('REVIEW_REPORTS')).toEqual([expect.objectContaining({ programmeId: P(3), ref: 'T1' })]);
    expect(group('TASK_RESPONSIBLE').map((d) => d.taskId)).toEqual([`${P(3)}/T1`, reminderTaskId]);
    expect(group('TASK_ASSIGNER').map((d) => d.taskId)).toEqual([`${P(3)}/T1`, `${P(3)}/T2`]);
    expect(group('BREAKTHROUGH_REGISTRATION')).toEqual([
      expect.objectContaining({ cycleId, ref: '1: Chuyển đổi số', programmeId: null }),
    ]);
    expect((await listing(S)).body).toMatchObject({ total: 0, groups: [] });
  });

  it('reads no duty from a row without a projected state (written before states were kept, or by hand)', async () => {
    const bare = `rot-${u}/BARE`;
    await stack.dataSource.query(
      `INSERT INTO task (id, workflow_id, source, code, title, responsible_unit_id, responsible_person_id, assigner_id,
         issuing_unit_id, status, due_at, original_due_at)
       VALUES ($1, $2, 'ANNUAL_PLAN', 'BARE', 'Nhiệm vụ chưa có trạng thái', 'hg-btv', $3, $3, 'hg-tu', 'ASSIGNED', now(), now())`,
      [bare, taskWorkflowId(bare), X],
    );
    try {
      const res = await listing(X);
      expect([res.status, res.body.total]).toEqual([200, 18]);
    } finally {
      await stack.dataSource.query('DELETE FROM task WHERE id = $1', [bare]);
    }
  });

  it('refuses bad input with a 400 naming the problem, and moves nothing', async () => {
    const base = { requestId: `rot-bad-${u}`, successorPersonId: S, reason: 'Luân chuyển cán bộ' };
    const cases: Array<[object, RegExp]> = [
      [{ successorPersonId: X }, /another person/],
      [{ successorPersonId: `nobody-${u}` }, /unknown successor/],
      [{ successorPersonId: INACTIVE }, /not active/],
      [{ successorPersonId: 'lc-snn-gd' }, /Lào Cai, outside the province you administer/],
      [{ successorUnitId: 'lc-snn' }, /outside the province you administer/],
      [{ successorUnitId: `no-unit-${u}` }, /unknown successor unit/],
      [{ kinds: ['NOT_A_DUTY'] }, /kinds must each be one of/],
      [{ reason: '   ' }, /reason must not be blank/],
      [{ requestId: 'short' }, /requestId must be/],
    ];
    const was = await counts();
    for (const [change, message] of cases) {
      const res = await transfer({ ...base, ...change });
      expect({ change, status: res.status }).toEqual({ change, status: 400 });
      expect(JSON.stringify(res.body.message)).toMatch(message);
    }
    expect(await counts()).toEqual(was);
    const unchanged = (await listing(X)).body;
    expect(unchanged.total).toBe(before.total);
    expect(unchanged.groups).toEqual(before.groups);
  });

  it('refuses a provincial administrator of another province', async () => {
    expect((await listing(X, lcAdmin)).status).toBe(403);
    const res = await transfer({ requestId: `rot-lc-${u}`, successorPersonId: S, reason: 'Luân chuyển' }, lcAdmin);
    expect(res.status).toBe(403);
    expect(res.body.message).toMatch(/outside the province you administer/);
    // Nobody but an administrator lists another person's duties; the person sees their own.
    expect((await listing(X, await stack.login('bithu.hg'))).status).toBe(403);
    expect((await listing(X, await stack.login(`rot.x.${u}`))).body.total).toBe(before.total);
  });

  let result: Record<string, unknown>;
  let after: Awaited<ReturnType<typeof counts>>;

  it('moves every duty in one request; the listing is then empty for them and shows the successor', async () => {
    const res = await transfer({ requestId: `rot-all-${u}`, successorPersonId: S, reason: 'Luân chuyển cán bộ' });
    expect(res.status).toBe(200);
    result = res.body;
    expect(res.body).toMatchObject({ personId: X, successorPersonId: S, moved: before.total, notMoved: 0 });
    expect(res.body.items.every((i: { outcome: string }) => i.outcome === 'MOVED')).toBe(true);
    await eventually(async () => (await listing(X)).body.total === 0, 'nothing left with X');
    const successor = await eventually(async () => {
      const body = (await listing(S)).body;
      return body.total === before.total && body;
    }, 'everything with S');
    expect(kindsOf(successor)).toEqual([...DUTY_KINDS]);
  });

  it("the workflows' own views agree, and each history records the move", async () => {
    const view = (n: number) => client.workflow.getHandle(programmeWorkflowId(P(n))).query(programmeViewQuery);
    const p1 = (await view(1)).state;
    expect([p1.setup.memberInChargeId, p1.setup.issuingHeadId, p1.survey.surveyorIds]).toEqual([S, S, [S]]);
    expect((await view(2)).consultation?.pending).toEqual([S, 'hg-tv1']);
    const p3 = (await view(3)).state;
    expect(p3.issuance?.steeringCommittee).toEqual({ headId: S, memberIds: ['hg-tv1'] });
    expect(p3.dissemination.audienceIds).toEqual([S, 'hg-tv1']);
    expect(p3.issuance?.tasks.map((t) => t.responsiblePersonId)).toEqual([S, 'hg-stc-gd']);
    expect((await view(4)).state.issuance?.steeringCommittee?.memberIds).toEqual([S]);
    const t1 = await client.workflow.getHandle(taskWorkflowId(`${P(3)}/T1`)).query(taskViewQuery);
    expect([t1.state.responsiblePersonId, t1.state.setup.assignerId, t1.state.setup.memberInChargeId]).toEqual([
      S,
      S,
      S,
    ]);
    const cycle = (await client.workflow.getHandle(breakthroughWorkflowId('hg-tu', year)).query(breakthroughViewQuery))
      .state;
    expect([cycle.setup.appraiserIds, cycle.setup.memberInChargeId, cycle.registrations[0].registrantId]).toEqual([
      [S, 'hg-pbt'],
      S,
      S,
    ]);
    const moves = await eventually(async () => {
      const rows: Array<{ where: string; actor: string }> = await stack.dataSource.query(
        `SELECT programme_id AS where, actor_id AS actor FROM audit_event WHERE programme_id LIKE $1 AND action = 'duties.transferred' AND after->>'transferId' = $2
         UNION ALL SELECT task_id, actor_id FROM task_event WHERE task_id LIKE $1 AND action = 'duties.transferred' AND after->>'transferId' = $2
         UNION ALL SELECT cycle_id, actor_id FROM breakthrough_event WHERE cycle_id = $3 AND action = 'duties.transferred' AND after->>'transferId' = $2`,
        [`rot-${u}%`, `rot-all-${u}`, cycleId],
      );
      return rows.length === 8 && rows;
    }, 'one history row per workflow (4 programmes, 3 tasks, 1 cycle)');
    expect(new Set(moves.map((m) => m.actor))).toEqual(new Set([`rot-adm-hg-${u}`]));
    after = await counts();
    // Replay fixtures of the transferDuties update (with RECORD_HISTORIES_TO set), one per workflow type.
    await recordHistories(client, programmeWorkflowId(P(3)), 'programme-rotation-transfer.v2');
    await recordHistories(client, taskWorkflowId(`${P(3)}/T1`), 'task-rotation-transfer.v2');
    await recordHistories(client, breakthroughWorkflowId('hg-tu', year), 'breakthrough-rotation-transfer.v2');
  });

  it('a repeated request id answers the same result and changes nothing', async () => {
    const res = await transfer({ requestId: `rot-all-${u}`, successorPersonId: S, reason: 'Luân chuyển cán bộ' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(result);
    expect(await counts()).toEqual(after);
    const other = await transfer({ requestId: `rot-all-${u}`, successorPersonId: 'hg-pbt', reason: 'Khác' });
    expect(other.status).toBe(409);
  });

  it('a reminder that fires after the transfer reaches the successor, not the predecessor', async () => {
    const reminded = await eventually(
      async () => {
        const rows: Array<{ recipient: string }> = await stack.dataSource.query(
          `SELECT recipient_id AS recipient FROM notification WHERE task_id = $1 AND kind = 'TASK_DUE_REMINDER'`,
          [reminderTaskId],
        );
        return rows.length > 0 && rows;
      },
      'the task reminder delivered',
      90_000,
    );
    expect(reminded.map((r) => r.recipient)).toEqual([S]);
  }, 120_000);
});
