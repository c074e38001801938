/**
 * Workers at national load: programme actions and timers through one worker and through three on one
 * task queue, and the memory a worker holds per cached workflow. Workers are processes of their own
 * (national-worker.main.ts: the real worker and activities) on a Temporal dev server started here.
 */
import { ChildProcess, fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import { findTemplate, ProgrammeSetup, Role } from '@app/domain';
import { workflowBundleOptions } from '@app/temporal/workflow-bundle';
import {
  PROGRAMME_WORKFLOW_TYPE,
  programmeUpdates,
  ProgrammeWorkflowInput,
} from '@app/workflows/programme/definitions';
import { seedPeople } from '../../apps/api/src/seed/seed-people';
import { dataSourceOptions, migrate, recreateDatabase } from '../../libs/persistence/src';
import { DevServer, startTemporalDevServer, stopChild } from '../../test/utils/temporal-dev-server';
import { quietLogger } from '../../test/utils/time-skipping-env';
import { goal, heading, load, NATIONAL_DATABASE_URL, SCALE, sleep, SIZE } from './national-common';
import { formatBytes, perItem } from './national-plan';
import type { WorkerReport } from './national-worker.main';

const ROOT = path.resolve(__dirname, '../..');
const OFFICE = { personId: 'hg-cv1', unitId: 'hg-tu', roles: [Role.ADVISORY_STAFF, Role.STAFF] };
const SURVEYORS = ['hg-skhdt-gd', 'hg-stc-gd', 'hg-tv1'];

/** A Temporal dev server, a migrated database with the demo people, and the worker bundle on disk. */
export interface WorkerBench {
  server: DevServer;
  databaseUrl: string;
  bundlePath: string;
  client: Client;
  close(): Promise<void>;
}

export async function startWorkerBench(name: string): Promise<WorkerBench> {
  const databaseUrl = NATIONAL_DATABASE_URL.replace(/_test$/, `_${name}_test`);
  await recreateDatabase(databaseUrl);
  await migrate(databaseUrl);
  const ds = await new DataSource(dataSourceOptions(databaseUrl)).initialize();
  await seedPeople(ds);
  await ds.destroy();
  const bundle = await bundleWorkflowCode({
    ...workflowBundleOptions(),
    workflowsPath: path.join(__dirname, 'national-workflows.ts'),
    logger: quietLogger(),
  });
  const bundlePath = path.join(mkdtempSync(path.join(tmpdir(), 'bench-national-')), 'workflow-bundle.js');
  writeFileSync(bundlePath, bundle.code);
  const server = await startTemporalDevServer();
  const connection = await Connection.connect({ address: server.address });
  return {
    server,
    databaseUrl,
    bundlePath,
    client: new Client({ connection }),
    async close() {
      await connection.close();
      await server.stop();
    },
  };
}

export interface BenchWorker {
  child: ChildProcess;
  memory(): Promise<WorkerReport>;
  stop(): Promise<void>;
}

/** Starts `n` worker processes on `taskQueue` and waits until each polls. */
export async function spawnWorkers(bench: WorkerBench, taskQueue: string, n: number): Promise<BenchWorker[]> {
  return Promise.all(
    Array.from({ length: n }, async () => {
      const child = fork(path.join(__dirname, 'national-worker.main.ts'), [], {
        execArgv: ['--expose-gc', '-r', 'ts-node/register', '-r', 'tsconfig-paths/register'],
        env: {
          ...process.env,
          DATABASE_URL: bench.databaseUrl,
          TEMPORAL_ADDRESS: bench.server.address,
          TEMPORAL_TASK_QUEUE: taskQueue,
          QUEUE_PREFIX: `bench-national-${process.pid}`,
          METRICS_PORT: '0',
          LOG_LEVEL: 'error',
          BENCH_BUNDLE_PATH: bench.bundlePath,
          TS_NODE_TRANSPILE_ONLY: 'true',
        },
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
        cwd: ROOT,
      });
      await new Promise<void>((resolve, reject) => {
        child.once('exit', (code) => reject(new Error(`a bench worker exited with ${code} before it was ready`)));
        child.on('message', (m) => m === 'ready' && resolve());
      });
      return {
        child,
        memory: () =>
          new Promise<WorkerReport>((resolve) => {
            const onMessage = (m: { memory?: WorkerReport }) => {
              if (!m.memory) return;
              child.off('message', onMessage);
              resolve(m.memory);
            };
            child.on('message', onMessage);
            child.send('memory');
          }),
        async stop() {
          child.send('stop');
          await Promise.race([new Promise((r) => child.once('exit', r)), sleep(30_000)]);
          if (child.exitCode === null) await stopChild(child);
        },
      };
    }),
  );
}

/** Starts `n` programme workflows in their first phase (survey) on `taskQueue`; their workflow ids. */
export async function startProgrammes(
  client: Client,
  taskQueue: string,
  n: number,
  concurrency = 20,
): Promise<string[]> {
  const template = findTemplate('action-programme')!;
  const ids = Array.from({ length: n }, () => `bench-nat-${randomUUID().slice(0, 13)}`);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, n) }, async () => {
      while (next < n) {
        const programmeId = ids[next++];
        const setup: ProgrammeSetup = {
          programmeId,
          title: 'Chương trình hành động (đo tải toàn quốc)',
          templateId: template.id,
          templateVersion: template.version,
          issuingUnitId: 'hg-tu',
          issuingHeadId: 'hg-bithu',
          memberInChargeId: 'hg-pbt',
          fieldGroup: 'economy',
          term: '2025-2030',
          implementsResolution: '57-NQ/TW',
          createdBy: OFFICE.personId,
        };
        const input: ProgrammeWorkflowInput = { setup, template };
        await client.workflow.start(PROGRAMME_WORKFLOW_TYPE, {
          taskQueue,
          workflowId: `programme/${programmeId}`,
          args: [input],
        });
      }
    }),
  );
  return ids.map((id) => `programme/${id}`);
}

/**
 * `n` staff actions (assignSurveyors) straight to the workflows, `inFlight` at a time: actions per
 * second, and how many failed (a timed-out update under load is counted, not thrown, so the run ends
 * with every call settled before the connection closes).
 */
async function actionRate(
  client: Client,
  workflowIds: string[],
  n: number,
  inFlight: number,
): Promise<{ perSecond: number; failed: number; firstError: string | null }> {
  let next = 0;
  let failed = 0;
  let firstError: string | null = null;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < n) {
        const i = next++;
        try {
          await client.workflow
            .getHandle(workflowIds[i % workflowIds.length])
            .executeUpdate(programmeUpdates.assignSurveyors, {
              args: [
                { actor: OFFICE, requestId: randomUUID(), payload: { surveyorIds: [SURVEYORS[i % SURVEYORS.length]] } },
              ],
            });
        } catch (err) {
          failed++;
          firstError ??= (err as Error).message;
        }
      }
    }),
  );
  return { perSecond: (n - failed) / ((Date.now() - started) / 1000), failed, firstError };
}

/** `workflows` timer loops of `timers` timers each, all at once; timers fired per second. */
async function timerRate(client: Client, taskQueue: string, workflows: number, timers: number): Promise<number> {
  const started = Date.now();
  const handles = await Promise.all(
    Array.from({ length: workflows }, (_, i) =>
      client.workflow.start('benchTimersWorkflow', {
        taskQueue,
        workflowId: `bench-timers-${randomUUID()}-${i}`,
        args: [timers, 100],
      }),
    ),
  );
  const settled = await Promise.allSettled(handles.map((h) => h.result()));
  const failed = settled.filter((r) => r.status === 'rejected').length;
  if (failed) console.log(`  ${failed} of ${workflows} timer workflows failed`);
  return ((workflows - failed) * timers) / ((Date.now() - started) / 1000);
}

export async function oneVersusThreeWorkers(): Promise<void> {
  heading('one worker vs three workers on one task queue');
  const bench = await startWorkerBench('workers');
  const actions = Math.max(200, Math.round(20_000 * SCALE));
  const timerWorkflows = Math.max(50, Math.round(2_000 * SCALE));
  const timers = 10;
  const inFlight = 50;
  try {
    const rows: string[] = [];
    for (const count of [1, 3]) {
      const taskQueue = `bench-national-${count}-${process.pid}`;
      const workers = await spawnWorkers(bench, taskQueue, count);
      try {
        const ids = await startProgrammes(bench.client, taskQueue, Math.max(20, Math.round(200 * SCALE)));
        await actionRate(bench.client, ids, Math.min(100, actions), inFlight); // warm-up
        const { perSecond, failed, firstError } = await actionRate(bench.client, ids, actions, inFlight);
        if (failed) console.log(`  ${failed} of ${actions} updates failed (first: ${firstError})`);
        const timersPerSecond = await timerRate(bench.client, taskQueue, timerWorkflows, timers);
        rows.push(
          `  ${count} worker${count > 1 ? 's' : ' '}: ${perSecond.toFixed(0).padStart(6)} programme actions/s (${actions} updates, ${inFlight} in flight)` +
            `   ${timersPerSecond.toFixed(0).padStart(6)} timers/s (${timerWorkflows} workflows x ${timers} timers of 100 ms)`,
        );
        console.log(rows[rows.length - 1]);
      } finally {
        await Promise.all(workers.map((w) => w.stop()));
      }
    }
    console.log(`  load average ${load()} (on a machine with fewer cores than processes, three workers cannot scale)`);
  } finally {
    await bench.close();
  }
}

export async function memoryPerCachedWorkflow(): Promise<void> {
  heading('worker memory per cached workflow');
  const bench = await startWorkerBench('memory');
  const n = SIZE.cachedWorkflows;
  const taskQueue = `bench-national-memory-${process.pid}`;
  const [worker] = await spawnWorkers(bench, taskQueue, 1);
  try {
    // One workflow first, so the code's first load (the bundle's V8 context) is not counted per workflow.
    await startProgrammes(bench.client, taskQueue, 1);
    await waitForCached(worker, 1);
    const before = await worker.memory();
    await startProgrammes(bench.client, taskQueue, n);
    const after = await waitForCached(worker, n + 1);
    console.log(
      `  ${after.cached - before.cached} more cached programme workflows: RSS ${formatBytes(before.rss)} -> ${formatBytes(after.rss)}, ` +
        `heap ${formatBytes(before.heapUsed)} -> ${formatBytes(after.heapUsed)}`,
    );
    const cached = after.cached - before.cached;
    console.log(
      `  per cached workflow: RSS ${formatBytes(perItem(before.rss, after.rss, cached))}, heap ${formatBytes(perItem(before.heapUsed, after.heapUsed, cached))}` +
        ` (after a full GC; load average ${load()})`,
    );
  } finally {
    await worker.stop();
    await bench.close();
  }
}

async function waitForCached(worker: BenchWorker, n: number): Promise<WorkerReport> {
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    const report = await worker.memory();
    if (report.cached >= n) return report;
    if (Date.now() > deadline)
      throw new Error(`the worker caches ${report.cached} workflows, expected ${n} (${goal(false)})`);
    await sleep(500);
  }
}
