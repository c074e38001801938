import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ApiConfig, loadApiConfig } from '../apps/api/src/api.config';
import { hashPassword } from '../apps/api/src/auth/auth.service';
import { createApiApp, startApi } from '../apps/api/src/bootstrap';
import { DEMO_PASSWORD } from '../apps/api/src/seed/demo-data';
import { seedPeople } from '../apps/api/src/seed/seed-people';
import { freePort } from './utils/free-port';
import { installQuietRuntime } from './utils/time-skipping-env';

/**
 * Sessions over HTTP against the real API, Postgres and Redis: short access tokens bound to a
 * revocable session, rotating refresh tokens with reuse detection, cookie mode with CSRF, password
 * change and admin reset, login throttling and bounded hashing, and what no longer gets in (the old
 * committed secret, NUL characters). People whose accounts the tests change are this file's own.
 */
const run = randomUUID().slice(0, 8);
const OLD_COMMITTED_SECRET = 'local-development-only-secret-change-me-0123456789';
const STRONG = 'Sông Hậu chảy qua Vị Thanh mùa nước nổi';

describe('sessions (e2e)', () => {
  let app: INestApplication;
  let config: ApiConfig;
  let db: DataSource;
  const http = () => request(app.getHttpServer());
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  /** A person of this run only, in Hậu Giang's committee, with the demo password. */
  async function person(name: string, roles = ['STAFF']): Promise<{ id: string; username: string }> {
    const id = `sess-${run}-${name}`;
    await db.query(
      `INSERT INTO person (id, username, full_name, password_hash, unit_id, roles) VALUES ($1, $1, $1, $2, 'hg-tu', $3)`,
      [id, await hashPassword(DEMO_PASSWORD), roles],
    );
    return { id, username: id };
  }

  async function login(username: string, password = DEMO_PASSWORD) {
    const res = await http().post('/auth/login').send({ username, password });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { accessToken: string; refreshToken: string; mustChangePassword: boolean };
  }

  beforeAll(async () => {
    installQuietRuntime();
    // startApi, as production runs it: nothing set, so it must pick 127.0.0.1 by itself.
    // Generous per-address allowance: every request here comes from 127.0.0.1 (the small limits are below).
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      QUEUE_PREFIX: `sess-${run}`,
      API_PORT: String(await freePort()),
      LOGIN_FREE_FAILURES_PER_IP: '1000',
    };
    delete env.API_HOST;
    config = loadApiConfig(env);
    app = await startApi(config);
    db = app.get(DataSource);
    await seedPeople(db);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('listens on 127.0.0.1 unless API_HOST says otherwise', () => {
    expect((app.getHttpServer().address() as AddressInfo).address).toBe('127.0.0.1');
  });

  describe('tokens', () => {
    it('login answers a short-lived access token bound to a session, and a refresh token', async () => {
      const body = await login('bithu.hg');
      expect(body).toMatchObject({ tokenType: 'Bearer', expiresIn: 600, mustChangePassword: false });
      expect(body.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const claims = new JwtService().decode(body.accessToken);
      expect(claims).toMatchObject({ sub: 'hg-bithu', tv: expect.any(Number), sid: expect.any(String) });
      expect(claims.exp - claims.iat).toBe(600);
      const me = await http().get('/auth/me').set(bearer(body.accessToken));
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ personId: 'hg-bithu', username: 'bithu.hg', mustChangePassword: false });
    });

    it('refuses a token signed with the development secret once committed, even naming a live session', async () => {
      const real = new JwtService().decode((await login('bithu.hg')).accessToken);
      const forged = new JwtService({ secret: OLD_COMMITTED_SECRET }).sign(
        { sub: real.sub, sid: real.sid, tv: real.tv },
        { expiresIn: 600 },
      );
      const res = await http().get('/programmes').set(bearer(forged));
      expect(res.status).toBe(401);
      expect(res.body.message).toMatch(/invalid or expired/);
      const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(
        JSON.stringify({ sub: real.sub, sid: real.sid, tv: real.tv }),
      ).toString('base64url')}.`;
      expect((await http().get('/programmes').set(bearer(unsigned))).status).toBe(401);
    });

    it('refuses an expired access token', async () => {
      const real = new JwtService().decode((await login('bithu.hg')).accessToken);
      const expired = new JwtService({ secret: config.JWT_SECRET }).sign(
        { sub: real.sub, sid: real.sid, tv: real.tv },
        { expiresIn: -10, algorithm: 'HS256' },
      );
      expect((await http().get('/auth/me').set(bearer(expired))).status).toBe(401);
    });

    it('rotates refresh tokens, and a reused one ends the whole session', async () => {
      const first = await login('pbt.hg');
      const r1 = await http().post('/auth/refresh').send({ refreshToken: first.refreshToken });
      expect(r1.status).toBe(200);
      expect(r1.body.refreshToken).not.toBe(first.refreshToken);
      expect((await http().get('/auth/me').set(bearer(r1.body.accessToken))).status).toBe(200);
      const r2 = await http().post('/auth/refresh').send({ refreshToken: r1.body.refreshToken });
      expect(r2.status).toBe(200);

      // The first token again: someone kept a copy. Everything of that login ends, thief's and owner's.
      const reuse = await http().post('/auth/refresh').send({ refreshToken: first.refreshToken });
      expect(reuse.status).toBe(401);
      expect(reuse.body.message).toMatch(/already used/);
      expect((await http().get('/auth/me').set(bearer(r2.body.accessToken))).status).toBe(401);
      expect((await http().post('/auth/refresh').send({ refreshToken: r2.body.refreshToken })).status).toBe(401);
      // Other logins of the same person are not touched.
      expect(
        (
          await http()
            .get('/auth/me')
            .set(bearer((await login('pbt.hg')).accessToken))
        ).status,
      ).toBe(200);
    });

    it('refuses an unknown refresh token', async () => {
      const res = await http()
        .post('/auth/refresh')
        .send({ refreshToken: 'x'.repeat(43) });
      expect(res.status).toBe(401);
      expect((await http().post('/auth/refresh').send({})).status).toBe(401);
    });

    it('logout ends the session at once: its access and refresh tokens stop working', async () => {
      const s = await login('chuyenvien.hg');
      expect((await http().get('/programmes').set(bearer(s.accessToken))).status).toBe(200);
      expect((await http().post('/auth/logout').set(bearer(s.accessToken))).status).toBe(204);
      const after = await http().get('/programmes').set(bearer(s.accessToken));
      expect(after.status).toBe(401);
      expect(after.body.message).toMatch(/session has ended/);
      expect((await http().post('/auth/refresh').send({ refreshToken: s.refreshToken })).status).toBe(401);

      // An API client whose access token has expired logs out with its refresh token.
      const t = await login('chuyenvien.hg');
      expect((await http().post('/auth/logout').send({ refreshToken: t.refreshToken })).status).toBe(204);
      expect((await http().get('/auth/me').set(bearer(t.accessToken))).status).toBe(401);
      expect((await http().post('/auth/logout').send({})).status).toBe(401);
    });
  });

  describe('account changes end sessions at once', () => {
    it('disabling a person (by hand, in SQL) ends their sessions on the next request', async () => {
      const p = await person('disabled');
      const s = await login(p.username);
      expect((await http().get('/programmes').set(bearer(s.accessToken))).status).toBe(200);
      await db.query(`UPDATE person SET active = false WHERE id = $1`, [p.id]);
      const res = await http().get('/programmes').set(bearer(s.accessToken));
      expect(res.status).toBe(401);
      expect(res.body.message).toMatch(/disabled/);
      expect((await http().post('/auth/refresh').send({ refreshToken: s.refreshToken })).status).toBe(401);
      const relogin = await http().post('/auth/login').send({ username: p.username, password: DEMO_PASSWORD });
      expect(relogin.status).toBe(401);
      expect(relogin.body.message).toBe('wrong username or password');

      // Enabled again: the old session stays dead (the token version moved on); a new login works.
      await db.query(`UPDATE person SET active = true WHERE id = $1`, [p.id]);
      expect((await http().get('/programmes').set(bearer(s.accessToken))).status).toBe(401);
      expect(
        (
          await http()
            .get('/programmes')
            .set(bearer((await login(p.username)).accessToken))
        ).status,
      ).toBe(200);
    });

    it('a role change ends the sessions; an unrelated change does not', async () => {
      const p = await person('roles');
      const s = await login(p.username);
      await db.query(`UPDATE person SET full_name = 'Renamed', locale = 'en' WHERE id = $1`, [p.id]);
      expect((await http().get('/auth/me').set(bearer(s.accessToken))).status).toBe(200);
      await db.query(`UPDATE person SET roles = '{STAFF,INSPECTOR}' WHERE id = $1`, [p.id]);
      const res = await http().get('/auth/me').set(bearer(s.accessToken));
      expect(res.status).toBe(401);
      expect(res.body.message).toMatch(/session has ended/);
      expect((await http().post('/auth/refresh').send({ refreshToken: s.refreshToken })).status).toBe(401);
      const fresh = await http()
        .get('/auth/me')
        .set(bearer((await login(p.username)).accessToken));
      expect(fresh.body.roles).toEqual(['STAFF', 'INSPECTOR']);
    });
  });

  describe('passwords', () => {
    it('refuses weak new passwords, each with its reason, and a wrong current password', async () => {
      const p = await person('policy');
      const { accessToken } = await login(p.username);
      const change = (currentPassword: string, newPassword: string) =>
        http().post('/auth/password').set(bearer(accessToken)).send({ currentPassword, newPassword });
      const refusals: Array<[string, RegExp]> = [
        ['short-1', /at least 12 characters/],
        ['x'.repeat(64) + 'y'.repeat(65), /at most 128 characters/],
        [`${p.username}-2025`, /must not contain the username/],
        ['QwertyQwerty', /too common/],
        ['1qaz2wsx3edc4rfv', /too common/],
        [DEMO_PASSWORD, /too common/],
      ];
      for (const [newPassword, reason] of refusals) {
        const res = await change(DEMO_PASSWORD, newPassword);
        expect(res.status).toBe(400);
        expect(res.body.message.join(' ')).toMatch(reason);
      }
      const wrong = await change('not-the-password', STRONG);
      expect(wrong.status).toBe(403);
      expect(wrong.body.message).toMatch(/current password is not correct/);
      expect((await http().get('/auth/me').set(bearer(accessToken))).status).toBe(200);
    });

    it('a change ends every other session and answers a new one; only the new password works', async () => {
      const p = await person('change');
      const other = await login(p.username);
      const mine = await login(p.username);
      const res = await http()
        .post('/auth/password')
        .set(bearer(mine.accessToken))
        .send({ currentPassword: DEMO_PASSWORD, newPassword: STRONG });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ tokenType: 'Bearer', mustChangePassword: false });
      expect((await http().get('/auth/me').set(bearer(other.accessToken))).status).toBe(401);
      expect((await http().post('/auth/refresh').send({ refreshToken: other.refreshToken })).status).toBe(401);
      expect((await http().get('/auth/me').set(bearer(mine.accessToken))).status).toBe(401);
      expect((await http().get('/auth/me').set(bearer(res.body.accessToken))).status).toBe(200);
      expect((await http().post('/auth/refresh').send({ refreshToken: res.body.refreshToken })).status).toBe(200);
      const old = await http().post('/auth/login').send({ username: p.username, password: DEMO_PASSWORD });
      expect(old.status).toBe(401);
      expect((await login(p.username, STRONG)).accessToken).toBeTruthy();
    });

    it('an admin reset ends the sessions and forces a change before anything else', async () => {
      const p = await person('reset');
      const before = await login(p.username);
      const admin = (await login('admin')).accessToken;

      const notAdmin = await http()
        .post(`/admin/accounts/${p.id}/password-reset`)
        .set(bearer((await login('bithu.hg')).accessToken))
        .send({});
      expect(notAdmin.status).toBe(403);
      const weak = await http()
        .post(`/admin/accounts/${p.id}/password-reset`)
        .set(bearer(admin))
        .send({ temporaryPassword: 'password1234' });
      expect(weak.status).toBe(400);
      expect(
        (await http().post(`/admin/accounts/nobody-${run}/password-reset`).set(bearer(admin)).send({})).status,
      ).toBe(404);

      const reset = await http().post(`/admin/accounts/${p.id}/password-reset`).set(bearer(admin)).send({});
      expect(reset.status).toBe(200);
      expect(reset.body).toMatchObject({ personId: p.id, mustChangePassword: true, sessionsEnded: 1 });
      expect(reset.body.temporaryPassword).toMatch(/^[A-Za-z0-9]{5}(-[A-Za-z0-9]{5}){3}$/);
      expect((await http().get('/auth/me').set(bearer(before.accessToken))).status).toBe(401);

      const temp = await login(p.username, reset.body.temporaryPassword);
      expect(temp.mustChangePassword).toBe(true);
      const blocked = await http().get('/programmes').set(bearer(temp.accessToken));
      expect(blocked.status).toBe(403);
      expect(blocked.body.message).toMatch(/password was reset: choose a new one \(POST \/auth\/password\)/);
      const me = await http().get('/auth/me').set(bearer(temp.accessToken));
      expect(me.status).toBe(200);
      expect(me.body.mustChangePassword).toBe(true);

      const changed = await http()
        .post('/auth/password')
        .set(bearer(temp.accessToken))
        .send({ currentPassword: reset.body.temporaryPassword, newPassword: STRONG });
      expect(changed.status).toBe(200);
      expect(changed.body.mustChangePassword).toBe(false);
      expect((await http().get('/programmes').set(bearer(changed.body.accessToken))).status).toBe(200);
    });
  });

  describe('cookie mode', () => {
    const cookiesOf = (res: request.Response): string[] => ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    const jar = (setCookies: string[]) => setCookies.map((c) => c.split(';')[0]).join('; ');

    it('keeps the session in HttpOnly SameSite=Strict cookies, puts no token in the body, and needs the CSRF token for changes', async () => {
      const res = await http()
        .post('/auth/login')
        .send({ username: 'chuyenvien.hg', password: DEMO_PASSWORD, session: 'cookie' });
      expect(res.status).toBe(200);
      expect(res.body.accessToken).toBeUndefined();
      expect(res.body.refreshToken).toBeUndefined();
      expect(res.body).toMatchObject({ tokenType: 'cookie', csrfToken: expect.any(String) });
      const set = cookiesOf(res);
      const find = (name: string) => set.find((c) => c.startsWith(`${name}=`)) ?? '';
      expect(find('ap_access')).toMatch(/; Path=\/;.*HttpOnly.*SameSite=Strict/);
      expect(find('ap_refresh')).toMatch(/; Path=\/auth;.*HttpOnly.*SameSite=Strict/);
      expect(find('csrf')).not.toMatch(/HttpOnly/);
      expect(find('csrf')).toContain(`csrf=${res.body.csrfToken}`);
      const cookie = jar(set);
      const csrf = res.body.csrfToken as string;

      expect((await http().get('/auth/me').set('Cookie', cookie)).status).toBe(200);
      // Unsafe methods: refused by the guard without the token (403) or with a wrong one; with it the
      // request goes on to validation (400: an empty programme).
      const none = await http().post('/programmes').set('Cookie', cookie).send({});
      expect(none.status).toBe(403);
      expect(none.body.message).toMatch(/CSRF/);
      expect(
        (await http().post('/programmes').set('Cookie', cookie).set('X-CSRF-Token', 'forged').send({})).status,
      ).toBe(403);
      expect((await http().post('/programmes').set('Cookie', cookie).set('X-CSRF-Token', csrf).send({})).status).toBe(
        400,
      );
      // A bearer request needs no CSRF token: a page on another site cannot set that header.
      const token = (await login('chuyenvien.hg')).accessToken;
      expect((await http().post('/programmes').set(bearer(token)).send({})).status).toBe(400);

      // Refresh by cookie: the CSRF token again, then rotated cookies; the old refresh cookie is spent.
      expect((await http().post('/auth/refresh').set('Cookie', cookie).send({})).status).toBe(403);
      const refreshed = await http().post('/auth/refresh').set('Cookie', cookie).set('X-CSRF-Token', csrf).send({});
      expect(refreshed.status).toBe(200);
      expect(refreshed.body.accessToken).toBeUndefined();
      const cookie2 = jar(cookiesOf(refreshed));
      expect(cookie2).not.toBe(cookie);
      expect((await http().get('/auth/me').set('Cookie', cookie2)).status).toBe(200);

      // Logout by cookie: needs the CSRF token, revokes, and clears the cookies.
      expect((await http().post('/auth/logout').set('Cookie', cookie2).send({})).status).toBe(403);
      const out = await http().post('/auth/logout').set('Cookie', cookie2).set('X-CSRF-Token', csrf).send({});
      expect(out.status).toBe(204);
      expect(cookiesOf(out).join('\n')).toMatch(/ap_access=;.*Expires=Thu, 01 Jan 1970/);
      expect((await http().get('/auth/me').set('Cookie', cookie2)).status).toBe(401);
    });
  });

  describe('login answers', () => {
    it('an unknown username, a wrong password and a disabled account get the same answer in similar time', async () => {
      const p = await person('inactive');
      await db.query(`UPDATE person SET active = false WHERE id = $1`, [p.id]);
      const attempt = async (username: string, password: string) => {
        const t = process.hrtime.bigint();
        const res = await http().post('/auth/login').send({ username, password });
        return { res, ms: Number(process.hrtime.bigint() - t) / 1e6 };
      };
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      const unknown: number[] = [];
      const wrong: number[] = [];
      for (let i = 0; i < 5; i++) {
        const u = await attempt(`nobody-${run}-${i}`, 'whatever-password');
        const w = await attempt('gd.skhdt.hg', 'whatever-password');
        const d = await attempt(p.username, DEMO_PASSWORD);
        for (const r of [u, w, d]) {
          expect(r.res.status).toBe(401);
          expect(r.res.body).toEqual({ statusCode: 401, message: 'wrong username or password', error: 'Unauthorized' });
        }
        unknown.push(u.ms);
        wrong.push(w.ms);
      }
      // Both verify an argon2 hash of the same cost; without the dummy hash an unknown name answers at once.
      expect(median(unknown)).toBeGreaterThan(median(wrong) * 0.5);
      await login('gd.skhdt.hg');
    });

    it('refuses a NUL or a lone surrogate with 400, in the login and anywhere else', async () => {
      const nul = await http().post('/auth/login').send({ username: 'bithu\u0000.hg', password: 'x' });
      expect(nul.status).toBe(400);
      expect(nul.body.message.join(' ')).toMatch(/body.username contains a NUL/);
      expect((await http().post('/auth/login').send({ username: 'bithu.hg', password: 'x\uD800' })).status).toBe(400);
      const token = (await login('chuyenvien.hg')).accessToken;
      expect((await http().get('/programmes/abc%00def').set(bearer(token))).status).toBe(400);
      expect((await http().get('/programmes?fieldGroup=a%00b').set(bearer(token))).status).toBe(400);
      const title = await http().post('/programmes').set(bearer(token)).send({ title: 'Nghị quyết\u0000' });
      expect(title.status).toBe(400);
    });
  });
});

describe('login throttling and bounded hashing (e2e, small limits)', () => {
  let app: INestApplication;
  const http = () => request(app.getHttpServer());
  const attempt = (username: string, password = 'wrong-password') =>
    http().post('/auth/login').send({ username, password });

  beforeAll(async () => {
    installQuietRuntime();
    app = await createApiApp(
      loadApiConfig({
        ...process.env,
        QUEUE_PREFIX: `sess-throttle-${run}`,
        LOGIN_FREE_FAILURES_PER_USERNAME: '2',
        LOGIN_FREE_FAILURES_PER_IP: '12',
        LOGIN_LOCKOUT_BASE_MS: '1000',
        LOGIN_LOCKOUT_MAX_MS: '60000',
        PASSWORD_HASH_CONCURRENCY: '1',
        PASSWORD_HASH_QUEUE: '1',
        // Requests come from loopback: their X-Forwarded-For stands for the client behind a proxy.
        TRUST_PROXY: 'loopback',
      }),
    );
    await app.init();
    await seedPeople(app.get(DataSource));
  });

  afterAll(async () => {
    await app?.close();
  });

  it('hashes one password at a time with one waiting; more get 503 with Retry-After', async () => {
    const people = ['bithu.hg', 'pbt.hg', 'chuyenvien.hg', 'gd.skhdt.hg', 'gd.stc.hg', 'ubkt.hg', 'bithu.lc'];
    const answers = await Promise.all(people.map((u) => attempt(u, DEMO_PASSWORD)));
    const statuses = answers.map((a) => a.status);
    expect(statuses).toContain(200);
    expect(statuses).toContain(503);
    expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
    for (const busy of answers.filter((a) => a.status === 503)) expect(busy.headers['retry-after']).toBe('1');
  });

  it('per username: after the free failures, growing delays with 429 and Retry-After, even for the right password', async () => {
    const user = 'bithu.tuky';
    expect((await attempt(user)).status).toBe(401);
    expect((await attempt(user)).status).toBe(401);
    expect((await attempt(user)).status).toBe(401); // the third: answered, and locks for 1 s
    const locked = await attempt(user, DEMO_PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.headers['retry-after']).toBe('1');
    expect(locked.body.message).toMatch(/too many failed logins/);
    // Other usernames are not held up by it.
    expect((await attempt('gd.stc.hg', DEMO_PASSWORD)).status).toBe(200);

    await new Promise((r) => setTimeout(r, 1100));
    expect((await attempt(user)).status).toBe(401); // the fourth: locks for 2 s
    const longer = await attempt(user, DEMO_PASSWORD);
    expect(longer.status).toBe(429);
    expect(longer.headers['retry-after']).toBe('2');

    // Case does not make a new allowance.
    expect((await attempt(user.toUpperCase())).status).toBe(429);
    await new Promise((r) => setTimeout(r, 2100));
    // The right password once the delay is over: in, and the username starts afresh.
    expect((await attempt(user, DEMO_PASSWORD)).status).toBe(200);
    expect((await attempt(user)).status).toBe(401);
  });

  it('per address: failures spread over many usernames lock the address out, for every username', async () => {
    let locked: request.Response | undefined;
    for (let i = 0; i < 20 && !locked; i++) {
      const res = await attempt(`nobody-${run}-${i}`);
      if (res.status === 429) locked = res;
      else expect(res.status).toBe(401);
    }
    expect(locked?.headers['retry-after']).toMatch(/^\d+$/);
    // A username never tried before, with its right password: the address is what is locked.
    expect((await attempt('chuyenvien.lc', DEMO_PASSWORD)).status).toBe(429);
    // Another client behind the trusted proxy is not.
    const elsewhere = await http()
      .post('/auth/login')
      .set('X-Forwarded-For', '198.51.100.23')
      .send({ username: 'chuyenvien.lc', password: DEMO_PASSWORD });
    expect(elsewhere.status).toBe(200);
  });
});
