/**
 * Benchmark of the programme lifecycle, printed as numbers (run with `npm run bench`):
 *
 * 1. Latency of a staff action through the whole API (HTTP, JWT, validation, Temporal update with
 *    its validator and the domain reducer) beside a raw `executeUpdate` to a handler that does
 *    nothing, on the same Temporal dev server, in the same run, interleaved. Goal: p50 ratio ≤ 1.5.
 * 2. Workflow history events per programme-year: a five-year programme with 8 targets, 6 units,
 *    12 tasks, 19 quarterly reviews every unit reports to, annual plans, inspections and a final
 *    review, run on the time-skipping test server with the real workflow code. Goal: < 4,096 per run.
 */
import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import { Client, Connection, WorkflowHandle } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, NativeConnection, Worker } from '@temporalio/worker';
import {
  Actor,
  ActionPayloads,
  Comparator,
  findTemplate,
  Phase,
  ProgrammeActionName,
  ProgrammeSetup,
  Role,
} from '@app/domain';
import { calendarYearsBetween } from '@app/domain/calendar';
import { workflowBundleOptions } from '@app/temporal/workflow-bundle';
import {
  PROGRAMME_WORKFLOW_TYPE,
  ProgrammeView,
  programmeUpdates,
  programmeViewQuery,
  ProgrammeWorkflowInput,
} from '@app/workflows/programme/definitions';
import { ChildProcess, spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { DEMO_PASSWORD } from '../../apps/api/src/seed/demo-data';
import { ensureDatabase } from '../../libs/persistence/src';
import { freePort, startTemporalDevServer, stopChild } from '../../test/utils/temporal-dev-server';
import {
  createTimeSkippingEnv,
  installQuietRuntime,
  quietLogger,
  runHistories,
} from '../../test/utils/time-skipping-env';
import { noopUpdate } from './noop-update.workflow';
import { formatMs, summarise, timed } from './stats';

const WARMUP = Number(process.env.BENCH_WARMUP ?? 30);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 400);
const DAY = 86_400_000;
const ROOT = path.resolve(__dirname, '../..');

async function apiVersusRawUpdate(): Promise<void> {
  const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/action_programmes_bench';
  await ensureDatabase(databaseUrl);
  const server = await startTemporalDevServer();
  const apps: ChildProcess[] = [];
  try {
    // As in production: api, worker and notifier are processes of their own (the built apps).
    const port = await freePort();
    const env = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: server.address,
      TEMPORAL_TASK_QUEUE: `bench-${process.pid}`,
      QUEUE_PREFIX: `bench-${process.pid}`,
      API_PORT: String(port),
      LOG_LEVEL: 'warn',
      WORKFLOW_BUNDLE_PATH: path.join(ROOT, 'dist/workflow-bundle.js'),
    };
    await runToEnd('node', [path.join(ROOT, 'dist/apps/api/src/seed/seed.main.js')], env);
    for (const app of ['worker', 'notifier', 'api']) {
      // BENCH_PROFILE_DIR=<dir> writes a V8 CPU profile of each app (open it in Chrome DevTools).
      const profile = process.env.BENCH_PROFILE_DIR
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`, `--cpu-prof-name=${app}.cpuprofile`]
        : [];
      apps.push(
        spawn('node', [...profile, path.join(ROOT, `dist/apps/${app}/src/main.js`)], {
          env,
          stdio: ['ignore', 'ignore', 'inherit'],
        }),
      );
    }
    const base = `http://127.0.0.1:${port}`;
    await waitForHealth(base, apps);
    const connection = await Connection.connect({ address: server.address });
    try {
      await measureLatency(base, new Client({ connection }), server.address);
    } finally {
      await connection.close();
    }
  } finally {
    await Promise.all(apps.map((child) => stopChild(child)));
    await server.stop();
  }
}

function runToEnd(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited with ${code}`))));
  });
}

async function waitForHealth(base: string, apps: ChildProcess[]): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (apps.some((a) => a.exitCode !== null)) throw new Error('an app exited during start-up (see its output above)');
    const ok = await fetch(`${base}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the API at ${base} did not become healthy within a minute`);
}

async function login(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

async function measureLatency(base: string, client: Client, temporalAddress: string): Promise<void> {
  {
    const token = await login(base, 'chuyenvien.hg');
    const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };

    const id = `bench-${randomUUID().slice(0, 8)}`;
    const created = await fetch(`${base}/programmes`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        id,
        templateId: 'action-programme',
        title: 'Chương trình hành động (đo hiệu năng)',
        issuingUnitId: 'hg-tu',
        memberInChargeId: 'hg-pbt',
        fieldGroup: 'economy',
        term: '2025-2030',
      }),
    });
    if (created.status !== 201)
      throw new Error(`creating the programme failed: ${created.status} ${await created.text()}`);
    const surveyors = ['hg-skhdt-gd', 'hg-stc-gd', 'hg-tv1'];
    let i = 0;
    const staffAction = async () => {
      const res = await fetch(`${base}/programmes/${id}/actions/assignSurveyors`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          requestId: randomUUID(),
          payload: { surveyorIds: [surveyors[i++ % surveyors.length]] },
        }),
      });
      if (res.status !== 200) throw new Error(`staff action failed: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
    };

    // The baseline: the same server, a worker of its own, an update handler that only answers.
    const noopBundle = await bundleWorkflowCode({
      workflowsPath: path.join(__dirname, 'noop-update.workflow.ts'),
      logger: quietLogger(),
    });
    const connection = await NativeConnection.connect({ address: temporalAddress });
    const taskQueue = `bench-noop-${process.pid}`;
    const noopWorker = await Worker.create({ connection, taskQueue, workflowBundle: noopBundle });
    const running = noopWorker.run();
    const noop = await client.workflow.start('noopUpdateWorkflow', {
      taskQueue,
      workflowId: `bench-noop-${randomUUID()}`,
    });
    const rawUpdate = async () => {
      await noop.executeUpdate(noopUpdate, { args: [{ requestId: randomUUID() }] });
    };

    // The same staff action sent straight to the programme workflow: splits the API's share from the workflow's.
    const programme = client.workflow.getHandle(`programme/${id}`);
    const office = { personId: 'hg-cv1', unitId: 'hg-tu', roles: [Role.ADVISORY_STAFF, Role.STAFF] };
    const directAction = async () => {
      await programme.executeUpdate(programmeUpdates.assignSurveyors, {
        args: [
          { actor: office, requestId: randomUUID(), payload: { surveyorIds: [surveyors[i++ % surveyors.length]] } },
        ],
      });
    };

    // The API's floor: an authenticated read (HTTP, JWT, the person's row, one query), no Temporal.
    const apiRead = async () => {
      const res = await fetch(`${base}/inbox/unread-count`, { headers });
      if (res.status !== 200) throw new Error(`unread-count failed: ${res.status}`);
      await res.arrayBuffer();
    };

    for (let k = 0; k < WARMUP; k++) {
      await apiRead();
      await staffAction();
      await directAction();
      await rawUpdate();
    }
    const api: number[] = [];
    const direct: number[] = [];
    const raw: number[] = [];
    const reads: number[] = [];
    for (let k = 0; k < SAMPLES; k++) {
      reads.push(await timed(apiRead));
      api.push(await timed(staffAction));
      direct.push(await timed(directAction));
      raw.push(await timed(rawUpdate));
    }
    const a = summarise(api);
    const d = summarise(direct);
    const r = summarise(raw);
    const g = summarise(reads);
    const view = await client.workflow.getHandle(`programme/${id}`).query(programmeViewQuery);
    const load = loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
    console.log(
      `\nStaff action through the API vs raw executeUpdate to a no-op handler (${SAMPLES} each, interleaved with the direct update, after ${WARMUP} warm-up)`,
    );
    console.log(
      `  staff action (HTTP → JWT → validation → update + validator + reducer): p50 ${formatMs(a.p50)}  p99 ${formatMs(a.p99)}  mean ${formatMs(a.mean)}`,
    );
    console.log(
      `  the same update sent straight to the workflow (no HTTP):             p50 ${formatMs(d.p50)}  p99 ${formatMs(d.p99)}  mean ${formatMs(d.mean)}`,
    );
    console.log(
      `  raw executeUpdate, no-op handler:                                    p50 ${formatMs(r.p50)}  p99 ${formatMs(r.p99)}  mean ${formatMs(r.mean)}`,
    );
    console.log(
      `  for scale: an authenticated GET /inbox/unread-count (no Temporal):    p50 ${formatMs(g.p50)}  p99 ${formatMs(g.p99)}  mean ${formatMs(g.mean)}`,
    );
    console.log(`  ratio p50 ${(a.p50 / r.p50).toFixed(2)} (goal ≤ 1.5)   ratio p99 ${(a.p99 / r.p99).toFixed(2)}`);
    console.log(
      `  the programme took ${view.version} versions; api, worker and notifier ran as separate processes; load average ${load}`,
    );

    await noop.executeUpdate('stop');
    noopWorker.shutdown();
    await running;
    await connection.close();
  }
}

// ------------------------------------------------------------------------------------------------

const person = (personId: string, unitId: string, ...roles: Role[]): Actor => ({ personId, unitId, roles });
const HEAD = person('hg-bithu', 'hg-tu', Role.HEAD, Role.STANDING_COMMITTEE, Role.KEY_CADRE);
const MEMBER = person('hg-pbt', 'hg-btv', Role.STANDING_COMMITTEE, Role.KEY_CADRE);
const OFFICE = person('hg-cv1', 'hg-tu', Role.ADVISORY_STAFF, Role.STAFF);
const INSPECTOR = person('hg-ubkt1', 'hg-ubkt', Role.INSPECTOR);
const UNITS = ['hg-skhdt', 'hg-stc', 'hg-sct', 'hg-snn', 'hg-sxd', 'hg-sgtvt'].map((u) =>
  person(`${u}-gd`, u, Role.HEAD, Role.KEY_CADRE),
);

async function eventsPerProgrammeYear(): Promise<void> {
  const env: TestWorkflowEnvironment = await createTimeSkippingEnv();
  try {
    const workflowBundle = await bundleWorkflowCode({ ...workflowBundleOptions(), logger: quietLogger() });
    const taskQueue = `bench-years-${randomUUID()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle,
      // The activity's writes do not change the history's shape; the real one is measured by the e2e tests.
      // Task children (one per issued task) run here too, publishing through their own activity.
      activities: {
        async publishProgrammeChanges() {},
        async publishTaskChanges() {},
        loadWorkingCalendar: async ({ fromYear, toYear }: { fromYear: number; toYear: number }) =>
          calendarYearsBetween([], fromYear, toYear),
      },
    });
    await worker.runUntil(async () => {
      const template = findTemplate('action-programme')!;
      const programmeId = `bench-years-${randomUUID().slice(0, 8)}`;
      const setup: ProgrammeSetup = {
        programmeId,
        title: 'Chương trình hành động thực hiện Nghị quyết 13-NQ/TW (đo số sự kiện)',
        templateId: template.id,
        templateVersion: template.version,
        issuingUnitId: 'hg-tu',
        issuingHeadId: HEAD.personId,
        memberInChargeId: MEMBER.personId,
        fieldGroup: 'economy',
        term: '2025-2030',
        implementsResolution: '13-NQ/TW',
        createdBy: OFFICE.personId,
      };
      const input: ProgrammeWorkflowInput = { setup, template };
      const handle = await env.client.workflow.start(PROGRAMME_WORKFLOW_TYPE, {
        taskQueue,
        workflowId: `programme/${programmeId}`,
        args: [input],
      });
      const act = actor(handle);
      const now = async () => new Date(await env.currentTimeMs());
      await act('assignSurveyors', OFFICE, { surveyorIds: [UNITS[0].personId] });
      await act('submitSurveyFindings', UNITS[0], { text: 'Khảo sát thực tiễn' });
      await act('closeSurvey', OFFICE, {});
      await act('submitDraft', OFFICE, { text: 'Dự thảo', changeNote: 'lần 1' });
      await act('openConsultation', OFFICE, { inviteeIds: UNITS.map((u) => u.personId) });
      for (const u of UNITS) await act('submitOpinion', u, { text: 'Nhất trí' });
      await act('closeConsultation', OFFICE, {});
      await act('submitForApproval', OFFICE, {});
      await act('approve', HEAD, {});
      const due = new Date((await now()).getTime() + 400 * DAY).toISOString();
      await act('issue', OFFICE, {
        documentNumber: '123-CTr/TU',
        issuedOn: (await now()).toISOString().slice(0, 10),
        targets: UNITS.flatMap((u, k) => (k < 2 ? [target(`T${k}a`, u), target(`T${k}b`, u)] : [target(`T${k}`, u)])),
        tasks: UNITS.flatMap((u, k) =>
          [0, 1].map((j) => ({
            code: `N${k}.${j}`,
            title: 'Nhiệm vụ',
            responsibleUnitId: u.unitId,
            responsiblePersonId: u.personId,
            coordinatingUnitIds: [],
            dueAt: due,
          })),
        ),
        solutions: ['Giải pháp'],
        resources: ['Ngân sách'],
      });
      await act('recordDissemination', HEAD, {
        heldOn: (await now()).toISOString().slice(0, 10),
        audienceIds: UNITS.map((u) => u.personId),
      });
      for (const u of UNITS) await act('acknowledgeDissemination', u, {});
      const implementing = await handle.query(programmeViewQuery);
      const reviews = implementing.state.implementation.reviews;
      const firstYear = new Date(implementing.state.implementation.startedAt!).getUTCFullYear();
      for (const [k, review] of reviews.entries()) {
        await skipTo(env, Date.parse(review.opensAt) + 1000);
        const year = new Date(review.opensAt).getUTCFullYear();
        if (k % 4 === 0)
          await act('addAnnualPlan', OFFICE, {
            year,
            title: `Kế hoạch năm ${year}`,
            items: ['Nội dung 1', 'Nội dung 2'],
          });
        if (k % 2 === 1) await act('recordInspection', INSPECTOR, { findings: 'Kiểm tra định kỳ' });
        for (const u of UNITS)
          await act('submitReviewReport', u, {
            reviewSeq: review.seq,
            text: 'Báo cáo',
            values: valuesOf(u, implementing),
          });
        await skipTo(env, Date.parse(review.closesAt) + 1000);
      }
      const termEnd = Date.parse(implementing.state.implementation.termEndsAt!);
      await skipTo(env, termEnd + DAY);
      const final = await handle.query(programmeViewQuery);
      if (final.phase !== Phase.FINAL_REVIEW) throw new Error(`expected FINAL_REVIEW, found ${final.phase}`);
      for (const u of UNITS) await act('submitFinalReport', u, { text: 'Tổng kết', values: valuesOf(u, implementing) });
      await skipTo(env, Date.parse(final.state.finalReview.review!.closesAt) + 1000);
      for (const u of UNITS)
        await act('evaluate', MEMBER, {
          subjectKind: 'UNIT',
          subjectId: u.unitId,
          rating: 'GOOD',
          comment: 'Hoàn thành tốt',
        });
      await act('recordLessons', MEMBER, { lessons: ['Bài học'] });
      await act('closeProgramme', HEAD, {});
      await handle.result();
      const runs = await runHistories(env.client, handle.workflowId, handle.firstExecutionRunId);
      const total = runs.reduce((a, r) => a + r.events, 0);
      const years = (termEnd - Date.parse(implementing.state.implementation.startedAt!)) / (365.25 * DAY);
      console.log(
        `\nHistory of a five-year programme (6 units, 8 targets, 12 tasks as child workflows, ${reviews.length} quarterly reviews, from ${firstYear})`,
      );
      console.log(
        `  ${total} events in ${runs.length} runs (${runs.map((r) => r.events).join(', ')}); largest run ${Math.max(...runs.map((r) => r.events))} (limit 4,096)`,
      );
      console.log(`  ${(total / years).toFixed(0)} events per programme-year of implementation`);
      console.log(
        `  history size per run (as JSON): ${runs.map((r) => `${(r.jsonBytes / 1024).toFixed(0)} KiB`).join(', ')}`,
      );
    });
  } finally {
    await env.teardown();
  }
}

function target(code: string, u: Actor) {
  return {
    code,
    name: `Chỉ tiêu ${code}`,
    unit: '%',
    goal: { comparator: Comparator.AT_LEAST, goal: '10' },
    responsibleUnitId: u.unitId,
  };
}

function valuesOf(u: Actor, view: ProgrammeView): Record<string, string> {
  return Object.fromEntries(
    view.state.issuance!.targets.filter((t) => t.responsibleUnitId === u.unitId).map((t) => [t.code, '11']),
  );
}

function actor(handle: WorkflowHandle) {
  return <N extends ProgrammeActionName>(name: N, who: Actor, payload: ActionPayloads[N]) =>
    handle.executeUpdate(programmeUpdates[name], { args: [{ actor: who, requestId: randomUUID(), payload }] });
}

async function skipTo(env: TestWorkflowEnvironment, instant: number): Promise<void> {
  const now = await env.currentTimeMs();
  if (instant > now) await env.sleep(instant - now);
}

async function main(): Promise<void> {
  installQuietRuntime();
  const only = process.argv[2];
  if (!only || only === 'latency') await apiVersusRawUpdate();
  if (!only || only === 'events') await eventsPerProgrammeYear();
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
