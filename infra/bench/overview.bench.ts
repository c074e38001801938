/**
 * Benchmark of the supervision overview: 1,000 programmes and 100,000 tasks in a dedicated database,
 * the overview endpoint timed over HTTP (the real Nest app, auth and scoping included) beside the
 * very same SQL run in a plain `pg` loop, in one run. Prints p50/p99 of both and their ratio
 * (goal: ratio <= 2, endpoint p99 < 50 ms). Run it with `npm run bench:overview`. The database name ends in
 * _test because only such databases may be dropped and made again (libs/persistence ensure-database).
 */
import * as net from 'node:net';
import { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { loadApiConfig } from '../../apps/api/src/api.config';
import { hashPassword } from '../../apps/api/src/auth/auth.service';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { OverviewService } from '../../apps/api/src/supervision/overview.service';
import type { Scope as SupervisionScope } from '../../apps/api/src/access';
import { migrate, recreateDatabase } from '../../libs/persistence/src';
import { formatMs, sampleLatency } from './stats';
import { DevServer, startTemporalDevServer } from '../../test/utils/temporal-dev-server';

const DATABASE_URL =
  process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/action_programmes_bench_overview_test';
const PROGRAMMES = 1_000;
const TASKS_PER_PROGRAMME = 100;
const DISTRICTS = 10;
const DEPARTMENTS = 8;
const WARM_UP = 30;
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 300);
const PASSWORD = 'bench-password';

/** Units, people, 1,000 programmes (100 provincial, 90 per district), 100,000 tasks, one closed review each. */
async function load(db: Client): Promise<void> {
  const hash = await hashPassword(PASSWORD);
  await db.query('BEGIN');
  await db.query(`INSERT INTO org_unit (id, name, kind, parent_id) VALUES ('b-tu', 'Tỉnh ủy (benchmark)', 'PROVINCIAL_COMMITTEE', NULL),
    ('b-btv', 'Ban Thường vụ', 'STANDING_COMMITTEE', 'b-tu'), ('b-bcsd', 'Ban cán sự Đảng UBND', 'PEOPLES_COMMITTEE_DELEGATION', 'b-tu')`);
  await db.query(
    `INSERT INTO org_unit (id, name, kind, parent_id) SELECT 'b-sở-' || d, 'Sở ' || d, 'DEPARTMENT', 'b-bcsd' FROM generate_series(1, ${DEPARTMENTS}) d`,
  );
  await db.query(
    `INSERT INTO org_unit (id, name, kind, parent_id) SELECT 'b-huyện-' || d, 'Huyện ủy ' || d, 'DISTRICT_COMMITTEE', 'b-tu' FROM generate_series(1, ${DISTRICTS}) d`,
  );
  await db.query(`INSERT INTO org_unit (id, name, kind, parent_id) SELECT 'b-xã-' || d || '-' || x, 'Đảng ủy xã ' || d || '-' || x, 'GRASSROOTS_ORGANISATION', 'b-huyện-' || d
    FROM generate_series(1, ${DISTRICTS}) d, generate_series(1, 5) x`);
  await db.query(
    `INSERT INTO person (id, username, full_name, password_hash, unit_id, roles) VALUES
       ('b-pbt', 'bench.pbt', 'Phó Bí thư', $1, 'b-btv', '{STANDING_COMMITTEE,KEY_CADRE}'),
       ('b-huyện-1-bt', 'bench.huyen1', 'Bí thư Huyện ủy 1', $1, 'b-huyện-1', '{HEAD,STANDING_COMMITTEE}')`,
    [hash],
  );
  await db.query(`INSERT INTO person (id, username, full_name, password_hash, unit_id, roles)
    SELECT 'b-p-' || i, 'bench.p' || i, 'Cán bộ ' || i, 'x', u.id, '{STAFF}'
    FROM generate_series(0, 199) i JOIN LATERAL (SELECT id FROM org_unit WHERE id LIKE 'b-%' ORDER BY id OFFSET i % 70 LIMIT 1) u ON TRUE`);
  // Programme p: issued by the province for p < 100, else by district 1 + (p % 10).
  await db.query(`INSERT INTO programme (id, title, document_number, template_id, template_version, phase, issuing_unit_id, member_in_charge_id,
      field_group, term, implements_resolution, workflow_id, snapshot, created_by, latest_review_headline)
    SELECT 'bp-' || p, 'Chương trình ' || p, p || '-CTr', 'action-programme', 1,
      (ARRAY['IMPLEMENTATION','IMPLEMENTATION','IMPLEMENTATION','DISSEMINATION','FINAL_REVIEW','CLOSED','SURVEY','DRAFTING'])[1 + p % 8],
      CASE WHEN p < 100 THEN 'b-tu' ELSE 'b-huyện-' || (1 + p % ${DISTRICTS}) END,
      'b-p-' || (p % 40), (ARRAY['economy','party-building','society','agriculture','digital'])[1 + p % 5],
      CASE WHEN p % 4 = 0 THEN '2015-2020' ELSE '2020-2025' END, (p % 50) || '-NQ/TW', 'programme/bp-' || p, '{}', 'b-pbt', '20/30 achieved or exceeded'
    FROM generate_series(0, ${PROGRAMMES - 1}) p`);
  // Tasks: assigned to units of the issuer's subtree (departments for the province, communes for a district).
  await db.query(`INSERT INTO task (id, workflow_id, source, programme_id, code, title, responsible_unit_id, responsible_person_id, assigner_id,
      member_in_charge_id, field_group, issuing_unit_id, status, due_at, original_due_at, done_at)
    SELECT 'bp-' || p || '/T' || k, 'task/bp-' || p || '/T' || k, 'PROGRAMME', 'bp-' || p, 'T' || k, 'Nhiệm vụ ' || k,
      CASE WHEN p < 100 THEN 'b-sở-' || (1 + k % ${DEPARTMENTS}) ELSE 'b-xã-' || (1 + p % ${DISTRICTS}) || '-' || (1 + k % 5) END,
      'b-p-' || ((p + k) % 200), 'b-pbt', 'b-p-' || (p % 40), (ARRAY['economy','party-building','society','agriculture','digital'])[1 + p % 5],
      CASE WHEN p < 100 THEN 'b-tu' ELSE 'b-huyện-' || (1 + p % ${DISTRICTS}) END,
      s.status, s.due, s.due, s.done
    FROM generate_series(0, ${PROGRAMMES - 1}) p, generate_series(1, ${TASKS_PER_PROGRAMME}) k,
      LATERAL (SELECT timestamptz '2021-01-01' + ((p * 37 + k * 11) % 1800) * interval '1 day' AS due) d,
      LATERAL (SELECT CASE (p + k) % 6 WHEN 0 THEN 'CANCELLED' WHEN 1 THEN 'IN_PROGRESS' WHEN 2 THEN 'ACCEPTED' ELSE 'DONE' END AS status,
                      d.due AS due,
                      CASE WHEN (p + k) % 6 >= 3 THEN d.due + ((k % 9) - 6) * interval '1 day' END AS done) s`);
  await db.query(`INSERT INTO programme_review (programme_id, seq, kind, period_label, opens_at, closes_at, closed_at, headline, achieved_or_exceeded, targets_total, low_target_codes)
    SELECT 'bp-' || p, 1, 'YEARLY', '2023', '2023-12-01', '2023-12-20', '2023-12-31', '20/30 achieved or exceeded', 20 + p % 10, 30,
      ARRAY(SELECT 'C' || c FROM generate_series(21 + p % 10, 30) c)
    FROM generate_series(0, ${PROGRAMMES - 1}) p`);
  await db.query(`INSERT INTO programme_target (programme_id, code, name, unit, goal, responsible_unit_id)
    SELECT 'bp-' || p, 'C' || c, 'Chỉ tiêu ' || c, '%', '{"comparator":"AT_LEAST","goal":"100"}', 'b-tu'
    FROM generate_series(0, ${PROGRAMMES - 1}) p, generate_series(1, 30) c`);
  await db.query(`INSERT INTO target_value (programme_id, target_code, review_seq, period_label, value, achievement)
    SELECT 'bp-' || p, 'C' || c, 1, '2023', CASE WHEN c > 20 + p % 10 THEN '80' ELSE '100' END,
      CASE WHEN c > 20 + p % 10 THEN 'NOT_ACHIEVED' ELSE 'ACHIEVED' END
    FROM generate_series(0, ${PROGRAMMES - 1}) p, generate_series(1, 30) c`);
  await db.query('COMMIT');
  await db.query('ANALYZE');
}

/** The SQL the overview runs for a scope, captured by running the real service against a recording stand-in. */
async function overviewSql(
  db: Client,
  scope: SupervisionScope,
  term: string,
): Promise<Array<{ sql: string; params: unknown[] }>> {
  const recorded: Array<{ sql: string; params: unknown[] }> = [];
  // The service runs its statements concurrently; one plain client takes them one after another.
  let queue: Promise<unknown> = Promise.resolve();
  const run = (sql: string, params: unknown[]) =>
    (queue = queue.then(() => db.query(sql, params))) as Promise<{ rows: unknown[] }>;
  const recorder = {
    query: async (sql: string, params: unknown[]) => (recorded.push({ sql, params }), (await run(sql, params)).rows),
  } as unknown as DataSource;
  await new OverviewService(recorder).overview(scope, term, 1, 50);
  return recorded;
}

async function main(): Promise<void> {
  console.log(`benchmark database ${DATABASE_URL}`);
  await recreateDatabase(DATABASE_URL);
  await migrate(DATABASE_URL);
  const db = new Client({ connectionString: DATABASE_URL });
  await db.connect();
  const t0 = Date.now();
  await load(db);
  const [{ programmes }] = (await db.query('SELECT count(*)::int AS programmes FROM programme')).rows;
  const [{ tasks }] = (await db.query('SELECT count(*)::int AS tasks FROM task')).rows;
  console.log(`loaded ${programmes} programmes, ${tasks} tasks in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  // The API needs a Temporal server at boot: BENCH_TEMPORAL_ADDRESS when given, else the tests' dev server.
  const server: DevServer | null = process.env.BENCH_TEMPORAL_ADDRESS ? null : await startTemporalDevServer();
  const address = process.env.BENCH_TEMPORAL_ADDRESS ?? (server as DevServer).address;
  let app: INestApplication | null = null;
  try {
    app = await createApiApp(
      loadApiConfig({ ...process.env, DATABASE_URL, TEMPORAL_ADDRESS: address, LOG_LEVEL: 'silent', API_PORT: '3000' }),
    );
    await app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as net.AddressInfo).port}`;
    const login = async (username: string) => {
      const res = await fetch(`${base}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: PASSWORD }),
      });
      if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
      return ((await res.json()) as { accessToken: string }).accessToken;
    };
    const units = (await db.query(`SELECT id, parent_id AS "parentId" FROM org_unit`)).rows as Array<{
      id: string;
      parentId: string | null;
    }>;
    const subtree = (root: string) =>
      units
        .filter((u) => {
          for (let cur: string | null | undefined = u.id; cur; cur = units.find((x) => x.id === cur)?.parentId)
            if (cur === root) return true;
          return false;
        })
        .map((u) => u.id);

    const cases = [
      {
        name: 'district supervisor (1 district: 90 programmes, ~9,000 tasks)',
        user: 'bench.huyen1',
        scope: { kind: 'UNITS', unitIds: subtree('b-huyện-1'), committee: { id: 'b-huyện-1', name: '' } },
      },
      {
        name: 'provincial supervisor (whole province: 1,000 programmes, 100,000 tasks)',
        user: 'bench.pbt',
        scope: { kind: 'UNITS', unitIds: subtree('b-tu'), committee: { id: 'b-tu', name: '' } },
      },
    ] as const;
    const term = '2020-2025';
    for (const c of cases) {
      const token = await login(c.user);
      const url = `${base}/supervision/overview?term=${term}`;
      const check = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
      if (check.status !== 200) throw new Error(`overview answered ${check.status}: ${await check.text()}`);
      const body = (await check.json()) as { tasks: { total: { total: number } } };
      // The counts come from task_count (kept by triggers): they must match counting task itself.
      const [{ direct }] = (
        await db.query(
          `SELECT count(*)::int AS direct FROM task t WHERE (t.issuing_unit_id = ANY($1) OR t.responsible_unit_id = ANY($1))
           AND t.status <> 'CANCELLED' AND t.programme_id IN (SELECT p.id FROM programme p WHERE p.term = $2)`,
          [c.scope.unitIds, term],
        )
      ).rows;
      if (direct !== body.tasks.total.total)
        throw new Error(`overview counted ${body.tasks.total.total} tasks, task holds ${direct}`);
      const statements = await overviewSql(db, c.scope as SupervisionScope, term);
      const http = await sampleLatency(SAMPLES, WARM_UP, async () => {
        const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
        await res.arrayBuffer();
      });
      const raw = await sampleLatency(SAMPLES, WARM_UP, async () => {
        for (const s of statements) await db.query(s.sql, s.params);
      });
      console.log(`\n${c.name}: ${body.tasks.total.total} tasks counted, ${statements.length} SQL statements`);
      console.log(
        `  endpoint over HTTP : p50 ${formatMs(http.p50)}  p99 ${formatMs(http.p99)}  mean ${formatMs(http.mean)}  (${SAMPLES} requests)`,
      );
      console.log(
        `  raw SQL (pg loop)  : p50 ${formatMs(raw.p50)}  p99 ${formatMs(raw.p99)}  mean ${formatMs(raw.mean)}`,
      );
      console.log(
        `  ratio endpoint/raw : p50 ${(http.p50 / raw.p50).toFixed(2)}  p99 ${(http.p99 / raw.p99).toFixed(2)}  (goal <= 2; endpoint p99 goal < 50 ms: ${http.p99 < 50 ? 'met' : 'NOT met'})`,
      );
    }
  } finally {
    await app?.close();
    await db.end();
    await server?.stop();
  }
}

main().catch((err) => {
  console.error(`overview benchmark failed: ${(err as Error).stack ?? err}`);
  process.exit(1);
});
