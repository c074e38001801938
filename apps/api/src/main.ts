import 'reflect-metadata';
import { ConfigError } from '@app/config';
import { assertRedisReachable } from '@app/notifications/redis-check';
import { loadApiConfig } from './api.config';
import { startApi } from './bootstrap';

async function main(): Promise<void> {
  const config = loadApiConfig();
  await assertRedisReachable(config.REDIS_URL, config.STARTUP_TIMEOUT_MS);
  await startApi(config);
  console.log(
    JSON.stringify({
      level: 30,
      name: 'api',
      msg: `API listening on http://127.0.0.1:${config.API_PORT} (docs at /docs)`,
    }),
  );
}

main().catch((err) => {
  if (err instanceof ConfigError) console.error(err.message);
  else console.error('api failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
