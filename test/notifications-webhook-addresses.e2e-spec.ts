import { Job } from 'bullmq';
import { NotificationKind, QueueName } from '../libs/notifications/src';
import { eventually } from './utils/eventually';
import { EndlessReceiver, startEndlessReceiver } from './utils/notification-doubles';
import { NotificationStack, startNotificationStack, WEBHOOK_SECRET } from './utils/notification-stack';

/**
 * Where webhooks may go, end to end (API, notifier, Redis, Postgres): an admin cannot point one at
 * loopback, link-local, metadata or private addresses in any spelling, the notifier checks again
 * before every send, the operator's WEBHOOK_ALLOWED_NETWORKS opens a private network (here loopback,
 * where the test receivers listen), production sends over https only, and a receiver cannot make the
 * notifier read an endless answer.
 */
describe('webhook addresses (e2e)', () => {
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const UNITS = ['hg-vithanh', 'hg-stc', 'hg-vp'];

  /** Other files' units keep their webhooks; these units start and end with none. */
  const clearUnits = (stack: NotificationStack) =>
    stack.dataSource.query('DELETE FROM unit_webhook WHERE unit_id = ANY($1::text[])', [UNITS]);

  /** This file's receivers are gone once it ends: so are their allowlist entries and the units' webhooks. */
  async function cleanUp(stack: NotificationStack, receivers: Array<string | undefined>) {
    await clearUnits(stack);
    for (const base of receivers.filter(Boolean))
      await stack.dataSource.query('DELETE FROM webhook_allowlist_entry WHERE url_prefix LIKE $1', [`${base}/%`]);
  }

  async function allow(stack: NotificationStack, urlPrefix: string) {
    return stack
      .http()
      .post('/admin/notifications/webhook-allowlist')
      .set(auth(await stack.login('admin')))
      .send({ urlPrefix });
  }

  async function setHook(stack: NotificationStack, unitId: string, url: string) {
    return stack
      .http()
      .put(`/admin/notifications/unit-webhooks/${unitId}`)
      .set(auth(await stack.login('admin')))
      .send({ url, secret: WEBHOOK_SECRET });
  }

  /** Sends one event to a new person of the unit and returns its webhook job once it has settled. */
  async function sendToUnit(stack: NotificationStack, unitId: string): Promise<{ job: Job; eventKey: string }> {
    const person = await stack.addPerson({ unitId, channels: ['IN_APP'] });
    const event = stack.event(NotificationKind.TASK_ASSIGNED, [person], { title: 'Việc có webhook' });
    await stack.producer.enqueue(event);
    const jobId = `${event.key}@unit-${unitId}~webhook`;
    const job = await eventually(async () => {
      const j = await stack.queue(QueueName.NOTIFICATION_WEBHOOK).getJob(jobId);
      const state = await j?.getState();
      return (state === 'completed' || state === 'failed') && j;
    }, `the webhook job ${jobId} to settle`);
    return { job, eventKey: event.key };
  }

  describe('with no private network allowed', () => {
    let stack: NotificationStack;

    beforeAll(async () => {
      stack = await startNotificationStack({ WEBHOOK_ALLOWED_NETWORKS: '' });
      await clearUnits(stack);
      await stack.startNotifier();
    });

    afterAll(async () => {
      if (stack) await cleanUp(stack, [stack.webhooks.baseUrl]);
      await stack?.close();
    });

    it('refuses to allowlist loopback, metadata and unspecified addresses in every spelling, saying why', async () => {
      const port = new URL(stack.webhooks.baseUrl).port;
      const cases: Array<[string, RegExp]> = [
        [`${stack.webhooks.baseUrl}/hooks/`, /127\.0\.0\.1 is a loopback address/],
        ['http://127.0.0.1:6379/', /127\.0\.0\.1 is a loopback address/],
        ['http://[::1]/', /::1 is a loopback address/],
        ['http://2130706433/', /127\.0\.0\.1 is a loopback address/],
        ['http://0x7f.0.0.1/', /127\.0\.0\.1 is a loopback address/],
        ['http://[::ffff:127.0.0.1]/', /::ffff:7f00:1 is an IPv4-mapped IPv6 address/],
        ['http://169.254.169.254/latest/meta-data/', /169\.254\.169\.254 is a cloud metadata service address/],
        ['http://metadata.google.internal/computeMetadata/', /names a cloud metadata service address/],
        ['http://localhost:8233/', /localhost names a loopback address/],
        [`http://localhost:${port}/hooks/`, /localhost names a loopback address/],
        ['http://0.0.0.0:7233/', /0\.0\.0\.0 is an unspecified/],
        ['http://10.1.2.3/', /10\.1\.2\.3 is a private address/],
        ['http://[fe80::1]/', /fe80::1 is a link-local address/],
      ];
      for (const [urlPrefix, reason] of cases) {
        const res = await allow(stack, urlPrefix);
        expect([urlPrefix, res.status]).toEqual([urlPrefix, 400]);
        expect(res.body.message).toMatch(/^webhook address refused: /);
        expect(res.body.message).toMatch(reason);
      }
      const list = await stack
        .http()
        .get('/admin/notifications/webhook-allowlist')
        .set(auth(await stack.login('admin')));
      const saved = list.body.map((e: { urlPrefix: string }) => e.urlPrefix);
      expect(saved).not.toContain(`${stack.webhooks.baseUrl}/hooks/`);
      expect(saved.filter((p: string) => /127\.0\.0\.1:6379|169\.254|\[::1\]|localhost/.test(p))).toEqual([]);
    });

    it('refuses at send time a loopback webhook that was saved earlier: failed at once with the reason, nothing sent', async () => {
      // As if the setting had allowed it when the admin saved it and was later removed.
      await stack.dataSource.query(
        `INSERT INTO webhook_allowlist_entry (url_prefix, created_by) VALUES ($1, 'admin') ON CONFLICT DO NOTHING`,
        [`${stack.webhooks.baseUrl}/hooks/`],
      );
      const url = `${stack.webhooks.baseUrl}/hooks/vithanh`;
      await stack.dataSource.query(
        `INSERT INTO unit_webhook (unit_id, url, secret, updated_by) VALUES ('hg-vithanh', $1, $2, 'admin')`,
        [url, WEBHOOK_SECRET],
      );
      const { job, eventKey } = await sendToUnit(stack, 'hg-vithanh');
      const reason =
        `webhook URL ${url} of unit hg-vithanh refused: 127.0.0.1 is a loopback address ` +
        '(an operator may allow its network in WEBHOOK_ALLOWED_NETWORKS); not sent';
      expect(job.failedReason).toBe(reason);
      expect(job.attemptsMade).toBe(1);
      const failed = await stack
        .http()
        .get('/admin/notifications/failed?queue=notification-webhook&limit=200')
        .set(auth(await stack.login('admin')));
      expect(failed.body.items.find((i: { eventKey: string }) => i.eventKey === eventKey)?.failedReason).toBe(reason);
      await eventually(
        () => stack.logs.lines.some((l) => l.level === 'error' && l.message.includes(reason)),
        'the refusal in the log',
      );
      expect(stack.webhooks.requests).toEqual([]);
    });
  });

  describe('with loopback allowed by the operator', () => {
    let stack: NotificationStack;
    let endless: EndlessReceiver;

    beforeAll(async () => {
      stack = await startNotificationStack({ WEBHOOK_ALLOWED_NETWORKS: '127.0.0.1/32, 169.254.0.0/16' });
      await clearUnits(stack);
      await stack.startNotifier({ WEBHOOK_TIMEOUT_MS: '30000' });
      endless = await startEndlessReceiver();
    });

    afterAll(async () => {
      if (stack) await cleanUp(stack, [stack.webhooks.baseUrl, endless?.baseUrl]);
      await stack?.close();
      await endless?.close();
    });

    it('allows the loopback receiver and delivers to it, signed', async () => {
      expect((await allow(stack, `${stack.webhooks.baseUrl}/hooks/`)).status).toBe(201);
      expect((await setHook(stack, 'hg-stc', `${stack.webhooks.baseUrl}/hooks/stc`)).status).toBe(200);
      const { job, eventKey } = await sendToUnit(stack, 'hg-stc');
      expect(job.returnvalue).toEqual({
        sent: `${stack.webhooks.baseUrl}/hooks/stc`,
        status: 200,
        address: '127.0.0.1',
        responseCut: false,
      });
      const hook = stack.webhooks.requests.find((r) => r.body.eventKey === eventKey);
      expect(hook).toMatchObject({ valid: true, path: '/hooks/stc' });
    });

    it('still refuses localhost, loopback outside the listed network, and metadata inside a listed one', async () => {
      const port = new URL(stack.webhooks.baseUrl).port;
      const cases: Array<[string, RegExp]> = [
        [`http://localhost:${port}/hooks/`, /localhost names a loopback address/],
        [`http://127.0.0.2:${port}/`, /127\.0\.0\.2 is a loopback address/],
        [`http://[::1]:${port}/`, /::1 is a loopback address/],
        [`http://[::ffff:127.0.0.1]:${port}/`, /IPv4-mapped/],
        ['http://169.254.169.254/latest/', /169\.254\.169\.254 is a cloud metadata service address$/],
      ];
      for (const [urlPrefix, reason] of cases) {
        const res = await allow(stack, urlPrefix);
        expect([urlPrefix, res.status, res.body.message]).toEqual([urlPrefix, 400, expect.stringMatching(reason)]);
      }
      // The same check guards a unit's webhook even when an allowlist entry matches it.
      await stack.dataSource.query(
        `INSERT INTO webhook_allowlist_entry (url_prefix, created_by) VALUES ('http://169.254.169.254/', 'admin')
         ON CONFLICT DO NOTHING`,
      );
      const hook = await setHook(stack, 'hg-vp', 'http://169.254.169.254/latest/meta-data/');
      expect(hook.status).toBe(400);
      expect(hook.body.message).toMatch(/cloud metadata service address/);
      await stack.dataSource.query(`DELETE FROM webhook_allowlist_entry WHERE url_prefix = 'http://169.254.169.254/'`);
    });

    it('stops reading an endless answer at 64 KiB: the delivery is recorded at once, not after the timeout', async () => {
      expect((await allow(stack, `${endless.baseUrl}/`)).status).toBe(201);
      expect((await setHook(stack, 'hg-vp', `${endless.baseUrl}/hooks/vp`)).status).toBe(200);
      const { job } = await sendToUnit(stack, 'hg-vp');
      expect(job.returnvalue).toMatchObject({ status: 200, responseCut: true });
      expect(job.finishedOn! - job.processedOn!).toBeLessThan(10_000); // the timeout is 30 s
      await endless.hungUp;
      // The receiver only filled the socket buffers before the notifier hung up.
      expect(endless.written()).toBeLessThan(32 * 1024 * 1024);
      const [row] = await stack.dataSource.query('SELECT receipt FROM notification_delivery WHERE delivery_key = $1', [
        job.id,
      ]);
      expect(row.receipt).toBe('HTTP 200');
    });

    it('sends over https only when the notifier runs in production', async () => {
      await stack.stopNotifier();
      await stack.startNotifier({ NODE_ENV: 'production' });
      const { job } = await sendToUnit(stack, 'hg-stc');
      expect(job.failedReason).toBe(
        `webhook URL ${stack.webhooks.baseUrl}/hooks/stc of unit hg-stc refused: ` +
          `${stack.webhooks.baseUrl} is not https; in production webhooks go over https only; not sent`,
      );
    });
  });
});
