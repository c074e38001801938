import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Resource } from '@opentelemetry/resources';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { Client, Connection } from '@temporalio/client';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { makeWorkflowExporter } from '@temporalio/interceptors-opentelemetry';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import { DEMO_PASSWORD } from '../apps/api/src/seed/demo-data';
import { seedPeople } from '../apps/api/src/seed/seed-people';
import { dataSourceOptions } from '../libs/persistence/src';
import { tracedBundlePath, workflowBundleOptions } from '../libs/temporal/src/workflow-bundle';
import { eventually } from './utils/eventually';
import { freePort } from './utils/free-port';
import { SmtpRecorder, startSmtpRecorder } from './utils/notification-doubles';
import { OtlpReceiver, ReceivedSpan, startOtlpReceiver } from './utils/otlp-receiver';
import { installQuietRuntime, quietLogger } from './utils/time-skipping-env';

const ROOT = path.resolve(__dirname, '..');

interface App {
  name: string;
  env: NodeJS.ProcessEnv;
  child: ChildProcess;
  output: () => string;
}

/** Starts one app's main.ts as production does (its own process, its own tracer), resolving once it says it is up. */
async function spawnApp(name: string, main: string, env: NodeJS.ProcessEnv, readyLine: string): Promise<App> {
  const child = spawn(process.execPath, ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register', main], {
    cwd: ROOT,
    env: { ...env, LOG_LEVEL: 'info', TS_NODE_TRANSPILE_ONLY: 'true', TS_NODE_SWC: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  await eventually(
    () => {
      if (child.exitCode !== null) throw new Error(`${name} exited: ${output}`);
      return output.includes(readyLine);
    },
    `the ${name} to start`,
    120_000,
  );
  return { name, env, child, output: () => output };
}

async function stop(app: App | undefined): Promise<void> {
  if (!app || app.child.exitCode !== null || app.child.signalCode !== null) return;
  const exited = new Promise((resolve) => app.child.once('exit', resolve));
  app.child.kill('SIGTERM');
  await exited;
}

/**
 * OpenTelemetry tracing switched on by OTEL_EXPORTER_OTLP_ENDPOINT, with the api, the worker and the
 * notifier each in a process of its own exporting to a local OTLP/HTTP receiver: one staff action is
 * one trace through all three services — the HTTP request, the workflow update, the projection
 * activity it causes and the notification job that activity enqueues.
 */
describe('tracing across api, worker and notifier (e2e)', () => {
  let receiver: OtlpReceiver;
  let smtp: SmtpRecorder;
  let dataSource: DataSource;
  let dir: string;
  const apps: App[] = [];
  let api: string;
  let tracedCode: string;
  const run = randomUUID().slice(0, 8);
  const programmeId = `e2e-tracing-${run}`;

  beforeAll(async () => {
    installQuietRuntime();
    receiver = await startOtlpReceiver();
    smtp = await startSmtpRecorder();
    dataSource = await new DataSource(dataSourceOptions(process.env.DATABASE_URL!)).initialize();
    await seedPeople(dataSource);
    // The build's layout: the traced bundle beside the plain one named by WORKFLOW_BUNDLE_PATH.
    dir = mkdtempSync(path.join(tmpdir(), 'tracing-'));
    const plainBundle = path.join(dir, 'workflow-bundle.js');
    tracedCode = (await bundleWorkflowCode({ ...workflowBundleOptions({ tracing: true }), logger: quietLogger() }))
      .code;
    writeFileSync(tracedBundlePath(plainBundle), tracedCode);
    const apiPort = await freePort();
    api = `http://127.0.0.1:${apiPort}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
      // Export within a fifth of a second instead of the SDK's five (OpenTelemetry's own variable).
      OTEL_BSP_SCHEDULE_DELAY: '200',
      QUEUE_PREFIX: `test-tracing-${run}`,
      TEMPORAL_TASK_QUEUE: `tracing-${run}`,
      WORKFLOW_BUNDLE_PATH: plainBundle,
      SMTP_URL: smtp.url,
      API_PORT: String(apiPort),
      LOGIN_FREE_FAILURES_PER_IP: '100000',
    };
    apps.push(await spawnApp('notifier', 'apps/notifier/src/main.ts', env, 'notifier delivering notifications'));
    apps.push(await spawnApp('worker', 'apps/worker/src/main.ts', env, 'worker polling task queue'));
    apps.push(await spawnApp('api', 'apps/api/src/main.ts', env, 'API listening on'));
  }, 300_000);

  afterAll(async () => {
    for (const app of apps.reverse()) await stop(app);
    await dataSource?.destroy();
    await receiver?.close();
    await smtp?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function call(method: 'GET' | 'POST', url: string, token?: string, body?: unknown) {
    const res = await fetch(`${api}${url}`, {
      method,
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }

  const inTrace = (traceId: string) => receiver.spans.filter((s) => s.traceId === traceId);
  const one = (spans: ReceivedSpan[], service: string, name: string) =>
    spans.find((s) => s.service === service && s.name === name);

  it('follows one staff action from the HTTP request through the workflow and activity to the notification job', async () => {
    const login = await call('POST', '/auth/login', undefined, { username: 'chuyenvien.hg', password: DEMO_PASSWORD });
    expect(login.status).toBe(200);
    const token = login.body.accessToken as string;
    const id = programmeId;
    const created = await call('POST', '/programmes', token, {
      id,
      templateId: 'drill',
      title: 'Chương trình hành động thực hiện Nghị quyết 13-NQ/TW (theo dõi vết)',
      issuingUnitId: 'hg-tu',
      memberInChargeId: 'hg-pbt',
      fieldGroup: 'economy',
      term: '2020-2025',
      implementsResolution: '13-NQ/TW',
    });
    expect(created.status).toBe(201);
    await eventually(async () => (await call('GET', `/programmes/${id}`, token)).status === 200, 'the read model');

    // The staff action: the office assigns the survey, which tells the surveyors.
    const acted = await call('POST', `/programmes/${id}/actions/assignSurveyors`, token, {
      requestId: randomUUID(),
      payload: { surveyorIds: ['hg-skhdt-gd', 'hg-stc-gd'] },
    });
    expect(acted.status).toBe(200);

    const http = await eventually(
      () => receiver.spans.find((s) => s.name === 'POST /programmes/:id/actions/:action'),
      "the action's HTTP span",
    );
    expect(http).toMatchObject({
      service: 'api',
      kind: 2, // SERVER
      parentSpanId: undefined,
      attributes: { 'http.route': '/programmes/:id/actions/:action', 'http.response.status_code': 200 },
    });

    const chain = await eventually(
      () => {
        const spans = inTrace(http.traceId);
        const found = {
          update: one(spans, 'api', 'StartWorkflowUpdate:assignSurveyors'),
          handled: one(spans, 'worker', 'HandleUpdate:assignSurveyors'),
          scheduled: one(spans, 'worker', 'StartActivity:publishProgrammeChanges'),
          activity: one(spans, 'worker', 'RunActivity:publishProgrammeChanges'),
          job: one(spans, 'notifier', 'process notifications'),
        };
        return Object.values(found).every(Boolean) && (found as Record<keyof typeof found, ReceivedSpan>);
      },
      'the update, activity and notification spans in the same trace',
      30_000,
    ).catch((err: Error) => {
      const have = inTrace(http.traceId).map((s) => `${s.service} ${s.name}`);
      throw new Error(`${err.message}; the trace has ${JSON.stringify(have)}; refused ${receiver.refused}`);
    });
    // Each link is the child of the one before it, across the three processes.
    expect(chain.update.parentSpanId).toBe(http.spanId);
    expect(chain.handled.parentSpanId).toBe(chain.update.spanId);
    // Scheduled by the workflow's main loop, yet under the update that caused it.
    expect(chain.scheduled.parentSpanId).toBe(chain.handled.spanId);
    expect(chain.activity.parentSpanId).toBe(chain.scheduled.spanId);
    expect(chain.job.parentSpanId).toBe(chain.activity.spanId);
    expect(chain.job.attributes).toMatchObject({ 'messaging.destination.name': 'notifications' });
    // The e-mails the dispatch enqueued go on in the same trace.
    const mail = await eventually(
      () => one(inTrace(http.traceId), 'notifier', 'process notification-email'),
      'an e-mail delivery span',
    );
    expect(mail.parentSpanId).toBe(chain.job.spanId);

    // The notification really went out, in the surveyors' inboxes.
    const rows = await eventually(async () => {
      const r: Array<{ recipient_id: string }> = await dataSource.query(
        `SELECT recipient_id FROM notification WHERE programme_id = $1 AND kind = 'SURVEY_ASSIGNED'`,
        [id],
      );
      return r.length === 2 && r;
    }, 'two inbox rows');
    expect(rows.map((r) => r.recipient_id).sort()).toEqual(['hg-skhdt-gd', 'hg-stc-gd']);

    // Creating the programme is a trace of its own: the request and the workflow start it made.
    const create = receiver.spans.find((s) => s.service === 'api' && s.name === 'POST /programmes');
    expect(create?.traceId).toBeDefined();
    expect(create?.traceId).not.toBe(http.traceId);
    const start = one(inTrace(create!.traceId), 'api', 'StartWorkflow:programmeWorkflow');
    expect(start?.parentSpanId).toBe(create!.spanId);
    const firstProjection = await eventually(
      () => one(inTrace(create!.traceId), 'worker', 'StartActivity:publishProgrammeChanges'),
      'the first projection in the trace of the start',
    );
    expect(firstProjection.parentSpanId).toBe(start!.spanId);
    expect(receiver.refused).toEqual([]);
  });

  it('sends the spans still buffered when a process stops on SIGTERM', async () => {
    const port = await freePort();
    const env = apps[0].env;
    // Batches every ten minutes: only the flush at shutdown can deliver this span in time.
    const app = await spawnApp(
      'api',
      'apps/api/src/main.ts',
      { ...env, API_PORT: String(port), OTEL_BSP_SCHEDULE_DELAY: '600000', OTEL_SERVICE_NAME: `api-flush-${run}` },
      'API listening on',
    );
    try {
      expect((await fetch(`http://127.0.0.1:${port}/health/live`)).status).toBe(200);
      await new Promise((r) => setTimeout(r, 500));
      expect(receiver.spans.filter((s) => s.service === `api-flush-${run}`)).toEqual([]);
    } finally {
      await stop(app);
    }
    const span = await eventually(
      () => receiver.spans.find((s) => s.service === `api-flush-${run}` && s.name === 'GET /health/live'),
      'the span flushed at shutdown',
      5_000,
    );
    expect(span.attributes).toMatchObject({ 'http.route': '/health/live', 'http.response.status_code': 200 });
  }, 180_000);

  it('switches either way on running workflows: histories replay with and without the tracing interceptors', async () => {
    // Workflow spans go nowhere during replay; the sink is registered as the traced worker has it.
    const sinks = {
      exporter: makeWorkflowExporter(new SimpleSpanProcessor(new InMemorySpanExporter()), new Resource({})),
    };
    const fixtures = path.join(__dirname, 'fixtures/histories');
    const files = readdirSync(fixtures).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const history = historyFromJSON(JSON.parse(readFileSync(path.join(fixtures, file), 'utf8')));
      await expect(
        Worker.runReplayHistory({ workflowBundle: { code: tracedCode }, sinks }, history, file),
      ).resolves.toBeUndefined();
    }
    // The programme traced above, on the bundle without tracing.
    const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS });
    try {
      const history = await new Client({ connection }).workflow.getHandle(`programme/${programmeId}`).fetchHistory();
      const plain = await bundleWorkflowCode({ ...workflowBundleOptions(), logger: quietLogger() });
      await expect(
        Worker.runReplayHistory({ workflowBundle: plain }, history, `programme/${programmeId}`),
      ).resolves.toBeUndefined();
    } finally {
      await connection.close();
    }
  }, 180_000);
});
