import { randomUUID } from 'node:crypto';
import { NotificationKind } from '../libs/notifications/src';
import { asSeededPeople } from './utils/authorization-fixtures';
import { NotificationStack, startNotificationStack, WEBHOOK_SECRET } from './utils/notification-stack';
import { eventually, startTestStack, TestStack } from './utils/test-stack';

/**
 * The secret tier ("Mật") over HTTP on the real stack: who reads a restricted programme's content,
 * how everyone else sees it (a counted, untitled row; 404 on its detail), how its leaders change its
 * readers, and that its notices carry no content on any channel. The rule is the table in
 * apps/api/src/access/secrecy.ts.
 */
describe('restricted programmes (e2e)', () => {
  let stack: TestStack;
  let people: ReturnType<typeof asSeededPeople>;
  const id = `mat-e2e-${randomUUID().slice(0, 8)}`;
  const TITLE = 'Chương trình mật về bảo vệ chính trị nội bộ';
  const auth = (username: string) => people.auth(username);
  const get = async (username: string, path: string) =>
    stack
      .http()
      .get(path)
      .set(await auth(username));
  const putReaders = async (username: string, programmeId: string, readerIds: string[]) =>
    stack
      .http()
      .put(`/programmes/${programmeId}/readers`)
      .set(await auth(username))
      .send({ readerIds });
  const create = async (body: object) =>
    stack
      .http()
      .post('/programmes')
      .set(await auth('chuyenvien.hg'))
      .send({
        templateId: 'drill',
        title: TITLE,
        issuingUnitId: 'hg-tu',
        memberInChargeId: 'hg-pbt',
        fieldGroup: 'economy',
        term: '2025-2030',
        ...body,
      });
  const rowOf = async (username: string) => {
    const res = await get(username, '/programmes?limit=200&term=2025-2030');
    expect(res.status).toBe(200);
    return res.body.items.find((p: { id: string }) => p.id === id);
  };

  beforeAll(async () => {
    stack = await startTestStack();
    people = asSeededPeople(stack);
    const res = await create({ id, restricted: true, readerIds: ['hg-cv1', 'hg-skhdt-gd'] });
    expect(res.status).toBe(201);
    await eventually(async () => (await rowOf('bithu.hg')) !== undefined, 'the read-model row');
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('refuses readers outside the issuing committee, and readers of an unrestricted programme (400)', async () => {
    const outside = await create({
      id: `mat-bad-${randomUUID().slice(0, 8)}`,
      restricted: true,
      readerIds: ['lc-bithu'],
    });
    expect(outside.status).toBe(400);
    expect(JSON.stringify(outside.body)).toContain('lc-bithu');
    const unrestricted = await create({ id: `mat-bad-${randomUUID().slice(0, 8)}`, readerIds: ['hg-cv1'] });
    expect(unrestricted.status).toBe(400);
    const wrongType = await create({ id: `mat-bad-${randomUUID().slice(0, 8)}`, restricted: 'yes' });
    expect(wrongType.status).toBe(400);
  });

  it('a generated id does not spell the title of a restricted programme', async () => {
    const res = await create({ restricted: true });
    expect(res.status).toBe(201);
    expect(res.body.id).toMatch(/^mat-/);
    expect(res.body.id).not.toContain('chuong-trinh');
  });

  it.each(['bithu.hg', 'tvbtv.hg', 'pbt.hg', 'chuyenvien.hg', 'gd.skhdt.hg'])(
    '%s (a leader or a named reader) reads it whole',
    async (username) => {
      const detail = await get(username, `/programmes/${id}`);
      expect([username, detail.status]).toEqual([username, 200]);
      expect(detail.body.programme).toMatchObject({ id, title: TITLE, restricted: true });
      expect((await get(username, `/programmes/${id}/audit`)).status).toBe(200);
      expect(await rowOf(username)).toMatchObject({ id, title: TITLE, restricted: true, memberInChargeId: 'hg-pbt' });
    },
  );

  it.each(['bithu.vithanh', 'gd.stc.hg', 'ubkt.hg', 'admin'])(
    '%s sees only a counted, untitled row and gets 404 on everything of it',
    async (username) => {
      const row = await rowOf(username);
      expect([username, row]).toEqual([
        username,
        expect.objectContaining({ id, title: null, restricted: true, memberInChargeId: null, documentNumber: null }),
      ]);
      expect(JSON.stringify(row)).not.toContain('mật');
      for (const path of [`/programmes/${id}`, `/programmes/${id}/audit`]) {
        const res = await get(username, path);
        expect([username, path, res.status]).toEqual([username, path, 404]);
        expect(JSON.stringify(res.body)).not.toContain(TITLE);
      }
      const action = await stack
        .http()
        .post(`/programmes/${id}/actions/cancel`)
        .set(await auth(username))
        .send({ requestId: randomUUID(), payload: { reason: 'thử' } });
      expect([username, action.status]).toEqual([username, 404]);
    },
  );

  it('supervisors outside its readers: counted and untitled in the drill-down, 404 on its timeline and lineage', async () => {
    const list = await get('ubkt.hg', '/supervision/programmes?pageSize=100&term=2025-2030');
    expect(list.status).toBe(200);
    expect(list.body.items.find((p: { id: string }) => p.id === id)).toMatchObject({ title: null, restricted: true });
    expect((await get('ubkt.hg', `/supervision/programmes/${id}/timeline`)).status).toBe(404);
    expect((await get('ubkt.hg', `/supervision/lineage?programmeId=${id}`)).status).toBe(404);
    const leader = await get('tvbtv.hg', '/supervision/programmes?pageSize=100&term=2025-2030');
    expect(leader.body.items.find((p: { id: string }) => p.id === id)).toMatchObject({
      title: TITLE,
      restricted: true,
    });
    expect((await get('tvbtv.hg', `/supervision/programmes/${id}/timeline`)).status).toBe(200);
  });

  it('its tasks: the person responsible works on theirs; an outside supervisor sees them counted and untitled, 404 on detail', async () => {
    const taskId = `${id}/T1`;
    const TASK_TITLE = 'Rà soát hồ sơ chính trị nội bộ';
    await stack.dataSource.query(
      `INSERT INTO task (id, workflow_id, source, programme_id, code, title, responsible_unit_id, responsible_person_id,
         assigner_id, member_in_charge_id, issuing_unit_id, status, due_at, original_due_at)
       VALUES ($1, $2, 'PROGRAMME', $3, 'T1', $4, 'hg-skhdt', 'hg-skhdt-gd', 'hg-cv1', 'hg-pbt', 'hg-tu', 'ASSIGNED',
         '2026-12-31T00:00:00+07:00', '2026-12-31T00:00:00+07:00')`,
      [taskId, `task/${taskId}`, id, TASK_TITLE],
    );
    try {
      const outside = await get('ubkt.hg', `/tasks/supervision?programmeId=${id}`);
      expect(outside.status).toBe(200);
      expect(outside.body.items).toEqual([
        expect.objectContaining({ id: taskId, title: 'Nhiệm vụ thuộc chương trình mật' }),
      ]);
      expect(JSON.stringify(outside.body)).not.toContain(TASK_TITLE);
      expect((await get('ubkt.hg', `/tasks/${encodeURIComponent(taskId)}`)).status).toBe(404);
      const leader = await get('tvbtv.hg', `/tasks/supervision?programmeId=${id}`);
      expect(leader.body.items).toEqual([expect.objectContaining({ id: taskId, title: TASK_TITLE })]);
      const own = await get('gd.skhdt.hg', `/tasks/${encodeURIComponent(taskId)}`);
      expect(own.status).toBe(200);
    } finally {
      await stack.dataSource.query('DELETE FROM task WHERE id = $1', [taskId]);
    }
  });

  it('its leaders change the readers (audited); nobody else may', async () => {
    expect((await putReaders('gd.skhdt.hg', id, ['hg-stc-gd'])).status).toBe(403);
    expect((await putReaders('bithu.vithanh', id, ['hg-stc-gd'])).status).toBe(404);
    expect((await putReaders('bithu.hg', id, ['lc-bithu'])).status).toBe(400);
    expect((await putReaders('bithu.hg', id, 'hg-stc-gd' as never)).status).toBe(400);

    const changed = await putReaders('bithu.hg', id, ['hg-stc-gd', 'hg-cv1']);
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual({ programmeId: id, readerIds: ['hg-cv1', 'hg-stc-gd'] });
    expect((await get('gd.stc.hg', `/programmes/${id}`)).status).toBe(200);
    expect((await get('gd.skhdt.hg', `/programmes/${id}`)).status).toBe(404);
    expect(await rowOf('gd.skhdt.hg')).toMatchObject({ title: null, restricted: true });

    const audit = await get('bithu.hg', `/programmes/${id}/audit`);
    const event = audit.body.items.find((e: { action: string }) => e.action === 'readers.changed');
    expect(event).toMatchObject({
      actorId: 'hg-bithu',
      before: { readerIds: ['hg-cv1', 'hg-skhdt-gd'] },
      after: { readerIds: ['hg-cv1', 'hg-stc-gd'] },
    });
  });

  it('an unrestricted programme has no readers to name (409) and lists as restricted: false', async () => {
    const open = `mo-${randomUUID().slice(0, 8)}`;
    expect((await create({ id: open, title: 'Chương trình công khai' })).status).toBe(201);
    const row = await eventually(async () => {
      const res = await get('bithu.vithanh', '/programmes?limit=200&term=2025-2030');
      return res.body.items.find((p: { id: string }) => p.id === open);
    }, 'the open programme');
    expect(row).toMatchObject({ title: 'Chương trình công khai', restricted: false });
    expect((await putReaders('bithu.hg', open, ['hg-cv1'])).status).toBe(409);
  });
});

describe('notices of a restricted programme (e2e)', () => {
  let stack: NotificationStack;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    stack = await startNotificationStack();
    await stack.startNotifier();
    const admin = await stack.login('admin');
    const allow = await stack
      .http()
      .post('/admin/notifications/webhook-allowlist')
      .set(auth(admin))
      .send({ urlPrefix: `${stack.webhooks.baseUrl}/hooks/`, note: 'test receiver' });
    expect(allow.status).toBe(201);
    const hook = await stack
      .http()
      .put('/admin/notifications/unit-webhooks/hg-skhdt')
      .set(auth(admin))
      .send({ url: `${stack.webhooks.baseUrl}/hooks/skhdt`, secret: WEBHOOK_SECRET });
    expect(hook.status).toBe(200);
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('carry no content on any channel: a generic sentence and the link, in each language', async () => {
    const vi = await stack.addPerson({ unitId: 'hg-skhdt', locale: 'vi' });
    const en = await stack.addPerson({ unitId: 'hg-skhdt', locale: 'en' });
    const event = {
      ...stack.event(NotificationKind.TASK_ASSIGNED, [vi, en], {
        title: 'Rà soát nhân sự diện mật',
        dueAt: '2025-03-31T17:00:00Z',
      }),
      programmeId: `mat-notice-${randomUUID().slice(0, 8)}`,
    };
    const programmeId = event.programmeId as string;
    await stack.dataSource.query(`INSERT INTO restricted_programme (programme_id, restricted_by) VALUES ($1, 'test')`, [
      programmeId,
    ]);
    await stack.producer.enqueue(event);

    const mails = await eventually(() => {
      const m = stack.smtp.messages.filter((x) => x.key.startsWith(`${event.key}@`));
      return m.length >= 2 && m;
    }, 'two e-mails');
    const toVi = mails.find((m) => m.to === `${vi}@example.invalid`)!;
    const toEn = mails.find((m) => m.to === `${en}@example.invalid`)!;
    expect(toVi.subject).toBe('Có thông báo mới về một chương trình mật');
    expect(toEn.subject).toBe('There is a new notice about a restricted programme');
    for (const mail of mails) {
      expect(mail.text).toContain(`/programmes/${programmeId}`);
      expect(`${mail.subject}${mail.text}${mail.html}`).not.toMatch(/Rà soát|123-CTr|01\/04\/2025/);
    }

    const hook = await eventually(
      () => stack.webhooks.requests.find((r) => r.body.eventKey === event.key),
      'the webhook',
    );
    expect(hook.valid).toBe(true);
    expect(hook.body).toMatchObject({
      kind: 'TASK_ASSIGNED',
      programmeId,
      title: 'Có thông báo mới về một chương trình mật',
      params: { restricted: 'yes', link: `/programmes/${programmeId}` },
    });
    expect(JSON.stringify(hook.body)).not.toMatch(/Rà soát|123-CTr|dueAt/);

    const inbox: Array<{ title: string; body: string; payload: unknown }> = await eventually(async () => {
      const r = await stack.dataSource.query(
        'SELECT title, body, payload FROM notification WHERE idempotency_key LIKE $1',
        [`${event.key}@%`],
      );
      return r.length === 2 && r;
    }, 'two inbox rows');
    for (const row of inbox) expect(JSON.stringify(row)).not.toMatch(/Rà soát|123-CTr|dueAt/);
    expect(inbox.map((r) => r.title).sort()).toEqual([
      'Có thông báo mới về một chương trình mật',
      'There is a new notice about a restricted programme',
    ]);
  });

  it('leave notices of other programmes as they were', async () => {
    const person = await stack.addPerson({ unitId: 'hg-stc', locale: 'vi' });
    const event = stack.event(NotificationKind.TASK_ASSIGNED, [person], { title: 'Nâng chỉ số PCI' });
    await stack.producer.enqueue(event);
    const [row] = await eventually(async () => {
      const r: Array<{ title: string }> = await stack.dataSource.query(
        'SELECT title FROM notification WHERE idempotency_key LIKE $1',
        [`${event.key}@%`],
      );
      return r.length === 1 && r;
    }, 'the inbox row');
    expect(row.title).toBe('Nhiệm vụ mới: Nâng chỉ số PCI');
  });
});
