/**
 * Staff actions through the API at a steady rate: an open-loop generator sends each request at its
 * planned moment whether or not earlier ones have answered (so a slow system shows as latency and
 * errors, not as a lower rate), to the API and one worker as processes of their own.
 */
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import { DEMO_PASSWORD } from '../../apps/api/src/seed/demo-data';
import { freePort, stopChild } from '../../test/utils/temporal-dev-server';
import { goal, heading, load, sleep, SIZE } from './national-common';
import { openLoopSchedule, scheduleLag } from './national-plan';
import { percentile } from './stats';
import { spawnWorkers, startWorkerBench } from './national-workers';

const ROOT = path.resolve(__dirname, '../..');
const PROGRAMMES = 50;
const SURVEYORS = ['hg-skhdt-gd', 'hg-stc-gd', 'hg-tv1'];

export async function steadyActions(): Promise<void> {
  heading(`staff actions through the API at ${SIZE.actionsPerSecond}/s for ${SIZE.actionSeconds} s`);
  const bench = await startWorkerBench('actions');
  const taskQueue = `bench-national-actions-${process.pid}`;
  const [worker] = await spawnWorkers(bench, taskQueue, 1);
  const port = await freePort();
  const api = fork(path.join(ROOT, 'apps/api/src/main.ts'), [], {
    execArgv: ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register'],
    env: {
      ...process.env,
      TS_NODE_TRANSPILE_ONLY: 'true',
      DATABASE_URL: bench.databaseUrl,
      TEMPORAL_ADDRESS: bench.server.address,
      TEMPORAL_TASK_QUEUE: taskQueue,
      QUEUE_PREFIX: `bench-national-${process.pid}`,
      API_PORT: String(port),
      METRICS_PORT: '0',
      LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    cwd: ROOT,
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    const deadline = Date.now() + 120_000;
    while (
      !(await fetch(`${base}/health/ready`).then(
        (r) => r.ok,
        () => false,
      ))
    ) {
      if (api.exitCode !== null || Date.now() > deadline) throw new Error('the API did not become ready');
      await sleep(250);
    }
    const login = await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'chuyenvien.hg', password: DEMO_PASSWORD }),
    });
    if (login.status !== 200) throw new Error(`login: ${login.status}`);
    const headers = {
      authorization: `Bearer ${((await login.json()) as { accessToken: string }).accessToken}`,
      'content-type': 'application/json',
    };
    const ids: string[] = [];
    for (let i = 0; i < PROGRAMMES; i++) {
      const id = `bench-nat-${randomUUID().slice(0, 8)}`;
      const res = await fetch(`${base}/programmes`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          id,
          templateId: 'action-programme',
          title: `Chương trình hành động ${i} (đo tải)`,
          issuingUnitId: 'hg-tu',
          memberInChargeId: 'hg-pbt',
          fieldGroup: 'economy',
          term: '2025-2030',
        }),
      });
      if (res.status !== 201) throw new Error(`creating a programme: ${res.status} ${await res.text()}`);
      ids.push(id);
    }
    const act = async (i: number): Promise<number> => {
      const res = await fetch(`${base}/programmes/${ids[i % ids.length]}/actions/assignSurveyors`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ requestId: randomUUID(), payload: { surveyorIds: [SURVEYORS[i % SURVEYORS.length]] } }),
      });
      await res.arrayBuffer();
      return res.status;
    };
    for (let i = 0; i < 50; i++) await act(i); // warm-up, one at a time

    const plan = openLoopSchedule(SIZE.actionsPerSecond, SIZE.actionSeconds);
    const sent: number[] = [];
    const latencies: number[] = [];
    const errors = new Map<string, number>();
    const start = performance.now();
    const inFlight: Array<Promise<void>> = [];
    for (const [i, at] of plan.entries()) {
      const wait = start + at - performance.now();
      if (wait > 0) await sleep(wait);
      const t = performance.now();
      sent.push(t - start);
      inFlight.push(
        act(i).then(
          (status) => {
            if (status === 200) latencies.push(performance.now() - t);
            else errors.set(String(status), (errors.get(String(status)) ?? 0) + 1);
          },
          (err: Error) => void errors.set(err.message, (errors.get(err.message) ?? 0) + 1),
        ),
      );
    }
    await Promise.all(inFlight);
    const elapsed = (performance.now() - start) / 1000;
    const lag = scheduleLag(plan, sent);
    const failed = [...errors.values()].reduce((a, b) => a + b, 0);
    console.log(
      `  ${plan.length} actions over ${ids.length} programmes in ${elapsed.toFixed(1)} s: ${latencies.length} answered 200, ${failed} errors` +
        (failed ? ` (${[...errors].map(([k, v]) => `${k}: ${v}`).join(', ')})` : ''),
    );
    if (latencies.length)
      console.log(
        `  latency p50 ${percentile(latencies, 50).toFixed(1)} ms  p99 ${percentile(latencies, 99).toFixed(1)} ms  max ${Math.max(...latencies).toFixed(1)} ms` +
          `   (no errors: ${goal(failed === 0)})`,
      );
    console.log(
      `  generator kept its schedule within p99 ${lag.p99.toFixed(1)} ms, max ${lag.max.toFixed(1)} ms; load average ${load()}`,
    );
  } finally {
    await stopChild(api);
    await worker.stop();
    await bench.close();
  }
}
