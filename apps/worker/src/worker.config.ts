import { int, loadConfig, sharedConfigSpec, str, type VarSpec } from '@app/config';
import { checkFaultPoints, faultPointsConfigSpec } from '@app/observability/fault-points';
import { opsConfigSpec } from '@app/observability/ops.config';
import { checkDocumentStorageConfig, documentStorageConfigSpec } from '@app/storage';

const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** A duration such as `90s`, `15m`, `1h` or `1d` (at least a minute), in milliseconds; `off`: none (null). */
export function everyDuration(describe: string, dflt: string): VarSpec<number | null> {
  const parse = (raw: string): number | null => {
    if (raw === 'off') return null;
    const m = /^(\d+)(s|m|h|d)$/.exec(raw);
    if (!m) throw new Error('expected a number and a unit (s, m, h, d) such as 1h, or off');
    const ms = Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS];
    if (ms < 60_000) throw new Error('expected at least 1m');
    return ms;
  };
  return { describe, default: parse(dflt), parse };
}

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
  RECONCILE_INTERVAL: everyDuration(
    'how often the read model is reconciled with the workflows (a Temporal Schedule the worker keeps), e.g. 1h; off: no schedule',
    '1h',
  ),
  RECONCILE_PAGE_SIZE: int('workflows or rows per reconciliation page (one activity)', 200, 10, 2000),
  WORKER_SDK_METRICS_PORT: int(
    "port on 127.0.0.1 of the Temporal SDK's own Prometheus exporter, merged into /metrics; 0: SDK metrics off",
    9467,
    0,
    65535,
  ),
  ...faultPointsConfigSpec,
  // The review report stored when a review closes goes where the api keeps reports and documents.
  ...documentStorageConfigSpec,
};

export type WorkerConfig = ReturnType<typeof loadWorkerConfig>;
export const loadWorkerConfig = (env: NodeJS.ProcessEnv = process.env) =>
  checkDocumentStorageConfig(checkFaultPoints(loadConfig(workerConfigSpec, env)));
