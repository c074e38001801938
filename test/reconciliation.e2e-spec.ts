import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import { Client } from '@temporalio/client';
import { TEMPORAL_OPTIONS, TemporalOptions } from '../libs/temporal/src';
import { ensureReconcileSchedule } from '../apps/worker/src/reconcile/reconcile-schedule';
import { RECONCILE_SCHEDULE_ID } from '../workflows/src/reconcile/definitions';
import { eventually, startTestStack, TestStack } from './utils/test-stack';

const ROOT = path.resolve(__dirname, '..');
const TABLES = ['programme', 'task', 'breakthrough_cycle'] as const;

interface Finding {
  kind: string;
  id: string;
  what: string;
  why: string;
}
interface Run {
  id: string;
  startedAt: string;
  finishedAt: string | null;
  checked: number;
  repaired: number;
  created: number;
  orphaned: number;
  details: { byKind: Record<string, Record<string, number>>; findings: Finding[] };
}

/**
 * The read model reconciled with the workflows, against the real stack: drift repaired through the
 * projections, missing rows written, rows without a workflow (as a fresh Temporal on an old database
 * leaves them) orphaned out of lists and counts with their breakthrough year freed; and the rebuild
 * command restoring a deleted programme from Temporal.
 */
describe('read-model reconciliation and rebuild (e2e)', () => {
  let stack: TestStack;
  let client: Client;
  /** Rows live before this file: other files' fixtures stand for workflows this stack cannot see, so they are restored. */
  const liveBefore: Record<(typeof TABLES)[number], string[]> = { programme: [], task: [], breakthrough_cycle: [] };
  const programmeId = `e2e-rec-${randomUUID().slice(0, 8)}`;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const inTenDays = () => new Date(Date.now() + 10 * 86_400_000).toISOString();

  beforeAll(async () => {
    stack = await startTestStack();
    client = stack.api.get(Client);
    const { taskQueue } = stack.api.get<TemporalOptions>(TEMPORAL_OPTIONS);
    // What the worker does at boot (the stack's worker is built in-process, without main.ts).
    await ensureReconcileSchedule(client, { taskQueue, everyMs: 3_600_000, pageSize: 50 });
    expect(await ensureReconcileSchedule(client, { taskQueue, everyMs: 3_600_000, pageSize: 50 })).toBe('unchanged');
    for (const table of TABLES)
      liveBefore[table] = (await stack.dataSource.query(`SELECT id FROM ${table} WHERE orphaned_at IS NULL`)).map(
        (r: { id: string }) => r.id,
      );
  });

  afterAll(async () => {
    if (stack) {
      for (const table of TABLES)
        await stack.dataSource.query(
          `UPDATE ${table} SET orphaned_at = NULL WHERE id = ANY($1) AND orphaned_at IS NOT NULL`,
          [liveBefore[table]],
        );
      await client.schedule
        .getHandle(RECONCILE_SCHEDULE_ID)
        .delete()
        .catch(() => undefined);
    }
    await stack?.close();
  });

  async function programmeAct(username: string, action: string, payload: object) {
    const res = await stack
      .http()
      .post(`/programmes/${programmeId}/actions/${action}`)
      .set(auth(await stack.login(username)))
      .send({ requestId: randomUUID(), payload });
    if (res.status !== 200) throw new Error(`${action}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  /** Triggers the schedule through the admin route and waits for that run's report. */
  const seenRuns = new Set<string>();
  async function reconcileNow(): Promise<Run> {
    const admin = await stack.login('admin');
    const askedAt = Date.now() - 1000;
    const res = await stack
      .http()
      .post('/admin/read-model/reconcile')
      .set(auth(admin))
      .send({ reason: 'kiểm tra đối soát' });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ started: true });
    // Named when the schedule took the trigger within its wait (a loaded machine may take longer).
    const id: string | null = res.body.reconciliationId;
    if (id) expect(id).toMatch(new RegExp(`^${RECONCILE_SCHEDULE_ID}-.+/${res.body.runId}$`));
    return eventually(
      async () => {
        const list = await stack.http().get('/admin/read-model/reconciliations?limit=20').set(auth(admin));
        const run = (list.body.items as Run[]).find((r) =>
          id ? r.id === id : Date.parse(r.startedAt) >= askedAt && !seenRuns.has(r.id),
        );
        if (run?.finishedAt) seenRuns.add(run.id);
        return run?.finishedAt ? run : undefined;
      },
      'the reconciliation to finish',
      120_000,
    );
  }

  const mine = (run: Run, what: string) =>
    run.details.findings
      .filter((f) => f.what === what && (f.id === programmeId || f.id.startsWith(`${programmeId}/`)))
      .map((f) => `${f.kind} ${f.id}`)
      .sort();

  const row = async (table: 'programme' | 'task', id: string) =>
    (
      await stack.dataSource.query(
        `SELECT ${table === 'programme' ? 'phase' : 'status'} AS marker, projection_seq AS seq, chain_run_id AS "chainRunId",
           orphaned_at AS "orphanedAt" FROM ${table} WHERE id = $1`,
        [id],
      )
    )[0] as { marker: string; seq: number; chainRunId: string; orphanedAt: Date | null } | undefined;

  it('repairs a programme row and a task row corrupted in SQL, through the projections, and reports 2 repaired', async () => {
    const cv = 'chuyenvien.hg';
    const created = await stack
      .http()
      .post('/programmes')
      .set(auth(await stack.login(cv)))
      .send({
        id: programmeId,
        templateId: 'demo-fast',
        title: 'Chương trình hành động về chuyển đổi số',
        issuingUnitId: 'hg-tu',
        memberInChargeId: 'hg-pbt',
        fieldGroup: 'economy',
        term: '2025-2030',
      });
    expect(created.status).toBe(201);
    await programmeAct(cv, 'assignSurveyors', { surveyorIds: ['hg-skhdt-gd'] });
    await programmeAct('gd.skhdt.hg', 'submitSurveyFindings', { text: 'Hạ tầng số còn phân tán.' });
    await programmeAct(cv, 'closeSurvey', {});
    await programmeAct(cv, 'submitDraft', { documentRef: 'DT-45/VPTU', changeNote: 'Dự thảo lần 1' });
    await programmeAct(cv, 'openConsultation', { inviteeIds: ['hg-skhdt-gd'] });
    await programmeAct('gd.skhdt.hg', 'submitOpinion', { text: 'Nhất trí' });
    await programmeAct(cv, 'closeConsultation', {});
    await programmeAct(cv, 'submitForApproval', {});
    await programmeAct('bithu.hg', 'approve', {});
    await programmeAct(cv, 'issue', {
      documentNumber: '45-CTr/TU',
      issuedOn: new Date().toISOString().slice(0, 10),
      targets: [],
      tasks: [
        {
          code: 'T1',
          title: 'Xây dựng kho dữ liệu dùng chung',
          responsibleUnitId: 'hg-skhdt',
          responsiblePersonId: 'hg-skhdt-gd',
          coordinatingUnitIds: [],
          dueAt: inTenDays(),
        },
        {
          code: 'T2',
          title: 'Số hóa hồ sơ ngân sách',
          responsibleUnitId: 'hg-stc',
          responsiblePersonId: 'hg-stc-gd',
          coordinatingUnitIds: [],
          dueAt: inTenDays(),
        },
      ],
      solutions: ['Chuẩn hóa dữ liệu'],
      resources: ['Ngân sách tỉnh'],
    });
    const [t1, t2] = [`${programmeId}/T1`, `${programmeId}/T2`];
    const settled = await eventually(async () => {
      const [p, a, b] = [await row('programme', programmeId), await row('task', t1), await row('task', t2)];
      return p?.marker === 'DISSEMINATION' && a?.marker === 'ASSIGNED' && b?.marker === 'ASSIGNED' && { p, a };
    }, 'the programme issued and both tasks in the read model');

    await stack.dataSource.query(
      `UPDATE programme SET phase = 'DRAFTING', projection_seq = projection_seq - 3 WHERE id = $1`,
      [programmeId],
    );
    await stack.dataSource.query(`UPDATE task SET status = 'DONE', done_at = now(), projection_seq = 0 WHERE id = $1`, [
      t1,
    ]);

    const run = await reconcileNow();
    expect(mine(run, 'repaired')).toEqual([`PROGRAMME ${programmeId}`, `TASK ${t1}`]);
    expect(run.repaired).toBeGreaterThanOrEqual(2);
    expect(run.details.byKind.PROGRAMME.repaired).toBeGreaterThanOrEqual(1);
    expect(run.details.byKind.TASK.repaired).toBeGreaterThanOrEqual(1);
    expect(run.checked).toBeGreaterThanOrEqual(3);
    expect(await row('programme', programmeId)).toMatchObject({ marker: 'DISSEMINATION', seq: settled.p.seq });
    expect(await row('task', t1)).toMatchObject({ marker: 'ASSIGNED', seq: settled.a.seq });
    // The repair is the projection itself: the task's count is back where it was.
    const [{ n }] = await stack.dataSource.query(
      `SELECT count(*)::int AS n FROM task WHERE id = $1 AND done_at IS NULL`,
      [t1],
    );
    expect(n).toBe(1);
  });

  it('writes a row deleted from the read model again from its running workflow', async () => {
    const t2 = `${programmeId}/T2`;
    await stack.dataSource.query(`DELETE FROM task WHERE id = $1`, [t2]);
    const run = await reconcileNow();
    expect(mine(run, 'created')).toEqual([`TASK ${t2}`]);
    expect(run.created).toBeGreaterThanOrEqual(1);
    expect(await row('task', t2)).toMatchObject({ marker: 'ASSIGNED', orphanedAt: null });
  });

  it('marks rows without a workflow orphaned: out of the lists and the overview, their breakthrough year free', async () => {
    const orphan = `e2e-orphan-${randomUUID().slice(0, 8)}`;
    const term = '2091-2095';
    const year = 2600 + Math.floor(Math.random() * 100);
    // As an earlier clone's database leaves them: rows of a chain that started "later" (another clock), no workflow.
    await stack.dataSource.query(
      `INSERT INTO programme (id, title, document_number, template_id, template_version, phase, issuing_unit_id, member_in_charge_id,
         field_group, term, implements_resolution, workflow_id, snapshot, created_by, projection_seq, chain_run_id, chain_started_at)
       VALUES ($1, 'Chương trình của bản cài đặt cũ', '9-CTr/TU', 'action-programme', 1, 'IMPLEMENTATION', 'hg-tu', 'hg-pbt',
         'economy', $2, NULL, $3, '{}', 'hg-cv', 40, 'old-run', now() + interval '1 day')`,
      [orphan, term, `programme/${orphan}`],
    );
    await stack.dataSource.query(
      `INSERT INTO task (id, workflow_id, source, programme_id, code, title, responsible_unit_id, responsible_person_id, assigner_id,
         member_in_charge_id, field_group, issuing_unit_id, status, due_at, original_due_at, projection_seq, chain_run_id, chain_started_at)
       VALUES ($1, $2, 'PROGRAMME', $3, 'T1', 'Nhiệm vụ của bản cài đặt cũ', 'hg-skhdt', 'hg-skhdt-gd', 'hg-cv', 'hg-pbt', 'economy',
         'hg-tu', 'ASSIGNED', '2092-06-30T10:00:00Z', '2092-06-30T10:00:00Z', 7, 'old-run', now() + interval '1 day')`,
      [`${orphan}/T1`, `task/${orphan}/T1`, orphan],
    );
    await stack.dataSource.query(
      `INSERT INTO breakthrough_cycle (id, workflow_id, unit_id, year, title, phase, projection_seq, chain_run_id, chain_started_at)
       VALUES ($1, $2, 'hg-tu', $3, 'Việc đột phá của bản cài đặt cũ', 'REGISTRATION', 30, 'old-run', now() + interval '1 day')`,
      [`hg-tu/${year}`, `breakthrough/hg-tu/${year}`, year],
    );
    const admin = await stack.login('admin');
    const head = await stack.login('bithu.hg');
    const listed = async () =>
      (await stack.http().get(`/programmes?term=${term}`).set(auth(admin))).body.items.map((p: { id: string }) => p.id);
    const overview = async () => {
      const res = await stack.http().get(`/supervision/overview?committeeId=hg-tu&term=${term}`).set(auth(head));
      expect(res.status).toBe(200);
      const programmes = (res.body.programmesByPhase as Array<{ count: number }>).reduce((n, r) => n + r.count, 0);
      return { programmes, tasks: res.body.tasks.total.total as number };
    };
    expect(await listed()).toContain(orphan);
    expect(await overview()).toEqual({ programmes: 1, tasks: 1 });

    const run = await reconcileNow();
    const orphaned = run.details.findings.filter((f) => f.what === 'orphaned').map((f) => `${f.kind} ${f.id}`);
    expect(orphaned).toEqual(
      expect.arrayContaining([`PROGRAMME ${orphan}`, `TASK ${orphan}/T1`, `CYCLE hg-tu/${year}`]),
    );
    expect(run.orphaned).toBeGreaterThanOrEqual(3);
    expect(await listed()).not.toContain(orphan);
    expect(await overview()).toEqual({ programmes: 0, tasks: 0 });
    expect((await stack.http().get(`/programmes/${orphan}`).set(auth(admin))).status).toBe(404);

    // The year is free: a new cycle opens, and its row replaces the orphan whatever the old chain's start.
    const opened = await stack
      .http()
      .post('/breakthrough/cycles')
      .set(auth(head))
      .send({
        unitId: 'hg-tu',
        year,
        title: `Việc đột phá năm ${year}`,
        registrationDeadline: new Date(Date.now() + 86_400_000).toISOString(),
        appraisalDeadline: new Date(Date.now() + 2 * 86_400_000).toISOString(),
      });
    expect(opened.status).toBe(201);
    const [cycle] = await stack.dataSource.query(
      `SELECT orphaned_at AS "orphanedAt", chain_run_id AS "chainRunId", projection_seq AS seq FROM breakthrough_cycle WHERE id = $1`,
      [`hg-tu/${year}`],
    );
    expect(cycle.orphanedAt).toBeNull();
    expect(cycle.chainRunId).not.toBe('old-run');
    expect((await stack.http().get(`/breakthrough/cycles/hg-tu/${year}`).set(auth(head))).status).toBe(200);
  });

  it("rebuilds a deleted programme's rows, its tasks included, from Temporal with the command", async () => {
    const before = await row('programme', programmeId);
    await stack.dataSource.query(`DELETE FROM task WHERE programme_id = $1`, [programmeId]);
    await stack.dataSource.query(`DELETE FROM programme WHERE id = $1`, [programmeId]);
    const { code, output } = await runRebuild(['--programme', programmeId]);
    expect({ code, output }).toMatchObject({ code: 0 });
    expect(output).toContain(`programme/${programmeId}: written`);
    expect(output).toContain(`task/${programmeId}/T1: written`);
    expect(output).toMatch(/rebuilt 3 read-model row\(s\); 0 workflow\(s\) not found; 0 failed/);
    // The programme's timers may have moved it on since: the row holds at least what it held.
    const rebuilt = await row('programme', programmeId);
    expect(rebuilt).toMatchObject({ marker: 'DISSEMINATION', orphanedAt: null });
    expect(rebuilt!.seq).toBeGreaterThanOrEqual(before!.seq);
    const tasks = await stack.dataSource.query(`SELECT id, status FROM task WHERE programme_id = $1 ORDER BY id`, [
      programmeId,
    ]);
    expect(tasks).toEqual([
      { id: `${programmeId}/T1`, status: 'ASSIGNED' },
      { id: `${programmeId}/T2`, status: 'ASSIGNED' },
    ]);

    const refused = await runRebuild(['--programme']);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('usage: npm run read-model:rebuild -- --programme <id> | --all');
  });

  /** The command's entry point as its own process (from the sources, as the other process tests run them). */
  function runRebuild(args: string[]): Promise<{ code: number | null; output: string }> {
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register', 'apps/worker/src/reconcile/rebuild.main.ts', ...args],
      {
        cwd: ROOT,
        env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true', TS_NODE_SWC: 'true', LOG_LEVEL: 'warn' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`rebuild did not finish within 120 s: ${output}`));
      }, 120_000);
      child.on('exit', (code) => {
        clearTimeout(timer);
        resolve({ code, output });
      });
    });
  }
});
