import { ConfigError } from '../libs/config/src';
import { assertRedisReachable } from '../libs/notifications/src/redis-check';
import { ensureDatabase } from '../libs/persistence/src/ensure-database';
import { connectTemporal } from '../libs/temporal/src/temporal.module';
import { loadApiConfig } from '../apps/api/src/api.config';

/** What the apps do at start-up when a dependency is missing: fail, naming the service and address. */
describe('start-up checks', () => {
  it('names Temporal and its address when it is unreachable', async () => {
    await expect(connectTemporal({ address: '127.0.0.1:1', connectTimeoutMs: 1000 })).rejects.toThrow(
      /Temporal is not reachable at 127\.0\.0\.1:1/,
    );
  });

  it('names Redis and its address when it is unreachable', async () => {
    await expect(assertRedisReachable('redis://127.0.0.1:1', 1000)).rejects.toThrow(
      /Redis is not reachable at 127\.0\.0\.1:1/,
    );
  });

  it('names Postgres and its address when it is unreachable', async () => {
    await expect(ensureDatabase('postgres://postgres@127.0.0.1:1/action_programmes')).rejects.toThrow(
      /Postgres is not reachable at 127\.0\.0\.1:1/,
    );
  });

  it('refuses malformed configuration, naming each variable', () => {
    let error: unknown;
    try {
      loadApiConfig({ DATABASE_URL: 'mysql://x', TEMPORAL_ADDRESS: 'no-port', API_PORT: '99999' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/DATABASE_URL=.*expected postgres or postgresql/);
    expect(message).toMatch(/TEMPORAL_ADDRESS=.*expected host:port/);
    expect(message).toMatch(/API_PORT=.*expected 1\.\.65535/);
  });
});
