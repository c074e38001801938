import { INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { Counter, Gauge, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { NOTIFIER_QUEUES } from '@app/notifications';
import { createMetricsRegistry, OpsServer, startOpsServer } from '@app/observability';
import { NotifierConfig } from './notifier.config';

export const NOTIFIER_METRICS = Symbol('NOTIFIER_METRICS');

/** Job states whose size an operator watches: backlog (waiting, delayed), work in hand, and failures. */
const STATES = ['waiting', 'active', 'delayed', 'failed'] as const;

/** The notifier's registry and the counter its BullMQ workers move as jobs finish. */
export class NotifierMetrics {
  readonly registry: Registry = createMetricsRegistry('notifier');
  readonly jobs = new Counter({
    name: 'ap_notification_jobs_total',
    help: 'delivery jobs finished by this notifier, per queue and outcome (completed, or failed attempt)',
    labelNames: ['queue', 'outcome'] as const,
    registers: [this.registry],
  });

  /** Queue sizes per state, read from Redis on each scrape (one small pipeline per queue). */
  watchQueues(queues: Queue[]): void {
    new Gauge({
      name: 'ap_queue_jobs',
      help: 'BullMQ jobs per queue and state (waiting, active, delayed, failed)',
      labelNames: ['queue', 'state'] as const,
      registers: [this.registry],
      async collect() {
        const counts = await Promise.all(queues.map((q) => q.getJobCounts(...STATES)));
        queues.forEach((q, i) => STATES.forEach((state) => this.set({ queue: q.name, state }, counts[i][state] ?? 0)));
      },
    });
  }
}

/** The notifier's operations listener: queue gauges, job counters; ready while Redis and Postgres answer. */
export function startNotifierOpsServer(
  app: INestApplicationContext,
  config: Pick<NotifierConfig, 'METRICS_HOST' | 'METRICS_PORT'>,
): Promise<OpsServer> {
  const metrics = app.get<NotifierMetrics>(NOTIFIER_METRICS);
  const queues = NOTIFIER_QUEUES.map((name) => app.get<Queue>(getQueueToken(name), { strict: false }));
  metrics.watchQueues(queues);
  const dataSource = app.get<DataSource>(getDataSourceToken());
  return startOpsServer({
    host: config.METRICS_HOST,
    port: config.METRICS_PORT,
    registry: metrics.registry,
    readiness: {
      // BullMQ's own connection retries forever while Redis is away; the listener's timeout says "down".
      redis: async () => ((await queues[0].client) as unknown as { ping(): Promise<string> }).ping(),
      postgres: () => dataSource.query('SELECT 1'),
    },
  });
}
