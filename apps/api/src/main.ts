import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { ConfigError } from '@app/config';
import { startTracing } from '@app/observability/tracing';
import { assertRedisReachable } from '@app/notifications/redis-check';
import { loadApiConfig } from './api.config';
import { startApi } from './bootstrap';
import { startApiOpsServer } from './metrics/api-ops-server';

async function main(): Promise<void> {
  const tracing = startTracing('api');
  const config = loadApiConfig();
  await assertRedisReachable(config.REDIS_URL, config.STARTUP_TIMEOUT_MS);
  const app = await startApi(config);
  const ops = await startApiOpsServer(app, config);
  // The address the server is bound to, not an assumed one: 0.0.0.0 (all interfaces) must be visible.
  const { address, family, port } = app.getHttpServer().address() as AddressInfo;
  const host = family === 'IPv6' ? `[${address}]` : address;
  console.log(
    JSON.stringify({ level: 30, name: 'api', msg: `API listening on http://${host}:${port} (docs at /docs)` }),
  );
  console.log(
    JSON.stringify({
      level: 30,
      name: 'api',
      msg: `metrics and health on http://${config.METRICS_HOST}:${ops.port} (/metrics, /health/live, /health/ready)`,
    }),
  );
  if (tracing)
    console.log(
      JSON.stringify({
        level: 30,
        name: 'api',
        msg: `tracing on: spans of ${tracing.serviceName} to ${tracing.tracesUrl}`,
      }),
    );
}

main().catch((err) => {
  if (err instanceof ConfigError) console.error(err.message);
  else console.error('api failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
