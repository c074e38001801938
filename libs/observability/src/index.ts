export { createMetricsRegistry } from './metrics-registry';
export { failingChecks, startOpsServer } from './ops-server';
export type { OpsServer, OpsServerOptions, ReadinessCheck } from './ops-server';
export { opsConfigSpec } from './ops.config';
