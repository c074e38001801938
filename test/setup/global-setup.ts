/**
 * Starts what integration and end-to-end tests share: a fresh test database with migrations
 * applied, and one real Temporal dev server (the project's pinned binary). Postgres and Redis must
 * be running (npm test starts them); if anything is missing the run fails here, loudly.
 */
import Redis from 'ioredis';
import { migrate, recreateDatabase } from '../../libs/persistence/src';
import { startTemporalDevServer } from '../utils/temporal-dev-server';

export default async function globalSetup(): Promise<void> {
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const redis = new Redis(redisUrl, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: 3000,
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    throw new Error(
      `Redis is not reachable at ${redisUrl} (${(err as Error).message}); run the tests with "npm test", which starts it`,
      { cause: err },
    );
  } finally {
    redis.disconnect();
  }

  const databaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/action_programmes_test';
  await recreateDatabase(databaseUrl);
  await migrate(databaseUrl);

  const server = await startTemporalDevServer();
  (globalThis as Record<string, unknown>).__TEMPORAL_DEV_SERVER__ = server.child;
  const address = server.address;

  process.env.DATABASE_URL = databaseUrl;
  process.env.REDIS_URL = redisUrl;
  process.env.TEMPORAL_ADDRESS = address;
  process.env.QUEUE_PREFIX = `test-${process.pid}`;
  process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'silent';
  process.env.NODE_ENV = 'test';
  // Apps a test spawns take any free port for their ops listener (several runs share the machine).
  process.env.METRICS_PORT = '0';
  process.env.WORKER_SDK_METRICS_PORT = '0';
}
