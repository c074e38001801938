import { randomUUID } from 'node:crypto';
import { eventually, startTestStack, TestStack } from './utils/test-stack';

/**
 * The foundation end to end: a seeded user logs in, starts a programme workflow over HTTP, the worker
 * runs it, an activity writes the read model and enqueues a BullMQ job, the notifier delivers it to
 * the inbox, and everything is read back through the API. Real Temporal, Postgres and Redis.
 */
describe('foundation (e2e)', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack();
  });

  afterAll(async () => {
    await stack?.close();
  });

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  it('reports Postgres, Redis and Temporal up on /health (details for admins)', async () => {
    expect((await stack.http().get('/health')).body).toEqual({ status: 'up' });
    const res = await stack
      .http()
      .get('/health/details')
      .set(auth(await stack.login('admin')));
    expect(res.status).toBe(200);
    expect(res.body.info.postgres.status).toBe('up');
    expect(res.body.info.redis.status).toBe('up');
    expect(res.body.info.temporal.status).toBe('up');
  });

  it('refuses bad credentials and bad tokens with 401 and a reason', async () => {
    const wrong = await stack.http().post('/auth/login').send({ username: 'bithu.hg', password: 'nope' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.message).toMatch(/wrong username or password/);
    const missing = await stack.http().get('/programmes');
    expect(missing.status).toBe(401);
    expect(missing.body.message).toMatch(/missing bearer token/);
    const bad = await stack.http().get('/programmes').set('Authorization', 'Bearer not-a-jwt');
    expect(bad.status).toBe(401);
    expect(bad.body.message).toMatch(/invalid or expired/);
  });

  it('refuses unknown fields and wrong types with 400, changing nothing', async () => {
    const token = await stack.login('chuyenvien.hg');
    const before = await stack.http().get('/programmes').set(auth(token));
    const unknownField = await stack.http().post('/programmes').set(auth(token)).send({
      templateId: 'action-programme',
      title: 'X programme',
      issuingUnitId: 'hg-tu',
      memberInChargeId: 'hg-pbt',
      fieldGroup: 'economy',
      term: '2020-2025',
      colour: 'red',
    });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.message.join(' ')).toMatch(/colour should not exist/);
    const wrongType = await stack
      .http()
      .post('/programmes')
      .set(auth(token))
      .send({ templateId: 'action-programme', title: 42, term: 'soon' });
    expect(wrongType.status).toBe(400);
    const badLogin = await stack
      .http()
      .post('/auth/login')
      .send({ username: ['x'] });
    expect(badLogin.status).toBe(400);
    const after = await stack.http().get('/programmes').set(auth(token));
    expect(after.body.total).toBe(before.body.total);
  });

  it('runs a programme workflow whose activity writes Postgres and whose notification reaches the inbox', async () => {
    const staff = await stack.login('chuyenvien.hg');
    const id = `e2e-foundation-${randomUUID().slice(0, 8)}`;
    const created = await stack.http().post('/programmes').set(auth(staff)).send({
      id,
      templateId: 'action-programme',
      title: 'Chương trình hành động thực hiện Nghị quyết 13-NQ/TW',
      issuingUnitId: 'hg-tu',
      memberInChargeId: 'hg-pbt',
      fieldGroup: 'economy',
      term: '2020-2025',
      implementsResolution: '13-NQ/TW',
    });
    expect(created.status).toBe(201);
    expect(created.body.workflowId).toBe(`programme/${id}`);

    const projected = await eventually(async () => {
      const res = await stack.http().get(`/programmes/${id}`).set(auth(staff));
      return res.status === 200 && res.body;
    }, 'the read model row');
    expect(projected.programme.phase).toBe('SURVEY');
    expect(projected.live.phase).toBe('SURVEY');
    expect(projected.live.awaiting.what).toBe('assign surveyors');

    const requestId = randomUUID();
    const assign = await stack
      .http()
      .post(`/programmes/${id}/actions/assignSurveyors`)
      .set(auth(staff))
      .send({ requestId, payload: { surveyorIds: ['hg-skhdt-gd'] } });
    expect(assign.status).toBe(200);
    expect(assign.body).toMatchObject({
      phase: 'SURVEY',
      awaiting: { what: 'survey findings', fromIds: ['hg-skhdt-gd'] },
    });

    // The surveyor is told through the notifier: BullMQ job → in-app inbox row → API.
    const surveyor = await stack.login('gd.skhdt.hg');
    const inbox = await eventually(async () => {
      const res = await stack.http().get('/inbox').set(auth(surveyor));
      return res.body.items?.find((n: { programmeId: string }) => n.programmeId === id);
    }, 'the surveyor’s inbox item');
    expect(inbox.kind).toBe('SURVEY_ASSIGNED');
    expect(inbox.title).toContain('Khảo sát thực tiễn');
    const unread = await stack.http().get('/inbox/unread-count').set(auth(surveyor));
    expect(unread.body.unread).toBeGreaterThanOrEqual(1);

    const audit = await eventually(async () => {
      const res = await stack.http().get(`/programmes/${id}/audit`).set(auth(staff));
      return res.body.items?.some((e: { action: string }) => e.action === 'assignSurveyors') && res.body;
    }, 'the audit event');
    expect(audit.items.find((e: { action: string }) => e.action === 'assignSurveyors').actorId).toBe('hg-cv1');
  });

  it('maps workflow refusals to 403, 409 and 400, and a repeated request id has one effect', async () => {
    const staff = await stack.login('chuyenvien.hg');
    const id = `e2e-refusals-${randomUUID().slice(0, 8)}`;
    await stack
      .http()
      .post('/programmes')
      .set(auth(staff))
      .send({
        id,
        templateId: 'action-programme',
        title: 'Nghị quyết 10-NQ/TU',
        issuingUnitId: 'hg-tu',
        memberInChargeId: 'hg-pbt',
        fieldGroup: 'agriculture',
        term: '2020-2025',
      })
      .expect(201);

    const outsider = await stack.login('gd.stc.hg');
    const forbidden = await stack
      .http()
      .post(`/programmes/${id}/actions/assignSurveyors`)
      .set(auth(outsider))
      .send({ requestId: randomUUID(), payload: { surveyorIds: ['hg-stc-gd'] } });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.message).toMatch(/drafting team/);

    const wrongPhase = await stack
      .http()
      .post(`/programmes/${id}/actions/approve`)
      .set(auth(staff))
      .send({ requestId: randomUUID(), payload: {} });
    expect(wrongPhase.status).toBe(409);
    expect(wrongPhase.body.message).toMatch(/APPROVAL/);

    const invalid = await stack
      .http()
      .post(`/programmes/${id}/actions/assignSurveyors`)
      .set(auth(staff))
      .send({ requestId: randomUUID(), payload: { surveyorIds: [] } });
    expect(invalid.status).toBe(400);

    const unknownAction = await stack
      .http()
      .post(`/programmes/${id}/actions/fly`)
      .set(auth(staff))
      .send({ requestId: randomUUID(), payload: {} });
    expect(unknownAction.status).toBe(404);

    const requestId = randomUUID();
    const draftlessFindings = { requestId, payload: { surveyorIds: ['hg-skhdt-gd', 'hg-stc-gd'] } };
    const first = await stack
      .http()
      .post(`/programmes/${id}/actions/assignSurveyors`)
      .set(auth(staff))
      .send(draftlessFindings);
    const second = await stack
      .http()
      .post(`/programmes/${id}/actions/assignSurveyors`)
      .set(auth(staff))
      .send(draftlessFindings);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.body.version).toBe(first.body.version);
    const audit = await eventually(async () => {
      const res = await stack.http().get(`/programmes/${id}/audit`).set(auth(staff));
      return res.body.items?.length >= 1 && res.body;
    }, 'audit events');
    expect(audit.items.filter((e: { action: string }) => e.action === 'assignSurveyors')).toHaveLength(1);
  });
});
