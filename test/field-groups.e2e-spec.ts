import { randomUUID } from 'node:crypto';
import { Client } from '@temporalio/client';
import { programmeWorkflowId, taskWorkflowId } from '../libs/temporal/src/workflow-ids';
import { asSeededPeople } from './utils/authorization-fixtures';
import { recordHistories } from './utils/record-history';
import { eventually, startTestStack, TestStack } from './utils/test-stack';

/**
 * Field groups over HTTP on the real stack: the province's list kept by its office and admins (bad
 * input refused and nothing changed), the group's supervising member acting with the member in
 * charge's rights (and losing them when another is named), the steering committee reading a task
 * outside their unit, inspecting and receiving the review notice, and a task assigned by field.
 */
describe('field groups (e2e)', () => {
  let stack: TestStack;
  let people: ReturnType<typeof asSeededPeople>;
  const suffix = randomUUID().slice(0, 6);
  const today = () => new Date().toISOString().slice(0, 10);

  const send = async (username: string, method: 'get' | 'post' | 'patch', path: string, body?: object) =>
    stack
      .http()
      [method](path)
      .set(await people.auth(username))
      .send(body);
  const act = async (username: string, id: string, action: string, payload: object) =>
    send(username, 'post', `/programmes/${id}/actions/${action}`, { requestId: randomUUID(), payload });
  const createProgramme = (username: string, body: Record<string, unknown>) =>
    send(username, 'post', '/programmes', {
      templateId: 'drill',
      title: 'Chương trình hành động thực hiện Nghị quyết về quốc phòng toàn dân',
      issuingUnitId: 'hg-tu',
      term: '2025-2030',
      ...body,
    });
  const newGroup = async (code: string, supervisorId: string): Promise<string> => {
    const res = await send('chuyenvien.hg', 'post', '/field-groups', { code, name: `Lĩnh vực ${code}`, supervisorId });
    expect(res.status).toBe(201);
    return res.body.id;
  };

  beforeAll(async () => {
    stack = await startTestStack();
    people = asSeededPeople(stack);
  }, 120_000);
  afterAll(async () => stack?.close());

  it("keeps the province's list: its office adds, renames and retires; bad input changes nothing", async () => {
    const list = await send('vanthu.hg', 'get', '/field-groups');
    expect(list.status).toBe(200);
    expect(list.body.provinceId).toBe('hg-tu');
    expect(list.body.items.find((g: { code: string }) => g.code === 'economy')).toMatchObject({
      name: 'Kinh tế',
      supervisorId: 'hg-pbt',
      retired: false,
    });
    const code = `qp-an-${suffix}`;
    const created = await send('chuyenvien.hg', 'post', '/field-groups', {
      code,
      name: 'Quốc phòng – An ninh (thử)',
      supervisorId: 'hg-tv1',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ provinceId: 'hg-tu', code, supervisorId: 'hg-tv1', retired: false });

    const count = async () =>
      (await send('chuyenvien.hg', 'get', '/field-groups?includeRetired=true')).body.items.length;
    const before = await count();
    const refused: Array<[string, object, number, RegExp]> = [
      ['chuyenvien.hg', { code, name: 'Trùng mã', supervisorId: 'hg-tv1' }, 409, /has a field group qp-an-/],
      ['chuyenvien.hg', { code: 'Kinh Tế', name: 'Kinh tế', supervisorId: 'hg-pbt' }, 400, /code must be/],
      [
        'chuyenvien.hg',
        { code: `x-${suffix}`, name: 'X', supervisorId: 'hg-cv1' },
        400,
        /not a member of the Standing Committee of Tỉnh ủy Hậu Giang/,
      ],
      [
        'chuyenvien.hg',
        { code: `x-${suffix}`, name: 'X', supervisorId: 'lc-bithu' },
        400,
        /does not work in Tỉnh ủy Hậu Giang/,
      ],
      [
        'chuyenvien.hg',
        { code: `x-${suffix}`, name: 'X', supervisorId: 'khong-co' },
        400,
        /unknown supervising member khong-co/,
      ],
      ['chuyenvien.hg', { code: `x-${suffix}`, name: 'X', supervisorId: 'hg-pbt', extra: 1 }, 400, /extra/],
      [
        'vanthu.hg',
        { code: `x-${suffix}`, name: 'X', supervisorId: 'hg-pbt' },
        403,
        /only an admin of Tỉnh ủy Hậu Giang/,
      ],
      [
        'chuyenvien.lc',
        { provinceId: 'hg-tu', code: `x-${suffix}`, name: 'X', supervisorId: 'hg-pbt' },
        403,
        /not your province/,
      ],
    ];
    for (const [who, body, status, message] of refused) {
      const res = await send(who, 'post', '/field-groups', body);
      expect([who, res.status]).toEqual([who, status]);
      expect(JSON.stringify(res.body.message)).toMatch(message);
    }
    expect(await count()).toBe(before);
    expect((await send('chuyenvien.lc', 'get', '/field-groups?provinceId=hg-tu')).status).toBe(403);
    expect((await send('chuyenvien.lc', 'patch', `/field-groups/${created.body.id}`, { name: 'Khác' })).status).toBe(
      404,
    );
    expect((await send('vanthu.hg', 'patch', `/field-groups/${created.body.id}`, { name: 'Khác' })).status).toBe(403);

    const renamed = await send('admin.hg', 'patch', `/field-groups/${created.body.id}`, {
      name: 'Quốc phòng – An ninh',
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Quốc phòng – An ninh', supervisorId: 'hg-tv1' });
    expect((await send('chuyenvien.hg', 'post', `/field-groups/${created.body.id}/retire`)).status).toBe(200);
    expect((await send('chuyenvien.hg', 'post', `/field-groups/${created.body.id}/retire`)).status).toBe(409);
    const listed = (await send('chuyenvien.hg', 'get', '/field-groups')).body.items.map(
      (g: { code: string }) => g.code,
    );
    expect(listed).not.toContain(code);

    // New programmes and registry entries name a group in force of the province.
    const retired = await createProgramme('chuyenvien.hg', { fieldGroup: code, memberInChargeId: 'hg-pbt' });
    expect([retired.status, retired.body.message]).toEqual([
      400,
      `field group ${code} (Quốc phòng – An ninh) is retired in Tỉnh ủy Hậu Giang`,
    ]);
    const unknown = await createProgramme('chuyenvien.hg', { fieldGroup: 'kinh-te', memberInChargeId: 'hg-pbt' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toMatch(/^unknown field group kinh-te in Tỉnh ủy Hậu Giang; known: .*economy/);
    const entry = await send('chuyenvien.hg', 'post', '/resolutions', {
      kind: 'RESOLUTION',
      number: `99-NQ/TU`,
      issuingUnitId: 'hg-tu',
      signedOn: '2024-05-02',
      title: 'Về tăng cường quốc phòng, an ninh',
      fieldGroup: 'an-ninh',
    });
    expect([entry.status, entry.body.message]).toEqual([400, expect.stringMatching(/^unknown field group an-ninh/)]);
  });

  it("gives the group's supervising member the member in charge's rights, following the list", async () => {
    const code = `ctxh-${suffix}`;
    const groupId = await newGroup(code, 'hg-tv1');
    const id = `fg-rights-${suffix}`;
    const created = await createProgramme('chuyenvien.hg', { id, fieldGroup: code, memberInChargeId: 'hg-pbt' });
    expect(created.status).toBe(201);
    const other = `fg-control-${suffix}`;
    expect(
      (await createProgramme('chuyenvien.hg', { id: other, fieldGroup: 'economy', memberInChargeId: 'hg-pbt' })).status,
    ).toBe(201);

    // tvbtv.hg (hg-tv1) sits on the Standing Committee, not on the drafting team: only the group makes them act.
    const assign = { surveyorIds: ['hg-skhdt-gd'] };
    expect((await act('tvbtv.hg', other, 'assignSurveyors', assign)).status).toBe(403);
    expect((await act('tvbtv.hg', id, 'assignSurveyors', assign)).status).toBe(200);

    // Another supervising member named: the rights move with the list, at once.
    expect((await send('chuyenvien.hg', 'patch', `/field-groups/${groupId}`, { supervisorId: 'hg-pbt' })).status).toBe(
      200,
    );
    expect((await act('tvbtv.hg', id, 'closeSurvey', {})).status).toBe(403);

    // A programme that names no member in charge gets the group's supervising member.
    const defaulted = `fg-default-${suffix}`;
    expect((await createProgramme('chuyenvien.hg', { id: defaulted, fieldGroup: 'society' })).status).toBe(201);
    const row = await eventually(async () => {
      const res = await send('chuyenvien.hg', 'get', `/programmes/${defaulted}`);
      return res.status === 200 ? res.body.programme : undefined;
    }, 'the defaulted programme in the read model');
    expect(row).toMatchObject({ memberInChargeId: 'hg-tv1', fieldGroup: 'society' });
  });

  it('lets the steering committee read and inspect, sends it the review notice, and assigns a task by field', async () => {
    const code = `vh-${suffix}`;
    await newGroup(code, 'hg-tv1');
    const id = `fg-steering-${suffix}`;
    expect(
      (await createProgramme('chuyenvien.hg', { id, fieldGroup: 'economy', memberInChargeId: 'hg-pbt' })).status,
    ).toBe(201);
    const ok = async (who: string, action: string, payload: object) => {
      const res = await act(who, id, action, payload);
      expect([action, res.status, res.body.message]).toEqual([action, 200, undefined]);
    };
    await ok('chuyenvien.hg', 'assignSurveyors', { surveyorIds: ['hg-skhdt-gd'] });
    await ok('gd.skhdt.hg', 'submitSurveyFindings', { text: 'Thiết chế văn hóa cơ sở còn thiếu' });
    await ok('chuyenvien.hg', 'closeSurvey', {});
    await ok('chuyenvien.hg', 'submitDraft', { text: 'Dự thảo lần 1', changeNote: 'bản đầu' });
    await ok('chuyenvien.hg', 'openConsultation', { inviteeIds: ['hg-tv1'] });
    await ok('tvbtv.hg', 'submitOpinion', { text: 'Nhất trí' });
    await ok('chuyenvien.hg', 'closeConsultation', {});
    await ok('chuyenvien.hg', 'submitForApproval', {});
    await ok('bithu.hg', 'approve', {});
    const due = new Date(Date.now() + 10 * 86_400_000).toISOString();
    const issue = (tasks: object[], steeringCommittee: object) => ({
      documentNumber: `77-CTr/TU`,
      issuedOn: today(),
      targets: [],
      tasks,
      solutions: ['Đầu tư thiết chế văn hóa'],
      resources: ['Ngân sách tỉnh'],
      steeringCommittee,
    });
    const t1 = {
      code: 'T1',
      title: 'Kế hoạch vốn',
      responsibleUnitId: 'hg-skhdt',
      responsiblePersonId: 'hg-skhdt-gd',
      dueAt: due,
    };
    const byField = {
      code: 'T2',
      title: 'Thiết chế văn hóa xã',
      responsibleUnitId: 'hg-vithanh',
      responsiblePersonId: 'hg-vithanh-bt',
      dueAt: due,
      fieldGroup: code,
    };
    const steering = { headId: 'hg-bithu', memberIds: ['hg-stc-gd'] };

    // Refused before anything is issued: an unknown group for a task, a steering member of another province.
    const badTask = await act(
      'chuyenvien.hg',
      id,
      'issue',
      issue([t1, { ...byField, fieldGroup: 'khong-co' }], steering),
    );
    expect([badTask.status, badTask.body.message]).toEqual([
      400,
      expect.stringMatching(/^tasks\[1\] \(T2\): unknown field group khong-co/),
    ]);
    const badSteering = await act(
      'chuyenvien.hg',
      id,
      'issue',
      issue([t1, byField], { headId: 'hg-bithu', memberIds: ['lc-bithu'] }),
    );
    expect([badSteering.status, badSteering.body.message]).toEqual([
      400,
      expect.stringMatching(/steering committee member lc-bithu works at/),
    ]);
    const inIssued = await send('chuyenvien.hg', 'get', `/programmes/${id}`);
    expect(inIssued.body.live.phase).toBe('ISSUED');

    await ok('chuyenvien.hg', 'issue', issue([t1, byField], steering));
    // The task named by field has the group's supervising member as its member in charge.
    const t2 = await eventually(async () => {
      const res = await send('chuyenvien.hg', 'get', `/tasks/${encodeURIComponent(`${id}/T2`)}`);
      return res.status === 200 ? res.body.task : undefined;
    }, 'task T2 in the read model');
    expect(t2).toMatchObject({ memberInChargeId: 'hg-tv1', fieldGroup: code });
    const t1Row = await eventually(async () => {
      const res = await send('chuyenvien.hg', 'get', `/tasks/${encodeURIComponent(`${id}/T1`)}`);
      return res.status === 200 ? res.body.task : undefined;
    }, 'task T1 in the read model');
    expect(t1Row).toMatchObject({ memberInChargeId: 'hg-pbt', fieldGroup: 'economy' });

    // The steering member (director of the finance department) reads a task of another department;
    // the director of another department outside the committee does not.
    expect((await send('gd.stc.hg', 'get', `/tasks/${encodeURIComponent(`${id}/T1`)}`)).status).toBe(200);
    expect((await send('bithu.vithanh', 'get', `/tasks/${encodeURIComponent(`${id}/T1`)}`)).status).toBe(404);
    expect((await send('gd.stc.hg', 'get', `/programmes/${id}`)).status).toBe(200);

    await ok('bithu.hg', 'recordDissemination', { heldOn: today(), audienceIds: ['hg-skhdt-gd', 'hg-stc-gd'] });
    // The steering member records an inspection; a staff member may not.
    expect((await act('vanthu.hg', id, 'recordInspection', { findings: 'Kiểm tra' })).status).toBe(403);
    await ok('gd.stc.hg', 'recordInspection', { findings: 'Kiểm tra tiến độ thiết chế văn hóa', unitId: 'hg-vithanh' });
    const inspections = await eventually(async () => {
      const res = await send('bithu.hg', 'get', `/programmes/${id}`);
      const list = res.body.live?.state.implementation.inspections ?? [];
      return list.length > 0 ? list : undefined;
    }, 'the inspection in the state');
    expect(inspections[0]).toMatchObject({ by: 'hg-stc-gd', unitId: 'hg-vithanh' });

    // The drill's first review opens within seconds: its notice reaches the steering member, who reports to nothing.
    const notice = await eventually(
      async () => {
        const res = await send('gd.stc.hg', 'get', '/inbox?limit=50');
        return res.body.items.find(
          (i: { programmeId: string; kind: string }) => i.programmeId === id && i.kind === 'REVIEW_OPENED',
        );
      },
      'the review notice in the steering member inbox',
      40_000,
    );
    expect(notice.title).toBeTruthy();
    // With RECORD_HISTORIES_TO set, keep these histories as replay fixtures (a task assigned by field).
    const client = stack.api.get(Client);
    await recordHistories(client, programmeWorkflowId(id), 'programme-field-groups-steering.v3');
    await recordHistories(client, taskWorkflowId(`${id}/T2`), 'task-assigned-by-field.v3');
  }, 120_000);
});
