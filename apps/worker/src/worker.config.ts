import { int, loadConfig, sharedConfigSpec, str } from '@app/config';
import { checkFaultPoints, faultPointsConfigSpec } from '@app/observability/fault-points';
import { opsConfigSpec } from '@app/observability/ops.config';

export const workerConfigSpec = {
  ...sharedConfigSpec,
  ...opsConfigSpec(9465),
  WORKFLOW_BUNDLE_PATH: str('pre-built workflow bundle; empty to bundle from source at start-up', ''),
  WORKER_MAX_CONCURRENT_ACTIVITIES: int('activities run at once', 20, 1, 1000),
  WORKER_SHUTDOWN_GRACE_MS: int(
    'on SIGTERM, how long running activities may finish before they are cancelled (keep below the stop timeout)',
    25_000,
    0,
    600_000,
  ),
  WORKER_SDK_METRICS_PORT: int(
    "port on 127.0.0.1 of the Temporal SDK's own Prometheus exporter, merged into /metrics; 0: SDK metrics off",
    9467,
    0,
    65535,
  ),
  ...faultPointsConfigSpec,
};

export type WorkerConfig = ReturnType<typeof loadWorkerConfig>;
export const loadWorkerConfig = (env: NodeJS.ProcessEnv = process.env) =>
  checkFaultPoints(loadConfig(workerConfigSpec, env));
