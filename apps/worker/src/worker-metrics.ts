import type { Registry } from 'prom-client';
import { createMetricsRegistry } from '@app/observability';

/** The worker's one Prometheus registry (served on its /metrics): services add their metrics to it. */
export const WORKER_METRICS = Symbol('WORKER_METRICS');

export const workerMetricsProvider = {
  provide: WORKER_METRICS,
  useFactory: (): Registry => createMetricsRegistry('worker'),
};
