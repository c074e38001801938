import { Inject, Injectable, Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import { API_CONFIG, ApiConfig } from '../api.config';
import { AUTH_REDIS } from './auth.tokens';
import { RetryLaterException } from './retry-later';

/**
 * One atomic step per login attempt, for the username and the client address together. While either
 * is locked the attempt is refused with the time left. Otherwise the attempt is counted as a failure
 * up front (so a burst of parallel guesses cannot all slip in before the first is counted), and once
 * a count passes its free allowance every further attempt locks the key for base·2^(n-free-1) ms, up
 * to the maximum. Counts are forgotten after `window` ms without a new attempt.
 * KEYS: user count, user lock, ip count, ip lock. ARGV: user free, ip free, base ms, max ms, window ms.
 */
const ATTEMPT = `
local wait = math.max(redis.call('PTTL', KEYS[2]), redis.call('PTTL', KEYS[4]))
if wait > 0 then return wait end
local function count(countKey, lockKey, free)
  local n = redis.call('INCR', countKey)
  redis.call('PEXPIRE', countKey, ARGV[5])
  if n > free then
    local delay = math.min(tonumber(ARGV[3]) * 2 ^ (n - free - 1), tonumber(ARGV[4]))
    redis.call('SET', lockKey, '1', 'PX', math.max(1, math.floor(delay)))
  end
end
count(KEYS[1], KEYS[2], tonumber(ARGV[1]))
count(KEYS[3], KEYS[4], tonumber(ARGV[2]))
return 0
`;

/** After a success: the username starts afresh, and the address gets back the attempt counted against it. */
const SUCCEEDED = `
redis.call('DEL', KEYS[1], KEYS[2])
if redis.call('DECR', KEYS[3]) <= 0 then redis.call('DEL', KEYS[3]) end
return 0
`;

type ThrottleRedis = Redis & {
  loginAttempt(...keysAndArgs: Array<string | number>): Promise<number>;
  loginSucceeded(...keys: string[]): Promise<number>;
};

/**
 * Login throttling per username and per client address, kept in Redis so every API replica sees the
 * same counts. Unknown usernames are counted like known ones: the answers never tell them apart.
 */
@Injectable()
export class LoginThrottle {
  private readonly logger = new Logger(LoginThrottle.name);
  private readonly redis: ThrottleRedis;
  private readonly prefix: string;

  constructor(
    @Inject(AUTH_REDIS) redis: Redis,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {
    redis.defineCommand('loginAttempt', { numberOfKeys: 4, lua: ATTEMPT });
    redis.defineCommand('loginSucceeded', { numberOfKeys: 3, lua: SUCCEEDED });
    this.redis = redis as ThrottleRedis;
    this.prefix = `${config.QUEUE_PREFIX}:auth:login`;
  }

  /** Throws 429 with Retry-After while the username or the address is locked out. */
  async attempt(ip: string, username: string): Promise<void> {
    const c = this.config;
    const waitMs = await this.guard(() =>
      this.redis.loginAttempt(
        ...this.keys(ip, username),
        c.LOGIN_FREE_FAILURES_PER_USERNAME,
        c.LOGIN_FREE_FAILURES_PER_IP,
        c.LOGIN_LOCKOUT_BASE_MS,
        c.LOGIN_LOCKOUT_MAX_MS,
        c.LOGIN_FAILURE_WINDOW_SECONDS * 1000,
      ),
    );
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / 1000);
      throw new RetryLaterException(429, `too many failed logins; try again in ${seconds} s`, seconds);
    }
  }

  async succeeded(ip: string, username: string): Promise<void> {
    const [userCount, userLock, ipCount] = this.keys(ip, username);
    await this.guard(() => this.redis.loginSucceeded(userCount, userLock, ipCount));
  }

  /** An admin unlocks a username: its failure count and lock are forgotten (addresses keep theirs). Answers whether it was locked. */
  async unlock(username: string): Promise<boolean> {
    const [userCount, userLock] = this.keys('', username);
    const locked = await this.guard(() => this.redis.pttl(userLock));
    await this.guard(() => this.redis.del(userCount, userLock));
    return locked > 0;
  }

  private keys(ip: string, username: string): [string, string, string, string] {
    // Lower case: "Admin" and "admin" must not be two separate allowances.
    const user = `${this.prefix}:user:${username.toLowerCase()}`;
    const addr = `${this.prefix}:ip:${ip}`;
    return [`${user}:n`, `${user}:lock`, `${addr}:n`, `${addr}:lock`];
  }

  /** Without Redis logins are refused (503), never let through unthrottled. */
  private async guard<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (err) {
      this.logger.error(`login throttle unavailable: ${(err as Error).message}`);
      throw new RetryLaterException(503, 'logging in is unavailable for a moment; try again shortly', 5);
    }
  }
}
