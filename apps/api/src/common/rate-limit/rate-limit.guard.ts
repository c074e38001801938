import {
  CanActivate,
  ExecutionContext,
  Injectable,
  SetMetadata,
  UseFilters,
  UseGuards,
  applyDecorators,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiErrors } from '../../openapi/error.response';
import type { AuthenticatedRequest } from '../../auth/auth.tokens';
import { RetryAfterFilter } from '../../auth/retry-later';
import { RateLimiter, RateLimitName } from './rate-limiter';

interface RateLimitRule {
  name: RateLimitName;
  /** Only requests it holds for are counted (e.g. the CSV form of a list that also answers JSON). */
  when?: (req: AuthenticatedRequest) => boolean;
}

const RATE_LIMIT = Symbol('RATE_LIMIT');

/**
 * Counts the request against the person's allowance `name` before the handler runs: past it the
 * answer is 429 with Retry-After and nothing is done. Runs after the global authentication guard,
 * so it is keyed by the signed-in person.
 */
export function RateLimited(name: RateLimitName, when?: RateLimitRule['when']): MethodDecorator {
  return applyDecorators(
    SetMetadata(RATE_LIMIT, { name, when } satisfies RateLimitRule),
    UseGuards(RateLimitGuard),
    UseFilters(RetryAfterFilter),
    ApiErrors({
      429: `too many such requests from you (per-person limit on ${name}); Retry-After says when to try again`,
      503: 'the limiter cannot be reached for a moment; Retry-After says when to try again',
    }),
  );
}

@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limiter: RateLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.get<RateLimitRule | undefined>(RATE_LIMIT, context.getHandler());
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    // Without a principal the global guard has already refused; nothing to count.
    if (!rule || !req.principal || (rule.when && !rule.when(req))) return true;
    await this.limiter.take(rule.name, req.principal.personId);
    return true;
  }
}
