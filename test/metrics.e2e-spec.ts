import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { QueueName } from '../libs/notifications/src';
import type { OpsServer } from '../libs/observability/src';
import { startApiOpsServer } from '../apps/api/src/metrics/api-ops-server';
import { OverdueTasksMetric } from '../apps/api/src/metrics/overdue-tasks.metric';
import { loadNotifierConfig } from '../apps/notifier/src/notifier.config';
import { startNotifierOpsServer } from '../apps/notifier/src/notifier-metrics';
import { NotifierModule } from '../apps/notifier/src/notifier.module';
import { eventually } from './utils/eventually';
import { freePort } from './utils/free-port';
import { scrape, sampleValue } from './utils/prometheus-text';
import { startTestStack, TestStack } from './utils/test-stack';

const ROOT = path.resolve(__dirname, '..');

/**
 * Each app's operations listener: /metrics answers Prometheus text, and known metrics move after an
 * action (an HTTP request's latency count, an overdue task's province gauge, a queued job's depth, the
 * Temporal SDK's own figures in the worker's scrape); /health/live and /health/ready answer.
 */
describe('metrics and health (e2e)', () => {
  let stack: TestStack;
  let apiOps: OpsServer;
  let api: string;

  beforeAll(async () => {
    stack = await startTestStack();
    apiOps = await startApiOpsServer(stack.api, { METRICS_HOST: '127.0.0.1', METRICS_PORT: 0 });
    api = `http://127.0.0.1:${apiOps.port}`;
  });

  afterAll(async () => {
    await apiOps?.close();
    await stack?.close();
  });

  it('counts an API request under its route template, method and status', async () => {
    const token = await stack.login('bithu.hg');
    const labels = { route: '/programmes/:id', method: 'GET', status: '404', app: 'api' };
    const before = sampleValue(await scrape(api), 'http_request_duration_seconds_count', labels);
    for (const id of ['no-such-programme-1', 'no-such-programme-2']) {
      const res = await stack.http().get(`/programmes/${id}`).set('Authorization', `Bearer ${token}`);
      expect(res.status).toBe(404);
    }
    const after = await scrape(api);
    expect(sampleValue(after, 'http_request_duration_seconds_count', labels)).toBe(before + 2);
    // The id never becomes a label: one series per template.
    expect(after.some((s) => Object.values(s.labels).some((v) => v.includes('no-such-programme')))).toBe(false);
  });

  it('counts an overdue task under its province', async () => {
    const metric = stack.api.get(OverdueTasksMetric);
    const province = { province: 'hg-tu' };
    const before = sampleValue(await scrape(api), 'ap_tasks_overdue', province);
    const id = `metrics-overdue-${Date.now()}`;
    await stack.dataSource.query(
      `INSERT INTO task (id, workflow_id, source, code, title, responsible_unit_id, responsible_person_id,
         assigner_id, issuing_unit_id, status, due_at, original_due_at)
       VALUES ($1, $1, 'ANNUAL_PLAN', 'M1', 'metrics probe', 'hg-vithanh', 'hg-vithanh-bt', 'hg-vithanh-bt',
         'hg-tu', 'IN_PROGRESS', now() - interval '2 days', now() - interval '2 days')`,
      [id],
    );
    try {
      await metric.byProvince(Date.now() + 60_000); // past the scrape cache
      expect(sampleValue(await scrape(api), 'ap_tasks_overdue', province)).toBe(before + 1);
    } finally {
      await stack.dataSource.query('DELETE FROM task WHERE id = $1', [id]);
    }
  });

  it('answers liveness and readiness on the ops listener and on the API port', async () => {
    for (const p of ['/health/live', '/health/ready']) {
      const res = await fetch(`${api}${p}`);
      expect([p, res.status, await res.json()]).toEqual([p, 200, { status: 'up' }]);
      const onApi = await stack.http().get(p);
      expect([p, onApi.status, onApi.body]).toEqual([p, 200, { status: 'up' }]);
    }
    expect((await fetch(`${api}/nothing`)).status).toBe(404);
  });

  it("shows the notifier's queue depth per state, and readiness", async () => {
    const prefix = `test-metrics-${process.pid}`;
    const notifier: INestApplicationContext = await NestFactory.createApplicationContext(
      NotifierModule.forRoot(loadNotifierConfig({ ...process.env, QUEUE_PREFIX: prefix })),
      { logger: false },
    );
    const ops = await startNotifierOpsServer(notifier, { METRICS_HOST: '127.0.0.1', METRICS_PORT: 0 });
    const url = `http://127.0.0.1:${ops.port}`;
    const queue = notifier.get<Queue>(getQueueToken(QueueName.NOTIFICATIONS), { strict: false });
    try {
      const labels = { queue: QueueName.NOTIFICATIONS, state: 'delayed', app: 'notifier' };
      const before = sampleValue(await scrape(url), 'ap_queue_jobs', labels);
      await queue.add('probe', {}, { delay: 3_600_000, jobId: `metrics-probe-${Date.now()}` });
      expect(sampleValue(await scrape(url), 'ap_queue_jobs', labels)).toBe(before + 1);
      const ready = await fetch(`${url}/health/ready`);
      expect([ready.status, await ready.json()]).toEqual([200, { status: 'up' }]);
    } finally {
      await queue.obliterate({ force: true });
      await ops.close();
      await notifier.close();
    }
  });

  describe('the worker process', () => {
    let child: ChildProcess | undefined;
    let dir: string;
    let output = '';

    afterAll(async () => {
      if (child && child.exitCode === null) {
        const exited = new Promise((resolve) => child!.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it("serves its own and the Temporal SDK's metrics in one scrape, and is ready once polling", async () => {
      dir = mkdtempSync(path.join(tmpdir(), 'worker-metrics-'));
      const bundlePath = path.join(dir, 'workflow-bundle.js');
      writeFileSync(bundlePath, stack.workflowBundle.code);
      const [opsPort, sdkPort] = [await freePort(), await freePort()];
      child = spawn(
        process.execPath,
        ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register', 'apps/worker/src/main.ts'],
        {
          cwd: ROOT,
          env: {
            ...process.env,
            TS_NODE_TRANSPILE_ONLY: 'true',
            TS_NODE_SWC: 'true',
            LOG_LEVEL: 'info',
            TEMPORAL_TASK_QUEUE: `metrics-${process.pid}`,
            WORKFLOW_BUNDLE_PATH: bundlePath,
            METRICS_PORT: String(opsPort),
            WORKER_SDK_METRICS_PORT: String(sdkPort),
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
      child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
      const url = `http://127.0.0.1:${opsPort}`;
      await eventually(
        async () => {
          if (child!.exitCode !== null) throw new Error(`the worker exited: ${output}`);
          return (await fetch(`${url}/health/ready`)).status === 200;
        },
        'the worker to be ready',
        90_000,
      );
      const samples = await scrape(url);
      expect(samples.some((s) => s.name === 'process_cpu_user_seconds_total' && s.labels.app === 'worker')).toBe(true);
      // The SDK's exporter, merged: its figures carry the task queue the worker polls.
      const sdk = samples.filter((s) => s.name.startsWith('temporal_'));
      expect(sdk.length).toBeGreaterThan(0);
      expect(sdk.some((s) => s.labels.task_queue === `metrics-${process.pid}`)).toBe(true);
      expect((await fetch(`${url}/health/live`)).status).toBe(200);
    });
  });
});
