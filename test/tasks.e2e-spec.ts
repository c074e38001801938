import { randomUUID } from 'node:crypto';
import { Client } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { programmeTasks, taskPeople } from './utils/task-steps';
import { eventually, TestStack } from './utils/test-stack';

/**
 * Tasks end to end over HTTP on the real stack (Temporal, Postgres, Redis): a programme on the
 * demo-fast template is issued with tasks for three units; each task runs as a child workflow of
 * the programme. Staff accept, report, ask for an extension, submit; a result is returned and redone;
 * one task goes overdue and escalates on its own timers; bulk reassignment moves one person's open
 * tasks; the inbox and the four buckets are checked at each step, and every kind of refusal.
 */
describe('tasks (e2e)', () => {
  const programmeId = `e2e-tasks-${randomUUID().slice(0, 8)}`;
  const people = taskPeople();
  const { tokens, auth } = people;
  const { taskPath, programmeAct, taskAct, ok, bucketsByUnit, bucketsOfProgramme, myTasks, counts, task, projected } =
    programmeTasks(people, programmeId);
  let stack: TestStack;

  beforeAll(async () => {
    stack = await people.start();
  }, 120_000);

  afterAll(async () => {
    await people.close();
  });

  let baseline: Record<string, { OPEN_WITHIN_DEADLINE: number; total: number }>;
  const inTenDays = () => new Date(Date.now() + 10 * 86_400_000).toISOString();

  it('issues a programme whose tasks start as child workflows, one per task, for three units', async () => {
    baseline = { skhdt: await counts('skhdt'), stc: await counts('stc'), vithanh: await counts('vithanh') };
    await stack
      .http()
      .post('/programmes')
      .set(auth(tokens.cv))
      .send({
        id: programmeId,
        templateId: 'demo-fast',
        title: 'Chương trình hành động thực hiện Nghị quyết 13-NQ/TW',
        issuingUnitId: 'hg-tu',
        memberInChargeId: 'hg-pbt',
        fieldGroup: 'economy',
        term: '2025-2030',
      })
      .expect(201);
    await programmeAct('cv', 'assignSurveyors', { surveyorIds: ['hg-skhdt-gd'] });
    await programmeAct('skhdt', 'submitSurveyFindings', { text: 'Tăng trưởng giai đoạn trước khoảng 6,5%/năm.' });
    await programmeAct('cv', 'closeSurvey', {});
    await programmeAct('cv', 'submitDraft', { documentRef: 'DT-123/VPTU', changeNote: 'Dự thảo lần 1' });
    await programmeAct('cv', 'openConsultation', { inviteeIds: ['hg-skhdt-gd'] });
    await programmeAct('skhdt', 'submitOpinion', { text: 'Nhất trí' });
    await programmeAct('cv', 'closeConsultation', {});
    await programmeAct('cv', 'submitForApproval', {});
    await programmeAct('bithu', 'approve', {});
    const soon = new Date(Date.now() + 12_000).toISOString();
    const issued = await programmeAct('cv', 'issue', {
      documentNumber: '123-CTr/TU',
      issuedOn: new Date().toISOString().slice(0, 10),
      targets: [],
      tasks: [
        {
          code: 'T1',
          title: 'Kế hoạch thu hút đầu tư',
          responsibleUnitId: 'hg-skhdt',
          responsiblePersonId: 'hg-skhdt-gd',
          coordinatingUnitIds: ['hg-stc'],
          dueAt: inTenDays(),
        },
        {
          code: 'T2',
          title: 'Đề án tăng thu ngân sách',
          responsibleUnitId: 'hg-stc',
          responsiblePersonId: 'hg-stc-gd',
          coordinatingUnitIds: [],
          dueAt: inTenDays(),
        },
        {
          code: 'T3',
          title: 'Chỉnh trang đô thị Vị Thanh',
          responsibleUnitId: 'hg-vithanh',
          responsiblePersonId: 'hg-vithanh-bt',
          coordinatingUnitIds: [],
          dueAt: soon,
        },
        {
          code: 'T4',
          title: 'Chuyển đổi số cấp thành phố',
          responsibleUnitId: 'hg-vithanh',
          responsiblePersonId: 'hg-vithanh-bt',
          coordinatingUnitIds: [],
          dueAt: inTenDays(),
        },
      ],
      solutions: ['Cải thiện môi trường đầu tư'],
      resources: ['Ngân sách tỉnh'],
    });
    expect(issued.phase).toBe('DISSEMINATION');

    for (const code of ['T1', 'T2', 'T3', 'T4'])
      await projected(code, (t) => t.status === 'ASSIGNED', `task ${code} in the read model`);
    const t1 = await task('T1');
    expect(t1.task).toMatchObject({
      id: `${programmeId}/T1`,
      programmeId,
      code: 'T1',
      source: 'PROGRAMME',
      assignerId: 'hg-cv1',
      memberInChargeId: 'hg-pbt',
      fieldGroup: 'economy',
      issuingUnitId: 'hg-tu',
      isBreakthrough: false,
      bucket: 'OPEN_WITHIN_DEADLINE',
    });
    expect(t1.live.upcoming.map((u: { kind: string }) => u.kind)).toEqual([
      'REMINDER',
      'REMINDER',
      'REMINDER',
      'ESCALATION',
      'ESCALATION',
    ]);

    const units = await bucketsByUnit();
    expect(units['hg-skhdt']).toMatchObject({ OPEN_WITHIN_DEADLINE: 1, OPEN_OVERDUE: 0, total: 1 });
    expect(units['hg-stc']).toMatchObject({ OPEN_WITHIN_DEADLINE: 1, total: 1 });
    expect(units['hg-vithanh']).toMatchObject({ OPEN_WITHIN_DEADLINE: 2, total: 2 });
    const inbox = await myTasks('vithanh');
    expect(inbox.items.map((t: { code: string }) => t.code)).toEqual(['T3', 'T4']);
    expect(inbox.total).toBe(2);
    expect((await counts('vithanh')).OPEN_WITHIN_DEADLINE).toBe(baseline.vithanh.OPEN_WITHIN_DEADLINE + 2);

    // The assignee is told through the notifier.
    await eventually(async () => {
      const res = await stack.http().get('/inbox').set(auth(tokens.stc));
      return res.body.items?.some(
        (n: { kind: string; taskId: string }) => n.kind === 'TASK_ASSIGNED' && n.taskId === `${programmeId}/T2`,
      );
    }, 'the TASK_ASSIGNED notification');
  });

  it("refuses someone else's task (403), the wrong state (409), invalid dates and unknown fields (400), an unknown task or one the caller may not see (404)", async () => {
    const notMine = await taskAct('pbt', 'T1', 'accept', {}); // the member in charge sees T1, but it is not theirs to do
    expect(notMine.status).toBe(403);
    expect(notMine.body.message).toMatch(/responsible/);
    const notVisible = await taskAct('stc', 'T1', 'accept', {}); // another department's head is told nothing of it
    expect(notVisible.status).toBe(404);
    const tooEarly = await taskAct('skhdt', 'T1', 'submitResult', { text: 'Xong' });
    expect(tooEarly.status).toBe(409);
    expect(tooEarly.body.message).toMatch(/ASSIGNED/);
    const pastDate = await taskAct('skhdt', 'T1', 'requestExtension', {
      newDueAt: '2020-01-01T10:00:00Z',
      reason: 'Chờ số liệu',
    });
    expect(pastDate.status).toBe(400);
    const impossible = await taskAct('skhdt', 'T1', 'requestExtension', {
      newDueAt: '2031-02-30T10:00:00+07:00',
      reason: 'Chờ số liệu',
    });
    expect(impossible.status).toBe(400);
    expect(impossible.body.message).toMatch(/not a real date/);
    const unknownField = await stack
      .http()
      .post(`${taskPath('T1')}/actions/accept`)
      .set(auth(tokens.skhdt))
      .send({ requestId: randomUUID(), payload: {}, colour: 'red' });
    expect(unknownField.status).toBe(400);
    const unknownAction = await taskAct('skhdt', 'T1', 'fly', {});
    expect(unknownAction.status).toBe(404);
    const unknownTask = await stack
      .http()
      .post(`/tasks/${encodeURIComponent(`${programmeId}/T99`)}/actions/accept`)
      .set(auth(tokens.skhdt))
      .send({ requestId: randomUUID(), payload: {} });
    expect(unknownTask.status).toBe(404);
    const badQuery = await stack.http().get('/tasks?status=SLEEPING&pageSize=500').set(auth(tokens.skhdt));
    expect(badQuery.status).toBe(400);
    // Supervision follows one rule across the product: another province's office sees none of these tasks.
    const otherProvince = await stack
      .http()
      .get(`/tasks/buckets?groupBy=unit&programmeId=${programmeId}`)
      .set(auth(await stack.login('chuyenvien.lc')));
    expect(otherProvince.status).toBe(200);
    expect(otherProvince.body).toMatchObject({ items: [], total: 0 });
    expect((await task('T1')).task.status).toBe('ASSIGNED'); // nothing changed
  });

  it('accepts, reports (a repeated request id has one effect), extends on approval and submits; the result is verified on time', async () => {
    await ok('skhdt', 'T1', 'accept');
    const requestId = randomUUID();
    const report = { percent: 40, text: 'Đã xây dựng dự thảo kế hoạch', evidenceRefs: ['45/KH-SKHĐT'] };
    const first = await taskAct('skhdt', 'T1', 'reportProgress', report, requestId);
    const again = await taskAct('skhdt', 'T1', 'reportProgress', report, requestId);
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.body.version).toBe(first.body.version);
    expect(again.body.state.progress).toHaveLength(1);

    const before = await task('T1');
    const newDueAt = new Date(Date.parse(before.task.dueAt) + 5 * 86_400_000).toISOString();
    const asked = await ok('skhdt', 'T1', 'requestExtension', { newDueAt, reason: 'Chờ số liệu quý I' });
    expect(asked.pendingExtension.newDueAt).toBe(newDueAt);
    expect((await taskAct('pbt', 'T1', 'decideExtension', { approve: true, reason: 'Đồng ý' })).status).toBe(403); // the assigner decides
    const decided = await ok('cv', 'T1', 'decideExtension', { approve: true, reason: 'Đồng ý gia hạn' });
    expect(decided.dueAt).toBe(newDueAt);
    expect(Date.parse(decided.upcoming[0].at)).toBeGreaterThan(Date.parse(before.live.upcoming[0].at)); // reminders moved
    const extended = await projected('T1', (t) => t.dueAt === newDueAt, 'the extended due date in the read model');
    expect(Date.parse(extended.task.originalDueAt)).toBe(Date.parse(before.task.dueAt));

    await ok('skhdt', 'T1', 'submitResult', { text: 'Kế hoạch đã ban hành', evidenceRefs: ['52/KH-UBND'] });
    await ok('pbt', 'T1', 'verify');
    await projected('T1', (t) => t.status === 'DONE' && t.bucket === 'DONE_ON_TIME', 'T1 done on time');

    const history = await stack
      .http()
      .get(`${taskPath('T1')}/history`)
      .set(auth(tokens.skhdt));
    expect(history.status).toBe(200);
    expect(history.body.items.map((e: { action: string }) => e.action)).toEqual([
      'assigned',
      'accept',
      'reportProgress',
      'requestExtension',
      'decideExtension',
      'submitResult',
      'verify',
    ]);
    expect(
      await eventually(async () => {
        const res = await stack.http().get('/inbox').set(auth(tokens.skhdt));
        return res.body.items?.some(
          (n: { kind: string; taskId: string }) => n.kind === 'EXTENSION_DECIDED' && n.taskId === `${programmeId}/T1`,
        );
      }, 'the EXTENSION_DECIDED notification'),
    ).toBe(true);
  });

  it('returns a result with reasons; it is redone and verified', async () => {
    await ok('stc', 'T2', 'accept');
    await ok('stc', 'T2', 'submitResult', { text: 'Đề án đã trình' });
    const returned = await ok('pbt', 'T2', 'returnTask', { reasons: 'Chưa có lộ trình theo năm' });
    expect(returned.status).toBe('RETURNED');
    expect((await taskAct('cv', 'T2', 'verify', {})).status).toBe(409);
    await ok('stc', 'T2', 'reportProgress', { percent: 90, text: 'Bổ sung lộ trình theo năm' });
    await ok('stc', 'T2', 'submitResult', { text: 'Đề án có lộ trình' });
    await ok('cv', 'T2', 'verify');
    await projected('T2', (t) => t.status === 'DONE', 'T2 done');
    await eventually(async () => {
      const res = await stack.http().get('/inbox').set(auth(tokens.stc));
      return res.body.items?.some((n: { kind: string }) => n.kind === 'TASK_RETURNED');
    }, 'the TASK_RETURNED notification');
  });

  it('lets a task go overdue and escalate by its own timers: the unit head, then the member in charge', async () => {
    await projected('T3', (t) => t.bucket === 'OPEN_OVERDUE', 'T3 overdue');
    const escalations = await eventually(
      async () => {
        const res = await stack
          .http()
          .get(`${taskPath('T3')}/history`)
          .set(auth(tokens.pbt));
        const rows = res.body.items?.filter((e: { action: string }) => e.action === 'overdue.escalated') ?? [];
        return rows.length >= 2 && rows;
      },
      'two escalations of T3',
      40_000,
    );
    expect(escalations.map((e: { after: { level: number; to: string } }) => [e.after.level, e.after.to])).toEqual([
      [1, 'UNIT_HEAD'],
      [2, 'MEMBER_IN_CHARGE'],
    ]);
    await eventually(async () => {
      const res = await stack.http().get('/inbox').set(auth(tokens.pbt));
      return res.body.items?.some(
        (n: { kind: string; taskId: string }) =>
          n.kind === 'TASK_OVERDUE_ESCALATION' && n.taskId === `${programmeId}/T3`,
      );
    }, "the escalation in the member in charge's inbox");
    await eventually(async () => {
      const res = await stack.http().get('/inbox').set(auth(tokens.vithanh));
      const kinds =
        res.body.items
          ?.filter((n: { taskId: string }) => n.taskId === `${programmeId}/T3`)
          .map((n: { kind: string }) => n.kind) ?? [];
      return kinds.includes('TASK_DUE_REMINDER') && kinds.includes('TASK_OVERDUE_ESCALATION');
    }, "the reminder and the unit head's escalation for Vị Thanh");

    expect(await bucketsByUnit()).toMatchObject({
      'hg-skhdt': { DONE_ON_TIME: 1, total: 1 },
      'hg-stc': { DONE_ON_TIME: 1, total: 1 },
      'hg-vithanh': { OPEN_WITHIN_DEADLINE: 1, OPEN_OVERDUE: 1, total: 2 },
    });
    const overdue = await stack.http().get(`/tasks?programmeId=${programmeId}&overdue=true`).set(auth(tokens.vithanh));
    expect(overdue.body.items.map((t: { code: string }) => t.code)).toEqual(['T3']);
    const drill = await stack
      .http()
      .get(`/tasks/supervision?programmeId=${programmeId}&bucket=OPEN_OVERDUE`)
      .set(auth(tokens.pbt));
    expect(drill.status).toBe(200);
    expect(drill.body).toMatchObject({ total: 1, page: 1, items: [{ code: 'T3', bucket: 'OPEN_OVERDUE' }] });
  }, 60_000);

  it('moves all open tasks of one person to another in bulk, once per bulk request id', async () => {
    const body = {
      requestId: `rotation-${randomUUID()}`,
      fromPersonId: 'hg-vithanh-bt',
      toPersonId: 'hg-skhdt-gd',
      toUnitId: 'hg-vithanh',
      reason: 'Luân chuyển cán bộ',
    };
    expect((await stack.http().post('/tasks/reassign-bulk').set(auth(tokens.cv)).send(body)).status).toBe(403); // advisory staff do not reassign
    const outOfScope = await stack
      .http()
      .post('/tasks/reassign-bulk')
      .set(auth(tokens.stc))
      .send({ ...body, requestId: `rotation-${randomUUID()}`, toPersonId: 'hg-stc-gd', toUnitId: 'hg-stc' });
    expect(outOfScope.body).toMatchObject({ matched: 0, reassigned: 0 }); // a department head sees only their department's tasks
    const outOfReach = await stack
      .http()
      .post('/tasks/reassign-bulk')
      .set(auth(tokens.stc))
      .send({ ...body, requestId: `rotation-${randomUUID()}` });
    expect(outOfReach.status).toBe(403); // nor hands tasks to people outside it
    expect(outOfReach.body.message).toMatch(/outside the units you may hand tasks to/);
    const moved = await stack.http().post('/tasks/reassign-bulk').set(auth(tokens.bithu)).send(body);
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ matched: 2, reassigned: 2 });
    expect(moved.body.results.map((r: { taskId: string }) => r.taskId).sort()).toEqual([
      `${programmeId}/T3`,
      `${programmeId}/T4`,
    ]);
    // A retry sends the same derived request ids: no second effect on either task.
    const retried = await stack.http().post('/tasks/reassign-bulk').set(auth(tokens.bithu)).send(body);
    expect(retried.status).toBe(200);
    const t3 = await projected('T3', (t) => t.responsiblePersonId === 'hg-skhdt-gd', 'T3 with its new person');
    expect(t3.live.state.reassignments).toHaveLength(1);
    expect(t3.live.state.reassignments[0]).toMatchObject({
      fromPersonId: 'hg-vithanh-bt',
      toPersonId: 'hg-skhdt-gd',
      reason: 'Luân chuyển cán bộ',
    });
    await projected('T4', (t) => t.responsiblePersonId === 'hg-skhdt-gd', 'T4 with its new person');
    expect((await myTasks('vithanh')).total).toBe(0);
    expect((await myTasks('skhdt')).items.map((t: { code: string }) => t.code)).toEqual(['T3', 'T4', 'T1']); // by due date: T1 was extended
    expect((await taskAct('vithanh', 'T4', 'accept', {})).status).toBe(403); // the previous person may no longer act

    // The new person finishes the overdue task: done late.
    await ok('skhdt', 'T3', 'accept');
    await ok('skhdt', 'T3', 'submitResult', { text: 'Đã chỉnh trang tuyến trung tâm' });
    await ok('cv', 'T3', 'verify');
    await projected('T3', (t) => t.bucket === 'DONE_LATE', 'T3 done late');
    expect(await bucketsOfProgramme()).toMatchObject({
      key: programmeId,
      DONE_ON_TIME: 2,
      DONE_LATE: 1,
      OPEN_WITHIN_DEADLINE: 1,
      OPEN_OVERDUE: 0,
      total: 4,
    });
    const skhdtCounts = await counts('skhdt');
    expect(skhdtCounts.total).toBe(baseline.skhdt.total + 3);

    // The tasks reported their outcomes to the programme (by signal): its evaluation figures count them.
    const programme = await eventually(async () => {
      const res = await stack.http().get(`/programmes/${programmeId}`).set(auth(tokens.pbt));
      const outcomes = res.body.live?.state?.taskOutcomes ?? {};
      return (
        Object.values(outcomes).filter((o) => (o as { status: string }).status === 'DONE').length === 3 && res.body
      );
    }, 'three DONE outcomes in the programme');
    expect(programme.live.state.taskOutcomes[`${programmeId}/T3`]).toMatchObject({
      status: 'DONE',
      responsiblePersonId: 'hg-skhdt-gd',
    });
  }, 60_000);

  it('replays the recorded histories of the programme (with its child starts behind the patch) and of a finished task', async () => {
    const client = stack.api.get(Client);
    for (const workflowId of [`programme/${programmeId}`, `task/${programmeId}/T2`, `task/${programmeId}/T3`]) {
      const history = await client.workflow.getHandle(workflowId).fetchHistory();
      await expect(
        Worker.runReplayHistory({ workflowBundle: stack.workflowBundle }, history, workflowId),
      ).resolves.toBeUndefined();
    }
  });
});
