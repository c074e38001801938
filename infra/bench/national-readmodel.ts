/**
 * The national read model: 34 provinces, their communes, people, programmes and tasks generated in
 * SQL in a database of their own, then the supervision reads (overview, task buckets, the task and
 * programme drill-down lists) timed through the real API over HTTP at province and country scope,
 * beside the very statements the services run, replayed with a plain `pg` client.
 */
import * as net from 'node:net';
import { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { Role } from '@app/domain';
import { AccessService, TaskAccessService } from '../../apps/api/src/access';
import { loadApiConfig } from '../../apps/api/src/api.config';
import { hashPassword } from '../../apps/api/src/auth/auth.service';
import type { Principal } from '../../apps/api/src/auth/principal';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { OverviewService } from '../../apps/api/src/supervision/overview.service';
import { TaskSupervisionService } from '../../apps/api/src/tasks/task-supervision.service';
import type { SupervisionListQuery } from '../../apps/api/src/tasks/dto/supervision.query';
import type { TaskBucketsQuery } from '../../apps/api/src/tasks/dto/supervision.query';
import { migrate, recreateDatabase } from '../../libs/persistence/src';
import { startTemporalDevServer } from '../../test/utils/temporal-dev-server';
import { goal, heading, load, NATIONAL_DATABASE_URL, recordingDataSource, SIZE } from './national-common';
import { unevenSplit } from './national-plan';
import { formatMs, summarise, timed } from './stats';

const PASSWORD = 'bench-password';
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 200);
const WARM_UP = 20;
const DEPARTMENTS = 12;
const MEMBERS = 10;
const TERM = '2025-2030';
/** BENCH_READS=overview,programme list: only the cases named (all when unset). */
const ONLY = process.env.BENCH_READS?.split(',').map((n) => n.trim());

/** Units, people, programmes and tasks of the whole country, in one transaction. */
export async function generateCountry(db: Client): Promise<void> {
  const communes = unevenSplit(SIZE.communes, SIZE.provinces);
  const hash = await hashPassword(PASSWORD);
  await db.query('BEGIN');
  // Provinces n1 (largest) … n34; each: Standing Committee, People's Committee delegation, departments, communes.
  await db.query(
    `CREATE UNLOGGED TABLE bench_province AS
    SELECT p::int AS p, n::int AS communes FROM unnest($1::int[]) WITH ORDINALITY AS s(n, p)`,
    [communes],
  );
  await db.query(`INSERT INTO org_unit (id, name, kind, parent_id)
    SELECT 'n' || p, 'Tỉnh ủy ' || p, 'PROVINCIAL_COMMITTEE', NULL FROM bench_province
    UNION ALL SELECT 'n' || p || '-btv', 'Ban Thường vụ Tỉnh ủy ' || p, 'STANDING_COMMITTEE', 'n' || p FROM bench_province
    UNION ALL SELECT 'n' || p || '-bcs', 'Ban cán sự Đảng UBND tỉnh ' || p, 'PEOPLES_COMMITTEE_DELEGATION', 'n' || p FROM bench_province`);
  // bench_unit numbers the units staff work in (departments, then communes), province by province.
  await db.query(`CREATE UNLOGGED TABLE bench_unit AS
    SELECT (row_number() OVER (ORDER BY p, kind, k))::int AS idx, * FROM (
      SELECT p, 'D' AS kind, d AS k, 'n' || p || '-s' || d AS id FROM bench_province, generate_series(1, ${DEPARTMENTS}) d
      UNION ALL SELECT p, 'X', x, 'n' || p || '-x' || x FROM bench_province, generate_series(1, communes) x) u`);
  await db.query(`INSERT INTO org_unit (id, name, kind, parent_id)
    SELECT id, CASE kind WHEN 'D' THEN 'Sở ' || k || ' tỉnh ' || p ELSE 'Đảng ủy xã ' || k || ' tỉnh ' || p END,
      CASE kind WHEN 'D' THEN 'DEPARTMENT' ELSE 'COMMUNE_COMMITTEE' END,
      CASE kind WHEN 'D' THEN 'n' || p || '-bcs' ELSE 'n' || p END
    FROM bench_unit ORDER BY idx`);
  await db.query(`CREATE UNLOGGED TABLE bench_range AS
    SELECT p, min(idx) AS first, count(*)::int AS units, min(idx) FILTER (WHERE kind = 'X') AS first_commune, communes
    FROM bench_unit JOIN bench_province USING (p) GROUP BY p, communes`);
  const [{ units }] = (await db.query('SELECT count(*)::int AS units FROM bench_unit')).rows;
  // Staff: person i works in unit (i mod units) + 1, about 15 a unit; Standing Committee members per province.
  await db.query(`INSERT INTO person (id, username, full_name, password_hash, unit_id, roles)
    SELECT 'n-u' || i, 'bench.u' || i, 'Cán bộ ' || i, 'x', u.id, '{STAFF}'
    FROM generate_series(0, ${SIZE.people - 1}) i JOIN bench_unit u ON u.idx = i % ${units} + 1`);
  await db.query(
    `INSERT INTO person (id, username, full_name, password_hash, unit_id, roles)
     SELECT 'n' || p || '-m' || m, 'bench.n' || p || '.m' || m, 'Ủy viên Ban Thường vụ ' || m || ' tỉnh ' || p,
       CASE WHEN m = 1 THEN $1 ELSE 'x' END, 'n' || p || '-btv', '{STANDING_COMMITTEE,KEY_CADRE}'::text[]
     FROM bench_province, generate_series(1, ${MEMBERS}) m
     UNION ALL SELECT 'n-admin', 'bench.admin', 'Quản trị hệ thống', $1, 'n1', '{SYSTEM_ADMIN}'::text[]`,
    [hash],
  );
  // Programmes: one in seven issued by a provincial committee, the rest by a commune; a province's
  // share follows its size. 40% of the 2020-2025 term (mostly closed), 60% of 2025-2030 (mostly implementing).
  await db.query(`CREATE UNLOGGED TABLE bench_commune AS
    SELECT (row_number() OVER (ORDER BY idx))::int AS c, idx, p, id FROM bench_unit WHERE kind = 'X'`);
  await db.query(`CREATE UNLOGGED TABLE bench_prog AS
    SELECT k, 'np' || k AS id, x.p, k % 7 = 0 AS provincial, CASE WHEN k % 7 = 0 THEN 'n' || x.p ELSE x.id END AS issuing,
      x.idx AS commune_idx, CASE WHEN k % 5 < 2 THEN '2020-2025' ELSE '2025-2030' END AS term,
      'n' || x.p || '-m' || (1 + k % ${MEMBERS}) AS member,
      (ARRAY['economy','party-building','society','agriculture','digital','defence'])[1 + k % 6] AS field
    FROM generate_series(0, ${SIZE.programmes - 1}) k
    JOIN bench_commune x ON x.c = 1 + (k::bigint * 7919) % ${SIZE.communes}`);
  await db.query('CREATE UNIQUE INDEX ON bench_prog (k)');
  await db.query(`INSERT INTO programme (id, title, document_number, template_id, template_version, phase, phase_deadline, issuing_unit_id,
      member_in_charge_id, field_group, term, implements_resolution, workflow_id, snapshot, created_by, latest_review_headline)
    SELECT id, 'Chương trình hành động ' || k, k || '-CTr/' || issuing, 'action-programme', 1,
      CASE WHEN term = '2020-2025' THEN (ARRAY['CLOSED','CLOSED','CLOSED','FINAL_REVIEW'])[1 + k % 4]
           ELSE (ARRAY['IMPLEMENTATION','IMPLEMENTATION','IMPLEMENTATION','IMPLEMENTATION','DISSEMINATION','DRAFTING','SURVEY','CONSULTATION'])[1 + k % 8] END,
      CASE WHEN term = '2020-2025' AND k % 4 <> 3 THEN NULL ELSE now() + ((k % 150) - 30) * interval '1 day' END,
      issuing, member, field, term, (ARRAY['57-NQ/TW','66-NQ/TW','68-NQ/TW','59-NQ/TW'])[1 + k % 4],
      'programme/' || id, '{}', member, NULL
    FROM bench_prog ORDER BY k`);
  // Tasks spread over the programmes; due dates over the term; statuses by whether the due date has passed.
  await db.query(`INSERT INTO task (id, workflow_id, source, programme_id, code, title, responsible_unit_id, responsible_person_id, assigner_id,
      member_in_charge_id, field_group, issuing_unit_id, status, due_at, original_due_at, progress_percent, done_at)
    SELECT b.id || '/T' || g, 'task/' || b.id || '/T' || g, 'PROGRAMME', b.id, 'T' || g, 'Nhiệm vụ ' || g,
      ru.id, 'n-u' || (r.idx - 1 + ${units} * (g % GREATEST(1, ${Math.floor(SIZE.people / units)}))),
      b.member, b.member, b.field, b.issuing, s.status, d.due, d.due, CASE WHEN s.status = 'DONE' THEN 100 ELSE (g % 9) * 10 END, s.done
    FROM generate_series(0, ${SIZE.tasks - 1}) g
    JOIN bench_prog b ON b.k = g % ${SIZE.programmes}
    JOIN bench_range rg ON rg.p = b.p
    CROSS JOIN LATERAL (SELECT CASE WHEN b.provincial THEN rg.first + (g / ${SIZE.programmes}) % rg.units ELSE b.commune_idx END AS idx) r
    JOIN bench_unit ru ON ru.idx = r.idx
    CROSS JOIN LATERAL (SELECT (g::bigint * 2654435761) % 100 AS h,
      CASE WHEN b.term = '2020-2025' THEN timestamptz '2021-01-01 17:00+07' + ((g * 37) % 1825) * interval '1 day'
           ELSE timestamptz '2025-07-01 17:00+07' + ((g * 37) % 1900) * interval '1 day' END AS due) d
    CROSS JOIN LATERAL (SELECT
      CASE WHEN d.due < now() THEN (CASE WHEN d.h < 85 THEN 'DONE' WHEN d.h < 95 THEN 'IN_PROGRESS' ELSE 'CANCELLED' END)
           ELSE (CASE WHEN d.h < 15 THEN 'DONE' WHEN d.h < 95 THEN (ARRAY['ASSIGNED','ACCEPTED','IN_PROGRESS','SUBMITTED'])[1 + d.h % 4] ELSE 'CANCELLED' END) END AS status,
      CASE WHEN d.due < now() AND d.h < 70 THEN d.due - (d.h % 20) * interval '1 day'
           WHEN d.due < now() AND d.h < 85 THEN d.due + (1 + d.h % 30) * interval '1 day'
           WHEN d.due >= now() AND d.h < 15 THEN now() - (1 + d.h) * interval '1 day' END AS done) s`);
  await db.query('DROP TABLE bench_prog, bench_commune, bench_range, bench_unit, bench_province');
  await db.query('COMMIT');
  await db.query('VACUUM ANALYZE');
}

interface Case {
  name: string;
  path: string;
  /** Runs the service as the controller does, on the given data source. */
  service: (ds: ReturnType<typeof recordingDataSource>['dataSource']) => Promise<unknown>;
}

async function principalOf(db: Client, username: string): Promise<Principal> {
  const [row] = (
    await db.query(
      `SELECT id AS "personId", unit_id AS "unitId", roles, username, full_name AS "fullName" FROM person WHERE username = $1`,
      [username],
    )
  ).rows;
  return row as Principal;
}

/** What the generated country holds, read back from the database. */
async function countsOf(db: Client): Promise<Record<string, number | string>> {
  return (
    await db.query(`SELECT (SELECT count(*) FROM org_unit WHERE kind = 'PROVINCIAL_COMMITTEE')::int AS provinces,
      (SELECT count(*) FROM org_unit WHERE kind = 'COMMUNE_COMMITTEE')::int AS communes, (SELECT count(*) FROM person)::int AS people,
      (SELECT count(*) FROM programme)::int AS programmes, (SELECT count(*) FROM task)::int AS tasks,
      (SELECT count(*) FROM task_count)::int AS counts, pg_size_pretty(pg_database_size(current_database())) AS size`)
  ).rows[0];
}

/** Whether `counts` are those `generateCountry` makes at this scale (staff plus each province's members and one admin). */
function holdsTheCountry(counts: Record<string, number | string>): boolean {
  return (
    counts.provinces === SIZE.provinces &&
    counts.communes === SIZE.communes &&
    counts.people === SIZE.people + SIZE.provinces * MEMBERS + 1 &&
    counts.programmes === SIZE.programmes &&
    counts.tasks === SIZE.tasks
  );
}

/**
 * The database to read: with BENCH_REUSE_DB=1 the one a previous run left (migrated to the current
 * schema) when it holds the expected counts; otherwise made again and generated (minutes at full scale).
 */
async function prepareDatabase(): Promise<Client> {
  const reuse = process.env.BENCH_REUSE_DB === '1';
  if (!reuse) await recreateDatabase(NATIONAL_DATABASE_URL);
  const t0 = Date.now();
  const applied = await migrate(NATIONAL_DATABASE_URL);
  if (applied.length) console.log(`applied ${applied.join(', ')} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  let db = new Client({ connectionString: NATIONAL_DATABASE_URL });
  await db.connect();
  if (reuse) {
    const counts = await countsOf(db);
    if (holdsTheCountry(counts)) {
      await db.query('ANALYZE');
      console.log(`reused: ${JSON.stringify(counts)}`);
      return db;
    }
    console.log(`not reused (holds ${JSON.stringify(counts)}): generating it again`);
    await db.end();
    await recreateDatabase(NATIONAL_DATABASE_URL);
    await migrate(NATIONAL_DATABASE_URL);
    db = new Client({ connectionString: NATIONAL_DATABASE_URL });
    await db.connect();
  }
  const t1 = Date.now();
  await generateCountry(db);
  const counts = await countsOf(db);
  console.log(
    `generated ${counts.provinces} provinces, ${counts.communes} communes, ${counts.people} people, ${counts.programmes} programmes, ` +
      `${counts.tasks} tasks (${counts.counts} task_count rows), database ${counts.size}, in ${((Date.now() - t1) / 1000).toFixed(1)} s`,
  );
  return db;
}

/**
 * A signed-in user's access token, signed in again before it nears its end: a full-scale run takes
 * longer than a token lives (JWT_TTL_SECONDS, 10 minutes by default).
 */
class Session {
  private token = '';
  private since = 0;

  constructor(
    private readonly base: string,
    private readonly username: string,
    private readonly renewAfterMs: number,
  ) {}

  async headers(): Promise<{ authorization: string }> {
    if (!this.token || Date.now() - this.since > this.renewAfterMs) {
      const res = await fetch(`${this.base}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: this.username, password: PASSWORD }),
      });
      if (res.status !== 200) throw new Error(`login ${this.username}: ${res.status}`);
      this.token = ((await res.json()) as { accessToken: string }).accessToken;
      this.since = Date.now();
    }
    return { authorization: `Bearer ${this.token}` };
  }
}

export async function readModel(): Promise<void> {
  heading('read model: supervision reads at province and country scope');
  console.log(`database ${NATIONAL_DATABASE_URL}${process.env.BENCH_REUSE_DB === '1' ? ' (BENCH_REUSE_DB=1)' : ''}`);
  const db = await prepareDatabase();
  const server = process.env.BENCH_TEMPORAL_ADDRESS ? null : await startTemporalDevServer();
  let app: INestApplication | null = null;
  try {
    const address = process.env.BENCH_TEMPORAL_ADDRESS ?? server!.address;
    const config = loadApiConfig({
      ...process.env,
      DATABASE_URL: NATIONAL_DATABASE_URL,
      TEMPORAL_ADDRESS: address,
      LOG_LEVEL: 'silent',
      API_PORT: '3000',
    });
    app = await createApiApp(config);
    await app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as net.AddressInfo).port}`;
    const access = app.get(AccessService);
    const taskAccess = app.get(TaskAccessService);
    const results: string[] = [];
    for (const who of [
      { label: 'province (largest, n1)', username: 'bench.n1.m1' },
      { label: 'country (system admin)', username: 'bench.admin' },
    ]) {
      const principal = await principalOf(db, who.username);
      if (who.username === 'bench.admin' && !principal.roles.includes(Role.SYSTEM_ADMIN)) throw new Error('no admin');
      // Signed in again at half a token's life, so no request meets an expired one.
      const session = new Session(base, who.username, (config.JWT_TTL_SECONDS * 1000) / 2);
      const scope = await access.scope(principal);
      // The floor every read stands on: an authenticated request that reads nothing more (the session row).
      const floor: number[] = [];
      for (let i = 0; i < WARM_UP + SAMPLES; i++) {
        const headers = await session.headers();
        const ms = await timed(async () => (await fetch(`${base}/auth/me`, { headers })).arrayBuffer());
        if (i >= WARM_UP) floor.push(ms);
      }
      const me = summarise(floor);
      console.log(
        `${who.label.padEnd(24)} ${'GET /auth/me'.padEnd(20)} HTTP p50 ${formatMs(me.p50).padStart(10)} p99 ${formatMs(me.p99).padStart(10)}` +
          `   (authentication and the HTTP stack alone; load ${load()})`,
      );
      const cases: Case[] = [
        {
          name: 'overview',
          path: `/supervision/overview?term=${TERM}&page=1&pageSize=50`,
          service: (ds) => new OverviewService(ds).overview(scope, TERM, 1, 50),
        },
        {
          name: 'task buckets by unit',
          path: '/tasks/buckets?groupBy=unit&page=1&pageSize=100',
          service: (ds) =>
            new TaskSupervisionService(ds, taskAccess).buckets(
              { groupBy: 'unit', page: 1, pageSize: 100 } as TaskBucketsQuery,
              principal,
            ),
        },
        {
          name: 'overdue task list',
          path: '/tasks/supervision?bucket=OPEN_OVERDUE&page=1&pageSize=50',
          service: (ds) =>
            new TaskSupervisionService(ds, taskAccess).list(
              { bucket: 'OPEN_OVERDUE', page: 1, pageSize: 50, sort: 'dueAt' } as SupervisionListQuery,
              principal,
            ),
        },
        {
          name: 'programme list',
          path: `/supervision/programmes?term=${TERM}&page=1&pageSize=50`,
          service: (ds) => new OverviewService(ds).programmes(scope, TERM, undefined, 1, 50),
        },
      ];
      for (const c of cases.filter((k) => !ONLY || ONLY.includes(k.name))) {
        const url = `${base}${c.path}`;
        const probe = await fetch(url, { headers: await session.headers() });
        if (probe.status !== 200) throw new Error(`${c.path} answered ${probe.status}: ${await probe.text()}`);
        const body = JSON.stringify(await probe.json());
        const recorded = recordingDataSource(db);
        const direct = JSON.stringify(await c.service(recorded.dataSource));
        // The same answer both ways (the moment of asking aside), so the two timings measure the same work.
        const strip = (s: string) => s.replace(/"asOf":"[^"]+"|"(dueInDays|overdueDays)":-?\d+/g, '');
        if (strip(direct) !== strip(body))
          throw new Error(`${c.name}: the service's answer differs from the endpoint's`);
        if (process.env.BENCH_EXPLAIN)
          for (const st of recorded.statements) {
            const plan = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${st.sql}`, st.params);
            console.log(`--- ${who.label} ${c.name}\n${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}`);
          }
        // Interleaved, one HTTP request then one replay of the statements: a shared machine's load falls on both alike.
        const httpMs: number[] = [];
        const rawMs: number[] = [];
        // The token is renewed outside the timed request: a sign-in is not part of the read.
        const viaHttp = async (headers: { authorization: string }) => {
          const res = await fetch(url, { headers });
          if (res.status !== 200) throw new Error(`${c.path} answered ${res.status}: ${await res.text()}`);
          return res.arrayBuffer();
        };
        const viaSql = async () => {
          for (const s of recorded.statements) await db.query(s.sql, s.params);
        };
        for (let i = 0; i < WARM_UP; i++) {
          await viaHttp(await session.headers());
          await viaSql();
        }
        for (let i = 0; i < SAMPLES; i++) {
          const headers = await session.headers();
          httpMs.push(await timed(() => viaHttp(headers)));
          rawMs.push(await timed(viaSql));
        }
        const http = summarise(httpMs);
        const raw = summarise(rawMs);
        const ratio = http.p99 / raw.p99;
        results.push(
          `${who.label.padEnd(24)} ${c.name.padEnd(20)} HTTP p50 ${formatMs(http.p50).padStart(10)} p99 ${formatMs(http.p99).padStart(10)}` +
            `   SQL p50 ${formatMs(raw.p50).padStart(10)} p99 ${formatMs(raw.p99).padStart(10)}   ratio p50 ${(http.p50 / raw.p50).toFixed(2)} p99 ${ratio.toFixed(2)}` +
            `   [${recorded.statements.length} stmt; p99 < 50 ms ${goal(http.p99 < 50)}, <= 2x SQL ${goal(ratio <= 2)}; load ${load()}]`,
        );
        console.log(results[results.length - 1]);
      }
    }
    console.log(
      `(${SAMPLES} requests each after ${WARM_UP} warm-up; interleaved with the statements replayed one after another on one pg client)`,
    );
  } finally {
    await app?.close();
    await db.end();
    await server?.stop();
  }
}
