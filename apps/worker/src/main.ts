import 'reflect-metadata';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { NestFactory } from '@nestjs/core';
import { Client } from '@temporalio/client';
import { bundleWorkflowCode } from '@temporalio/worker';
import { Logger } from 'nestjs-pino';
import { ConfigError } from '@app/config';
import { startTracing } from '@app/observability/tracing';
import { tracedBundlePath, workflowBundleOptions } from '@app/temporal/workflow-bundle';
import { ensureReconcileSchedule } from './reconcile/reconcile-schedule';
import { createTemporalWorker } from './temporal-worker.factory';
import { startWorkerOpsServer, installTemporalRuntime } from './worker-ops';
import { loadWorkerConfig } from './worker.config';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const tracing = startTracing('worker');
  const config = loadWorkerConfig();
  installTemporalRuntime(config);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  const logger = app.get(Logger);
  if (tracing) logger.log(`tracing on: spans of ${tracing.serviceName} to ${tracing.tracesUrl}`);
  // The build writes dist/workflow-bundle.js and, with the tracing interceptors, workflow-bundle.traced.js;
  // without them (running from sources) bundle now.
  const plainBundle = config.WORKFLOW_BUNDLE_PATH || path.resolve(__dirname, '../../../workflow-bundle.js');
  const bundlePath = tracing ? tracedBundlePath(plainBundle) : plainBundle;
  const workflowBundle = existsSync(bundlePath)
    ? { codePath: bundlePath }
    : await bundleWorkflowCode(workflowBundleOptions({ tracing: tracing !== null }));
  const { worker, connection } = await createTemporalWorker(app, {
    address: config.TEMPORAL_ADDRESS,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    maxConcurrentActivities: config.WORKER_MAX_CONCURRENT_ACTIVITIES,
    shutdownGraceTimeMs: config.WORKER_SHUTDOWN_GRACE_MS,
    workflowBundle,
  });
  const ops = await startWorkerOpsServer(app, worker, config);
  const reconcileEveryMs = config.RECONCILE_INTERVAL;
  if (reconcileEveryMs) {
    // Reconciliation is a safety net, not the worker's job: a failure to set it up is logged, not fatal.
    await ensureReconcileSchedule(app.get(Client), {
      taskQueue: config.TEMPORAL_TASK_QUEUE,
      everyMs: reconcileEveryMs,
      pageSize: config.RECONCILE_PAGE_SIZE,
    }).then(
      (outcome) => logger.log(`read-model reconciliation schedule ${outcome} (every ${reconcileEveryMs / 60_000} min)`),
      (err: Error) => logger.error(`read-model reconciliation schedule not set up: ${err.message}`),
    );
  }
  logger.log(`metrics and health on http://${config.METRICS_HOST}:${ops.port} (/metrics, /health/live, /health/ready)`);
  // On SIGTERM/SIGINT the SDK's runtime shuts the worker down (its default shutdownSignals): running
  // activities get WORKER_SHUTDOWN_GRACE_MS to finish, worker.run() resolves, and the finally block
  // closes Nest (DB pool, queues).
  logger.log(`worker polling task queue ${config.TEMPORAL_TASK_QUEUE} on ${config.TEMPORAL_ADDRESS}`);
  try {
    await worker.run();
  } finally {
    await ops.close();
    await connection.close();
    await app.close();
  }
  logger.log('worker stopped');
}

main().catch((err) => {
  if (err instanceof ConfigError) console.error(err.message);
  else console.error('worker failed:', err);
  process.exit(1);
});
