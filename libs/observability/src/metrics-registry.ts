import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * One Prometheus registry per process, labelled with the app's name, with Node's process metrics
 * (CPU, memory, event-loop lag, GC). Each app adds its own metrics to it.
 */
export function createMetricsRegistry(app: 'api' | 'worker' | 'notifier'): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ app });
  collectDefaultMetrics({ register: registry });
  return registry;
}
