import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { NotificationEvent, NotificationKind } from '../libs/notifications/src';
import { duplicates } from './utils/notification-doubles';
import { NotificationStack, startNotificationStack, WEBHOOK_SECRET } from './utils/notification-stack';
import { eventually } from './utils/eventually';
import { freePort } from './utils/free-port';
import { startPrivateRedis } from './utils/private-services';

const ROOT = path.resolve(__dirname, '..');

/**
 * Faults: the notifier killed (SIGKILL) with deliveries in flight and started again, and Redis
 * restarted (a private redis-server with append-only persistence, never the shared one). Every
 * notification arrives exactly once per idempotency key on every channel; none lost, none doubled.
 */
describe('notifications under faults (e2e)', () => {
  /** The deployed entry point, as its own process, so it can be killed for real. */
  async function spawnNotifier(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register', 'apps/notifier/src/main.ts'],
      {
        cwd: ROOT,
        env: { ...env, LOG_LEVEL: 'info', TS_NODE_TRANSPILE_ONLY: 'true', TS_NODE_SWC: 'true' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`notifier did not start within 60 s: ${output}`)), 60_000);
      child.stdout!.on('data', (c: Buffer) => {
        output += c.toString();
        if (output.includes('notifier delivering notifications')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => reject(new Error(`notifier exited with ${code}: ${output}`)));
    });
    return child;
  }

  async function kill(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill(signal);
    await exited;
  }

  async function allowWebhooks(stack: NotificationStack): Promise<void> {
    await stack.dataSource.query(
      `INSERT INTO webhook_allowlist_entry (url_prefix, created_by) VALUES ($1, 'admin') ON CONFLICT DO NOTHING`,
      [`${stack.webhooks.baseUrl}/`],
    );
    await stack.dataSource.query(
      `INSERT INTO unit_webhook (unit_id, url, secret, updated_by) VALUES ('hg-skhdt', $1, $2, 'admin')
       ON CONFLICT (unit_id) DO UPDATE SET url = EXCLUDED.url, secret = EXCLUDED.secret, active = true`,
      [`${stack.webhooks.baseUrl}/hooks/skhdt`, WEBHOOK_SECRET],
    );
  }

  /** Waits until each event reached every person in-app and by e-mail and the unit webhook, then checks nothing doubled. */
  async function expectExactlyOnce(
    stack: NotificationStack,
    events: NotificationEvent[],
    people: string[],
  ): Promise<void> {
    const keys = new Set(events.map((e) => e.key));
    const mailKeys = () =>
      stack.smtp.messages.map((m) => m.key).filter((k) => keys.has(k.slice(0, k.lastIndexOf('@'))));
    const hookKeys = () => stack.webhooks.requests.filter((r) => keys.has(String(r.body.eventKey))).map((r) => r.id);
    const rows = async () =>
      (
        (await stack.dataSource.query('SELECT idempotency_key FROM notification WHERE recipient_id = ANY($1::text[])', [
          people,
        ])) as Array<{ idempotency_key: string }>
      )
        .map((r) => r.idempotency_key)
        .filter((k) => keys.has(k.slice(0, k.lastIndexOf('@'))));
    const expected = events.length * people.length;
    await eventually(
      async () =>
        mailKeys().length >= expected && hookKeys().length >= events.length && (await rows()).length >= expected,
      `${expected} e-mails, ${expected} inbox rows, ${events.length} webhooks`,
      60_000,
    );
    // Give a doubled delivery (a re-run of a job that had already delivered) time to show up.
    await new Promise((r) => setTimeout(r, 3000));
    expect(duplicates(mailKeys())).toEqual([]);
    expect(duplicates(hookKeys())).toEqual([]);
    expect(new Set(mailKeys()).size).toBe(expected);
    expect(new Set(hookKeys()).size).toBe(events.length);
    expect((await rows()).length).toBe(expected);
    expect(stack.webhooks.requests.every((r) => r.valid)).toBe(true);
  }

  /** Every reminder reached each person in exactly one digest e-mail (a digest names a reminder once). */
  async function expectEachReminderDigestedOnce(
    stack: NotificationStack,
    count: number,
    people: string[],
  ): Promise<void> {
    const told = (person: string, n: number) =>
      stack.smtp.messages
        .filter((m) => m.key.startsWith(`digest~${person}~`))
        .reduce((sum, m) => sum + m.text.split(`nhiệm vụ "Nhắc ${String(n).padStart(2, '0')}"`).length - 1, 0);
    const all = () => people.flatMap((p) => Array.from({ length: count }, (_, i) => told(p, i + 1)));
    await eventually(() => all().every((n) => n >= 1), `${count} reminders in digests to each person`, 60_000);
    await new Promise((r) => setTimeout(r, 3000));
    expect(all()).toEqual(Array(count * people.length).fill(1));
  }

  describe('the notifier killed while delivering', () => {
    let stack: NotificationStack;
    let child: ChildProcess | undefined;

    beforeAll(async () => {
      stack = await startNotificationStack();
      await allowWebhooks(stack);
    });

    afterAll(async () => {
      if (child) await kill(child, 'SIGKILL');
      stack?.smtp.release();
      stack?.webhooks.release();
      await stack?.close();
    });

    it('delivers every notification exactly once after a SIGKILL and a restart', async () => {
      const people = await Promise.all([1, 2, 3].map(() => stack.addPerson({ unitId: 'hg-skhdt' })));
      child = await spawnNotifier(stack.env);
      stack.smtp.hold();
      stack.webhooks.hold();
      const events = Array.from({ length: 30 }, (_, i) =>
        stack.event(NotificationKind.TASK_ASSIGNED, people, {
          title: `Nhiệm vụ ${i + 1}`,
          dueAt: '2025-12-31T00:00:00Z',
        }),
      );
      // Reminders too: folded into each person's digest by the dispatch, sent by digest jobs.
      const reminders = Array.from({ length: 10 }, (_, i) =>
        stack.event(NotificationKind.TASK_DUE_REMINDER, people, {
          title: `Nhắc ${String(i + 1).padStart(2, '0')}`,
          dueAt: '2025-12-31T00:00:00Z',
        }),
      );
      await Promise.all([...events, ...reminders].map((e) => stack.producer.enqueue(e)));
      // E-mails and webhooks are mid-delivery (the far side has the data but has not answered) when the notifier dies.
      await eventually(() => stack.smtp.held() >= 5 && stack.webhooks.held() >= 3, 'e-mails and webhooks in flight');
      await kill(child, 'SIGKILL');
      await eventually(
        () => stack.smtp.heldOpen() === 0 && stack.webhooks.heldOpen() === 0,
        'the receivers to see the dead connections',
      );
      stack.smtp.release();
      stack.webhooks.release();
      expect(stack.smtp.messages).toHaveLength(0);
      expect(stack.webhooks.requests).toHaveLength(0);

      child = await spawnNotifier(stack.env);
      await expectExactlyOnce(stack, events, people);
      await expectEachReminderDigestedOnce(stack, reminders.length, people);
      await kill(child, 'SIGTERM');
      child = undefined;
    });
  });

  describe('Redis restarted with persistence on', () => {
    let stack: NotificationStack;
    let redis: ChildProcess | undefined;
    let dir: string;
    let port: number;

    const startRedis = () => startPrivateRedis(port, dir);

    beforeAll(async () => {
      dir = mkdtempSync(path.join(tmpdir(), 'notify-redis-'));
      port = await freePort();
      redis = await startRedis();
      stack = await startNotificationStack({ REDIS_URL: `redis://127.0.0.1:${port}` });
      await allowWebhooks(stack);
      await stack.startNotifier();
    });

    afterAll(async () => {
      stack?.smtp.release();
      await stack?.close();
      if (redis) await kill(redis, 'SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    });

    it('loses and doubles nothing when Redis restarts with jobs queued and in flight', async () => {
      const people = await Promise.all([1, 2].map(() => stack.addPerson({ unitId: 'hg-skhdt' })));
      const before = Array.from({ length: 5 }, (_, i) =>
        stack.event(NotificationKind.REVIEW_OPENED, people, {
          period: `Đợt ${i + 1}`,
          closesAt: '2025-07-10T00:00:00Z',
        }),
      );
      await Promise.all(before.map((e) => stack.producer.enqueue(e)));
      await expectExactlyOnce(stack, before, people);

      // Queued and in-flight work when Redis goes down: the notifier is stopped for some of it.
      stack.smtp.hold();
      const during = Array.from({ length: 20 }, (_, i) =>
        stack.event(NotificationKind.TASK_RETURNED, people, { title: `Báo cáo ${i + 1}`, reasons: 'bổ sung số liệu' }),
      );
      await Promise.all(during.map((e) => stack.producer.enqueue(e)));
      await eventually(() => stack.smtp.held() >= 3, 'e-mails in flight');
      await kill(redis!, 'SIGTERM');
      redis = await startRedis();
      stack.smtp.release();

      const after = Array.from({ length: 5 }, (_, i) =>
        stack.event(NotificationKind.TASK_OVERDUE_ESCALATION, people, {
          title: `Việc ${i + 1}`,
          dueAt: '2025-06-30T00:00:00Z',
          level: 1,
        }),
      );
      await eventually(async () => {
        await Promise.all(after.map((e) => stack.producer.enqueue(e)));
        return true;
      }, 'the producer to reach the restarted Redis');
      await expectExactlyOnce(stack, [...before, ...during, ...after], people);
    });
  });
});
