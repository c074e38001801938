/**
 * One worker process of the national benchmark: the real worker (WorkerModule activities through
 * createTemporalWorker) on the bundle the parent built, answering the parent over IPC with its memory
 * and cached workflows ('memory') and shutting down on 'stop'. Run by national-workers.ts only.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { createTemporalWorker } from '../../apps/worker/src/temporal-worker.factory';
import { loadWorkerConfig } from '../../apps/worker/src/worker.config';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { installQuietRuntime } from '../../test/utils/time-skipping-env';

export interface WorkerReport {
  rss: number;
  heapUsed: number;
  cached: number;
}

async function main(): Promise<void> {
  installQuietRuntime();
  const config = loadWorkerConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: false });
  const { worker, connection } = await createTemporalWorker(app, {
    address: config.TEMPORAL_ADDRESS,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    maxConcurrentActivities: config.WORKER_MAX_CONCURRENT_ACTIVITIES,
    workflowBundle: { codePath: process.env.BENCH_BUNDLE_PATH as string },
  });
  process.on('message', (m: string) => {
    if (m === 'stop') worker.shutdown();
    if (m === 'memory') {
      (global as { gc?: () => void }).gc?.();
      const mem = process.memoryUsage();
      const report: WorkerReport = {
        rss: mem.rss,
        heapUsed: mem.heapUsed,
        cached: worker.getStatus().numCachedWorkflows,
      };
      process.send?.({ memory: report });
    }
  });
  const running = worker.run();
  process.send?.('ready');
  try {
    await running;
  } finally {
    await connection.close();
    await app.close();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error('bench worker failed:', err);
    process.exit(1);
  },
);
