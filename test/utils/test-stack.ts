/**
 * Boots the real system in-process for a test file: the API on a random port, a Temporal worker on a
 * unique task queue, and the notifier, all against the real Postgres, Redis and Temporal dev server
 * started by global setup. Nothing is mocked.
 */
import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { loadApiConfig } from '../../apps/api/src/api.config';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { DEMO_PASSWORD } from '../../apps/api/src/seed/demo-data';
import { seedPeople } from '../../apps/api/src/seed/seed-people';
import { loadNotifierConfig } from '../../apps/notifier/src/notifier.config';
import { NotifierModule } from '../../apps/notifier/src/notifier.module';
import { createTemporalWorker } from '../../apps/worker/src/temporal-worker.factory';
import { loadWorkerConfig } from '../../apps/worker/src/worker.config';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { workflowBundleOptions } from '../../libs/temporal/src/workflow-bundle';

import { installQuietRuntime, quietLogger } from './time-skipping-env';

export { eventually } from './eventually';

export interface TestStack {
  api: INestApplication;
  http: () => ReturnType<typeof request>;
  login(username: string): Promise<string>;
  dataSource: DataSource;
  workflowBundle: { code: string };
  /** The stack's own task queue (a worker a test spawns as a process polls it too). */
  taskQueue: string;
  close(): Promise<void>;
}

/**
 * `envOverrides` points the stack elsewhere (e.g. a private Postgres or Redis a fault test stops);
 * `notifier: false` leaves the notifier out (its BullMQ workers may not close after a Redis restart
 * in-process; the notifier's own fault test runs it as a separate process); `worker: false` leaves the
 * Temporal worker out (a fault test runs it as a process on `taskQueue`, to kill it).
 */
export async function startTestStack(
  envOverrides: NodeJS.ProcessEnv = {},
  { notifier: withNotifier = true, worker: withWorker = true }: { notifier?: boolean; worker?: boolean } = {},
): Promise<TestStack> {
  installQuietRuntime();
  const taskQueue = `test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  // Every test file logs in from 127.0.0.1 and shares one Redis namespace for the run, so the failed
  // logins other files provoke on purpose would otherwise lock every later login; the throttle itself
  // is tested with small limits in sessions.e2e-spec.ts.
  const env = {
    LOGIN_FREE_FAILURES_PER_IP: '100000',
    LOGIN_FREE_FAILURES_PER_USERNAME: '1000',
    ...process.env,
    ...envOverrides,
    TEMPORAL_TASK_QUEUE: taskQueue,
  };
  const api = await createApiApp(loadApiConfig({ ...env, API_PORT: '3000' }));
  await api.init();
  const dataSource = api.get(DataSource);
  await seedPeople(dataSource);

  const workflowBundle = await bundleWorkflowCode({ ...workflowBundleOptions(), logger: quietLogger() });
  const inProcess = withWorker ? await startWorker(env, taskQueue, workflowBundle) : null;
  const notifier = withNotifier
    ? await NestFactory.createApplicationContext(NotifierModule.forRoot(loadNotifierConfig(env)), { logger: false })
    : null;
  await notifier?.init();

  const server = api.getHttpServer();
  const tokens = new Map<string, string>();
  return {
    api,
    dataSource,
    workflowBundle,
    taskQueue,
    http: () => request(server),
    async login(username: string) {
      const cached = tokens.get(username);
      if (cached) return cached;
      const res = await request(server).post('/auth/login').send({ username, password: DEMO_PASSWORD });
      if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
      tokens.set(username, res.body.accessToken);
      return res.body.accessToken as string;
    },
    async close() {
      await inProcess?.close();
      await notifier?.close();
      await api.close();
    },
  };
}

async function startWorker(env: NodeJS.ProcessEnv, taskQueue: string, workflowBundle: { code: string }) {
  const workerConfig = loadWorkerConfig(env);
  const workerCtx: INestApplicationContext = await NestFactory.createApplicationContext(
    WorkerModule.forRoot(workerConfig),
    { logger: false },
  );
  const { worker, connection } = await createTemporalWorker(workerCtx, {
    address: workerConfig.TEMPORAL_ADDRESS,
    namespace: workerConfig.TEMPORAL_NAMESPACE,
    taskQueue,
    maxConcurrentActivities: 10,
    workflowBundle,
  });
  const running = worker.run();
  return {
    async close() {
      worker.shutdown();
      await running;
      await connection.close();
      await workerCtx.close();
    },
  };
}

export type { Worker };
