import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { ConfigError } from '@app/config';
import { assertRedisReachable } from '@app/notifications/redis-check';
import { loadNotifierConfig } from './notifier.config';
import { NotifierModule } from './notifier.module';

async function main(): Promise<void> {
  const config = loadNotifierConfig();
  await assertRedisReachable(config.REDIS_URL, config.STARTUP_TIMEOUT_MS);
  const app = await NestFactory.createApplicationContext(NotifierModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  // On SIGTERM Nest closes the BullMQ workers (letting active jobs finish) and the DB pool.
  app.enableShutdownHooks();
  app.get(Logger).log('notifier delivering notifications (in-app, e-mail, webhook, digests)');
}

main().catch((err) => {
  if (err instanceof ConfigError) console.error(err.message);
  else console.error('notifier failed:', err);
  process.exit(1);
});
