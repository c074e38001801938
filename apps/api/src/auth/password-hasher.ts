import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { API_CONFIG, ApiConfig } from '../api.config';
import { RetryLaterException } from './retry-later';
import { Semaphore, SemaphoreFullError } from './semaphore';

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

/**
 * argon2 with a bound on how many hashes run at once (each takes tens of milliseconds of CPU and
 * 64 MiB): a burst of logins waits in a short line, and beyond it gets 503 with Retry-After instead
 * of exhausting the server.
 */
@Injectable()
export class PasswordHasher {
  private readonly slots: Semaphore;
  // A real hash of the same cost, so that an unknown username takes as long as a wrong password.
  private readonly dummyHash: Promise<string>;

  constructor(@Inject(API_CONFIG) config: ApiConfig) {
    this.slots = new Semaphore(config.PASSWORD_HASH_CONCURRENCY, config.PASSWORD_HASH_QUEUE);
    this.dummyHash = hashPassword(randomBytes(24).toString('base64url'));
  }

  hash(password: string): Promise<string> {
    return this.limited(() => hashPassword(password));
  }

  /** Checks `password` against `stored`; without a stored hash it checks a dummy one and answers false. */
  /** A person without an account (no hash) is checked against the dummy hash like an unknown username. */
  async verify(stored: string | null | undefined, password: string): Promise<boolean> {
    const hash = stored ?? (await this.dummyHash);
    const ok = await this.limited(() => argon2.verify(hash, password).catch(() => false));
    return typeof stored === 'string' && ok;
  }

  private async limited<T>(task: () => Promise<T>): Promise<T> {
    try {
      return await this.slots.run(task);
    } catch (err) {
      if (err instanceof SemaphoreFullError)
        throw new RetryLaterException(503, 'the server is busy checking passwords; try again in a moment', 1);
      throw err;
    }
  }
}
