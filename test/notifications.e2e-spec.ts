import { NotificationKind, QueueName } from '../libs/notifications/src';
import { duplicates } from './utils/notification-doubles';
import { NotificationStack, startNotificationStack, WEBHOOK_SECRET } from './utils/notification-stack';
import { eventually } from './utils/eventually';

/**
 * Notification delivery end to end on the real Postgres and Redis: the producer's one call, the
 * notifier's fan-out to in-app, e-mail (a real SMTP listener) and signed webhooks (a real HTTP
 * receiver), the daily digest, bad input, and the admin side (failed set, retry, allowlist, Bull Board).
 */
describe('notifications (e2e)', () => {
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
    expect(hook.body.secret).toBeUndefined();
  });

  afterAll(async () => {
    await stack?.close();
  });

  it("delivers one event in-app, by e-mail in each person's language and to the unit webhook, once per key", async () => {
    const vi = await stack.addPerson({ unitId: 'hg-skhdt', locale: 'vi' });
    const en = await stack.addPerson({ unitId: 'hg-skhdt', locale: 'en' });
    const inAppOnly = await stack.addPerson({ unitId: 'hg-stc', channels: ['IN_APP'] });
    const event = stack.event(NotificationKind.TASK_ASSIGNED, [vi, en, inAppOnly], {
      title: 'Nâng chỉ số PCI',
      programmeTitle: 'CTr 123',
      dueAt: '2025-03-31T17:00:00Z',
    });
    const first = await stack.producer.enqueue(event);
    const again = await stack.producer.enqueue(event);
    expect(again.jobId).toBe(first.jobId);

    const mails = await eventually(() => {
      const m = stack.smtp.messages.filter((x) => x.key.startsWith(`${event.key}@`));
      return m.length >= 2 && m;
    }, 'two e-mails');
    const toVi = mails.find((m) => m.to === `${vi}@example.invalid`)!;
    const toEn = mails.find((m) => m.to === `${en}@example.invalid`)!;
    expect(toVi.subject).toBe('Nhiệm vụ mới: Nâng chỉ số PCI');
    expect(toVi.text).toContain('hạn hoàn thành 01/04/2025');
    expect(toVi.html).toContain('<h2');
    expect(toEn.subject).toBe('New task: Nâng chỉ số PCI');
    expect(toEn.text).toContain('due 01/04/2025');

    const hook = await eventually(
      () => stack.webhooks.requests.find((r) => r.body.eventKey === event.key),
      'the webhook',
    );
    expect(hook.valid).toBe(true);
    expect(hook.path).toBe('/hooks/skhdt');
    expect(hook.body).toMatchObject({
      kind: 'TASK_ASSIGNED',
      unitId: 'hg-skhdt',
      params: { title: 'Nâng chỉ số PCI' },
    });

    const rows = await eventually(async () => {
      const r = await stack.dataSource.query('SELECT recipient_id FROM notification WHERE idempotency_key LIKE $1', [
        `${event.key}@%`,
      ]);
      return r.length === 3 && r;
    }, 'three inbox rows');
    expect(rows.map((r: { recipient_id: string }) => r.recipient_id).sort()).toEqual([vi, en, inAppOnly].sort());
    // The dispatch job wrote the inbox rows itself: e-mail and webhook have jobs, in-app has none.
    const dispatched = await eventually(
      async () => (await stack.queue(QueueName.NOTIFICATIONS).getJob(first.jobId))?.returnvalue,
      'the dispatch result',
    );
    expect(dispatched).toEqual({ inApp: 3, email: 2, webhook: 1, inactive: [] });
    expect(await stack.queue(QueueName.NOTIFICATION_IN_APP).getJob(`${event.key}@${vi}~in-app`)).toBeUndefined();

    // Nothing more arrives: no second e-mail, webhook or row for the repeated key.
    await new Promise((r) => setTimeout(r, 1000));
    expect(stack.smtp.messages.filter((x) => x.key.startsWith(`${event.key}@`))).toHaveLength(2);
    expect(stack.webhooks.requests.filter((r) => r.body.eventKey === event.key)).toHaveLength(1);
  });

  it("shows in-app notifications in the caller's inbox through the API, and only theirs", async () => {
    const token = await stack.login('gd.stc.hg');
    const before = (await stack.http().get('/inbox/unread-count').set(auth(token))).body.unread;
    const event = stack.event(NotificationKind.REVIEW_CLOSED, ['hg-stc-gd'], {
      period: 'Quý I/2025',
      headline: '25/30 chỉ tiêu đạt và vượt',
    });
    await stack.producer.enqueue(event);
    const item = await eventually(async () => {
      const res = await stack.http().get('/inbox?unread=true').set(auth(token));
      return res.body.items.find((i: { idempotencyKey: string }) => i.idempotencyKey === `${event.key}@hg-stc-gd`);
    }, 'the inbox item');
    expect(item.title).toBe('Kết quả Quý I/2025: Chương trình hành động 123-CTr/TU');
    expect((await stack.http().get('/inbox/unread-count').set(auth(token))).body.unread).toBe(before + 1);
    const other = await stack.login('gd.skhdt.hg');
    expect((await stack.http().post(`/inbox/${item.id}/read`).set(auth(other))).status).toBe(404);
    expect((await stack.http().post(`/inbox/${item.id}/read`).set(auth(token))).status).toBe(204);
    expect((await stack.http().get('/inbox/unread-count').set(auth(token))).body.unread).toBe(before);
  });

  it('lets a person pick language and channels, refusing unknown ones with 400', async () => {
    const token = await stack.login('bithu.tuky');
    const bad = await stack
      .http()
      .put('/inbox/preferences')
      .set(auth(token))
      .send({ locale: 'fr', channels: ['SMS'] });
    expect(bad.status).toBe(400);
    expect(bad.body.message.join(' ')).toMatch(/locale must be one of vi, en.*channels must be among IN_APP, EMAIL/);
    const ok = await stack
      .http()
      .put('/inbox/preferences')
      .set(auth(token))
      .send({ locale: 'en', channels: ['IN_APP'] });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ locale: 'en', channels: ['IN_APP'] });
    const event = stack.event(NotificationKind.CONSULTATION_INVITATION, ['hd-tuky-bt'], {
      round: 1,
      deadline: '2025-05-01T00:00:00Z',
    });
    await stack.producer.enqueue(event);
    const [row] = await eventually(async () => {
      const r = await stack.dataSource.query('SELECT title FROM notification WHERE idempotency_key = $1', [
        `${event.key}@hd-tuky-bt`,
      ]);
      return r.length > 0 && r;
    }, 'the inbox row');
    expect(row.title).toBe('Opinion requested: Chương trình hành động 123-CTr/TU');
    await new Promise((r) => setTimeout(r, 500));
    expect(stack.smtp.messages.filter((m) => m.key.startsWith(`${event.key}@`))).toHaveLength(0);
    await stack
      .http()
      .put('/inbox/preferences')
      .set(auth(token))
      .send({ locale: 'vi', channels: ['IN_APP', 'EMAIL'] });
  });

  it('sends twenty reminders of one day as one digest e-mail, while the inbox gets twenty items', async () => {
    const person = await stack.addPerson({ unitId: 'hg-stc', locale: 'vi' });
    const at = '2025-03-24T01:00:00Z';
    const events = Array.from({ length: 20 }, (_, i) =>
      stack.event(
        NotificationKind.TASK_DUE_REMINDER,
        [person],
        { title: `Nhiệm vụ ${i + 1}`, dueAt: '2025-03-31T00:00:00Z' },
        at,
      ),
    );
    await Promise.all(events.map((e) => stack.producer.enqueue(e)));
    const digest = await eventually(
      () => stack.smtp.messages.find((m) => m.to === `${person}@example.invalid`),
      'the digest',
      30_000,
    );
    expect(digest.subject).toBe('20 nội dung cần đôn đốc ngày 24/03/2025');
    for (let i = 1; i <= 20; i++) expect(digest.text).toContain(`Đôn đốc nhiệm vụ: Nhiệm vụ ${i}\n`);
    const [{ n }] = await stack.dataSource.query(
      'SELECT count(*)::int AS n FROM notification WHERE recipient_id = $1',
      [person],
    );
    expect(n).toBe(20);

    // A reminder after the digest went out starts the next digest of the day; it is not lost.
    const late = stack.event(
      NotificationKind.TASK_DUE_REMINDER,
      [person],
      { title: 'Nhiệm vụ muộn', dueAt: '2025-03-31T00:00:00Z' },
      at,
    );
    await stack.producer.enqueue(late);
    const second = await eventually(
      () => {
        const m = stack.smtp.messages.filter((x) => x.to === `${person}@example.invalid`);
        return m.length === 2 && m[1];
      },
      'the second digest',
      30_000,
    );
    expect(second.subject).toBe('Đôn đốc nhiệm vụ: Nhiệm vụ muộn');
    await new Promise((r) => setTimeout(r, 2000));
    expect(stack.smtp.messages.filter((x) => x.to === `${person}@example.invalid`)).toHaveLength(2);
  });

  it('retries an e-mail the SMTP server refuses twice, delivering it exactly once on the third attempt', async () => {
    const person = await stack.addPerson({ unitId: 'hg-stc', channels: ['EMAIL'] });
    stack.smtp.failNext(2);
    const event = stack.event(NotificationKind.TASK_RETURNED, [person], {
      title: 'Báo cáo quý',
      reasons: 'thiếu số liệu',
    });
    await stack.producer.enqueue(event);
    const mail = await eventually(
      () => stack.smtp.messages.find((m) => m.key.startsWith(`${event.key}@`)),
      'the e-mail',
      30_000,
    );
    expect(mail.subject).toBe('Nhiệm vụ bị trả lại: Báo cáo quý');
    // The job completes just after the SMTP server accepted the mail (the delivery is recorded first).
    const job = await eventually(async () => {
      const j = await stack.queue(QueueName.NOTIFICATION_EMAIL).getJob(`${event.key}@${person}~email`);
      return (await j?.getState()) === 'completed' && j;
    }, 'the e-mail job to complete');
    expect(job.attemptsMade).toBe(3); // two refused, the third accepted
    expect(
      stack.logs.lines.some(
        (l) =>
          l.level === 'warn' &&
          l.message.includes(`${event.key}@${person}~email attempt 1/8 failed`) &&
          /451|temporarily/.test(l.message),
      ),
    ).toBe(true);
    await new Promise((r) => setTimeout(r, 500));
    expect(duplicates(stack.smtp.messages.map((m) => m.key))).toEqual([]);
  });

  it('fails bad input with a clear reason in the failed set and the logs, delivering everything else', async () => {
    const admin = await stack.login('admin');
    const known = await stack.addPerson({ unitId: 'hg-stc', channels: ['IN_APP'] });
    const unknownUser = stack.event(NotificationKind.TASK_ASSIGNED, [known, 'nobody-here'], { title: 'Việc A' });
    await stack.producer.enqueue(unknownUser);
    // A producer that skipped validation: the notifier still refuses it.
    await stack
      .queue(QueueName.NOTIFICATIONS)
      .add('TASK_ASSIGNED', { key: 'bad key with spaces', kind: 'NOPE', recipientIds: 'x' } as never, {
        jobId: `malformed-${known}`,
      });
    await expect(stack.producer.enqueue({ ...unknownUser, key: 'x y' })).rejects.toThrow(
      /invalid notification event: key must be/,
    );
    // A unit whose webhook URL is no longer allowed (the admin removed the entry after setting it).
    const evilUnit = await stack.dataSource.query(
      `INSERT INTO unit_webhook (unit_id, url, secret, updated_by) VALUES ('hg-vithanh', 'http://169.254.169.254/latest', 'x', 'admin') RETURNING unit_id`,
    );
    expect(evilUnit).toHaveLength(1);
    const vithanh = await stack.addPerson({ unitId: 'hg-vithanh', channels: ['IN_APP'] });
    const toVithanh = stack.event(NotificationKind.REVIEW_OPENED, [vithanh], {
      period: 'Quý II/2025',
      closesAt: '2025-07-10T00:00:00Z',
    });
    await stack.producer.enqueue(toVithanh);

    // A delivery job for someone deleted after dispatch fails alone; the same event's other delivery lands.
    const ghostEvent = stack.event(NotificationKind.TASK_ASSIGNED, [known, 'ghost'], { title: 'Việc C' });
    const inAppQueue = stack.queue(QueueName.NOTIFICATION_IN_APP);
    await inAppQueue.addBulk(
      ['ghost', known].map((personId) => ({
        name: 'TASK_ASSIGNED',
        data: { event: ghostEvent, personId } as never,
        opts: { jobId: `${ghostEvent.key}@${personId}~in-app` },
      })),
    );
    const ghost = await eventually(
      async () => (await inAppQueue.getJob(`${ghostEvent.key}@ghost~in-app`))?.failedReason,
      'the ghost delivery to fail',
    );
    expect(ghost).toBe('unknown recipient ghost');

    const failed = await eventually(async () => {
      const res = await stack.http().get('/admin/notifications/failed?limit=200').set(auth(admin));
      const items = res.body.items as Array<{
        queue: string;
        jobId: string;
        failedReason: string;
        eventKey: string | null;
      }>;
      const a = items.find((i) => i.eventKey === unknownUser.key);
      const b = items.find((i) => i.jobId === `malformed-${known}`);
      const c = items.find((i) => i.eventKey === toVithanh.key && i.queue === QueueName.NOTIFICATION_WEBHOOK);
      return a && b && c && { a, b, c };
    }, 'three failed jobs');
    expect(failed.a.failedReason).toBe(
      `unknown recipient(s) nobody-here in event ${unknownUser.key}; the others were dispatched`,
    );
    expect(failed.b.failedReason).toMatch(
      /^malformed notification event: key must be .*; unknown kind NOPE; recipientIds must be a list of person ids/,
    );
    expect(failed.c.failedReason).toBe(
      'webhook URL http://169.254.169.254/latest of unit hg-vithanh is not on the admin allowlist; refused to send',
    );
    for (const reason of [failed.a.failedReason, failed.b.failedReason, failed.c.failedReason])
      await eventually(
        () => stack.logs.lines.some((l) => l.level === 'error' && l.message.includes(reason)),
        `the log line "${reason}"`,
      );

    // Everything else was delivered: the known recipient of the same event, the in-app item of the unit.
    const delivered = await stack.dataSource.query(
      'SELECT recipient_id FROM notification WHERE idempotency_key IN ($1, $2, $3)',
      [`${unknownUser.key}@${known}`, `${toVithanh.key}@${vithanh}`, `${ghostEvent.key}@${known}`],
    );
    expect(delivered).toHaveLength(3);
    await stack.dataSource.query(`DELETE FROM unit_webhook WHERE unit_id = 'hg-vithanh'`);
  });

  it('lets an admin retry a failed delivery once its cause is fixed, still exactly once', async () => {
    const admin = await stack.login('admin');
    const person = await stack.addPerson({ unitId: 'hg-stc', channels: ['IN_APP', 'EMAIL'] });
    const event = stack.event(NotificationKind.EXTENSION_DECIDED, [person, 'joins-later'], {
      title: 'Việc B',
      approve: 'yes',
      newDueAt: '2025-06-30T00:00:00Z',
    });
    await stack.producer.enqueue(event);
    await eventually(
      async () => (await stack.queue(QueueName.NOTIFICATIONS).getJob(event.key))?.isFailed(),
      'the dispatch to fail',
    );
    await eventually(
      () => stack.smtp.messages.some((m) => m.key === `${event.key}@${person}~email`),
      "the known recipient's e-mail",
    );

    await stack.addPersonWithId('joins-later', 'hg-stc');
    const notAdmin = await stack.login('gd.stc.hg');
    expect(
      (
        await stack
          .http()
          .post('/admin/notifications/failed/retry')
          .set(auth(notAdmin))
          .send({ queue: 'notifications', jobId: event.key })
      ).status,
    ).toBe(403);
    expect(
      (await stack.http().post('/admin/notifications/failed/retry').set(auth(admin)).send({ queue: 'nope' })).status,
    ).toBe(400);
    expect(
      (
        await stack
          .http()
          .post('/admin/notifications/failed/retry')
          .set(auth(admin))
          .send({ queue: 'notifications', jobId: 'no-such-job' })
      ).status,
    ).toBe(404);
    const retried = await stack
      .http()
      .post('/admin/notifications/failed/retry')
      .set(auth(admin))
      .send({ queue: 'notifications', jobId: event.key });
    expect(retried.status).toBe(200);
    expect(retried.body.retried).toEqual([event.key]);
    await eventually(
      () => stack.smtp.messages.some((m) => m.key === `${event.key}@joins-later~email`),
      "the late recipient's e-mail",
    );
    expect(await (await stack.queue(QueueName.NOTIFICATIONS).getJob(event.key))?.getState()).toBe('completed');
    await new Promise((r) => setTimeout(r, 500));
    expect(stack.smtp.messages.filter((m) => m.key.startsWith(`${event.key}@`))).toHaveLength(2);
    const rows = await stack.dataSource.query('SELECT 1 FROM notification WHERE idempotency_key LIKE $1', [
      `${event.key}@%`,
    ]);
    expect(rows).toHaveLength(2);
  });

  it('keeps the admin endpoints and Bull Board to admins, and validates allowlist and webhook settings', async () => {
    const admin = await stack.login('admin');
    const staff = await stack.login('chuyenvien.hg');
    expect((await stack.http().get('/admin/notifications/failed')).status).toBe(401);
    expect((await stack.http().get('/admin/notifications/failed').set(auth(staff))).status).toBe(403);
    expect((await stack.http().get('/admin/queues')).status).toBe(401);
    expect((await stack.http().get('/admin/queues').set(auth(staff))).status).toBe(403);
    const board = await stack.http().get('/admin/queues').set(auth(admin));
    expect(board.status).toBe(200);
    expect(board.text).toMatch(/<html/i);
    const queues = await stack.http().get('/admin/queues/api/queues').set(auth(admin));
    expect(queues.status).toBe(200);
    expect(queues.body.queues.map((q: { name: string }) => q.name)).toEqual(
      expect.arrayContaining(['notifications', 'notification-email', 'notification-webhook']),
    );
    const session = await stack.http().post('/admin/notifications/board-session').set(auth(admin));
    expect(session.status).toBe(204);
    const cookie = String(session.headers['set-cookie']).split(';')[0];
    expect((await stack.http().get('/admin/queues').set('Cookie', cookie)).status).toBe(200);

    expect(
      (
        await stack
          .http()
          .post('/admin/notifications/webhook-allowlist')
          .set(auth(admin))
          .send({ urlPrefix: 'ftp://files.example.vn/' })
      ).status,
    ).toBe(400);
    expect(
      (
        await stack
          .http()
          .post('/admin/notifications/webhook-allowlist')
          .set(auth(admin))
          .send({ urlPrefix: `${stack.webhooks.baseUrl}/hooks/` })
      ).status,
    ).toBe(409);
    const notAllowed = await stack
      .http()
      .put('/admin/notifications/unit-webhooks/hg-stc')
      .set(auth(admin))
      .send({ url: 'https://elsewhere.example.com/x', secret: 'y'.repeat(32) });
    expect(notAllowed.status).toBe(400);
    expect(notAllowed.body.message).toMatch(/not on the webhook allowlist/);
    expect(
      (
        await stack
          .http()
          .put('/admin/notifications/unit-webhooks/hg-stc')
          .set(auth(admin))
          .send({ url: `${stack.webhooks.baseUrl}/hooks/stc`, secret: 'short' })
      ).status,
    ).toBe(400);
    expect(
      (
        await stack
          .http()
          .put('/admin/notifications/unit-webhooks/no-unit')
          .set(auth(admin))
          .send({ url: `${stack.webhooks.baseUrl}/hooks/x`, secret: 'y'.repeat(32) })
      ).status,
    ).toBe(404);
    const list = await stack.http().get('/admin/notifications/unit-webhooks').set(auth(admin));
    expect(list.body.map((w: { unitId: string }) => w.unitId)).toEqual(['hg-skhdt']);
    expect(JSON.stringify(list.body)).not.toContain(WEBHOOK_SECRET);
  });
});
