/**
 * Benchmark of a restructuring carried through running work, printed as numbers (`npm run bench --
 * restructuring`): two provinces, province A with BENCH_PROGRAMMES open programmes and BENCH_TASKS
 * open tasks (real programme and task workflows, projected into the read model), merged into B by
 * the system admin through the API. It prints the time until every workflow is updated and the read
 * model agrees (the change is DONE), and the latency of a staff action (a progress report on a task
 * of province B, through the API) sent while the fan-out runs, beside the same action on the idle
 * system. The scale is 1,000 programmes and 50,000 tasks; the default is small.
 */
import { randomUUID } from 'node:crypto';
import { Client } from '@temporalio/client';
import { findTemplate, Role, type ProgrammeSetup, type TaskSetup } from '@app/domain';
import { TEMPORAL_OPTIONS, type TemporalOptions } from '@app/temporal';
import { PROGRAMME_WORKFLOW_TYPE, type ProgrammeWorkflowInput } from '@app/workflows/programme/definitions';
import { TASK_WORKFLOW_TYPE, type TaskWorkflowInput } from '@app/workflows/task/definitions';
import { hashPassword } from '../../apps/api/src/auth/auth.service';
import { DEMO_PASSWORD } from '../../apps/api/src/seed/demo-data';
import { migrate, recreateDatabase } from '../../libs/persistence/src';
import { startTemporalDevServer } from '../../test/utils/temporal-dev-server';
import { startTestStack, TestStack } from '../../test/utils/test-stack';
import { formatMs, summarise } from './stats';

// The database is recreated on each run, so it carries the _test suffix the recreation insists on.
const PROGRAMMES = Number(process.env.BENCH_PROGRAMMES ?? 20);
const TASKS = Number(process.env.BENCH_TASKS ?? 400);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 100);
const START_CONCURRENCY = 32;

async function inPool<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

async function seedProvinces(stack: TestStack): Promise<void> {
  const ds = stack.dataSource;
  const hash = await hashPassword(DEMO_PASSWORD);
  const units: Array<[string, string, string | null]> = [
    ['bench-a', 'PROVINCIAL_COMMITTEE', null],
    ['bench-a-d', 'DEPARTMENT', 'bench-a'],
    ['bench-b', 'PROVINCIAL_COMMITTEE', null],
    ['bench-b-d', 'DEPARTMENT', 'bench-b'],
  ];
  for (const [id, kind, parentId] of units)
    await ds.query(`INSERT INTO org_unit (id, name, kind, parent_id, code) VALUES ($1,$1,$2,$3,$1)`, [
      id,
      kind,
      parentId,
    ]);
  const people: Array<[string, string, Role[]]> = [
    ['bench-a-bt', 'bench-a', [Role.HEAD, Role.STANDING_COMMITTEE]],
    ['bench-a-gd', 'bench-a-d', [Role.HEAD]],
    ['bench-b-bt', 'bench-b', [Role.HEAD, Role.STANDING_COMMITTEE]],
    ['bench-b-gd', 'bench-b-d', [Role.HEAD]],
    ['bench-sys', 'bench-b', [Role.SYSTEM_ADMIN]],
  ];
  for (const [id, unitId, roles] of people)
    await ds.query(
      `INSERT INTO person (id, username, full_name, title, password_hash, unit_id, roles, fields, email)
       VALUES ($1,$1,$1,'',$2,$3,$4,'{}',$5)`,
      [id, hash, unitId, roles, `${id}@example.invalid`],
    );
}

function taskSetup(taskId: string, unitId: string, personId: string): TaskSetup {
  return {
    taskId,
    programmeId: null,
    code: taskId.split('/').pop() as string,
    title: 'Nhiệm vụ đo hiệu năng',
    source: 'ANNUAL_PLAN',
    responsibleUnitId: unitId,
    responsiblePersonId: personId,
    coordinatingUnitIds: [],
    assignerId: personId,
    memberInChargeId: null,
    fieldGroup: 'economy',
    issuingUnitId: unitId.replace(/-d$/, ''),
    isBreakthrough: false,
    dueAt: new Date(Date.now() + 365 * 86_400_000).toISOString(),
    reminderOffsets: ['P7D'],
    escalationOffsets: ['P1D'],
  };
}

async function startOpenWork(stack: TestStack, client: Client, taskQueue: string): Promise<void> {
  const template = findTemplate('action-programme');
  if (!template) throw new Error('no action-programme template');
  const programmes = Array.from({ length: PROGRAMMES }, (_, i) => `bench-p-${String(i).padStart(5, '0')}`);
  await inPool(programmes, START_CONCURRENCY, async (programmeId) => {
    const setup: ProgrammeSetup = {
      programmeId,
      title: 'Chương trình đo hiệu năng',
      templateId: template.id,
      templateVersion: template.version,
      issuingUnitId: 'bench-a',
      issuingHeadId: 'bench-a-bt',
      memberInChargeId: 'bench-a-bt',
      fieldGroup: 'economy',
      term: '2025-2030',
      implementsResolution: null,
      createdBy: 'bench-a-bt',
    };
    const input: ProgrammeWorkflowInput = { setup, template };
    await client.workflow.start(PROGRAMME_WORKFLOW_TYPE, {
      taskQueue,
      workflowId: `programme/${programmeId}`,
      args: [input],
    });
  });
  const tasks = Array.from({ length: TASKS }, (_, i) => `bench/a/${String(i).padStart(6, '0')}`);
  await inPool(tasks, START_CONCURRENCY, async (taskId) => {
    const input: TaskWorkflowInput = { setup: taskSetup(taskId, 'bench-a-d', 'bench-a-gd'), reportToWorkflowId: null };
    await client.workflow.start(TASK_WORKFLOW_TYPE, { taskQueue, workflowId: `task/${taskId}`, args: [input] });
  });
  // Province B's task: the staff action measured.
  const input: TaskWorkflowInput = {
    setup: taskSetup('bench/b/probe', 'bench-b-d', 'bench-b-gd'),
    reportToWorkflowId: null,
  };
  await client.workflow.start(TASK_WORKFLOW_TYPE, { taskQueue, workflowId: 'task/bench/b/probe', args: [input] });
  const deadline = Date.now() + 30 * 60_000;
  for (;;) {
    const [row] = await stack.dataSource.query(
      `SELECT (SELECT count(*) FROM programme WHERE issuing_unit_id = 'bench-a')::int AS p,
              (SELECT count(*) FROM task WHERE responsible_unit_id IN ('bench-a-d', 'bench-b-d'))::int AS t`,
    );
    if (row.p === PROGRAMMES && row.t === TASKS + 1) return;
    if (Date.now() > deadline) throw new Error(`only ${row.p} programmes and ${row.t} tasks projected in 30 minutes`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function main(): Promise<void> {
  const databaseUrl =
    process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/action_programmes_bench_restructuring_test';
  await recreateDatabase(databaseUrl);
  await migrate(databaseUrl);
  const server = await startTemporalDevServer();
  Object.assign(process.env, {
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: server.address,
    QUEUE_PREFIX: `bench-rs-${process.pid}`,
    LOG_LEVEL: 'silent',
  });
  const stack = await startTestStack();
  try {
    const client = stack.api.get(Client);
    // The queue the stack's worker polls (startTestStack names one per run).
    const queue = stack.api.get<TemporalOptions>(TEMPORAL_OPTIONS).taskQueue;
    await seedProvinces(stack);
    const started = Date.now();
    await startOpenWork(stack, client, queue);
    console.log(
      `open work: ${PROGRAMMES} programmes, ${TASKS} tasks running and projected in ${formatMs(Date.now() - started)}`,
    );

    const gd = await stack.login('bench-b-gd');
    const sys = await stack.login('bench-sys');
    const probe = `/tasks/${encodeURIComponent('bench/b/probe')}/actions`;
    const accepted = await stack
      .http()
      .post(`${probe}/accept`)
      .set('Authorization', `Bearer ${gd}`)
      .send({ requestId: randomUUID(), payload: {} });
    if (accepted.status !== 200) throw new Error(`accept: ${accepted.status} ${JSON.stringify(accepted.body)}`);
    let percent = 0;
    const staffAction = async (): Promise<number> => {
      const t0 = performance.now();
      const res = await stack
        .http()
        .post(`${probe}/reportProgress`)
        .set('Authorization', `Bearer ${gd}`)
        .send({ requestId: randomUUID(), payload: { percent: (percent = (percent + 1) % 100), text: 'Tiến độ' } });
      if (res.status !== 200) throw new Error(`reportProgress: ${res.status} ${JSON.stringify(res.body)}`);
      return performance.now() - t0;
    };
    const idle: number[] = [];
    for (let i = 0; i < SAMPLES; i++) idle.push(await staffAction());

    const mergeStarted = Date.now();
    const created = await stack
      .http()
      .post('/organisation/restructurings')
      .set('Authorization', `Bearer ${sys}`)
      .send({
        requestId: randomUUID(),
        kind: 'MERGE',
        effectiveDate: new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10),
        reason: 'Đo hiệu năng: hợp nhất hai tỉnh',
        units: [{ unitId: 'bench-a', successorId: 'bench-b' }],
      });
    if (created.status !== 201) throw new Error(`merge: ${created.status} ${JSON.stringify(created.body)}`);
    const during: number[] = [];
    let done: { progress: { updated: number; skipped: number } } | null = null;
    let allTold: number | null = null;
    while (!done) {
      during.push(await staffAction());
      const res = await stack
        .http()
        .get(`/organisation/restructurings/${created.body.id}`)
        .set('Authorization', `Bearer ${sys}`);
      if (allTold === null && res.body.progress.updated >= PROGRAMMES + TASKS) allTold = Date.now() - mergeStarted;
      if (res.body.status === 'DONE') done = res.body;
    }
    const took = Date.now() - mergeStarted;
    const [left] = await stack.dataSource.query(
      `SELECT (SELECT count(*) FROM programme WHERE issuing_unit_id = 'bench-a')::int AS p,
              (SELECT count(*) FROM task WHERE issuing_unit_id = 'bench-a')::int AS t`,
    );
    const a = summarise(idle);
    const b = summarise(during);
    console.log(`merger of two provinces: ${PROGRAMMES} programmes + ${TASKS} tasks`);
    console.log(`  every workflow told (updates answered): ${allTold === null ? '-' : formatMs(allTold)}`);
    console.log(`  every workflow updated and the read model agreeing: ${formatMs(took)}`);
    console.log(
      `  workflows told: ${done.progress.updated} (skipped ${done.progress.skipped}); ${Math.round((done.progress.updated / took) * 1000)} updates/s`,
    );
    console.log(`  read-model rows still naming A: ${left.p} programmes, ${left.t} tasks`);
    console.log(
      `  staff action (progress report, API) idle:   p50 ${formatMs(a.p50)}  p99 ${formatMs(a.p99)}  (n=${a.n})`,
    );
    console.log(
      `  staff action during the fan-out:           p50 ${formatMs(b.p50)}  p99 ${formatMs(b.p99)}  (n=${b.n})`,
    );
  } finally {
    await stack.close();
    await server.stop();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
