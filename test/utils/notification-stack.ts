/**
 * The notification path on the real Postgres and Redis: the API (inbox, admin), the notifier app and
 * the producer the workflow activities use, on a queue prefix of its own, with a recording SMTP server
 * and webhook receiver standing in for the outside world.
 */
import { randomUUID } from 'node:crypto';
import { INestApplication, INestApplicationContext, LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue } from 'bullmq';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { loadApiConfig } from '../../apps/api/src/api.config';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { DEMO_PASSWORD } from '../../apps/api/src/seed/demo-data';
import { seedPeople } from '../../apps/api/src/seed/seed-people';
import { loadNotifierConfig } from '../../apps/notifier/src/notifier.config';
import { NotifierModule } from '../../apps/notifier/src/notifier.module';
import {
  bullConnection,
  NotificationEvent,
  NotificationKind,
  NotificationProducer,
  NOTIFIER_QUEUES,
  QueueName,
} from '../../libs/notifications/src';
import { SmtpRecorder, startSmtpRecorder, startWebhookReceiver, WebhookReceiver } from './notification-doubles';

export const WEBHOOK_SECRET = `test-webhook-secret-${randomUUID()}`;

/** Keeps what the notifier logs, to check that failures are explained there too. */
export class RecordingLogger implements LoggerService {
  readonly lines: Array<{ level: string; message: string }> = [];
  log = (m: unknown) => this.lines.push({ level: 'log', message: String(m) });
  error = (m: unknown) => this.lines.push({ level: 'error', message: String(m) });
  warn = (m: unknown) => this.lines.push({ level: 'warn', message: String(m) });
  debug = () => undefined;
  verbose = () => undefined;
}

export interface NotificationStack {
  env: NodeJS.ProcessEnv;
  api: INestApplication;
  http: () => ReturnType<typeof request>;
  dataSource: DataSource;
  smtp: SmtpRecorder;
  webhooks: WebhookReceiver;
  producer: NotificationProducer;
  queue(name: QueueName): Queue;
  logs: RecordingLogger;
  login(username: string): Promise<string>;
  startNotifier(extraEnv?: NodeJS.ProcessEnv): Promise<INestApplicationContext>;
  stopNotifier(): Promise<void>;
  /** Test people with their own ids, so files and runs never share an inbox. */
  addPerson(p: { unitId: string; locale?: 'vi' | 'en'; channels?: string[]; email?: string | null }): Promise<string>;
  /** A person with a fixed id (one an event named before they existed). */
  addPersonWithId(id: string, unitId: string): Promise<void>;
  event(
    kind: NotificationKind,
    recipientIds: string[],
    params?: NotificationEvent['params'],
    occurredAt?: string,
  ): NotificationEvent;
  close(): Promise<void>;
}

export async function startNotificationStack(envOverrides: NodeJS.ProcessEnv = {}): Promise<NotificationStack> {
  const run = randomUUID().slice(0, 8);
  const [smtp, webhooks] = await Promise.all([startSmtpRecorder(), startWebhookReceiver(WEBHOOK_SECRET)]);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    QUEUE_PREFIX: `${process.env.QUEUE_PREFIX ?? 'test'}-notify-${run}`,
    SMTP_URL: smtp.url,
    NOTIFIER_BACKOFF_MS: '200',
    NOTIFIER_LOCK_MS: '2000',
    DIGEST_DELAY_MS: '1500',
    // The recording webhook receiver listens on loopback, which webhooks may reach only when allowed.
    WEBHOOK_ALLOWED_NETWORKS: '127.0.0.1/32',
    ...envOverrides,
  };
  const api = await createApiApp(loadApiConfig({ ...env, API_PORT: '3000' }));
  await api.init();
  const dataSource = api.get(DataSource);
  await seedPeople(dataSource);
  const connection = bullConnection(env.REDIS_URL!);
  const queues = new Map(
    NOTIFIER_QUEUES.map((name) => [
      name,
      new Queue(name, { connection, prefix: env.QUEUE_PREFIX }).on('error', () => undefined),
    ]),
  );
  const producer = new NotificationProducer(queues.get(QueueName.NOTIFICATIONS)!);
  const logs = new RecordingLogger();
  const server = api.getHttpServer();
  let notifier: INestApplicationContext | undefined;
  const insertPerson = (
    id: string,
    p: { unitId: string; locale?: 'vi' | 'en'; channels?: string[]; email?: string | null },
  ) =>
    dataSource.query(
      `INSERT INTO person (id, username, full_name, password_hash, unit_id, roles, email, locale, notification_channels)
       VALUES ($1,$1,$2,'x',$3,'{STAFF}',$4,$5,$6)`,
      [
        id,
        `Cán bộ thử ${id}`,
        p.unitId,
        p.email === undefined ? `${id}@example.invalid` : p.email,
        p.locale ?? 'vi',
        p.channels ?? ['IN_APP', 'EMAIL'],
      ],
    );
  let seq = 0;
  const tokens = new Map<string, string>();

  const stack: NotificationStack = {
    env,
    api,
    dataSource,
    smtp,
    webhooks,
    producer,
    logs,
    http: () => request(server),
    queue: (name) => queues.get(name)!,
    async login(username) {
      if (!tokens.has(username)) {
        const res = await request(server).post('/auth/login').send({ username, password: DEMO_PASSWORD });
        if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status}`);
        tokens.set(username, res.body.accessToken);
      }
      return tokens.get(username)!;
    },
    async startNotifier(extraEnv = {}) {
      notifier = await NestFactory.createApplicationContext(
        NotifierModule.forRoot(loadNotifierConfig({ ...env, ...extraEnv })),
        { logger: logs },
      );
      // Nest's Logger is process-wide: the API set its own; the notifier's lines must reach `logs`.
      notifier.useLogger(logs);
      await notifier.init();
      return notifier;
    },
    async stopNotifier() {
      await notifier?.close();
      notifier = undefined;
    },
    async addPerson(p) {
      const id = `nt-${run}-${++seq}`;
      await insertPerson(id, p);
      return id;
    },
    async addPersonWithId(id, unitId) {
      await dataSource.query('DELETE FROM notification WHERE recipient_id = $1', [id]);
      await dataSource.query('DELETE FROM person WHERE id = $1', [id]);
      await insertPerson(id, { unitId });
    },
    event(kind, recipientIds, params = {}, occurredAt = new Date().toISOString()) {
      return {
        key: `programme/nt-${run}#${++seq}`,
        kind,
        recipientIds,
        programmeId: `nt-${run}`,
        params: { title: 'Chương trình hành động 123-CTr/TU', ...params },
        occurredAt,
      };
    },
    async close() {
      await stack.stopNotifier();
      await Promise.all(
        [...queues.values()].map(async (q) => {
          await q.obliterate({ force: true }).catch(() => undefined);
          await q.close();
        }),
      );
      await api.close();
      await Promise.all([smtp.close(), webhooks.close()]);
    },
  };
  return stack;
}
