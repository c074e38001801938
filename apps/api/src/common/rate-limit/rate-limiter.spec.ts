import type Redis from 'ioredis';
import type { ApiConfig } from '../../api.config';
import { RetryLaterException } from '../../auth/retry-later';
import { RateLimiter } from './rate-limiter';

/** The limiter's answers to what its Lua step returns; the step itself runs against Redis in test/rate-limits. */
describe('RateLimiter', () => {
  const config = {
    QUEUE_PREFIX: 'ap',
    RATE_LIMIT_EXPORTS_PER_MINUTE: 3,
    RATE_LIMIT_REPORTS_PER_HOUR: 2,
    RATE_LIMIT_BULK_PER_HOUR: 1,
  } as ApiConfig;
  const limiterAnswering = (take: jest.Mock) =>
    new RateLimiter({ defineCommand: () => undefined, rateLimitTake: take } as unknown as Redis, config);
  const refusal = async (promise: Promise<unknown>) => {
    const err = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(RetryLaterException);
    const e = err as RetryLaterException;
    return {
      status: e.getStatus(),
      seconds: e.retryAfterSeconds,
      message: (e.getResponse() as { message: string }).message,
    };
  };

  it('counts the use under the person and the kind, with its allowance and window', async () => {
    const take = jest.fn().mockResolvedValue(0);
    await limiterAnswering(take).take('reports', 'hg-pbt');
    expect(take).toHaveBeenCalledWith('ap:rate:reports:hg-pbt', 2, 3_600_000, expect.any(String));
    await limiterAnswering(take).take('exports', 'hg-pbt');
    expect(take).toHaveBeenLastCalledWith('ap:rate:exports:hg-pbt', 3, 60_000, expect.any(String));
  });

  it('refuses with 429 and the wait rounded up to whole seconds', async () => {
    const r = await refusal(limiterAnswering(jest.fn().mockResolvedValue(1500)).take('bulk', 'p'));
    expect(r).toEqual({
      status: 429,
      seconds: 2,
      message: 'too many bulk reassignments: at most 1 per hour; try again in 2 s',
    });
  });

  it('fails closed with 503 while Redis cannot be asked', async () => {
    const r = await refusal(
      limiterAnswering(jest.fn().mockRejectedValue(new Error('ECONNREFUSED'))).take('exports', 'p'),
    );
    expect(r).toMatchObject({ status: 503, seconds: 5 });
  });
});
