/**
 * Notification delivery benchmark, in one run on the same Redis:
 *   1. bare BullMQ: add N jobs, a worker processes them with a no-op;
 *   2. our pipeline: NotificationProducer.enqueue → dispatch job (recipient and channel lookup in
 *      Postgres) → per-channel e-mail job (delivery bookkeeping in Postgres) → a recording transport
 *      in place of SMTP.
 * Prints both delivery rates, their ratio (goal ≥ 0.7), enqueue → delivered p50/p99 (goal p99 < 1 s), the CPU
 * time per delivery (steadier than the rates when the machine is shared) and the load average.
 * Uses its own queue prefix and people, so it never disturbs other stacks on the same Redis/Postgres.
 *
 *   npm run bench:notifications            (BENCH_EVENTS, BENCH_CONCURRENCY, REDIS_URL, BENCH_DATABASE_URL)
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue, QueueEvents, Worker } from 'bullmq';
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
import { ensureDatabase, migrate } from '../../libs/persistence/src';
import { percentile } from './stats';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 20);
const PACED_RATE = Number(process.env.BENCH_PACED_RATE ?? 200);
const PRODUCERS = 50;
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/action_programmes_bench';
const RUN = `bench-notify-${process.pid}-${randomUUID().slice(0, 6)}`;

interface Result {
  name: string;
  rate: number;
  p50: number;
  p99: number;
  /** CPU time of this process (workers, producers, everything in it) per delivery, in µs. */
  cpuPerDelivery: number;
}

function summarise(name: string, latencies: number[], elapsedMs: number, cpu: NodeJS.CpuUsage): Result {
  const cpuPerDelivery = (cpu.user + cpu.system) / latencies.length;
  return {
    name,
    rate: (latencies.length / elapsedMs) * 1000,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    cpuPerDelivery,
  };
}

/**
 * Enqueues with PRODUCERS calls in flight, the way many workflow activities would: all at once (a
 * burst, measuring throughput; latency is then mostly time spent waiting in the backlog), or paced at
 * `rate` per second (measuring the latency of one notification on a busy but not saturated system).
 */
async function enqueueAll(n: number, enqueue: (i: number) => Promise<unknown>, rate?: number): Promise<void> {
  let next = 0;
  const start = Date.now();
  if (rate) {
    await Promise.all(
      Array.from({ length: n }, async (_, i) => {
        await new Promise((r) => setTimeout(r, start + (i * 1000) / rate - Date.now()));
        await enqueue(i);
      }),
    );
    return;
  }
  await Promise.all(
    Array.from({ length: PRODUCERS }, async () => {
      while (next < n) await enqueue(next++);
    }),
  );
}

function waitFor(done: () => boolean, what: string, timeoutMs = 300_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const tick = () =>
      done()
        ? resolve()
        : Date.now() > deadline
          ? reject(new Error(`timed out waiting for ${what}`))
          : setTimeout(tick, 5);
    tick();
  });
}

async function bareBullmq(n: number): Promise<Result> {
  const prefix = `${RUN}-bare`;
  const connection = bullConnection(REDIS_URL);
  const queue = new Queue('bare', { connection, prefix });
  const latencies: number[] = [];
  const worker = new Worker('bare', async (job) => void latencies.push(Date.now() - job.data.at), {
    connection,
    prefix,
    concurrency: CONCURRENCY,
  });
  await worker.waitUntilReady();
  const started = Date.now();
  const cpu = process.cpuUsage();
  await enqueueAll(n, (i) => queue.add('job', { at: Date.now() }, { jobId: `bare-${i}`, removeOnComplete: true }));
  await waitFor(() => latencies.length >= n, 'the bare jobs');
  const elapsed = Date.now() - started;
  const used = process.cpuUsage(cpu);
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  return summarise('bare BullMQ add/process', latencies, elapsed, used);
}

/**
 * Our pipeline, from `NotificationProducer.enqueue` to delivery, on its own queue prefix.
 * E-mail: delivered when the recording transport is handed the message. In-app (people's default):
 * the dispatch job writes the inbox rows itself, so delivered when that job completes, a moment
 * taken from BullMQ's own completion events.
 */
async function pipeline(
  channel: 'email' | 'inApp',
  n: number,
  dataSource: DataSource,
  people: string[],
  round: string,
  rate?: number,
): Promise<Result> {
  const prefix = `${RUN}-${channel}`;
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const delivered = (eventKey: string) => {
    const at = sentAt.get(eventKey);
    if (at !== undefined) latencies.push(Date.now() - at);
  };
  const recording: MailTransport = {
    async send(m) {
      delivered(m.deliveryKey.slice(0, m.deliveryKey.lastIndexOf('@')));
      return { receipt: 'recorded' };
    },
    close: () => undefined,
  };
  const config = loadNotifierConfig({
    ...process.env,
    REDIS_URL,
    DATABASE_URL,
    QUEUE_PREFIX: prefix,
    NOTIFIER_CONCURRENCY: String(CONCURRENCY),
    LOG_LEVEL: 'error',
  });
  const app: INestApplicationContext = await NestFactory.createApplicationContext(
    NotifierModule.forRoot(config, { mailTransport: recording }),
    { logger: ['error'] },
  );
  await app.init();
  const events =
    channel === 'inApp'
      ? new QueueEvents(QueueName.NOTIFICATIONS, { connection: bullConnection(REDIS_URL), prefix })
      : null;
  if (events) {
    await events.waitUntilReady();
    events.on('completed', ({ jobId }) => delivered(jobId));
  }
  const queue = new Queue(QueueName.NOTIFICATIONS, { connection: bullConnection(REDIS_URL), prefix });
  const producer = new NotificationProducer(queue);
  const started = Date.now();
  const cpu = process.cpuUsage();
  await enqueueAll(
    n,
    (i) => {
      const key = `bench/${round}#${i}`;
      sentAt.set(key, Date.now());
      return producer.enqueue({
        key,
        kind: NotificationKind.TASK_ASSIGNED,
        recipientIds: [people[i % people.length]],
        params: { title: `Nhiệm vụ ${i}`, dueAt: '2025-12-31T00:00:00Z' },
        occurredAt: new Date().toISOString(),
      });
    },
    rate,
  );
  await waitFor(() => latencies.length >= n, `the ${channel} deliveries`);
  const elapsed = Date.now() - started;
  const used = process.cpuUsage(cpu);
  if (channel === 'inApp') {
    const rows: Array<{ n: number }> = await dataSource.query(
      'SELECT count(*)::int AS n FROM notification WHERE idempotency_key LIKE $1',
      [`bench/${round}#%`],
    );
    if (rows[0].n !== n) throw new Error(`expected ${n} inbox rows, found ${rows[0].n}`);
  }
  await events?.close();
  await app.close();
  for (const name of NOTIFIER_QUEUES) {
    const q = new Queue(name, { connection: bullConnection(REDIS_URL), prefix });
    await q.obliterate({ force: true });
    await q.close();
  }
  await queue.close();
  await dataSource.query('DELETE FROM notification_delivery WHERE event_key LIKE $1', [`bench/${round}#%`]);
  await dataSource.query('DELETE FROM notification WHERE idempotency_key LIKE $1', [`bench/${round}#%`]);
  const name =
    channel === 'inApp'
      ? 'notification pipeline, in-app channel'
      : rate
        ? `notification pipeline, paced ${rate}/s`
        : 'notification pipeline (recording channel)';
  return summarise(name, latencies, elapsed, used);
}

async function main(): Promise<void> {
  await ensureDatabase(DATABASE_URL);
  await migrate(DATABASE_URL);
  const dataSource = await new DataSource({ type: 'postgres', url: DATABASE_URL }).initialize();
  await dataSource.query(
    `INSERT INTO org_unit (id, name, kind) VALUES ('bench-unit', 'Đơn vị đo hiệu năng', 'DEPARTMENT') ON CONFLICT DO NOTHING`,
  );
  const people = Array.from({ length: 50 }, (_, i) => `bench-person-${i}`);
  const inAppPeople = Array.from({ length: 50 }, (_, i) => `bench-inapp-${i}`);
  for (const [ids, channels] of [
    [people, '{EMAIL}'],
    [inAppPeople, '{IN_APP}'],
  ] as const)
    for (const id of ids)
      await dataSource.query(
        `INSERT INTO person (id, username, full_name, password_hash, unit_id, email, notification_channels)
         VALUES ($1,$1,$1,'x','bench-unit',$2,$3) ON CONFLICT (id) DO NOTHING`,
        [id, `${id}@example.invalid`, channels],
      );

  // The machine may be shared: the load average says how much the rates below can be trusted.
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
  console.log(
    `notification benchmark: ${EVENTS} events, concurrency ${CONCURRENCY}, Redis ${new URL(REDIS_URL).host}, prefix ${RUN}, load average ${load()}`,
  );
  // Warm up both paths (connections, JIT, prepared plans), then measure.
  await bareBullmq(200);
  await pipeline('email', 200, dataSource, people, `${RUN}-warmup`);
  const bare = await bareBullmq(EVENTS);
  const ours = await pipeline('email', EVENTS, dataSource, people, RUN);
  const paced = await pipeline(
    'email',
    Math.min(EVENTS, PACED_RATE * 5),
    dataSource,
    people,
    `${RUN}-paced`,
    PACED_RATE,
  );
  await pipeline('inApp', 200, dataSource, inAppPeople, `${RUN}-inapp-warmup`);
  const bareAgain = await bareBullmq(EVENTS);
  const inApp = await pipeline('inApp', EVENTS, dataSource, inAppPeople, `${RUN}-inapp`);
  await dataSource.destroy();

  for (const r of [bare, ours, paced, bareAgain, inApp])
    console.log(
      `${r.name.padEnd(44)} ${r.rate.toFixed(0).padStart(7)} deliveries/s   p50 ${r.p50} ms   p99 ${r.p99} ms   ${r.cpuPerDelivery.toFixed(0)} µs CPU/delivery`,
    );
  console.log(`load average at the end: ${load()}`);
  const ratio = ours.rate / bare.rate;
  console.log(`ratio e-mail pipeline/bare: ${ratio.toFixed(2)} (goal >= 0.7) ${ratio >= 0.7 ? 'MET' : 'NOT MET'}`);
  const inAppRatio = inApp.rate / bareAgain.rate;
  console.log(
    `ratio in-app pipeline/bare (measured next to each other): ${inAppRatio.toFixed(2)} (goal >= 0.7) ${inAppRatio >= 0.7 ? 'MET' : 'NOT MET'}; in-app burst p50/p99 ${inApp.p50}/${inApp.p99} ms`,
  );
  console.log(
    `enqueue -> delivered p50/p99, burst of ${EVENTS}: ${ours.p50}/${ours.p99} ms (goal p99 < 1000 ms) ${ours.p99 < 1000 ? 'MET' : 'NOT MET'}`,
  );
  console.log(
    `enqueue -> delivered p50/p99, paced at ${PACED_RATE}/s: ${paced.p50}/${paced.p99} ms (goal p99 < 1000 ms) ${paced.p99 < 1000 ? 'MET' : 'NOT MET'}`,
  );
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error('notification benchmark failed:', err);
    process.exit(1);
  },
);
