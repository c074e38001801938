import { randomUUID } from 'node:crypto';
import { eventually, startTestStack, TestStack } from './utils/test-stack';

/**
 * Annual plans and quarterly work programmes over HTTP on the real stack: a yearly work programme of
 * Tỉnh ủy Hậu Giang (template version 2, deadlines in working days) is issued with a task; its office
 * adds an annual plan and a quarterly work programme with numbered items; an owner reports on an item;
 * an item with a task follows the task; next year's key tasks start next year's plan; bad input and
 * other provinces are refused, and nothing is half-applied.
 */
describe('annual plans and quarterly work programmes (e2e)', () => {
  let stack: TestStack;
  const id = `e2e-plans-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    stack = await startTestStack();
  });

  afterAll(async () => {
    await stack?.close();
  });

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  async function act(username: string, action: string, payload: object, requestId: string = randomUUID()) {
    const res = await stack
      .http()
      .post(`/programmes/${id}/actions/${action}`)
      .set(auth(await stack.login(username)))
      .send({ requestId, payload });
    return { status: res.status, body: res.body };
  }
  async function ok(username: string, action: string, payload: object, requestId?: string) {
    const res = await act(username, action, payload, requestId);
    if (res.status !== 200) throw new Error(`${action} by ${username}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }
  const get = async (username: string, path: string) =>
    stack
      .http()
      .get(path)
      .set(auth(await stack.login(username)));
  const plans = async (username = 'chuyenvien.hg') => get(username, `/programmes/${id}/plans`);
  /** The plans once the read model has caught up with the workflow's version `atLeast`. */
  const plansAt = async (check: (body: any) => boolean, what: string) =>
    eventually(async () => {
      const res = await plans();
      return res.status === 200 && check(res.body) && res.body;
    }, what);

  it('issues a working-day work programme with a task', async () => {
    const staff = await stack.login('chuyenvien.hg');
    const created = await stack.http().post('/programmes').set(auth(staff)).send({
      id,
      templateId: 'work-programme',
      title: 'Chương trình công tác năm 2026 của Tỉnh ủy',
      issuingUnitId: 'hg-tu',
      memberInChargeId: 'hg-pbt',
      fieldGroup: 'party-building',
      term: '2026-2026',
    });
    expect(created.status).toBe(201);
    await ok('chuyenvien.hg', 'submitDraft', { text: 'Dự thảo chương trình công tác', changeNote: 'lần 1' });
    await ok('chuyenvien.hg', 'openConsultation', { inviteeIds: ['hg-skhdt-gd'] });
    await ok('gd.skhdt.hg', 'submitOpinion', { text: 'Nhất trí' });
    await ok('chuyenvien.hg', 'closeConsultation', {});
    await ok('chuyenvien.hg', 'submitForApproval', {});
    expect((await ok('bithu.hg', 'approve', {})).phase).toBe('ISSUED');
    const issued = await ok('chuyenvien.hg', 'issue', {
      documentNumber: '01-CTr/TU',
      issuedOn: '2026-01-05',
      targets: [
        {
          code: 'GRDP',
          name: 'Tăng trưởng GRDP',
          unit: '%/năm',
          goal: { comparator: 'AT_LEAST', goal: '7' },
          responsibleUnitId: 'hg-skhdt',
        },
      ],
      tasks: [
        {
          code: 'T1',
          title: 'Kế hoạch thu hút đầu tư',
          responsibleUnitId: 'hg-skhdt',
          responsiblePersonId: 'hg-skhdt-gd',
          dueAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        },
      ],
      solutions: ['Cải cách hành chính'],
      resources: ['Ngân sách tỉnh'],
    });
    expect(issued.phase).toBe('DISSEMINATION');
    // Template version 2 counts the phase deadlines in working days: the programme loaded the table.
    const detail = await get('chuyenvien.hg', `/programmes/${id}`);
    expect(detail.body.programme.templateVersion).toBe(2);
    // Its drafting deadline fell at close of business (17:00 in Vietnam) on a working day, not 10 days to the minute.
    const drafting = detail.body.phaseHistory.find((h: { phase: string }) => h.phase === 'DRAFTING');
    expect(new Date(drafting.deadline).toISOString()).toMatch(/T10:00:00\.000Z$/);
  });

  it('adds an annual plan with numbered items, owners, a task and key tasks; a retry has one effect', async () => {
    const payload = {
      kind: 'ANNUAL',
      year: 2026,
      title: 'Kế hoạch thực hiện năm 2026',
      items: [
        {
          text: 'Hội nghị xúc tiến đầu tư',
          ownerUnitId: 'hg-skhdt',
          ownerPersonId: 'hg-skhdt-gd',
          dueOn: '2026-06-30',
        },
        { text: 'Kế hoạch thu hút đầu tư', ownerUnitId: 'hg-skhdt', taskCode: 'T1' },
        { text: 'Sơ kết 6 tháng', ownerUnitId: 'hg-tu' },
      ],
      keyTasks: [{ text: 'GRDP tăng ít nhất 7%', targetCode: 'GRDP' }],
    };
    const requestId = randomUUID();
    const first = await ok('chuyenvien.hg', 'addWorkPlan', payload, requestId);
    const retried = await ok('chuyenvien.hg', 'addWorkPlan', payload, requestId);
    expect(retried.version).toBe(first.version);
    const body = await plansAt((b) => b.plans.length === 1, 'the annual plan in the read model');
    const [plan] = body.plans;
    expect(plan).toMatchObject({ id: '2026', kind: 'ANNUAL', year: 2026, quarter: null });
    expect(plan.items.map((i: any) => [i.no, i.ownerUnitId, i.ownerPersonId, i.status, i.taskCode])).toEqual([
      [1, 'hg-skhdt', 'hg-skhdt-gd', 'OPEN', null],
      [2, 'hg-skhdt', null, 'OPEN', 'T1'],
      [3, 'hg-tu', null, 'OPEN', null],
    ]);
    expect(plan.keyTasks).toEqual([{ no: 1, text: 'GRDP tăng ít nhất 7%', targetCode: 'GRDP' }]);
    expect(plan.counts).toEqual({ OPEN: 3, IN_PROGRESS: 0, DONE: 0, DROPPED: 0 });
  });

  it('refuses bad input with 400 naming the problem, and changes nothing', async () => {
    const before = (await plans()).body;
    const cases: Array<[object, RegExp]> = [
      [
        { kind: 'ANNUAL', year: 2027, title: 'x', items: [{ text: 'x', ownerUnitId: 'lc-tu' }] },
        /owner unit .* is outside/,
      ],
      [
        { kind: 'ANNUAL', year: 2027, title: 'x', items: [{ text: 'x', ownerUnitId: 'no-such-unit' }] },
        /unknown owner unit no-such-unit/,
      ],
      [
        { kind: 'ANNUAL', year: 2027, title: 'x', items: [{ text: 'x', ownerUnitId: 'hg-tu', taskCode: 'T9' }] },
        /no task T9/,
      ],
      [{ kind: 'QUARTERLY', year: 2026, title: 'x', items: [{ text: 'x', ownerUnitId: 'hg-tu' }] }, /quarter must be/],
      [{ kind: 'ANNUAL', year: 2027, title: 'x', items: [] }, /items/],
      [{ kind: 'YEARLY', year: 2027, title: 'x', items: [{ text: 'x', ownerUnitId: 'hg-tu' }] }, /kind/],
    ];
    for (const [payload, message] of cases) {
      const res = await act('chuyenvien.hg', 'addWorkPlan', payload);
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body.message)).toMatch(message);
    }
    // A second plan for 2026 conflicts; the owner of no item may not add plans.
    expect(
      (
        await act('chuyenvien.hg', 'addWorkPlan', {
          kind: 'ANNUAL',
          year: 2026,
          title: 'x',
          items: [{ text: 'x', ownerUnitId: 'hg-tu' }],
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await act('gd.skhdt.hg', 'addWorkPlan', {
          kind: 'ANNUAL',
          year: 2027,
          title: 'x',
          items: [{ text: 'x', ownerUnitId: 'hg-tu' }],
        })
      ).status,
    ).toBe(403);
    expect((await plans()).body).toEqual(before);
  });

  it("lets the item's owner report and close it; an item with a task follows the task", async () => {
    await ok('gd.skhdt.hg', 'changePlanItem', {
      planId: '2026',
      no: 1,
      status: 'IN_PROGRESS',
      note: 'Đã chọn địa điểm',
    });
    expect((await act('gd.skhdt.hg', 'changePlanItem', { planId: '2026', no: 1, ownerUnitId: 'hg-tu' })).status).toBe(
      403,
    );
    expect((await act('gd.stc.hg', 'changePlanItem', { planId: '2026', no: 1, status: 'OPEN' })).status).toBe(403);
    const byHand = await act('chuyenvien.hg', 'closePlanItem', { planId: '2026', no: 2, outcome: 'DONE' });
    expect(byHand.status).toBe(409);
    expect(byHand.body.message).toMatch(/follows task T1/);
    await ok('gd.skhdt.hg', 'closePlanItem', { planId: '2026', no: 1, outcome: 'DONE', note: 'Đã tổ chức hội nghị' });

    // The task is accepted by its responsible person: the item follows it.
    const taskPath = `/tasks/${encodeURIComponent(`${id}/T1`)}`;
    const token = await stack.login('gd.skhdt.hg');
    await eventually(async () => (await stack.http().get(taskPath).set(auth(token))).status === 200, 'the task T1');
    const accepted = await stack
      .http()
      .post(`${taskPath}/actions/accept`)
      .set(auth(token))
      .send({ requestId: randomUUID(), payload: {} });
    expect(accepted.status).toBe(200);
    const body = await plansAt(
      (b) => b.plans[0].items[1].status === 'IN_PROGRESS',
      "item 2 following its task's status",
    );
    expect(body.plans[0].items.map((i: any) => i.status)).toEqual(['DONE', 'IN_PROGRESS', 'OPEN']);
    expect(body.plans[0].counts).toEqual({ OPEN: 1, IN_PROGRESS: 1, DONE: 1, DROPPED: 0 });
  });

  it("keeps next year's key tasks and targets apart and starts next year's plan with them", async () => {
    await ok('chuyenvien.hg', 'setNextYearKeyTasks', {
      planId: '2026',
      keyTasks: [{ text: 'GRDP tăng 7,5%', targetCode: 'GRDP' }, { text: 'Hoàn thành chuyển đổi số cấp xã' }],
    });
    await ok('chuyenvien.hg', 'addWorkPlan', {
      kind: 'ANNUAL',
      year: 2027,
      title: 'Kế hoạch thực hiện năm 2027',
      items: [{ text: 'Tổng kết chương trình', ownerUnitId: 'hg-tu' }],
      keyTasks: [{ text: 'Sắp xếp bộ máy' }],
    });
    const body = await plansAt((b) => b.plans.length === 2, 'the plan for 2027');
    const [y2026, y2027] = body.plans;
    expect(y2026.keyTasks).toHaveLength(1);
    expect(y2026.nextYearKeyTasks.map((k: any) => k.text)).toEqual([
      'GRDP tăng 7,5%',
      'Hoàn thành chuyển đổi số cấp xã',
    ]);
    expect(y2027.keyTasks).toEqual([
      { no: 1, text: 'GRDP tăng 7,5%', targetCode: 'GRDP' },
      { no: 2, text: 'Hoàn thành chuyển đổi số cấp xã', targetCode: null },
      { no: 3, text: 'Sắp xếp bộ máy', targetCode: null },
    ]);
  });

  it("lists a committee's quarterly work programme to its province only", async () => {
    await ok('chuyenvien.hg', 'addWorkPlan', {
      kind: 'QUARTERLY',
      year: 2026,
      quarter: 2,
      title: 'Chương trình công tác quý II/2026',
      items: [
        { text: 'Hội nghị Ban Thường vụ tháng 4', ownerUnitId: 'hg-tu', ownerPersonId: 'hg-cv1' },
        { text: 'Giám sát chuyên đề', ownerUnitId: 'hg-skhdt' },
      ],
    });
    await ok('chuyenvien.hg', 'addPlanItem', {
      planId: '2026-Q2',
      item: { text: 'Sơ kết quý II', ownerUnitId: 'hg-tu' },
    });
    const quarter = await eventually(async () => {
      const res = await get('bithu.hg', '/work-programmes/hg-tu/2026/2');
      return (
        res.status === 200 &&
        res.body.plans.some((p: any) => p.programmeId === id && p.plan.items.length === 3) &&
        res.body
      );
    }, 'the quarterly work programme of Tỉnh ủy Hậu Giang');
    const mine = quarter.plans.find((p: any) => p.programmeId === id);
    expect(mine.plan.items.map((i: any) => [i.no, i.text])).toEqual([
      [1, 'Hội nghị Ban Thường vụ tháng 4'],
      [2, 'Giám sát chuyên đề'],
      [3, 'Sơ kết quý II'],
    ]);
    expect(quarter.counts.OPEN).toBeGreaterThanOrEqual(3);
    // Another quarter holds nothing of this programme; another province is told nothing of the committee.
    const q3 = await get('bithu.hg', '/work-programmes/hg-tu/2026/3');
    expect(q3.body.plans.filter((p: any) => p.programmeId === id)).toEqual([]);
    expect((await get('bithu.lc', '/work-programmes/hg-tu/2026/2')).status).toBe(404);
    expect((await get('bithu.lc', `/programmes/${id}/plans`)).status).toBe(404);
    const bad = await get('bithu.hg', '/work-programmes/hg-tu/2026/5');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/quarter must be from 1 to 4/);
  });
});
