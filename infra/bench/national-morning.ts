/**
 * A deadline morning: every reminder of the day enqueued at once (as the task workflows' timers fire
 * together at the start of the working day), delivered by the real notifier code in this process
 * (dispatch → inbox rows and items of the person's digest → digest e-mail to a recording
 * transport). Prints the time until every inbox row exists and every reminder has left in a digest,
 * with a bare BullMQ add/process loop of as many jobs on the same Redis beside it.
 */
import { randomUUID } from 'node:crypto';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue, Worker } from 'bullmq';
import { DataSource } from 'typeorm';
import { loadNotifierConfig } from '../../apps/notifier/src/notifier.config';
import { NotifierModule } from '../../apps/notifier/src/notifier.module';
import type { MailTransport } from '../../apps/notifier/src/email/mail-transport';
import {
  bullConnection,
  NotificationKind,
  NotificationProducer,
  NOTIFIER_QUEUES,
  QueueName,
} from '../../libs/notifications/src';
import { dataSourceOptions, migrate, recreateDatabase } from '../../libs/persistence/src';
import { goal, heading, load, NATIONAL_DATABASE_URL, REDIS_URL, sleep, SIZE } from './national-common';

const DATABASE_URL = NATIONAL_DATABASE_URL.replace(/_test$/, '_morning_test');
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 20);
/** Digests wait this long for more reminders (production: DIGEST_DELAY_MS, 10 minutes). */
const DIGEST_DELAY_MS = Number(process.env.BENCH_DIGEST_DELAY_MS ?? 5000);
const PRODUCERS = 50;
const REMINDERS_PER_PERSON = 5;
const GOAL_MS = 5 * 60_000;

async function obliterate(prefix: string, names: readonly string[]): Promise<void> {
  for (const name of names) {
    const q = new Queue(name, { connection: bullConnection(REDIS_URL), prefix });
    await q.obliterate({ force: true });
    await q.close();
  }
}

/** The same number of jobs through a bare BullMQ queue and a no-op worker: the floor for this Redis. */
async function bareLoop(n: number, prefix: string): Promise<number> {
  const connection = bullConnection(REDIS_URL);
  const queue = new Queue('bare', { connection, prefix });
  let done = 0;
  const worker = new Worker('bare', async () => void done++, { connection, prefix, concurrency: CONCURRENCY });
  await worker.waitUntilReady();
  const started = Date.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: PRODUCERS }, async () => {
      while (next < n) {
        const i = next++;
        await queue.add('job', { i }, { jobId: `bare-${i}`, removeOnComplete: true });
      }
    }),
  );
  while (done < n) await sleep(20);
  const elapsed = Date.now() - started;
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  return elapsed;
}

export async function deadlineMorning(): Promise<void> {
  heading('deadline morning: reminders enqueued at once, in-app and e-mail digests');
  const n = SIZE.reminders;
  const people = Math.max(1, Math.min(SIZE.people, Math.round(n / REMINDERS_PER_PERSON)));
  await recreateDatabase(DATABASE_URL);
  await migrate(DATABASE_URL);
  const ds = await new DataSource(dataSourceOptions(DATABASE_URL)).initialize();
  const run = `bench-morning-${process.pid}-${randomUUID().slice(0, 6)}`;
  let digests = 0;
  const recording: MailTransport = {
    async send() {
      digests++;
      return { receipt: 'recorded' };
    },
    close: () => undefined,
  };
  let app: INestApplicationContext | null = null;
  try {
    await ds.query(`INSERT INTO org_unit (id, name, kind) VALUES ('m-unit', 'Đơn vị nhận nhắc việc', 'DEPARTMENT')`);
    await ds.query(
      `INSERT INTO person (id, username, full_name, password_hash, unit_id, email, notification_channels)
       SELECT 'm-' || i, 'bench.m' || i, 'Cán bộ ' || i, 'x', 'm-unit', 'm' || i || '@example.invalid', '{IN_APP,EMAIL}'
       FROM generate_series(0, ${people - 1}) i`,
    );
    console.log(
      `${n} reminders to ${people} people (${REMINDERS_PER_PERSON} each, in-app and e-mail), concurrency ${CONCURRENCY} per queue, digest delay ${DIGEST_DELAY_MS} ms`,
    );
    const bareMs = await bareLoop(n, `${run}-bare`);

    const config = loadNotifierConfig({
      ...process.env,
      REDIS_URL,
      DATABASE_URL,
      QUEUE_PREFIX: run,
      NOTIFIER_CONCURRENCY: String(CONCURRENCY),
      DIGEST_DELAY_MS: String(DIGEST_DELAY_MS),
      NOTIFICATION_RETENTION_DAYS: '0',
      LOG_LEVEL: 'error',
    });
    console.log(`  dispatch jobs at once: ${config.NOTIFIER_DISPATCH_CONCURRENCY} (NOTIFIER_DISPATCH_CONCURRENCY)`);
    app = await NestFactory.createApplicationContext(NotifierModule.forRoot(config, { mailTransport: recording }), {
      logger: ['error'],
    });
    await app.init();
    const queue = new Queue(QueueName.NOTIFICATIONS, { connection: bullConnection(REDIS_URL), prefix: run });
    const producer = new NotificationProducer(queue);
    const occurredAt = new Date().toISOString();
    const started = Date.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: PRODUCERS }, async () => {
        while (next < n) {
          const i = next++;
          await producer.enqueue({
            key: `task/${run}-${i}#r1`,
            kind: NotificationKind.TASK_DUE_REMINDER,
            recipientIds: [`m-${i % people}`],
            taskId: `${run}-${i}`,
            params: { title: `Nhiệm vụ ${i}`, dueAt: '2026-12-01T10:00:00Z' },
            occurredAt,
          });
        }
      }),
    );
    const enqueuedMs = Date.now() - started;
    let inAppMs: number | null = null;
    let collectedMs: number | null = null;
    let lastReport = Date.now();
    for (;;) {
      const [row] = await ds.query(`SELECT (SELECT count(*) FROM notification)::int AS inbox,
        (SELECT count(*) FROM notification_digest_item)::int AS items,
        (SELECT count(*) FROM notification_digest_item WHERE digest_seq IS NOT NULL)::int AS sent`);
      const at = Date.now() - started;
      if (inAppMs === null && row.inbox >= n) inAppMs = at;
      if (collectedMs === null && row.items >= n) collectedMs = at;
      if (row.sent >= n) break;
      if (Date.now() - lastReport > 30_000) {
        console.log(
          `  … ${(at / 1000).toFixed(0)} s: ${row.inbox} inbox rows, ${row.items} digest items, ${row.sent} sent`,
        );
        lastReport = Date.now();
      }
      if (at > 4 * GOAL_MS) throw new Error(`not all delivered after ${at / 1000} s: ${JSON.stringify(row)}`);
      await sleep(250);
    }
    const allMs = Date.now() - started;
    await queue.close();
    const [{ digestRows }] = await ds.query(`SELECT count(*)::int AS "digestRows" FROM notification_digest`);
    const s = (ms: number | null) => `${((ms ?? NaN) / 1000).toFixed(1)} s`;
    console.log(`  enqueued all ${n} in ${s(enqueuedMs)}`);
    console.log(`  in-app: every inbox row written after ${s(inAppMs)} (${Math.round(n / ((inAppMs ?? 1) / 1000))}/s)`);
    console.log(`  e-mail: every reminder collected for a digest after ${s(collectedMs)}`);
    console.log(
      `  e-mail: every reminder sent in a digest after ${s(allMs)} — ${digestRows} digests (${digests} e-mails, ${(n / Math.max(1, digests)).toFixed(1)} reminders each; ` +
        `includes the ${DIGEST_DELAY_MS} ms digest delay; goal < 5 min ${goal(allMs < GOAL_MS)})`,
    );
    console.log(
      `  bare BullMQ add/process of ${n} jobs on the same Redis: ${s(bareMs)} (${Math.round(n / (bareMs / 1000))}/s); load average ${load()}`,
    );
  } finally {
    await app?.close();
    await obliterate(run, NOTIFIER_QUEUES);
    await ds.destroy();
  }
}
