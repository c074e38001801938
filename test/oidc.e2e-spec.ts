import { randomBytes, randomUUID } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import Redis from 'ioredis';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { loadApiConfig } from '../apps/api/src/api.config';
import { hashPassword } from '../apps/api/src/auth/auth.service';
import { createApiApp, startApi } from '../apps/api/src/bootstrap';
import { DEMO_PASSWORD } from '../apps/api/src/seed/demo-data';
import { seedPeople } from '../apps/api/src/seed/seed-people';
import { freePort } from './utils/free-port';
import { startOidcProvider, TestProvider } from './utils/oidc-provider';
import { installQuietRuntime } from './utils/time-skipping-env';

/**
 * Single sign-on over HTTP against the real API, Postgres and Redis, and a real OpenID Connect provider
 * (oidc-provider, in a child process) whose sign-in pages the test submits as a browser would. Only a
 * subject an admin linked reaches a person; everything else is refused and opens no session.
 */
const run = randomUUID().slice(0, 8);
const CLIENT_ID = 'action-programmes';
const CLIENT_SECRET = randomBytes(24).toString('base64url');
const LABEL = 'Cổng đăng nhập một lần của tỉnh';

// Subjects at the provider. `bithu.hg` is also a username here, and the twin's e-mail is a person's:
// neither may lead to that person, since only links do.
const LINKED = `alice-${run}`;
const STRANGER = `stranger-${run}`;
const DISABLED = `carol-${run}`;
const UNLINKED_LATER = `dave-${run}`;
/** Known at both providers, linked at the second only. */
const TWO_PROVIDERS = `frank-${run}`;
const TWIN = 'bithu.hg';

type Res = request.Response;
const cookiesOf = (res: Res): string[] => ([] as string[]).concat(res.headers['set-cookie'] ?? []);
const jar = (setCookies: string[]) => setCookies.map((c) => c.split(';')[0]).join('; ');
const cookieNamed = (res: Res, name: string) => cookiesOf(res).find((c) => c.startsWith(`${name}=`));

describe('single sign-on with OpenID Connect (e2e)', () => {
  let provider: TestProvider;
  let app: INestApplication;
  let db: DataSource;
  let redis: Redis;
  let redirectUri: string;
  let adminToken: string;
  const http = () => request(app.getHttpServer());
  const asAdmin = () => ({ Authorization: `Bearer ${adminToken}` });

  /** A person of this run only, in Hậu Giang's committee. */
  async function person(name: string): Promise<string> {
    const id = `oidc-${run}-${name}`;
    await db.query(
      `INSERT INTO person (id, username, full_name, password_hash, unit_id, roles) VALUES ($1, $1, $1, $2, 'hg-tu', '{STAFF}')`,
      [id, await hashPassword(DEMO_PASSWORD)],
    );
    return id;
  }

  async function link(personId: string, subject: string, issuer?: string): Promise<Res> {
    return http().post(`/admin/accounts/${personId}/identities`).set(asAdmin()).send({ subject, issuer });
  }

  /** Leaves for the provider from the API, as the console's button does: the redirect and the browser cookie. */
  async function leave(): Promise<{ location: string; browser: string }> {
    const res = await http().get('/auth/oidc/login');
    expect(res.status).toBe(302);
    return { location: res.headers.location as string, browser: jar(cookiesOf(res)) };
  }

  /** Back at the API with the provider's answer, in the browser that left. */
  const arrive = (callbackUrl: string, browser: string, accept = 'text/html') => {
    const u = new URL(callbackUrl);
    return http()
      .get(u.pathname + u.search)
      .set('Cookie', browser)
      .set('Accept', accept);
  };

  /** The whole round trip for `subject`; also answers the callback URL, for replay. */
  async function signIn(subject: string, accept?: string): Promise<{ res: Res; callbackUrl: string; browser: string }> {
    const { location, browser } = await leave();
    const callbackUrl = await provider.signIn(location, subject);
    return { res: await arrive(callbackUrl, browser, accept), callbackUrl, browser };
  }

  const expectNoSession = (res: Res) => {
    expect(cookieNamed(res, 'ap_access')).toBeUndefined();
    expect(cookieNamed(res, 'ap_refresh')).toBeUndefined();
  };

  beforeAll(async () => {
    installQuietRuntime();
    const port = await freePort();
    redirectUri = `http://127.0.0.1:${port}/auth/oidc/callback`;
    provider = await startOidcProvider({
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      redirectUri,
      accounts: {
        [LINKED]: { email: `${LINKED}@provider.invalid`, email_verified: true },
        [STRANGER]: {},
        [DISABLED]: {},
        [UNLINKED_LATER]: {},
        [TWO_PROVIDERS]: {},
        [TWIN]: { email: 'bithu.hg@example.invalid', email_verified: true },
      },
    });
    const queuePrefix = `oidc-${run}`;
    app = await startApi(
      loadApiConfig({
        ...process.env,
        QUEUE_PREFIX: queuePrefix,
        API_PORT: String(port),
        LOGIN_FREE_FAILURES_PER_IP: '1000',
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID: CLIENT_ID,
        OIDC_CLIENT_SECRET: CLIENT_SECRET,
        OIDC_REDIRECT_URI: redirectUri,
        OIDC_SCOPES: 'openid email',
        OIDC_LABEL: LABEL,
      }),
    );
    db = app.get(DataSource);
    await seedPeople(db);
    redis = new Redis(process.env.REDIS_URL as string, { keyPrefix: `${queuePrefix}:auth:oidc:` });
    const login = await http().post('/auth/login').send({ username: 'admin', password: DEMO_PASSWORD });
    adminToken = login.body.accessToken;
  });

  afterAll(async () => {
    redis?.disconnect();
    await app?.close();
    await provider?.stop();
  });

  it('tells the console that single sign-on is on, with its label', async () => {
    const res = await http().get('/auth/oidc');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ enabled: true, label: LABEL, loginUrl: '/auth/oidc/login' });
  });

  it('sends the browser to the provider with state, nonce and a PKCE S256 challenge, bound to a Lax cookie', async () => {
    const res = await http().get('/auth/oidc/login');
    expect(res.status).toBe(302);
    const to = new URL(res.headers.location as string);
    expect(`${to.origin}/`).toBe(`${provider.issuer}/`);
    const q = to.searchParams;
    expect(q.get('response_type')).toBe('code');
    expect(q.get('client_id')).toBe(CLIENT_ID);
    expect(q.get('redirect_uri')).toBe(redirectUri);
    expect(q.get('scope')).toBe('openid email');
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(q.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(q.get('nonce')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const cookie = cookieNamed(res, 'ap_oidc') as string;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\/auth\/oidc/);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('signs a linked subject in: a cookie session like a password login, CSRF-protected, then the console', async () => {
    const personId = await person('alice');
    expect((await link(personId, LINKED)).status).toBe(201);

    const { res } = await signIn(LINKED);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/');
    expect(cookieNamed(res, 'ap_access')).toMatch(/HttpOnly; SameSite=Strict/);
    expect(cookieNamed(res, 'ap_refresh')).toMatch(/Path=\/auth; .*HttpOnly; SameSite=Strict/);
    const csrf = /^csrf=([^;]+)/.exec(cookieNamed(res, 'csrf') as string)?.[1] as string;
    const cookie = jar(cookiesOf(res));

    const me = await http().get('/auth/me').set('Cookie', cookie);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ personId, username: personId, mustChangePassword: false });

    const change = { locale: 'en', channels: ['IN_APP'] };
    const noCsrf = await http().put('/inbox/preferences').set('Cookie', cookie).send(change);
    expect(noCsrf.status).toBe(403);
    const written = await http().put('/inbox/preferences').set('Cookie', cookie).set('X-CSRF-Token', csrf).send(change);
    expect(written.status).toBe(200);
    const read = await http().get('/inbox/preferences').set('Cookie', cookie);
    expect(read.body).toMatchObject({ locale: 'en', channels: ['IN_APP'] });

    // The session is an ordinary one: refreshed and ended like any other.
    const refreshed = await http().post('/auth/refresh').set('Cookie', cookie).set('X-CSRF-Token', csrf).send({});
    expect(refreshed.status).toBe(200);
    const out = await http().post('/auth/logout').set('Cookie', cookie).set('X-CSRF-Token', csrf).send({});
    expect(out.status).toBe(204);
    expect((await http().get('/auth/me').set('Cookie', cookie)).status).toBe(401);
  });

  it('refuses a subject linked to no one with a clear page naming it, and opens no session', async () => {
    const { res } = await signIn(STRANGER);
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toContain('your single sign-on account is not linked to any account here');
    expect(res.text).toContain('ask an administrator to link it');
    expect(res.text).toContain(`subject &quot;${STRANGER}&quot; at ${provider.issuer}`);
    expect(res.text).toContain('<code>unknown_subject</code>');
    expect(res.text).toContain('<a href="/">');
    expectNoSession(res);
  });

  it('never finds a person by e-mail address or username: the provider account must be linked', async () => {
    const { res } = await signIn(TWIN, 'application/json');
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ statusCode: 403, error: 'unknown_subject' });
    expect(res.body.message).toMatch(/not linked to any account here/);
    expectNoSession(res);
  });

  it('refuses a person who is disabled', async () => {
    const personId = await person('carol');
    expect((await link(personId, DISABLED)).status).toBe(201);
    await db.query(`UPDATE person SET active = false WHERE id = $1`, [personId]);
    const { res } = await signIn(DISABLED, 'application/json');
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ error: 'account_disabled', message: expect.stringMatching(/is disabled/) });
    expectNoSession(res);
  });

  describe("answers that are not a fresh sign-in of this browser's own", () => {
    it('refuses a replayed callback', async () => {
      const first = await signIn(LINKED);
      expect(first.res.status).toBe(303);
      const again = await arrive(first.callbackUrl, first.browser, 'application/json');
      expect(again.status).toBe(400);
      expect(again.body).toMatchObject({ error: 'expired_or_used' });
      expectNoSession(again);
    });

    it('refuses a tampered state, and an answer brought back by another browser', async () => {
      const { location, browser } = await leave();
      const callbackUrl = await provider.signIn(location, LINKED);
      const tampered = new URL(callbackUrl);
      tampered.searchParams.set('state', randomBytes(32).toString('base64url'));
      const forged = await arrive(tampered.href, browser, 'application/json');
      expect(forged.status).toBe(400);
      expect(forged.body).toMatchObject({ error: 'expired_or_used' });
      expectNoSession(forged);

      const elsewhere = await arrive(
        callbackUrl,
        'ap_oidc=' + randomBytes(32).toString('base64url'),
        'application/json',
      );
      expect(elsewhere.status).toBe(400);
      expect(elsewhere.body).toMatchObject({ error: 'expired_or_used' });
      expectNoSession(elsewhere);
      // The genuine answer was spent by that attempt: nothing is left to replay either.
      expect((await arrive(callbackUrl, browser, 'application/json')).status).toBe(400);
    });

    it('refuses an answer whose code does not match the PKCE verifier, or whose ID token has another nonce', async () => {
      for (const field of ['codeVerifier', 'nonce']) {
        const { location, browser } = await leave();
        const state = new URL(location).searchParams.get('state') as string;
        const pending = JSON.parse((await redis.get(state)) as string);
        await redis.set(
          state,
          JSON.stringify({ ...pending, [field]: randomBytes(32).toString('base64url') }),
          'EX',
          60,
        );
        const res = await arrive(await provider.signIn(location, LINKED), browser, 'application/json');
        expect(res.status).toBe(400);
        expect(res.body).toMatchObject({ error: 'not_verified' });
        expectNoSession(res);
      }
    });

    it("tells apart the provider's own refusal (the person cancelled)", async () => {
      const { location, browser } = await leave();
      const state = new URL(location).searchParams.get('state') as string;
      const cancelled = `${redirectUri}?error=access_denied&error_description=End-User+aborted&state=${state}`;
      const res = await arrive(cancelled, browser, 'application/json');
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error: 'provider_refused' });
      expect(res.body.message).toContain('access_denied: End-User aborted');
      expectNoSession(res);
    });
  });

  describe('admin linking', () => {
    it('links, answers 200 for the same link again, 409 when the subject is someone else’s, and lists', async () => {
      const dave = await person('dave');
      const erin = await person('erin');
      const created = await link(dave, UNLINKED_LATER);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        id: expect.any(String),
        personId: dave,
        issuer: provider.issuer,
        subject: UNLINKED_LATER,
        linkedBy: 'admin',
      });
      const same = await link(dave, UNLINKED_LATER);
      expect(same.status).toBe(200);
      expect(same.body.id).toBe(created.body.id);
      const taken = await link(erin, UNLINKED_LATER);
      expect(taken.status).toBe(409);
      expect(taken.body.message).toMatch(/already linked to another person/);
      const listed = await http().get(`/admin/accounts/${dave}/identities`).set(asAdmin());
      expect(listed.status).toBe(200);
      expect(listed.body).toEqual([expect.objectContaining({ id: created.body.id, subject: UNLINKED_LATER })]);
    });

    it('refuses bad input (400), an unknown person (404) and anyone but an admin (403)', async () => {
      const dave = `oidc-${run}-dave`;
      const url = `/admin/accounts/${dave}/identities`;
      for (const body of [{}, { subject: '' }, { subject: 'x'.repeat(256) }, { subject: 'a\tb' }, { subject: 7 }]) {
        expect((await http().post(url).set(asAdmin()).send(body)).status).toBe(400);
      }
      expect((await http().post(url).set(asAdmin()).send({ subject: 's', issuer: 'ftp://x' })).status).toBe(400);
      expect((await http().post(url).set(asAdmin()).send({ subject: 's', extra: 1 })).status).toBe(400);
      expect((await http().delete(`${url}/not-a-uuid`).set(asAdmin())).status).toBe(400);
      expect((await link(`nobody-${run}`, 'x')).status).toBe(404);
      expect((await http().delete(`${url}/${randomUUID()}`).set(asAdmin())).status).toBe(404);
      const staff = await http().post('/auth/login').send({ username: 'chuyenvien.hg', password: DEMO_PASSWORD });
      const asStaff = { Authorization: `Bearer ${staff.body.accessToken}` };
      expect((await http().post(url).set(asStaff).send({ subject: 's' })).status).toBe(403);
      expect((await http().get(url).set(asStaff)).status).toBe(403);
    });

    it('unlinking ends the person’s sessions and refuses the subject from then on', async () => {
      const dave = `oidc-${run}-dave`;
      const { res } = await signIn(UNLINKED_LATER);
      expect(res.status).toBe(303);
      const cookie = jar(cookiesOf(res));
      expect((await http().get('/auth/me').set('Cookie', cookie)).status).toBe(200);

      const [{ id }] = (await http().get(`/admin/accounts/${dave}/identities`).set(asAdmin())).body;
      const unlinked = await http().delete(`/admin/accounts/${dave}/identities/${id}`).set(asAdmin());
      expect(unlinked.status).toBe(200);
      expect(unlinked.body).toMatchObject({ unlinked: true, sessionsEnded: 1 });
      expect((await http().get('/auth/me').set('Cookie', cookie)).status).toBe(401);
      expect((await signIn(UNLINKED_LATER, 'application/json')).res.body).toMatchObject({ error: 'unknown_subject' });
    });
  });

  it('works with a public client too: no secret, PKCE alone (the provider demands it)', async () => {
    const subject = TWO_PROVIDERS;
    const callback = `http://127.0.0.1:${await freePort()}/auth/oidc/callback`;
    const idp = await startOidcProvider({
      clientId: 'console',
      clientSecret: '',
      redirectUri: callback,
      accounts: { [subject]: {} },
    });
    const pub = await createApiApp(
      loadApiConfig({
        ...process.env,
        QUEUE_PREFIX: `oidc-pub-${run}`,
        API_PORT: '3000',
        OIDC_ISSUER: idp.issuer,
        OIDC_CLIENT_ID: 'console',
        OIDC_REDIRECT_URI: callback,
      }),
    );
    await pub.init();
    try {
      // The link names this provider: a subject means something only together with its issuer.
      const personId = await person('frank');
      const linked = await link(personId, subject, idp.issuer);
      expect(linked.status).toBe(201);
      expect(linked.body.issuer).toBe(idp.issuer);
      expect((await signIn(subject, 'application/json')).res.body).toMatchObject({ error: 'unknown_subject' });

      const httpPub = () => request(pub.getHttpServer());
      const start = await httpPub().get('/auth/oidc/login');
      const back = new URL(await idp.signIn(start.headers.location as string, subject));
      const res = await httpPub()
        .get(back.pathname + back.search)
        .set('Cookie', jar(cookiesOf(start)));
      expect(res.status).toBe(303);
      const me = await httpPub()
        .get('/auth/me')
        .set('Cookie', jar(cookiesOf(res)));
      expect(me.body).toMatchObject({ personId });
    } finally {
      await pub.close();
      await idp.stop();
    }
  });

  it('starts while the provider is unreachable, and answers sign-ins 503 while it is away', async () => {
    const nowhere = `http://127.0.0.1:${await freePort()}`;
    const down = await createApiApp(
      loadApiConfig({
        ...process.env,
        QUEUE_PREFIX: `oidc-down-${run}`,
        API_PORT: '3000',
        OIDC_ISSUER: nowhere,
        OIDC_CLIENT_ID: CLIENT_ID,
        OIDC_REDIRECT_URI: `${nowhere}/auth/oidc/callback`,
      }),
    );
    await down.init();
    try {
      const res = await request(down.getHttpServer()).get('/auth/oidc/login').set('Accept', 'text/html');
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.text).toContain('single sign-on is unavailable for a moment');
      expect(cookieNamed(res, 'ap_oidc')).toBeUndefined();
    } finally {
      await down.close();
    }
  });

  it('with single sign-on off, its routes do not exist and the console is told so', async () => {
    const off = await createApiApp(
      loadApiConfig({ ...process.env, QUEUE_PREFIX: `oidc-off-${run}`, API_PORT: '3000' }),
    );
    await off.init();
    try {
      const httpOff = () => request(off.getHttpServer());
      expect((await httpOff().get('/auth/oidc')).body).toEqual({ enabled: false, label: null, loginUrl: null });
      expect((await httpOff().get('/auth/oidc/login')).status).toBe(404);
      expect((await httpOff().get('/auth/oidc/callback?code=x&state=y')).status).toBe(404);
    } finally {
      await off.close();
    }
  });
});
