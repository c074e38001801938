import { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Runtime, Worker } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import type { Registry } from 'prom-client';
import { OpsServer, startOpsServer } from '@app/observability';
import { WORKER_METRICS } from './worker-metrics';
import { WorkerConfig } from './worker.config';

/**
 * Installs the Temporal SDK runtime with its Prometheus exporter on 127.0.0.1 (task latencies, poll
 * and slot figures, sticky cache, activity and workflow outcomes). Must run before any Temporal
 * connection is made, once per process.
 */
export function installTemporalRuntime(config: Pick<WorkerConfig, 'WORKER_SDK_METRICS_PORT'>): void {
  Runtime.install({
    telemetryOptions: config.WORKER_SDK_METRICS_PORT
      ? { metrics: { prometheus: { bindAddress: `127.0.0.1:${config.WORKER_SDK_METRICS_PORT}` } } }
      : undefined,
  });
}

/**
 * The worker's operations listener: its own process metrics plus the SDK's exporter (fetched on each
 * scrape and served as one document, so one scrape target per worker); ready while the Temporal worker
 * polls and Postgres answers (the projections write there).
 */
export function startWorkerOpsServer(
  app: INestApplicationContext,
  worker: Worker,
  config: Pick<WorkerConfig, 'METRICS_HOST' | 'METRICS_PORT' | 'WORKER_SDK_METRICS_PORT'>,
): Promise<OpsServer> {
  const dataSource = app.get<DataSource>(getDataSourceToken());
  const sdkUrl = config.WORKER_SDK_METRICS_PORT ? `http://127.0.0.1:${config.WORKER_SDK_METRICS_PORT}/metrics` : null;
  return startOpsServer({
    host: config.METRICS_HOST,
    port: config.METRICS_PORT,
    registry: app.get<Registry>(WORKER_METRICS),
    readiness: {
      temporal: async () => {
        if (worker.getState() !== 'RUNNING') throw new Error(`worker is ${worker.getState()}`);
      },
      postgres: () => dataSource.query('SELECT 1'),
    },
    extraMetrics: sdkUrl ? () => fetchText(sdkUrl) : undefined,
  });
}

async function fetchText(url: string): Promise<string> {
  const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return res.text();
}
