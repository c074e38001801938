import { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { migrate, recreateDatabase } from '../libs/persistence/src';
import { eventually } from './utils/eventually';
import { freePort } from './utils/free-port';
import { PrivatePostgres, startPrivateRedis } from './utils/private-services';
import { startTestStack, TestStack } from './utils/test-stack';

/**
 * Postgres or Redis lost while staff act: the API answers 503 with Retry-After (never 500) for what
 * needs the lost service, keeps answering what does not, reports not-ready while live, and recovers
 * by itself when the service returns. Both servers are private to this file (a temporary Postgres
 * cluster and redis-server on free ports); the machine's shared ones are never touched. Delivery of
 * queued notifications after a Redis restart is covered by notifications-faults.e2e-spec.ts.
 */
describe('Postgres and Redis lost while staff act (e2e)', () => {
  const postgres = new PrivatePostgres();
  let redis: ChildProcess | undefined;
  let redisDir: string;
  let redisPort: number;
  let stack: TestStack;
  let token: string;

  const readProgramme = () => stack.http().get('/programmes/no-such-programme').set('Authorization', `Bearer ${token}`);
  const staffAction = () =>
    stack
      .http()
      .post('/programmes/no-such-programme/actions/submitDraft')
      .set('Authorization', `Bearer ${token}`)
      .send({ requestId: 'b6f7e3a2-4c1d-4e8f-9a0b-1c2d3e4f5a6b', payload: { changeNote: 'bản sửa theo góp ý' } });
  const login = () => stack.http().post('/auth/login').send({ username: 'vanthu.hg', password: 'demo-password' });

  function expectRetryLater(res: { status: number; headers: Record<string, string>; body: { message?: string } }) {
    expect([res.status, res.headers['retry-after']]).toEqual([503, '5']);
    expect(res.body.message).toMatch(/try again/);
  }

  beforeAll(async () => {
    await postgres.init();
    const databaseUrl = `${postgres.url}/ap_services_lost_test`;
    await recreateDatabase(databaseUrl);
    await migrate(databaseUrl);
    redisDir = mkdtempSync(path.join(tmpdir(), 'ap-private-redis-'));
    redisPort = await freePort();
    redis = await startPrivateRedis(redisPort, redisDir);
    stack = await startTestStack(
      { DATABASE_URL: databaseUrl, REDIS_URL: `redis://127.0.0.1:${redisPort}` },
      { notifier: false },
    );
    token = await stack.login('vanthu.hg');
  });

  afterAll(async () => {
    await stack?.close().catch(() => undefined);
    redis?.kill('SIGKILL');
    postgres.destroy();
    if (redisDir) rmSync(redisDir, { recursive: true, force: true });
  });

  it('answers 503 with Retry-After while Postgres is stopped, and recovers when it returns', async () => {
    expect((await readProgramme()).status).toBe(404);
    expect((await staffAction()).status).toBe(404);

    postgres.stop();
    expectRetryLater(await readProgramme());
    expectRetryLater(await staffAction());
    expectRetryLater(await login());
    expect((await stack.http().get('/health/ready')).status).toBe(503);
    expect((await stack.http().get('/health/live')).status).toBe(200);

    await postgres.start();
    await eventually(async () => (await readProgramme()).status === 404, 'reads to work again', 30_000);
    expect((await staffAction()).status).toBe(404);
    expect((await stack.http().get('/health/ready')).status).toBe(200);
  });

  it('keeps answering what needs no Redis while Redis is stopped, and 503 for what does', async () => {
    redis!.kill('SIGTERM');
    await new Promise((resolve) => redis!.once('exit', resolve));
    redis = undefined;

    expect((await readProgramme()).status).toBe(404);
    expect((await staffAction()).status).toBe(404);
    expectRetryLater(await login());
    expect((await stack.http().get('/health/ready')).status).toBe(503);

    redis = await startPrivateRedis(redisPort, redisDir);
    await eventually(async () => (await login()).status === 200, 'logins to work again', 30_000);
    expect((await stack.http().get('/health/ready')).status).toBe(200);
  });
});
