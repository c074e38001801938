import { randomUUID } from 'node:crypto';
import { TaskPerson, taskPeople } from './utils/task-steps';
import { eventually, TestStack } from './utils/test-stack';

/**
 * A breakthrough cycle over HTTP on the real stack (Temporal, Postgres, Redis): the committee's
 * leadership opens it, units register, the member in charge appraises, and an approved registration
 * becomes a breakthrough task in the registrant's inbox.
 */
describe('breakthrough cycle (e2e)', () => {
  const people = taskPeople();
  const { tokens, auth } = people;
  let stack: TestStack;

  beforeAll(async () => {
    stack = await people.start();
  }, 120_000);

  afterAll(async () => {
    await people.close();
  });

  it('runs a breakthrough cycle on the real stack: registrations, appraisal, and an approved one becomes a breakthrough task', async () => {
    const year = 2100 + Math.floor(Math.random() * 800); // a fresh cycle id on a shared Temporal server
    const cycle = `/breakthrough/cycles/hg-tu/${year}`;
    const start = {
      unitId: 'hg-tu',
      year,
      title: `Việc đột phá năm ${year}`,
      registrationDeadline: new Date(Date.now() + 86_400_000).toISOString(),
      appraisalDeadline: new Date(Date.now() + 2 * 86_400_000).toISOString(),
      fieldGroup: 'party-building',
    };
    expect((await stack.http().post('/breakthrough/cycles').set(auth(tokens.skhdt)).send(start)).status).toBe(403); // not the committee's leadership
    expect(
      (
        await stack
          .http()
          .post('/breakthrough/cycles')
          .set(auth(tokens.bithu))
          .send({ ...start, appraisalDeadline: start.registrationDeadline })
      ).status,
    ).toBe(400);
    expect((await stack.http().post('/breakthrough/cycles').set(auth(tokens.bithu)).send(start)).status).toBe(201);
    const btAct = async (who: TaskPerson, action: string, payload: object) =>
      stack.http().post(`${cycle}/actions/${action}`).set(auth(tokens[who])).send({ requestId: randomUUID(), payload });
    await eventually(
      async () => (await stack.http().get(cycle).set(auth(tokens.pbt))).status === 200,
      'the cycle in the read model',
    );
    const mine = await btAct('skhdt', 'register', {
      kind: 'HEAD',
      title: 'Rút ngắn 30% thời gian cấp giấy chứng nhận đầu tư',
      expectedResult: 'Dưới 10 ngày',
      measure: 'Hệ thống một cửa',
    });
    expect(mine.status).toBe(200);
    const theirs = await btAct('vithanh', 'register', {
      kind: 'UNIT',
      title: 'Họp giao ban định kỳ',
      expectedResult: 'Đủ 12 kỳ',
      measure: 'Biên bản',
    });
    expect(
      (await btAct('cv', 'register', { kind: 'UNIT', title: 'x', expectedResult: 'x', measure: 'x' })).status,
    ).toBe(403); // advisory staff do not register
    expect(
      (await btAct('pbt', 'appraise', { no: mine.body.registration.no, decision: 'APPROVE', comments: '' })).status,
    ).toBe(409); // registration still open
    expect((await btAct('pbt', 'closeRegistration', {})).body.phase).toBe('APPRAISAL');
    expect(
      (await btAct('skhdt', 'appraise', { no: mine.body.registration.no, decision: 'APPROVE', comments: '' })).status,
    ).toBe(403);
    await btAct('pbt', 'appraise', { no: mine.body.registration.no, decision: 'APPROVE', comments: '' });
    await btAct('pbt', 'appraise', {
      no: theirs.body.registration.no,
      decision: 'REJECT',
      comments: 'Là nhiệm vụ thường xuyên',
    });
    const closed = await btAct('pbt', 'closeAppraisal', {});
    expect(closed.body).toMatchObject({ phase: 'IMPLEMENTATION', counts: { APPROVED: 1, REJECTED: 1 } });

    const taskId = `bt/hg-tu/${year}/${mine.body.registration.no}`;
    const item = await eventually(async () => {
      const res = await stack.http().get('/tasks?breakthrough=true').set(auth(tokens.skhdt));
      return res.body.items?.find((t: { id: string }) => t.id === taskId);
    }, "the breakthrough task in the registrant's inbox");
    expect(item).toMatchObject({
      isBreakthrough: true,
      source: 'BREAKTHROUGH',
      programmeId: null,
      responsiblePersonId: 'hg-skhdt-gd',
      assignerId: 'hg-pbt',
      issuingUnitId: 'hg-tu',
      status: 'ASSIGNED',
      bucket: 'OPEN_WITHIN_DEADLINE',
    });
    expect(new Date(item.dueAt).getUTCFullYear()).toBe(year);
    const accepted = await stack
      .http()
      .post(`/tasks/${encodeURIComponent(taskId)}/actions/accept`)
      .set(auth(tokens.skhdt))
      .send({ requestId: randomUUID(), payload: {} });
    expect(accepted.status).toBe(200);
    const history = await eventually(async () => {
      const res = await stack.http().get(cycle).set(auth(tokens.pbt));
      return res.body.cycle?.counts?.APPROVED === 1 && res.body;
    }, "the cycle's counts in the read model");
    expect(history.cycle.phase).toBe('IMPLEMENTATION');
  }, 60_000);
});
