import { Inject, Injectable, Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import { API_CONFIG, ApiConfig } from '../../api.config';
import { RetryLaterException } from '../../auth/retry-later';

/** Redis connection the per-person limits count in (shared by every API replica). */
export const RATE_LIMIT_REDIS = Symbol('RATE_LIMIT_REDIS');

/**
 * One atomic step of a sliding-window log: forget the uses older than the window; when `limit` uses
 * remain, refuse with the milliseconds until the oldest leaves the window, without recording this one
 * (a refused request costs nothing, so a client retrying too early does not push its wait further).
 * Otherwise record this use. Redis's own clock keeps every replica on one time.
 * KEYS: the log. ARGV: limit, window ms, a unique member for this use.
 */
const TAKE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return math.max(1, tonumber(oldest[2]) + window - now)
end
redis.call('ZADD', KEYS[1], now, ARGV[3])
redis.call('PEXPIRE', KEYS[1], window)
return 0
`;

type LimiterRedis = Redis & {
  rateLimitTake(key: string, limit: number, windowMs: number, member: string): Promise<number>;
};

/** The costly kinds of request each person may make only so often. */
export type RateLimitName = 'exports' | 'reports' | 'bulk';

interface Allowance {
  limit: number;
  windowMs: number;
  /** What the person did too often, for the refusal's message. */
  what: string;
  per: string;
}

/**
 * Per-person allowances on costly requests (CSV exports, report generation, bulk actions), counted
 * in Redis so that a person cannot multiply them by reaching several API replicas.
 */
@Injectable()
export class RateLimiter {
  private readonly logger = new Logger(RateLimiter.name);
  private readonly redis: LimiterRedis;
  private readonly prefix: string;
  private readonly allowances: Record<RateLimitName, Allowance>;
  private uses = 0;

  constructor(@Inject(RATE_LIMIT_REDIS) redis: Redis, @Inject(API_CONFIG) config: ApiConfig) {
    redis.defineCommand('rateLimitTake', { numberOfKeys: 1, lua: TAKE });
    this.redis = redis as LimiterRedis;
    this.prefix = `${config.QUEUE_PREFIX}:rate`;
    const minute = 60_000;
    const hour = 60 * minute;
    this.allowances = {
      exports: { limit: config.RATE_LIMIT_EXPORTS_PER_MINUTE, windowMs: minute, what: 'CSV exports', per: 'minute' },
      reports: { limit: config.RATE_LIMIT_REPORTS_PER_HOUR, windowMs: hour, what: 'report generations', per: 'hour' },
      bulk: { limit: config.RATE_LIMIT_BULK_PER_HOUR, windowMs: hour, what: 'bulk reassignments', per: 'hour' },
    };
  }

  /**
   * Counts one use of `name` by the person, or throws 429 with Retry-After when they have used it up;
   * 503 while Redis cannot be asked (costly requests are refused, never let through uncounted).
   */
  async take(name: RateLimitName, personId: string): Promise<void> {
    const a = this.allowances[name];
    const member = `${process.pid}:${Date.now()}:${++this.uses}:${Math.random().toString(36).slice(2)}`;
    let waitMs: number;
    try {
      waitMs = await this.redis.rateLimitTake(`${this.prefix}:${name}:${personId}`, a.limit, a.windowMs, member);
    } catch (err) {
      this.logger.error(`rate limiter unavailable: ${(err as Error).message}`);
      throw new RetryLaterException(503, `${a.what} are unavailable for a moment; try again shortly`, 5);
    }
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / 1000);
      throw new RetryLaterException(
        429,
        `too many ${a.what}: at most ${a.limit} per ${a.per}; try again in ${seconds} s`,
        seconds,
      );
    }
  }
}
