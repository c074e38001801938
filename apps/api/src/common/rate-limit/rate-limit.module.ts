import { Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { API_CONFIG, ApiConfig } from '../../api.config';
import { RateLimitGuard } from './rate-limit.guard';
import { RATE_LIMIT_REDIS, RateLimiter } from './rate-limiter';

/** Per-person limits on costly requests; modules whose routes use `@RateLimited` import it. */
@Module({
  providers: [
    RateLimiter,
    RateLimitGuard,
    {
      provide: RATE_LIMIT_REDIS,
      inject: [API_CONFIG],
      // Short timeouts: while Redis is away costly requests fail fast with 503 rather than hang.
      useFactory: (c: ApiConfig) => {
        const r = new Redis(c.REDIS_URL, { connectTimeout: 2000, maxRetriesPerRequest: 1 });
        r.on('error', () => undefined);
        return r;
      },
    },
  ],
  exports: [RateLimiter, RateLimitGuard],
})
export class RateLimitModule implements OnApplicationShutdown {
  constructor(@Inject(RATE_LIMIT_REDIS) private readonly redis: Redis) {}

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
