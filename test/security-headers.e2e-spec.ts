import { randomUUID } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import type Redis from 'ioredis';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { loadApiConfig } from '../apps/api/src/api.config';
import { createApiApp } from '../apps/api/src/bootstrap';
import { DEMO_PASSWORD } from '../apps/api/src/seed/demo-data';
import { HEALTH_REDIS } from '../apps/api/src/health/health.tokens';
import { seedPeople } from '../apps/api/src/seed/seed-people';
import { installQuietRuntime } from './utils/time-skipping-env';

/**
 * What the API exposes, over HTTP against the real API, Postgres, Redis and Temporal: helmet's headers
 * on pages, API answers and refusals alike (and no X-Powered-By), /health that tells anyone only up or
 * down while its details need an admin, Bull Board opened with the console's session cookie, and the
 * OpenAPI document's word on the session's refusals.
 */
const run = randomUUID().slice(0, 8);

type Res = request.Response;
const cookiesOf = (res: Res): string[] => ([] as string[]).concat(res.headers['set-cookie'] ?? []);
const jar = (res: Res) =>
  cookiesOf(res)
    .map((c) => c.split(';')[0])
    .join('; ');

describe('security headers and exposure (e2e)', () => {
  let app: INestApplication;
  const http = () => request(app.getHttpServer());

  async function bearer(username: string): Promise<{ Authorization: string }> {
    const res = await http().post('/auth/login').send({ username, password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
    return { Authorization: `Bearer ${res.body.accessToken}` };
  }

  async function cookieSession(username: string): Promise<{ cookie: string; csrf: string }> {
    const res = await http().post('/auth/login').send({ username, password: DEMO_PASSWORD, session: 'cookie' });
    expect(res.status).toBe(200);
    return { cookie: jar(res), csrf: res.body.csrfToken };
  }

  beforeAll(async () => {
    installQuietRuntime();
    app = await createApiApp(
      loadApiConfig({
        ...process.env,
        QUEUE_PREFIX: `headers-${run}`,
        API_PORT: '3000',
        LOGIN_FREE_FAILURES_PER_IP: '1000',
      }),
    );
    await app.init();
    await seedPeople(app.get(DataSource));
  });

  afterAll(async () => {
    await app?.close();
  });

  /** Helmet's headers, the same on every kind of answer; no HSTS outside production (plain http). */
  function expectHardened(res: Res): void {
    const csp = res.headers['content-security-policy'] as string;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers).toMatchObject({
      'x-frame-options': 'DENY',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
    });
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['strict-transport-security']).toBeUndefined();
  }

  it('hardens the console page, API answers, refusals and errors alike, with no X-Powered-By', async () => {
    const staff = await bearer('chuyenvien.hg');
    const answers = [
      await http().get('/'),
      await http().get('/index.html'),
      await http().get('/auth/oidc'),
      await http().get('/programmes').set(staff),
      await http().get('/programmes'),
      await http().post('/auth/login').send({ username: 'bithu.hg', password: 'wrong-password' }),
      await http()
        .post('/programmes')
        .set(staff)
        .send({ title: 'x'.repeat(400 * 1024) }),
      await http().get('/nowhere'),
    ];
    expect(answers.slice(2).map((r) => r.status)).toEqual([200, 200, 401, 401, 413, 404]);
    for (const res of answers) expectHardened(res);
    // The page's own style sheet only: no inline style on the console.
    expect(answers[0].headers['content-security-policy']).toContain("style-src 'self';");
  });

  it('gives Swagger UI inline styles, and still no inline script', async () => {
    const docs = await http().get('/docs/');
    expect(docs.status).toBe(200);
    expect(docs.text).toMatch(/swagger-ui/);
    const csp = docs.headers['content-security-policy'] as string;
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("script-src 'self';");
    expect(docs.text).not.toMatch(/<script>/);
    expect(docs.headers['x-powered-by']).toBeUndefined();
  });

  describe('/health', () => {
    it('tells anyone only up or down: no service, address or error', async () => {
      const res = await http().get('/health');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ status: 'up' });
      expect(res.headers['cache-control']).toMatch(/no-store/);
      expectHardened(res);
    });

    it('gives the details to admins only (401 anonymous, 403 staff)', async () => {
      expect((await http().get('/health/details')).status).toBe(401);
      const staff = await http()
        .get('/health/details')
        .set(await bearer('chuyenvien.hg'));
      expect(staff.status).toBe(403);
      expect(JSON.stringify(staff.body)).not.toMatch(/postgres|redis|temporal/i);
      const admin = await http()
        .get('/health/details')
        .set(await bearer('admin'));
      expect(admin.status).toBe(200);
      expect(admin.body).toMatchObject({
        status: 'ok',
        info: {
          postgres: { status: 'up' },
          redis: { status: 'up', address: expect.any(String) },
          temporal: { status: 'up', address: expect.any(String) },
        },
      });
    });

    it('answers the details to an admin browser session too', async () => {
      const { cookie } = await cookieSession('admin');
      expect((await http().get('/health/details').set('Cookie', cookie)).status).toBe(200);
    });

    it('says only "down" (503) when a service is away; the admin learns which, and why', async () => {
      const admin = await bearer('admin');
      const redis = app.get<Redis>(HEALTH_REDIS);
      redis.disconnect();
      try {
        const down = await http().get('/health');
        expect(down.status).toBe(503);
        expect(down.body).toEqual({ status: 'down' });
        const details = await http().get('/health/details').set(admin);
        expect(details.status).toBe(503);
        expect(details.body.error.redis).toMatchObject({ status: 'down', message: expect.any(String) });
      } finally {
        await redis.connect();
      }
      expect((await http().get('/health')).body).toEqual({ status: 'up' });
    });
  });

  describe('Bull Board with the console session', () => {
    it("opens for an admin's session cookie, not for staff, not without a session", async () => {
      const admin = await cookieSession('admin');
      const board = await http().get('/admin/queues').set('Cookie', admin.cookie);
      expect(board.status).toBe(200);
      expect(board.text).toMatch(/<html/i);
      expect(board.headers['content-security-policy']).toContain("style-src 'self' 'unsafe-inline'");
      expect((await http().get('/admin/queues/api/queues').set('Cookie', admin.cookie)).status).toBe(200);
      const staff = await cookieSession('chuyenvien.hg');
      expect((await http().get('/admin/queues').set('Cookie', staff.cookie)).status).toBe(403);
      expect((await http().get('/admin/queues')).status).toBe(401);
    });

    it('takes a change by cookie only from a page of this origin', async () => {
      const { cookie } = await cookieSession('admin');
      // A retry in a queue that does not exist: Bull Board answers it 404 once the guard lets it through.
      const change = '/admin/queues/api/queues/no-such-queue/retry/failed';
      const crossSite = await http().put(change).set('Cookie', cookie).set('Sec-Fetch-Site', 'same-site');
      expect(crossSite.status).toBe(403);
      expect(crossSite.body.message).toMatch(/page of this site/);
      expect((await http().put(change).set('Cookie', cookie).set('Origin', 'https://evil.example')).status).toBe(403);
      expect((await http().put(change).set('Cookie', cookie)).status).toBe(403);
      // From the board's own page (or an old browser naming this origin) the guard lets it through.
      expect((await http().put(change).set('Cookie', cookie).set('Sec-Fetch-Site', 'same-origin')).status).toBe(404);
      const sameHost = await http()
        .put(change)
        .set('Cookie', cookie)
        .set('Host', 'api.example.vn')
        .set('Origin', 'http://api.example.vn');
      expect(sameHost.status).toBe(404);
    });
  });

  it("documents the guard's refusals: CSRF and a pending password change (403), throttling (429, 503)", async () => {
    const doc = (await http().get('/docs/openapi.json')).body;
    const op = (path: string, method: string) => doc.paths[path][method];
    expect(doc.components.securitySchemes.cookie).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'ap_access' });
    expect(op('/programmes', 'get').security).toEqual([{ bearer: [] }, { cookie: [] }]);
    expect(op('/programmes', 'get').responses['403'].description).toMatch(/must be changed first/);
    expect(op('/programmes', 'get').responses['403'].description).not.toMatch(/CSRF/);
    expect(op('/programmes', 'post').responses['403'].description).toMatch(/CSRF.*must be changed first/);
    expect(op('/auth/me', 'get').responses['403']).toBeUndefined();
    expect(op('/auth/password', 'post').responses['403'].description).not.toMatch(/must be changed first/);
    for (const status of ['429', '503'])
      expect(op('/auth/login', 'post').responses[status].headers['Retry-After']).toMatchObject({ required: true });
    expect(op('/health', 'get').responses['200'].content['application/json'].schema.$ref).toMatch(
      /HealthStatusResponse$/,
    );
  });
});
