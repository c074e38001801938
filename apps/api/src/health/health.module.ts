import { Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import Redis from 'ioredis';
import { API_CONFIG, ApiConfig } from '../api.config';
import { DependencyChecks } from './dependency-checks';
import { HealthController } from './health.controller';
import { HEALTH_REDIS } from './health.tokens';

@Module({
  imports: [TerminusModule],
  controllers: [HealthController],
  providers: [
    DependencyChecks,
    {
      provide: HEALTH_REDIS,
      inject: [API_CONFIG],
      // One short-timeout connection for health pings; failures show as "down", not as a crash.
      useFactory: (c: ApiConfig) => {
        const r = new Redis(c.REDIS_URL, { connectTimeout: 2000, maxRetriesPerRequest: 1, enableOfflineQueue: false });
        r.on('error', () => undefined);
        return r;
      },
    },
  ],
  exports: [DependencyChecks],
})
export class HealthModule implements OnApplicationShutdown {
  constructor(@Inject(HEALTH_REDIS) private readonly redis: Redis) {}

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
