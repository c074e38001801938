import { NotificationKind } from '../libs/notifications/src';
import { duplicates } from './utils/notification-doubles';
import { NotificationStack, startNotificationStack } from './utils/notification-stack';
import { eventually } from './utils/eventually';

const POOL = 3;

/**
 * The notifier's SMTP pool against a real SMTP listener that counts connections: e-mail and digest
 * jobs sending at once share at most NOTIFIER_CONCURRENCY connections, kept open between messages;
 * a connection that breaks mid-message loses nothing and doubles nothing; stopping the notifier
 * closes the pool.
 */
describe('notifications over pooled SMTP connections (e2e)', () => {
  let stack: NotificationStack;

  beforeAll(async () => {
    stack = await startNotificationStack();
    await stack.startNotifier({ NOTIFIER_CONCURRENCY: String(POOL) });
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('sends many e-mails and digests at once over at most NOTIFIER_CONCURRENCY connections, each exactly once', async () => {
    const people = await Promise.all(Array.from({ length: 10 }, () => stack.addPerson({ unitId: 'hg-stc' })));
    const tasks = (kind: NotificationKind, titles: string[]) =>
      titles.map((title) => stack.event(kind, people, { title, dueAt: '2025-12-31T00:00:00Z' }));
    const numbered = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix} ${i + 1}`);
    const events = tasks(NotificationKind.TASK_ASSIGNED, numbered('Nhiệm vụ', 8));
    const reminders = tasks(NotificationKind.TASK_DUE_REMINDER, numbered('Nhắc', 4));
    // Two connections break after the server has the message but before it answers.
    const drops = 2;
    stack.smtp.dropNext(drops);
    await Promise.all([...events, ...reminders].map((e) => stack.producer.enqueue(e)));

    const keys = new Set(events.map((e) => e.key));
    const mailKeys = () =>
      stack.smtp.messages.map((m) => m.key).filter((k) => keys.has(k.slice(0, k.lastIndexOf('@'))));
    const mine = new Set(people.map((p) => `${p}@example.invalid`));
    const remindersTold = () =>
      stack.smtp.messages
        .filter((m) => m.key.startsWith('digest~') && mine.has(m.to))
        .reduce((n, m) => n + reminders.filter((_, i) => m.text.includes(`"Nhắc ${i + 1}"`)).length, 0);
    const expected = events.length * people.length;
    await eventually(
      () => mailKeys().length >= expected && remindersTold() >= reminders.length * people.length,
      `${expected} e-mails and every reminder in a digest`,
      60_000,
    );
    // A doubled delivery (a retried job that had already delivered) would show up meanwhile.
    await new Promise((r) => setTimeout(r, 1500));
    expect(duplicates(mailKeys())).toEqual([]);
    expect(new Set(mailKeys()).size).toBe(expected);
    expect(remindersTold()).toBe(reminders.length * people.length);
    const recorded = await stack.dataSource.query(
      `SELECT count(*)::int AS n FROM notification_delivery WHERE channel = 'EMAIL' AND event_key = ANY($1::text[])`,
      [[...keys]],
    );
    expect(recorded[0].n).toBe(expected);

    // A broken connection fails the job's attempt, and BullMQ retries it, as with a connection per message.
    const retried = stack.logs.lines.filter((l) =>
      /failed: Connection closed unexpectedly; will retry$/.test(l.message),
    );
    expect(retried).toHaveLength(drops);

    const { opened, open, mostOpen } = stack.smtp.connections();
    expect(mostOpen).toBeLessThanOrEqual(POOL);
    // One connection per message before the pool; now the pool's, plus one for each broken one.
    expect(opened).toBeLessThanOrEqual(POOL + drops);
    // Kept open for the next message.
    expect(open).toBeGreaterThan(0);

    await stack.stopNotifier();
    await eventually(() => stack.smtp.connections().open === 0, 'the stopped notifier to close its SMTP connections');
  });
});
