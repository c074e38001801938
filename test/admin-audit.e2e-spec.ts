import { randomUUID } from 'node:crypto';
import { AUDITED_ROUTES, NOT_AUDITED, routeKey } from '../apps/api/src/audit/audited-routes';
import { DEMO_PASSWORD } from '../apps/api/src/seed/demo-data';
import { FX, seedSupervisionFixtures } from './utils/supervision-fixtures';
import { eventually, startTestStack, TestStack } from './utils/test-stack';

interface AuditItem {
  id: string;
  occurredAt: string;
  act: string;
  route: string;
  status: number;
  error: string | null;
  personId: string | null;
  username: string | null;
  unitId: string | null;
  target: Record<string, unknown> | null;
  summary: Record<string, unknown> | null;
  responseId: string | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

/**
 * The audit of acts that are not workflow actions, over HTTP on the real stack: each audited act
 * leaves a row whether it succeeds or is refused, never with a password; an act whose row cannot be
 * written is not answered as a success; admins read everything, inspectors their committee's acts,
 * others nothing; pages and CSV slices by cursor, formula cells neutralised; the database refuses
 * to change or remove a row. And a programme's own audit trail pages, newest first on request.
 */
describe('audit of acts (e2e)', () => {
  let stack: TestStack;
  let admin: string;
  let staff: string;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const testStart = new Date().toISOString();

  const queuePrefix = process.env.QUEUE_PREFIX;

  beforeAll(async () => {
    // Queues and login counts of its own: this file's failed logins must not throttle another file's.
    process.env.QUEUE_PREFIX = `${queuePrefix}-audit`;
    stack = await startTestStack();
    await seedSupervisionFixtures(stack.dataSource);
    admin = await stack.login('admin');
    staff = await stack.login('chuyenvien.hg');
  });

  afterAll(async () => {
    await stack?.close();
    process.env.QUEUE_PREFIX = queuePrefix;
  });

  async function audit(token: string, query: Record<string, string | number>) {
    const res = await stack.http().get('/admin/audit').query(query).set(auth(token));
    expect(res.status).toBe(200);
    return res.body as { items: AuditItem[]; nextCursor: string | null };
  }

  /** Rows of refusals are written once the answer is sent, so a read may come a moment before them. */
  function auditHas(query: Record<string, string | number>, count: number, token = admin) {
    return eventually(
      async () => {
        const { items } = await audit(token, { from: testStart, ...query });
        return items.length >= count && items;
      },
      `${count} audit rows for ${JSON.stringify(query)}`,
    );
  }

  const login = (username: string, password: string) =>
    stack.http().post('/auth/login').set('User-Agent', 'audit-e2e').send({ username, password });

  it('decides every admin and session route of the app: audited, or listed as deliberately not', () => {
    const router = stack.api.getHttpAdapter().getInstance().router as {
      stack: Array<{ route?: { path: string; methods: Record<string, boolean> } }>;
    };
    const routes = router.stack.flatMap((layer) =>
      layer.route ? Object.keys(layer.route.methods).map((m) => routeKey(m, layer.route!.path)) : [],
    );
    const adminAndAuth = routes.filter((key) => /^\w+ \/(admin|auth)[/.]/.test(key));
    expect(adminAndAuth.length).toBeGreaterThan(15);
    expect(adminAndAuth.filter((key) => !(key in AUDITED_ROUTES) && !(key in NOT_AUDITED))).toEqual([]);
  });

  it('records logins: a success with the person and their unit, a failure with the username attempted, never a password', async () => {
    expect((await login('bithu.hg', DEMO_PASSWORD)).status).toBe(200);
    expect((await login('no-such-person', 'guess-one-123')).status).toBe(401);
    expect((await login('bithu.hg', 'guess-two-456')).status).toBe(401);

    const [success] = await auditHas({ act: 'auth.login', person: 'hg-bithu' }, 1);
    expect(success).toMatchObject({
      act: 'auth.login',
      route: 'POST /auth/login',
      status: 200,
      error: null,
      personId: 'hg-bithu',
      username: 'bithu.hg',
      unitId: 'hg-tu',
      summary: { username: 'bithu.hg' },
      userAgent: 'audit-e2e',
    });
    expect(success.ip).toMatch(/127\.0\.0\.1|::1/);
    expect(Date.parse(success.occurredAt)).toBeGreaterThanOrEqual(Date.parse(testStart) - 5000);

    const [unknown] = await auditHas({ act: 'auth.login', person: 'no-such-person' }, 1);
    expect(unknown).toMatchObject({ status: 401, personId: null, username: 'no-such-person', unitId: null });
    expect(unknown.error).toMatch(/^UnauthorizedException: /);
    const wrongPassword = await auditHas({ act: 'auth.login', person: 'bithu.hg', outcome: 'failed' }, 1);
    expect(wrongPassword[0]).toMatchObject({ status: 401, personId: null, username: 'bithu.hg' });

    const [{ leaks }] = await stack.dataSource.query(
      `SELECT count(*)::int AS leaks FROM admin_audit WHERE row_to_json(admin_audit)::text ~ $1`,
      [`${DEMO_PASSWORD}|guess-one-123|guess-two-456`],
    );
    expect(leaks).toBe(0);
  });

  it('records admin changes with who, what and the id created, and refused attempts by non-admins', async () => {
    const put = await stack
      .http()
      .put('/admin/calendar/2033')
      .set(auth(admin))
      .send({
        holidays: [{ date: '2033-01-01', name: 'Tết Dương lịch' }],
        substituteDaysOff: [],
        makeUpWorkingDays: [],
      });
    expect(put.status).toBe(200);
    const byStaff = await stack.http().put('/admin/calendar/2033').set(auth(staff)).send({ holidays: [] });
    expect(byStaff.status).toBe(403);

    const allowed = await stack
      .http()
      .post('/admin/notifications/webhook-allowlist')
      .set(auth(admin))
      .send({ urlPrefix: 'https://203.162.4.190/audit-e2e/', note: 'audit test' });
    expect(allowed.status).toBe(201);
    const secret = `s-${randomUUID()}-${randomUUID()}`;
    const hook = await stack
      .http()
      .put('/admin/notifications/unit-webhooks/hg-ubkt')
      .set(auth(admin))
      .send({ url: 'https://203.162.4.190/audit-e2e/ubkt', secret });
    expect(hook.status).toBe(200);
    expect((await stack.http().delete('/admin/notifications/unit-webhooks/hg-ubkt').set(auth(admin))).status).toBe(204);
    const removed = await stack
      .http()
      .delete(`/admin/notifications/webhook-allowlist/${allowed.body.id}`)
      .set(auth(admin));
    expect(removed.status).toBe(204);
    const retried = await stack
      .http()
      .post('/admin/notifications/failed/retry')
      .set(auth(admin))
      .send({ queue: 'notification-email' });
    expect(retried.status).toBe(200);

    const calendar = await auditHas({ act: 'calendar.update' }, 2);
    expect(calendar.find((r) => r.personId === 'admin')).toMatchObject({
      status: 200,
      username: 'admin',
      unitId: null, // administration is tied to no unit: admins alone read it
      route: 'PUT /admin/calendar/:year',
      target: { year: '2033' },
      summary: { holidays: [{ date: '2033-01-01', name: 'Tết Dương lịch' }], substituteDaysOff: [] },
    });
    expect(calendar.find((r) => r.username === 'chuyenvien.hg')).toMatchObject({
      status: 403,
      personId: 'hg-cv1',
      summary: { holidays: [] },
    });
    const [add] = await auditHas({ act: 'webhook.allowlist.add' }, 1);
    expect(add).toMatchObject({
      status: 201,
      responseId: allowed.body.id,
      summary: { urlPrefix: 'https://203.162.4.190/audit-e2e/', note: 'audit test' },
    });
    const [set] = await auditHas({ act: 'webhook.set' }, 1);
    expect(set).toMatchObject({
      target: { unitId: 'hg-ubkt' },
      summary: { url: 'https://203.162.4.190/audit-e2e/ubkt' },
    });
    expect(JSON.stringify(set)).not.toContain(secret);
    expect((await auditHas({ act: 'webhook.remove' }, 1))[0].target).toEqual({ unitId: 'hg-ubkt' });
    expect((await auditHas({ act: 'webhook.allowlist.remove' }, 1))[0].target).toEqual({ id: allowed.body.id });
    expect((await auditHas({ act: 'notification.retry' }, 1))[0]).toMatchObject({
      status: 200,
      summary: { queue: 'notification-email' },
    });
  });

  it('records programme creation, report generation and download, and CSV exports (not JSON reads)', async () => {
    const id = `audit-e2e-${randomUUID().slice(0, 8)}`;
    const created = await stack.http().post('/programmes').set(auth(staff)).send({
      id,
      templateId: 'drill',
      title: 'Chương trình kiểm tra nhật ký',
      issuingUnitId: 'hg-tu',
      memberInChargeId: 'hg-pbt',
      fieldGroup: 'economy',
      term: '2020-2025',
    });
    expect(created.status).toBe(201);
    const pbt = await stack.login('fx.pbt');
    const report = await stack
      .http()
      .post(`/programmes/${FX.programme123}/reports`)
      .set(auth(pbt))
      .send({ reviewSeq: 1 });
    expect(report.status).toBe(201);
    const file = await stack.http().get(`/programmes/${FX.programme123}/reports/${report.body.id}`).set(auth(pbt));
    expect(file.status).toBe(200);
    expect((await stack.http().get('/supervision/programmes').set(auth(pbt))).status).toBe(200);
    expect((await stack.http().get('/supervision/programmes?format=csv').set(auth(pbt))).status).toBe(200);

    expect((await auditHas({ act: 'programme.create', person: 'hg-cv1' }, 1))[0]).toMatchObject({
      status: 201,
      responseId: id,
      unitId: 'hg-tu',
      summary: { id, templateId: 'drill', issuingUnitId: 'hg-tu' },
    });
    expect((await auditHas({ act: 'report.generate', person: 'fx-pbt' }, 1))[0]).toMatchObject({
      status: 201,
      unitId: 'fx-btv',
      target: { id: FX.programme123 },
      summary: { reviewSeq: 1 },
      responseId: report.body.id,
    });
    expect((await auditHas({ act: 'report.download', person: 'fx-pbt' }, 1))[0]).toMatchObject({
      status: 200,
      target: { id: FX.programme123, reportId: report.body.id },
    });
    const exports = await auditHas({ act: 'supervision.export', person: 'fx-pbt' }, 1);
    expect(exports).toHaveLength(1);
    expect(exports[0]).toMatchObject({ route: 'GET /supervision/programmes', summary: { format: 'csv' } });
  });

  it('does not answer an act as done when its row cannot be written: 503, no file for a download, no session for a login', async () => {
    const pbt = await stack.login('fx.pbt');
    const report = await stack
      .http()
      .post(`/programmes/${FX.programme123}/reports`)
      .set(auth(pbt))
      .send({ reviewSeq: 1 });
    expect(report.status).toBe(201);
    await stack.dataSource.query(`CREATE FUNCTION audit_e2e_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit store unavailable (test)'; END $$`);
    await stack.dataSource.query(`CREATE TRIGGER audit_e2e_refuse BEFORE INSERT ON admin_audit FOR EACH ROW
      WHEN (NEW.act = 'report.download' OR NEW.username = 'tvbtv.hg') EXECUTE FUNCTION audit_e2e_refuse()`);
    try {
      const file = await stack.http().get(`/programmes/${FX.programme123}/reports/${report.body.id}`).set(auth(pbt));
      expect(file.status).toBe(503);
      expect(file.headers['content-type']).toMatch(/^application\/json/);
      expect(file.headers['content-disposition']).toBeUndefined();
      const cookieLogin = await stack
        .http()
        .post('/auth/login')
        .send({ username: 'tvbtv.hg', password: DEMO_PASSWORD, session: 'cookie' });
      expect(cookieLogin.status).toBe(503);
      expect(cookieLogin.headers['set-cookie']).toBeUndefined();
      expect(cookieLogin.body.accessToken).toBeUndefined();
      expect(file.body.message).toMatch(/could not be recorded in the audit trail/);
    } finally {
      await stack.dataSource.query('DROP TRIGGER audit_e2e_refuse ON admin_audit');
      await stack.dataSource.query('DROP FUNCTION audit_e2e_refuse()');
    }
  });

  it("keeps the audit to admins and inspectors, an inspector seeing only their committee's acts", async () => {
    await auditHas({ act: 'report.generate', person: 'fx-pbt' }, 1);
    expect((await stack.http().get('/admin/audit')).status).toBe(401);
    for (const username of ['chuyenvien.hg', 'bithu.hg', 'pbt.hg']) {
      const token = await stack.login(username);
      expect((await stack.http().get('/admin/audit').set(auth(token))).status).toBe(403);
      expect((await stack.http().get('/admin/audit.csv').set(auth(token))).status).toBe(403);
    }

    const hgInspector = await stack.login('ubkt.hg');
    const hg = await audit(hgInspector, { from: testStart, limit: 200 });
    expect(hg.items.length).toBeGreaterThan(0);
    expect(hg.items.some((r) => r.act === 'programme.create' && r.personId === 'hg-cv1')).toBe(true);
    expect(hg.items.every((r) => r.unitId?.startsWith('hg-'))).toBe(true); // no admin rows, no other province

    const fxInspector = await stack.login('fx.ubkt');
    const fx = await audit(fxInspector, { from: testStart, limit: 200 });
    expect(fx.items.some((r) => r.act === 'report.generate' && r.personId === 'fx-pbt')).toBe(true);
    expect(fx.items.every((r) => r.unitId?.startsWith('fx-'))).toBe(true);
  });

  it('pages newest first by cursor, with filters, a capped page size and checked parameters', async () => {
    // Failed retries (refused by validation): rows of this test alone, and no login throttling in the way.
    const who = 'admin';
    const act = 'notification.retry';
    for (let i = 0; i < 5; i++) {
      const res = await stack
        .http()
        .post('/admin/notifications/failed/retry')
        .set(auth(admin))
        .send({ queue: `pager-${i}` });
      expect(res.status).toBe(400);
    }
    const retried = await stack
      .http()
      .post('/admin/notifications/failed/retry')
      .set(auth(admin))
      .send({ queue: 'notification-webhook' });
    expect(retried.status).toBe(200);
    await auditHas({ act, outcome: 'failed' }, 5);
    const mine = { from: testStart, act, outcome: 'failed' };
    const pages: AuditItem[][] = [];
    let cursor: string | null = null;
    do {
      const page = await audit(admin, { ...mine, person: who, limit: 2, ...(cursor ? { cursor } : {}) });
      pages.push(page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
    const ids = pages.flat().map((r) => BigInt(r.id));
    expect(ids).toEqual([...ids].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0)));
    expect(new Set(ids).size).toBe(5);

    // Refusals are written as their answers leave, so two quick ones may land in either order.
    expect(
      pages
        .flat()
        .map((r) => (r.summary as { queue: string }).queue)
        .sort(),
    ).toEqual([0, 1, 2, 3, 4].map((i) => `pager-${i}`));
    const succeeded = await audit(admin, { ...mine, outcome: 'succeeded' });
    expect(succeeded.items.map((r) => r.status)).not.toHaveLength(0);
    expect(succeeded.items.every((r) => r.status < 400)).toBe(true);
    expect(succeeded.items[0].summary).toEqual({ queue: 'notification-webhook' });
    expect((await audit(admin, { ...mine, person: 'hg-cv1' })).items).toEqual([]);
    expect((await audit(admin, { ...mine, person: who, act: 'calendar.update' })).items).toEqual([]);
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10); // Vietnam's date
    const tomorrow = new Date(Date.now() + 31 * 3600_000).toISOString().slice(0, 10);
    const ofToday = await audit(admin, { act, outcome: 'failed', from: today, to: today, limit: 200 });
    expect(ofToday.items.map((r) => r.id)).toEqual(expect.arrayContaining(pages.flat().map((r) => r.id)));
    expect((await audit(admin, { act, from: tomorrow })).items).toEqual([]);
    expect((await audit(admin, { act, to: '2020-01-01T00:00:00Z' })).items).toEqual([]);

    for (const bad of [
      { limit: 201 },
      { limit: 0 },
      { cursor: 'abc' },
      { cursor: '99999999999999999999' },
      { from: '2026-02-32' },
      { to: 'yesterday' },
      { outcome: 'maybe' },
      { act: 'DROP TABLE' },
      { person: 'a\u0000b' },
      { sort: 'asc' },
    ]) {
      const res = await stack.http().get('/admin/audit').query(bad).set(auth(admin));
      expect([JSON.stringify(bad), res.status]).toEqual([JSON.stringify(bad), 400]);
    }
  });

  it('exports CSV slices by cursor, formula cells neutralised, and records the export', async () => {
    const formulas = ['=HYPERLINK("http://evil.example/","x")', '@SUM(A1)', '+1+1', '-2+3'];
    for (const username of formulas) expect((await login(username, 'nope')).status).toBeGreaterThanOrEqual(400);
    for (const person of formulas) await auditHas({ act: 'auth.login', outcome: 'failed', person }, 1);

    const rows: string[] = [];
    let cursor: string | undefined;
    for (const person of formulas) {
      const res = await stack
        .http()
        .get('/admin/audit.csv')
        .query({ act: 'auth.login', person, limit: 1 })
        .set(auth(admin));
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe(`attachment; filename="audit.csv"; filename*=UTF-8''audit.csv`);
      const lines = res.text
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split('\r\n');
      expect(lines[0]).toMatch(/^id,occurredAt,act,status,error,personId,username,/);
      expect(lines).toHaveLength(2);
      rows.push(lines[1]);
      cursor = res.headers['x-next-cursor'];
    }
    expect(cursor).toBeUndefined(); // one row each: nothing further
    expect(rows[0]).toContain(`"'=HYPERLINK(""http://evil.example/"",""x"")"`);
    expect(rows[1]).toContain(",'@SUM(A1),");
    expect(rows[2]).toContain(",'+1+1,");
    expect(rows[3]).toContain(",'-2+3,");
    for (const row of rows) expect(row).not.toMatch(/,[=+\-@]/);

    const sliced = await stack.http().get('/admin/audit.csv').query({ act: 'auth.login', limit: 2 }).set(auth(admin));
    expect(sliced.text.trimEnd().split('\r\n')).toHaveLength(3);
    expect(sliced.headers['x-next-cursor']).toMatch(/^\d+$/);
    const next = await stack
      .http()
      .get('/admin/audit.csv')
      .query({ act: 'auth.login', limit: 2, cursor: sliced.headers['x-next-cursor'] })
      .set(auth(admin));
    expect(BigInt(next.text.split('\r\n')[1].split(',')[0])).toBeLessThan(BigInt(sliced.headers['x-next-cursor']));
    expect((await stack.http().get('/admin/audit.csv').query({ limit: 5001 }).set(auth(admin))).status).toBe(400);

    const [refused] = await auditHas({ act: 'audit.export', outcome: 'failed' }, 1);
    expect(refused).toMatchObject({ status: 400, summary: { limit: '5001' } });
    const [exported] = await auditHas({ act: 'audit.export', outcome: 'succeeded' }, 1);
    expect(exported).toMatchObject({ username: 'admin', status: 200, route: 'GET /admin/audit.csv', unitId: null });
    expect(exported.summary).toMatchObject({ act: 'auth.login' });
  });

  it('is append-only in the database: UPDATE, DELETE and TRUNCATE are refused', async () => {
    const [{ before }] = await stack.dataSource.query('SELECT count(*)::int AS before FROM admin_audit');
    expect(before).toBeGreaterThan(0);
    await expect(stack.dataSource.query(`UPDATE admin_audit SET act = 'rewritten'`)).rejects.toThrow(
      /admin_audit is append-only: UPDATE refused/,
    );
    await expect(stack.dataSource.query('DELETE FROM admin_audit')).rejects.toThrow(/append-only: DELETE refused/);
    await expect(stack.dataSource.query('TRUNCATE admin_audit')).rejects.toThrow(/append-only: TRUNCATE refused/);
    const [{ after }] = await stack.dataSource.query(
      `SELECT count(*)::int AS after FROM admin_audit WHERE act <> 'rewritten'`,
    );
    expect(after).toBeGreaterThanOrEqual(before);
  });

  it("pages a programme's audit trail, newest first on request, so a long programme's recent acts can be read", async () => {
    const pbt = await stack.login('fx.pbt');
    const programme = FX.programme05;
    const events = Array.from({ length: 250 }, (_, i) => ({
      key: `audit-e2e-${programme}-${i + 1}`,
      action: `test.event-${i + 1}`,
      at: new Date(Date.UTC(2021, 0, 1) + i * 86_400_000).toISOString(),
    }));
    await stack.dataSource.query(
      `INSERT INTO audit_event (event_key, programme_id, actor_id, action, occurred_at)
       SELECT e.key, $1, 'fx-pbt', e.action, e.at FROM jsonb_to_recordset($2::jsonb) AS e(key text, action text, at timestamptz)`,
      [programme, JSON.stringify(events)],
    );
    const trail = (query: Record<string, string | number>) =>
      stack.http().get(`/programmes/${programme}/audit`).query(query).set(auth(pbt));

    const first = await trail({});
    expect(first.status).toBe(200);
    expect(Object.keys(first.body).sort()).toEqual(['items', 'total']); // the answer it always gave
    expect(first.body.total).toBe(250);
    expect(first.body.items).toHaveLength(200);
    expect(first.body.items[0].action).toBe('test.event-1');

    const newest = await trail({ order: 'desc', limit: 10 });
    expect(newest.body.total).toBe(250);
    expect(newest.body.items.map((e: { action: string }) => e.action)).toEqual(
      Array.from({ length: 10 }, (_, i) => `test.event-${250 - i}`),
    );
    const rest = await trail({ offset: 200, limit: 100 });
    expect(rest.body.items.map((e: { action: string }) => e.action)).toEqual(
      Array.from({ length: 50 }, (_, i) => `test.event-${201 + i}`),
    );
    const secondNewest = await trail({ order: 'desc', limit: 10, offset: 10 });
    expect(secondNewest.body.items[0].action).toBe('test.event-240');

    const badPages: Array<Record<string, string | number>> = [
      { limit: 201 },
      { limit: 0 },
      { offset: -1 },
      { offset: 100_001 },
      { order: 'sideways' },
    ];
    for (const bad of badPages) expect((await trail(bad)).status).toBe(400);
  });
});
