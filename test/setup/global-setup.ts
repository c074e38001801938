/**
 * Starts what integration and end-to-end tests share: a fresh test database with migrations
 * applied, and one real Temporal dev server (the project's pinned binary). Postgres and Redis must
 * be running (npm test starts them); if anything is missing the run fails here, loudly.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Connection } from '@temporalio/client';
import Redis from 'ioredis';
import { migrate, recreateDatabase } from '../../libs/persistence/src';
import { freePort } from '../utils/free-port';

const ROOT = path.resolve(__dirname, '../..');

async function waitForTemporal(address: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the Temporal dev server exited with code ${child.exitCode}`);
    try {
      const c = await Connection.connect({ address, connectTimeout: 1000 });
      await c.workflowService.describeNamespace({ namespace: 'default' });
      await c.close();
      return;
    } catch (err) {
      lastError = err;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`Temporal dev server did not answer on ${address} within ${timeoutMs} ms: ${String(lastError)}`);
}

export default async function globalSetup(): Promise<void> {
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 3000 });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    throw new Error(`Redis is not reachable at ${redisUrl} (${(err as Error).message}); run the tests with "npm test", which starts it`);
  } finally {
    redis.disconnect();
  }

  const databaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/action_programmes_test';
  await recreateDatabase(databaseUrl);
  await migrate(databaseUrl);

  const cli = process.env.TEMPORAL_CLI ?? path.join(ROOT, '.tools/temporal/bin/temporal');
  if (!existsSync(cli)) throw new Error(`Temporal CLI not found at ${cli}; run "bash infra/temporal/install.sh" (npm test does)`);
  const port = await freePort();
  const address = `127.0.0.1:${port}`;
  const attributes = readFileSync(path.join(ROOT, 'infra/temporal/search-attributes.txt'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .flatMap((l) => ['--search-attribute', l]);
  const child = spawn(cli, ['server', 'start-dev', '--headless', '--ip', '127.0.0.1', '--port', String(port), '--log-level', 'error', ...attributes], {
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: false,
  });
  (globalThis as Record<string, unknown>).__TEMPORAL_DEV_SERVER__ = child;
  await waitForTemporal(address, child, 60_000);

  process.env.DATABASE_URL = databaseUrl;
  process.env.REDIS_URL = redisUrl;
  process.env.TEMPORAL_ADDRESS = address;
  process.env.QUEUE_PREFIX = `test-${process.pid}`;
  process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'silent';
  process.env.NODE_ENV = 'test';
}
