export { RateLimited, RateLimitGuard } from './rate-limit.guard';
export { RateLimitModule } from './rate-limit.module';
export { RateLimiter, type RateLimitName } from './rate-limiter';
