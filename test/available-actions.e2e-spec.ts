import { randomUUID } from 'node:crypto';
import { eventually, startTestStack, TestStack } from './utils/test-stack';

/**
 * "What can I do now" over HTTP on the real stack: a programme walked through its first phases by the
 * seeded people, asking at each step what each of them may do, and checking the answer against what
 * then happens: an action offered succeeds, an action not offered is refused (403 or 409).
 */
describe('available actions (e2e)', () => {
  let stack: TestStack;
  let schemas: Record<string, unknown>;

  beforeAll(async () => {
    stack = await startTestStack();
    schemas = (await stack.http().get('/docs/openapi.json')).body.components.schemas;
  });

  afterAll(async () => {
    await stack?.close();
  });

  interface Offer {
    name: string;
    schema: string;
    prefill: Record<string, unknown>;
    choices?: Record<string, Array<{ value: unknown; label: string }>>;
  }

  async function get(username: string, path: string) {
    const token = await stack.login(username);
    return stack
      .http()
      .get(path)
      .set({ Authorization: `Bearer ${token}` });
  }

  async function offers(username: string, path: string): Promise<Offer[]> {
    const res = await get(username, `${path}/available-actions`);
    if (res.status !== 200) throw new Error(`${path} for ${username}: ${res.status} ${JSON.stringify(res.body)}`);
    for (const offer of res.body.actions as Offer[]) expect(schemas[offer.schema]).toBeDefined();
    return res.body.actions;
  }
  const names = async (username: string, path: string) => (await offers(username, path)).map((o) => o.name);

  async function act(username: string, path: string, action: string, payload: Record<string, unknown>) {
    const token = await stack.login(username);
    return stack
      .http()
      .post(`${path}/actions/${action}`)
      .set({ Authorization: `Bearer ${token}` })
      .send({ requestId: randomUUID(), payload });
  }

  /** Takes an offered action (its prefill plus `payload`): it must succeed. */
  async function take(username: string, path: string, action: string, payload: Record<string, unknown> = {}) {
    const offer = (await offers(username, path)).find((o) => o.name === action);
    if (!offer) throw new Error(`${action} is not offered to ${username}`);
    const res = await act(username, path, action, { ...offer.prefill, ...payload });
    if (res.status !== 200) throw new Error(`${action} by ${username}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  /** An action not offered to `username` is refused when tried (for the person or the phase). */
  async function refused(username: string, path: string, action: string, payload: Record<string, unknown> = {}) {
    expect(await names(username, path)).not.toContain(action);
    const res = await act(username, path, action, payload);
    const answer = res.status === 403 || res.status === 409 ? 'refused' : `${res.status} ${JSON.stringify(res.body)}`;
    expect({ username, action, answer }).toEqual({ username, action, answer: 'refused' });
  }

  it('offers each person what then succeeds, and nothing that is then refused', async () => {
    const id = `e2e-offers-${randomUUID().slice(0, 8)}`;
    const p = `/programmes/${id}`;
    const created = await stack
      .http()
      .post('/programmes')
      .set({ Authorization: `Bearer ${await stack.login('chuyenvien.hg')}` })
      .send({
        id,
        templateId: 'drill',
        title: 'Chương trình hành động thực hiện Nghị quyết (các bước được mời làm)',
        issuingUnitId: 'hg-tu',
        memberInChargeId: 'hg-pbt',
        fieldGroup: 'economy',
        term: '2020-2025',
      });
    expect(created.status).toBe(201);

    // SURVEY: the office assigns surveyors; a department head has nothing to do until assigned.
    expect(await names('chuyenvien.hg', p)).toEqual(['assignSurveyors']);
    expect(await names('bithu.hg', p)).toEqual(['assignSurveyors', 'cancel', 'supersede']);
    expect(await names('vanthu.hg', p)).toEqual([]);
    await refused('gd.skhdt.hg', p, 'submitSurveyFindings', { text: 'Chưa được giao' });
    await refused('vanthu.hg', p, 'assignSurveyors', { surveyorIds: ['hg-skhdt-gd'] });
    await take('chuyenvien.hg', p, 'assignSurveyors', { surveyorIds: ['hg-skhdt-gd'] });
    expect(await names('gd.skhdt.hg', p)).toEqual(['submitSurveyFindings']);
    await refused('chuyenvien.hg', p, 'closeSurvey');
    await take('gd.skhdt.hg', p, 'submitSurveyFindings', { text: 'Thu hút đầu tư còn thấp' });
    await take('chuyenvien.hg', p, 'closeSurvey');

    // DRAFTING: a draft before a consultation; approval waits for a closed round.
    expect(await names('chuyenvien.hg', p)).toEqual(['submitDraft']);
    await refused('chuyenvien.hg', p, 'openConsultation', { inviteeIds: ['hg-tv1'] });
    await take('chuyenvien.hg', p, 'submitDraft', { text: 'Dự thảo lần 1', changeNote: 'bản đầu' });
    expect(await names('chuyenvien.hg', p)).toEqual(['submitDraft', 'openConsultation']);
    await take('chuyenvien.hg', p, 'openConsultation', { inviteeIds: ['hg-tv1', 'hg-skhdt-gd'] });

    // CONSULTATION: each invitee until they have answered; the office closes once all have.
    // A Standing Committee member may also end the programme, in any open phase.
    expect(await names('tvbtv.hg', p)).toEqual(['submitOpinion', 'cancel', 'supersede']);
    expect(await names('gd.skhdt.hg', p)).toEqual(['submitOpinion']);
    await refused('gd.stc.hg', p, 'submitOpinion', { text: 'Không được mời' });
    await refused('chuyenvien.hg', p, 'closeConsultation');
    await take('tvbtv.hg', p, 'submitOpinion', { text: 'Nhất trí' });
    await refused('tvbtv.hg', p, 'submitOpinion', { text: 'Lần hai' });
    await take('gd.skhdt.hg', p, 'submitOpinion', { text: 'Bổ sung nguồn lực' });
    expect(await names('chuyenvien.hg', p)).toEqual(['closeConsultation']);
    await take('chuyenvien.hg', p, 'closeConsultation');

    // A new round starts with the last round's invitees; then approval.
    const open = (await offers('chuyenvien.hg', p)).find((o) => o.name === 'openConsultation');
    expect(open?.prefill).toEqual({ inviteeIds: ['hg-tv1', 'hg-skhdt-gd'] });
    await take('chuyenvien.hg', p, 'submitForApproval');

    // APPROVAL: the Standing Committee and the secretary; not the office.
    expect(await names('chuyenvien.hg', p)).toEqual([]);
    expect(await names('pbt.hg', p)).toEqual(['approve', 'sendBack', 'cancel', 'supersede']);
    await refused('chuyenvien.hg', p, 'approve');
    await take('bithu.hg', p, 'approve', { note: 'Thống nhất' });

    // ISSUED: the office issues, with the lists the form starts empty.
    const issue = (await offers('chuyenvien.hg', p)).find((o) => o.name === 'issue');
    expect(issue).toMatchObject({ schema: 'IssuePayload', prefill: { targets: [], tasks: [], solutions: [] } });
    await refused('bithu.hg', p, 'recordDissemination', { heldOn: '2021-09-20', audienceIds: ['hg-tv1'] });
    const due = new Date(Date.now() + 30 * 86_400_000).toISOString();
    await take('chuyenvien.hg', p, 'issue', {
      documentNumber: '77-CTr/TU',
      issuedOn: '2021-09-15',
      tasks: [
        {
          code: 'T1',
          title: 'Kế hoạch thu hút đầu tư',
          responsibleUnitId: 'hg-skhdt',
          responsiblePersonId: 'hg-skhdt-gd',
          dueAt: due,
        },
      ],
      resources: ['Ngân sách tỉnh'],
    });

    // DISSEMINATION: the head, personally, with the tasks' people as the audience to start with.
    const record = (await offers('bithu.hg', p)).find((o) => o.name === 'recordDissemination');
    expect(record?.prefill.audienceIds).toEqual(['hg-skhdt-gd']);
    await refused('chuyenvien.hg', p, 'recordDissemination', { heldOn: '2021-09-20', audienceIds: ['hg-tv1'] });
    await take('bithu.hg', p, 'recordDissemination');
    expect(await names('gd.skhdt.hg', p)).toContain('acknowledgeDissemination');
    await take('gd.skhdt.hg', p, 'acknowledgeDissemination');
    await refused('gd.skhdt.hg', p, 'acknowledgeDissemination');

    // The task: its responsible person works on it, its assigner reviews; both see it in the work list.
    const t = `/tasks/${encodeURIComponent(`${id}/T1`)}`;
    await eventually(async () => (await get('gd.skhdt.hg', t)).status === 200, 'the task in the read model');
    expect(await names('gd.skhdt.hg', t)).toEqual(['accept', 'requestExtension', 'reassign']);
    expect(await names('chuyenvien.hg', t)).toEqual(['reassign', 'cancel']);
    const reassign = (await offers('chuyenvien.hg', t))[0];
    expect(reassign.schema).toBe('ReassignPayload');
    await refused('chuyenvien.hg', t, 'accept');
    const mine = await get('gd.skhdt.hg', '/tasks?pageSize=100');
    expect(mine.status).toBe(200);
    expect(mine.body.items.find((i: { id: string }) => i.id === `${id}/T1`)?.actions).toEqual([
      'accept',
      'requestExtension',
      'reassign',
    ]);
    await take('gd.skhdt.hg', t, 'accept');
    const working = ['reportProgress', 'requestExtension', 'submitResult', 'reassign'];
    expect(await names('gd.skhdt.hg', t)).toEqual(working);
    // The work list works the same rule out from the read model: once the acceptance is there, it agrees.
    await eventually(async () => {
      const row = (await get('gd.skhdt.hg', '/tasks?pageSize=100')).body.items.find(
        (i: { id: string }) => i.id === `${id}/T1`,
      );
      return JSON.stringify(row?.actions) === JSON.stringify(working);
    }, 'the work list offering what the accepted task offers');
    await take('gd.skhdt.hg', t, 'reportProgress', { percent: 30, text: 'Đã khảo sát nhà đầu tư' });
    const progress = (await offers('gd.skhdt.hg', t)).find((o) => o.name === 'reportProgress');
    expect(progress?.prefill).toEqual({ percent: 30 });

    // Someone who may not read the programme or the task gets 404, as from their own GET routes.
    expect((await get('vanthu.lc', `${p}/available-actions`)).status).toBe(404);
    expect((await get('vanthu.lc', `${t}/available-actions`)).status).toBe(404);

    // Once ended, nobody is offered anything, and the answer is still an answer.
    await take('bithu.hg', p, 'cancel', { reason: 'Thay bằng chương trình mới' });
    await eventually(async () => (await get('bithu.hg', p)).body.programme?.phase === 'CANCELLED', 'cancelled');
    for (const who of ['bithu.hg', 'chuyenvien.hg', 'gd.skhdt.hg']) expect(await names(who, p)).toEqual([]);
    await eventually(async () => (await names('gd.skhdt.hg', t)).length === 0, 'the task ended with its programme');
  });

  it('offers a breakthrough cycle to the heads it invites and to its appraisers, step by step', async () => {
    const year = 2100 + Math.floor(Math.random() * 800);
    const c = `/breakthrough/cycles/hg-tu/${year}`;
    const opened = await stack
      .http()
      .post('/breakthrough/cycles')
      .set({ Authorization: `Bearer ${await stack.login('bithu.hg')}` })
      .send({
        unitId: 'hg-tu',
        year,
        title: `Việc đột phá năm ${year}`,
        contentGroups: [{ code: 'DAU-TU', title: 'Cải thiện môi trường đầu tư' }],
        registrationDeadline: new Date(Date.now() + 86_400_000).toISOString(),
        appraisalDeadline: new Date(Date.now() + 2 * 86_400_000).toISOString(),
      });
    expect(opened.status).toBe(201);
    await eventually(async () => (await get('bithu.hg', c)).status === 200, 'the cycle projected');

    // The head of an invited unit registers, choosing among the cycle's content groups.
    const register = (await offers('bithu.vithanh', c)).find((o) => o.name === 'register');
    expect(register).toMatchObject({
      schema: 'RegisterPayload',
      prefill: { kind: 'UNIT' },
      choices: { contentGroup: [{ value: 'DAU-TU', label: 'Cải thiện môi trường đầu tư' }] },
    });
    // The committee's own head is not invited to register in its cycle; staff register nothing.
    await refused('bithu.hg', c, 'register', {
      kind: 'UNIT',
      title: 'Việc của Thường trực',
      expectedResult: 'Xong',
      measure: 'Báo cáo',
      contentGroup: 'DAU-TU',
    });
    expect(await names('vanthu.hg', c)).toEqual([]);
    expect(await names('tvbtv.hg', c)).toEqual(['closeRegistration']);
    await refused('tvbtv.hg', c, 'appraise', { no: 1, decision: 'APPROVE', comments: '' });

    await take('bithu.vithanh', c, 'register', {
      title: 'Chuyển đổi số hồ sơ đất đai',
      expectedResult: 'Toàn bộ hồ sơ được số hóa',
      measure: 'Số hồ sơ số hóa',
      contentGroup: 'DAU-TU',
    });
    await take('tvbtv.hg', c, 'closeRegistration');
    const appraise = (await offers('tvbtv.hg', c)).find((o) => o.name === 'appraise');
    expect(appraise?.prefill).toEqual({ no: 1 });
    await take('tvbtv.hg', c, 'appraise', { decision: 'REVISE', comments: 'Lượng hóa kết quả' });
    expect(await names('bithu.vithanh', c)).toEqual(['revise']);
    await take('bithu.vithanh', c, 'revise', { expectedResult: '100% hồ sơ được số hóa' });
    await take('tvbtv.hg', c, 'appraise', { decision: 'APPROVE', comments: '' });
    expect(await names('tvbtv.hg', c)).toEqual(['closeAppraisal']);
    await take('tvbtv.hg', c, 'closeAppraisal');
    expect(await names('tvbtv.hg', c)).toEqual([]);
    expect((await get('vanthu.lc', `${c}/available-actions`)).status).toBe(404);
  });
});
