import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import { API_CONFIG, ApiConfig } from '../../api.config';
import { AUTH_REDIS } from '../auth.tokens';
import { sameSecret } from '../session-cookies';
import { OidcRefusal } from './oidc-refusal';

/** How long a person has at the provider between leaving and coming back. */
export const PENDING_LOGIN_SECONDS = 600;

/** What the callback needs to check the provider's answer, kept while the browser is away. */
export interface PendingLogin {
  nonce: string;
  codeVerifier: string;
}

interface Stored extends PendingLogin {
  /** SHA-256 of the browser's binding cookie: the answer must come back to the browser that left. */
  browser: string;
}

// generators.state() makes 43 base64url characters; anything else is not ours and never looked up.
const STATE = /^[A-Za-z0-9_-]{16,128}$/;
const digest = (s: string) => createHash('sha256').update(s).digest('base64url');

/**
 * Sign-ins under way, in Redis (every API replica sees them) under their `state`. Taking one deletes
 * it in the same step, so a callback replayed, or raced by a copy, finds nothing the second time.
 */
@Injectable()
export class PendingLogins {
  private readonly logger = new Logger(PendingLogins.name);
  private readonly prefix: string;

  constructor(
    @Inject(AUTH_REDIS) private readonly redis: Redis,
    @Inject(API_CONFIG) config: ApiConfig,
  ) {
    this.prefix = `${config.QUEUE_PREFIX}:auth:oidc:`;
  }

  async put(state: string, browser: string, login: PendingLogin): Promise<void> {
    const stored: Stored = { ...login, browser: digest(browser) };
    await this.guard(() => this.redis.set(this.prefix + state, JSON.stringify(stored), 'EX', PENDING_LOGIN_SECONDS));
  }

  /** The sign-in `state` names, once, and only for the browser that started it. */
  async take(state: string | undefined, browser: string | undefined): Promise<PendingLogin> {
    if (state === undefined || !STATE.test(state) || browser === undefined) throw new OidcRefusal('expired_or_used');
    const raw = await this.guard(() => this.redis.getdel(this.prefix + state));
    const stored = raw === null ? undefined : (JSON.parse(raw) as Stored);
    if (!stored || !sameSecret(stored.browser, digest(browser))) throw new OidcRefusal('expired_or_used');
    return { nonce: stored.nonce, codeVerifier: stored.codeVerifier };
  }

  private async guard<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (err) {
      this.logger.error(`pending sign-ins unavailable: ${(err as Error).message}`);
      throw new OidcRefusal('unavailable');
    }
  }
}
