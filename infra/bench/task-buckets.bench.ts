/**
 * Benchmark of the supervisor bucket view at scale: 1,000 programmes and 100,000 tasks in a dedicated
 * database (created and migrated here), then in one run: GET /tasks/buckets through the real Nest
 * app over HTTP, and the same SQL run directly with a plain `pg` loop. Prints p50/p99 and the ratio.
 *
 *   npm run bench:tasks            (BENCH_DATABASE_URL, BENCH_REQUESTS to override)
 *
 * The API boots against a Temporal dev server this script starts on a free port (and stops).
 */
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as path from 'node:path';
import { Connection } from '@temporalio/client';
import { Client as PgClient } from 'pg';
import { DataSource } from 'typeorm';
import { loadApiConfig } from '../../apps/api/src/api.config';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { DEMO_PASSWORD } from '../../apps/api/src/seed/demo-data';
import { seedPeople } from '../../apps/api/src/seed/seed-people';
import { migrate } from '../../libs/persistence/src';
import { bucketsFromCountsSql, taskBucketCountsSql } from '../../libs/persistence/src/queries/task-buckets.sql';
import { freePort } from '../../test/utils/free-port';
import { sampleLatency } from './stats';

const ROOT = path.resolve(__dirname, '../..');
const DATABASE_URL =
  process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/action_programmes_tasks_bench';
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const WARMUP = 30;
const PROGRAMMES = 1000;
const TASKS = 100_000;
const UNITS = 120;

async function startTemporal(): Promise<{ address: string; child: ChildProcess }> {
  const cli = process.env.TEMPORAL_CLI ?? path.join(ROOT, '.tools/temporal/bin/temporal');
  if (!existsSync(cli)) throw new Error(`Temporal CLI not found at ${cli}; run "bash infra/temporal/install.sh"`);
  const port = await freePort();
  const address = `127.0.0.1:${port}`;
  const child = spawn(
    cli,
    ['server', 'start-dev', '--headless', '--ip', '127.0.0.1', '--port', String(port), '--log-level', 'error'],
    { stdio: 'ignore' },
  );
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const c = await Connection.connect({ address, connectTimeout: 1000 });
      await c.close();
      return { address, child };
    } catch (err) {
      if (Date.now() > deadline || child.exitCode !== null)
        throw new Error(`Temporal dev server did not start on ${address}: ${String(err)}`, { cause: err });
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

/** 1,000 programmes and 100,000 tasks over 120 units, with every status and due dates around now. */
async function load(ds: DataSource): Promise<void> {
  // A dedicated database: emptied of earlier bench rows, never dropped.
  await ds.query(`TRUNCATE task, task_event, programme`);
  await ds.query(`DELETE FROM org_unit WHERE id LIKE 'bench-u%'`);
  await seedPeople(ds);
  await ds.query(
    `INSERT INTO org_unit (id, name, kind, parent_id)
     SELECT 'bench-u' || g, 'Đơn vị ' || g, CASE WHEN g % 3 = 0 THEN 'DISTRICT_COMMITTEE' ELSE 'DEPARTMENT' END, CASE WHEN g % 2 = 0 THEN 'hg-tu' ELSE 'hg-bcsd' END
     FROM generate_series(1, ${UNITS}) g`,
  );
  await ds.query(
    `INSERT INTO programme (id, title, template_id, template_version, phase, issuing_unit_id, member_in_charge_id, field_group, term, workflow_id, created_by)
     SELECT 'bench-p' || g, 'Chương trình ' || g, 'action-programme', 1, 'IMPLEMENTATION', CASE WHEN g % 10 = 0 THEN 'lc-tu' ELSE 'hg-tu' END,
            CASE WHEN g % 2 = 0 THEN 'hg-pbt' ELSE 'hg-tv1' END, (ARRAY['economy','finance','party-building','digital','agriculture'])[1 + g % 5], '2025-2030', 'programme/bench-p' || g, 'hg-cv1'
     FROM generate_series(1, ${PROGRAMMES}) g`,
  );
  await ds.query(
    `INSERT INTO task (id, workflow_id, source, programme_id, code, title, responsible_unit_id, responsible_person_id, assigner_id, member_in_charge_id,
                       field_group, issuing_unit_id, is_breakthrough, status, due_at, original_due_at, progress_percent, done_at)
     SELECT p.id || '/T' || t, 'task/' || p.id || '/T' || t, 'PROGRAMME', p.id, 'T' || t, 'Nhiệm vụ ' || t,
            'bench-u' || (1 + (g * 7) % ${UNITS}), 'bench-person-' || (g % 5000), 'hg-cv1', p.member_in_charge_id, p.field_group, p.issuing_unit_id, g % 50 = 0,
            s.status, now() + ((g % 200) - 100) * interval '1 day', now() + ((g % 200) - 100) * interval '1 day', 50,
            CASE WHEN s.status = 'DONE' THEN now() + ((g % 200) - 100 + (g % 7) - 3) * interval '1 day' END
     FROM generate_series(1, ${TASKS}) g
     JOIN programme p ON p.id = 'bench-p' || (1 + (g - 1) / ${TASKS / PROGRAMMES})
     CROSS JOIN LATERAL (SELECT (ARRAY['ASSIGNED','ACCEPTED','IN_PROGRESS','SUBMITTED','DONE','DONE','DONE','CANCELLED'])[1 + g % 8] AS status) s
     CROSS JOIN LATERAL (SELECT 1 + (g - 1) % ${TASKS / PROGRAMMES} AS t) n`,
  );
  await ds.query('VACUUM ANALYZE task');
}

function get(
  port: number,
  pathAndQuery: string,
  token: string,
  agent: http.Agent,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(
      { host: '127.0.0.1', port, path: pathAndQuery, agent, headers: { Authorization: `Bearer ${token}` } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
  });
}

async function main(): Promise<void> {
  console.log(
    `bench database ${DATABASE_URL}: creating/migrating, emptying, loading ${PROGRAMMES} programmes and ${TASKS} tasks`,
  );
  await migrate(DATABASE_URL);
  const temporal = await startTemporal();
  const app = await createApiApp(
    loadApiConfig({
      ...process.env,
      DATABASE_URL,
      TEMPORAL_ADDRESS: temporal.address,
      LOG_LEVEL: 'error',
      API_PORT: '3000',
    }),
  );
  const pg = new PgClient({ connectionString: DATABASE_URL });
  try {
    const t0 = Date.now();
    await load(app.get(DataSource));
    console.log(`loaded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    await app.listen(0, '127.0.0.1');
    const port = (app.getHttpServer().address() as net.AddressInfo).port;
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const login = await new Promise<string>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          path: '/auth/login',
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json' },
        },
        (res) => {
          let body = '';
          res.on('data', (c) => (body += c));
          res.on('end', () => resolve(JSON.parse(body).accessToken));
        },
      );
      req.on('error', reject);
      req.end(JSON.stringify({ username: 'bithu.hg', password: DEMO_PASSWORD }));
    });

    // The Secretary of the provincial committee: the widest scope (every unit under hg-tu).
    const query = '/tasks/buckets?groupBy=unit&issuingUnitId=hg-tu&page=1&pageSize=100';
    const probe = await get(port, query, login, agent);
    if (probe.status !== 200) throw new Error(`bucket endpoint answered ${probe.status}: ${probe.body}`);
    const body = JSON.parse(probe.body);
    console.log(`endpoint: ${body.total} groups, first ${JSON.stringify(body.items[0])}`);

    // The same SQL the service runs, with the same scope, straight through pg.
    await pg.connect();
    const units: Array<{ id: string; parent_id: string | null }> = (
      await pg.query('SELECT id, parent_id FROM org_unit')
    ).rows;
    const scope = subtree(units, 'hg-tu');
    // The service answers from task_count; check it against a plain GROUP BY over every task first.
    const sql = bucketsFromCountsSql('unit', {
      now: '$3',
      where: (a) =>
        `(${a}.issuing_unit_id = ANY($1) OR ${a}.responsible_unit_id = ANY($1)) AND ${a}.issuing_unit_id = $2`,
      limit: '$4',
      offset: '$5',
    });
    const args = () => [scope, 'hg-tu', new Date(), 100, 0];
    const direct = await pg.query(sql, args());
    const plain = await pg.query(
      `SELECT t.responsible_unit_id AS key, ${taskBucketCountsSql('t', '$3')}
         FROM task t WHERE (t.issuing_unit_id = ANY($1) OR t.responsible_unit_id = ANY($1)) AND t.issuing_unit_id = $2 AND t.status <> 'CANCELLED'
        GROUP BY t.responsible_unit_id ORDER BY t.responsible_unit_id NULLS LAST LIMIT $4 OFFSET $5`,
      args(),
    );
    const shape = (rows: Array<Record<string, unknown>>) =>
      JSON.stringify(rows.map((r) => [r.key, r.done_on_time, r.done_late, r.open_within_deadline, r.open_overdue]));
    if (shape(direct.rows) !== shape(plain.rows))
      throw new Error('the counted buckets differ from a GROUP BY over task');
    if (direct.rows.length !== body.items.length)
      throw new Error(`direct SQL returned ${direct.rows.length} groups, the endpoint ${body.items.length}`);
    console.log(`counted buckets equal a GROUP BY over task (${plain.rows.length} groups)`);

    const viaHttp = await sampleLatency(REQUESTS, WARMUP, async () => {
      const res = await get(port, query, login, agent);
      if (res.status !== 200) throw new Error(`status ${res.status}`);
    });
    const viaPg = await sampleLatency(REQUESTS, WARMUP, async () => {
      await pg.query(sql, args());
    });
    const f = (x: number) => x.toFixed(2).padStart(8);
    console.log(
      `\n${REQUESTS} requests each, after ${WARMUP} warm-up, same process, same database (${TASKS} tasks, ${PROGRAMMES} programmes):`,
    );
    console.log(`                          p50 ms   p99 ms  mean ms`);
    console.log(`HTTP /tasks/buckets     ${f(viaHttp.p50)} ${f(viaHttp.p99)} ${f(viaHttp.mean)}`);
    console.log(`direct SQL (pg loop)    ${f(viaPg.p50)} ${f(viaPg.p99)} ${f(viaPg.mean)}`);
    console.log(
      `ratio HTTP / SQL        ${f(viaHttp.p50 / viaPg.p50)} ${f(viaHttp.p99 / viaPg.p99)}   (goal ≤ 2; p99 < 50 ms: ${viaHttp.p99 < 50 ? 'met' : 'NOT met'})`,
    );
    agent.destroy();
  } finally {
    await pg.end().catch(() => undefined);
    await app.close();
    temporal.child.kill('SIGTERM');
  }
}

function subtree(units: Array<{ id: string; parent_id: string | null }>, root: string): string[] {
  const children = new Map<string, string[]>();
  for (const u of units) if (u.parent_id) children.set(u.parent_id, [...(children.get(u.parent_id) ?? []), u.id]);
  const out: string[] = [];
  const stack = [root];
  while (stack.length) {
    const id = stack.pop()!;
    out.push(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(`bench failed: ${(err as Error).stack ?? err}`);
    process.exit(1);
  },
);
