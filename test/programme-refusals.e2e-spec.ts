import { randomUUID } from 'node:crypto';
import { programmeSteps } from './utils/programme-steps';
import { TestStack } from './utils/test-stack';

/**
 * What a programme refuses and who may see it, over HTTP on the real stack: every action on a cancelled
 * programme (and a repeated request id has one effect), an unknown programme and a malformed payload,
 * and the units, supervisors and other provinces that may or may not read it.
 */
describe('programme refusals and visibility (e2e)', () => {
  const { auth, act, readModel, auditActions, start, close } = programmeSteps();
  let stack: TestStack;

  beforeAll(async () => {
    stack = await start();
  });

  afterAll(async () => {
    await close();
  });

  /** A programme of Tỉnh ủy Hậu Giang on the `drill` template, created by its office (`staff`'s token). */
  const create = (staff: string, id: string, title: string, fieldGroup = 'economy') =>
    stack
      .http()
      .post('/programmes')
      .set(auth(staff))
      .send({
        id,
        templateId: 'drill',
        title,
        issuingUnitId: 'hg-tu',
        memberInChargeId: 'hg-pbt',
        fieldGroup,
        term: '2020-2025',
      })
      .expect(201);

  it('refuses every action on a cancelled programme, and a repeated request id has one effect', async () => {
    const id = `e2e-cancel-${randomUUID().slice(0, 8)}`;
    const staff = await stack.login('chuyenvien.hg');
    await create(staff, id, 'Chương trình thực hiện Nghị quyết 20-NQ/TU', 'digital');

    const byStaff = await act('chuyenvien.hg', id, 'cancel', { reason: 'trùng nội dung' });
    expect(byStaff.status).toBe(403);
    const requestId = randomUUID();
    const first = await act('bithu.hg', id, 'cancel', { reason: 'Gộp vào chương trình 123-CTr/TU' }, requestId);
    const again = await act('bithu.hg', id, 'cancel', { reason: 'Gộp vào chương trình 123-CTr/TU' }, requestId);
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(first.body.phase).toBe('CANCELLED');
    expect(again.body.version).toBe(first.body.version);

    const rm = await readModel(id, first.body.version);
    expect(rm.programme.phase).toBe('CANCELLED');
    expect(rm.live.phase).toBe('CANCELLED'); // a finished workflow still answers queries
    expect((await auditActions(id)).filter((a) => a === 'cancel')).toHaveLength(1);

    const afterCancel = await act('chuyenvien.hg', id, 'assignSurveyors', { surveyorIds: ['hg-skhdt-gd'] });
    expect(afterCancel.status).toBe(409);
    expect(afterCancel.body.message).toMatch(/cancelled|CANCELLED|finished/i);
  });

  it('answers 404 for an unknown programme and 400 for a malformed payload, changing nothing', async () => {
    const unknown = await act('chuyenvien.hg', `nope-${randomUUID().slice(0, 8)}`, 'closeSurvey', {});
    expect(unknown.status).toBe(404);
    const id = `e2e-shape-${randomUUID().slice(0, 8)}`;
    const staff = await stack.login('chuyenvien.hg');
    await create(staff, id, 'Chương trình kiểm tra dữ liệu');
    const before = await readModel(id, 0);
    const wrongType = await act('chuyenvien.hg', id, 'assignSurveyors', { surveyorIds: 'hg-skhdt-gd' });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.message.join(' ')).toMatch(/payload.surveyorIds must be an array/);
    const live = await stack.http().get(`/programmes/${id}`).set(auth(staff));
    expect(live.body.live.version).toBe(before.live.version);
  });

  it('shows a programme to the units it is addressed to and to its supervisors, not to another province', async () => {
    const id = `e2e-scope-${randomUUID().slice(0, 8)}`;
    const staff = await stack.login('chuyenvien.hg');
    await create(staff, id, 'Chương trình phạm vi xem');
    await readModel(id, 0);
    for (const username of ['gd.skhdt.hg', 'bithu.vithanh', 'ubkt.hg', 'admin']) {
      const res = await stack
        .http()
        .get(`/programmes/${id}`)
        .set(auth(await stack.login(username)));
      expect([username, res.status]).toEqual([username, 200]);
    }
    const otherProvince = await stack.login('chuyenvien.lc');
    expect((await stack.http().get(`/programmes/${id}`).set(auth(otherProvince))).status).toBe(404);
    expect((await stack.http().get(`/programmes/${id}/audit`).set(auth(otherProvince))).status).toBe(404);
    const listed = await stack.http().get('/programmes?limit=200').set(auth(otherProvince));
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((p: { id: string }) => p.id)).not.toContain(id);
    expect(listed.body.items.every((p: { issuingUnitId: string }) => p.issuingUnitId.startsWith('lc-'))).toBe(true);
    const home = await stack.http().get('/programmes?limit=200').set(auth(staff));
    expect(home.body.items.map((p: { id: string }) => p.id)).toContain(id);
  });
});
