import { randomUUID } from 'node:crypto';
import { CSV_PAGE_ROWS } from '../apps/api/src/supervision/csv.util';
import { FX, seedSupervisionFixtures } from './utils/supervision-fixtures';
import { startTestStack, TestStack } from './utils/test-stack';

/**
 * Per-person limits on costly requests (CSV exports, report generation, bulk reassignment) and the
 * shape of CSV exports (formula cells neutralised, 5,000-row pages), through the real API, Redis and
 * Postgres. The limits are set small here; the defaults stay far above what other tests send.
 */
describe('limits on costly requests and safe CSV exports (e2e)', () => {
  let api: TestStack;
  const saved = { ...process.env };
  const run = randomUUID().slice(0, 8);
  const copyIds = (n: number) => `rl-${run}-${String(n).padStart(5, '0')}`;
  const reportIds: string[] = [];

  beforeAll(async () => {
    Object.assign(process.env, {
      RATE_LIMIT_EXPORTS_PER_MINUTE: '3',
      RATE_LIMIT_REPORTS_PER_HOUR: '1',
      RATE_LIMIT_BULK_PER_HOUR: '1',
      // Counts of this file's own: no other test file's requests share them.
      QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}-limits-${run}`,
    });
    api = await startTestStack();
    await seedSupervisionFixtures(api.dataSource);
  });

  afterAll(async () => {
    // Other test files read the same fixtures: what this one added goes again.
    if (api) {
      await api.dataSource.query(`DELETE FROM programme WHERE id LIKE $1`, [`rl-${run}-%`]);
      if (reportIds.length) await api.dataSource.query(`DELETE FROM programme_report WHERE id = ANY($1)`, [reportIds]);
      await api.close();
    }
    process.env = saved;
  });

  const auth = async (username: string) => ({ Authorization: `Bearer ${await api.login(username)}` });
  const get = async (username: string, url: string) =>
    api
      .http()
      .get(url)
      .set(await auth(username));
  const csvLines = (text: string) => text.slice(1).trimEnd().split('\r\n');

  /** Copies of programme 123 (same committee and term), with the given titles. */
  async function addProgrammes(titles: string[], from = 0) {
    await api.dataSource.query(
      `INSERT INTO programme
       SELECT (jsonb_populate_record(NULL::programme, to_jsonb(p) || jsonb_build_object('id', c.id, 'title', c.title))).*
         FROM programme p, unnest($2::text[], $3::text[]) AS c(id, title) WHERE p.id = $1`,
      [FX.programme123, titles.map((_, i) => copyIds(from + i)), titles],
    );
  }

  function expectRetryLater(res: { status: number; headers: Record<string, string>; body: { message: string } }) {
    expect(res.status).toBe(429);
    const seconds = Number(res.headers['retry-after']);
    expect(Number.isInteger(seconds) && seconds >= 1).toBe(true);
    return { seconds, message: res.body.message };
  }

  it('writes text cells a spreadsheet would run as formulas with a leading quote', async () => {
    await addProgrammes(['=HYPERLINK("http://evil.example","Bấm")', '+1+1', '-5', '@SUM(A1)', 'Kế hoạch -2'], 0);
    const csv = await get('fx.pbt', `/supervision/programmes?format=csv&term=${FX.term}`);
    expect(csv.status).toBe(200);
    const titles = csvLines(csv.text)
      .filter((l) => l.startsWith(`rl-${run}-`))
      .map((l) => l.split(',').slice(1, -6).join(','));
    expect(titles.sort()).toEqual(
      [`"'=HYPERLINK(""http://evil.example"",""Bấm"")"`, "'+1+1", "'-5", "'@SUM(A1)", 'Kế hoạch -2'].sort(),
    );
    await api.dataSource.query(`DELETE FROM programme WHERE id LIKE $1`, [`rl-${run}-%`]);
  });

  it(`answers at most ${CSV_PAGE_ROWS} rows a CSV file, with X-Total-Count and a Link to the next page`, async () => {
    await addProgrammes(
      Array.from({ length: CSV_PAGE_ROWS }, (_, i) => `Bản sao ${i}`),
      100,
    );
    const json = await get('fx.pbt', `/supervision/programmes?term=${FX.term}&pageSize=1`);
    const total: number = json.body.total;
    expect(total).toBeGreaterThan(CSV_PAGE_ROWS);

    const first = await get('fx.pbt', `/supervision/programmes?format=csv&term=${FX.term}`);
    expect(first.status).toBe(200);
    expect(csvLines(first.text)).toHaveLength(1 + CSV_PAGE_ROWS);
    expect(first.headers['x-total-count']).toBe(String(total));
    expect(first.headers.link).toBe(`</supervision/programmes?format=csv&term=${FX.term}&page=2>; rel="next"`);

    const second = await get('fx.pbt', `/supervision/programmes?format=csv&term=${FX.term}&page=2`);
    expect(csvLines(second.text)).toHaveLength(1 + total - CSV_PAGE_ROWS);
    expect(second.headers['x-total-count']).toBe(String(total));
    expect(second.headers.link).toBeUndefined();
    const ids = new Set(
      [...csvLines(first.text).slice(1), ...csvLines(second.text).slice(1)].map((l) => l.split(',')[0]),
    );
    expect(ids.size).toBe(total); // the two pages hold every row once
  });

  it('refuses a person CSV exports past their allowance with 429 and Retry-After; JSON and other people are not affected', async () => {
    const exportAs = (username: string) => get(username, '/supervision/overview?format=csv&list=byUnit');
    for (let i = 0; i < 3; i++) expect((await exportAs('fx.bithu')).status).toBe(200);
    const refused = await exportAs('fx.bithu');
    const { seconds, message } = expectRetryLater(refused);
    expect(seconds).toBeLessThanOrEqual(60);
    expect(message).toMatch(/too many CSV exports: at most 3 per minute; try again in \d+ s/);
    // Every CSV list shares the allowance; the JSON form of the same list does not count.
    expectRetryLater(await get('fx.bithu', '/supervision/responsiveness?format=csv'));
    expect((await get('fx.bithu', '/supervision/overview')).status).toBe(200);
    expect((await exportAs('fx.bithu.vithanh')).status).not.toBe(429);
  });

  it('refuses a second report generation within the hour; nothing is stored; another person still may', async () => {
    const generate = async (username: string) =>
      api
        .http()
        .post(`/programmes/${FX.programme123}/reports`)
        .set(await auth(username))
        .send({ reviewSeq: 1 });
    const count = async () =>
      (
        await api.dataSource.query(`SELECT count(*)::int AS n FROM programme_report WHERE programme_id = $1`, [
          FX.programme123,
        ])
      )[0].n as number;
    const created = await generate('fx.pbt');
    expect(created.status).toBe(201);
    reportIds.push(created.body.id);
    const before = await count();
    const refused = await generate('fx.pbt');
    expect(expectRetryLater(refused).message).toMatch(/too many report generations: at most 1 per hour/);
    expect(await count()).toBe(before);
    const other = await generate('fx.bithu');
    expect(other.status).toBe(201);
    reportIds.push(other.body.id);
    // Downloading a stored report is a single read: not limited.
    for (let i = 0; i < 3; i++)
      expect((await get('fx.pbt', `/programmes/${FX.programme123}/reports/${created.body.id}`)).status).toBe(200);
  });

  it('refuses a second bulk reassignment within the hour, before any task is touched', async () => {
    const bulk = async (fromPersonId: string) =>
      api
        .http()
        .post('/tasks/reassign-bulk')
        .set(await auth('fx.bithu'))
        .send({ requestId: `limits-${randomUUID()}`, fromPersonId, toPersonId: 'fx-pbt', reason: 'Luân chuyển' });
    const tasksOf = async (personId: string) =>
      (await api.dataSource.query(`SELECT id FROM task WHERE responsible_person_id = $1 ORDER BY id`, [personId])).map(
        (r: { id: string }) => r.id,
      );
    const first = await bulk('fx-tuky-bt');
    expect(first.status).toBe(200);
    const held = await tasksOf('fx-skhdt-gd');
    expect(held.length).toBeGreaterThan(0);
    expect(expectRetryLater(await bulk('fx-skhdt-gd')).message).toMatch(/too many bulk reassignments/);
    expect(await tasksOf('fx-skhdt-gd')).toEqual(held);
  });
});
