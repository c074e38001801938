import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { ConfigError } from '@app/config';
import { startTracing } from '@app/observability/tracing';
import { assertRedisReachable } from '@app/notifications/redis-check';
import { loadNotifierConfig } from './notifier.config';
import { NotifierModule } from './notifier.module';
import { startNotifierOpsServer } from './notifier-metrics';

async function main(): Promise<void> {
  const tracing = startTracing('notifier');
  const config = loadNotifierConfig();
  await assertRedisReachable(config.REDIS_URL, config.STARTUP_TIMEOUT_MS);
  const app = await NestFactory.createApplicationContext(NotifierModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  // On SIGTERM Nest closes the BullMQ workers (letting active jobs finish) and the DB pool.
  app.enableShutdownHooks();
  const ops = await startNotifierOpsServer(app, config);
  app.get(Logger).log('notifier delivering notifications (in-app, e-mail, webhook, digests)');
  if (tracing) app.get(Logger).log(`tracing on: spans of ${tracing.serviceName} to ${tracing.tracesUrl}`);
  app
    .get(Logger)
    .log(`metrics and health on http://${config.METRICS_HOST}:${ops.port} (/metrics, /health/live, /health/ready)`);
}

main().catch((err) => {
  if (err instanceof ConfigError) console.error(err.message);
  else console.error('notifier failed:', err);
  process.exit(1);
});
