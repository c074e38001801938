import { ArgumentsHost, Catch, ExceptionFilter, HttpException } from '@nestjs/common';
import type { Response } from 'express';

/** A refusal that tells the client when to come back: 429 (throttled) or 503 (busy), with Retry-After. */
export class RetryLaterException extends HttpException {
  constructor(
    status: 429 | 503,
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(
      {
        statusCode: status,
        error: status === 429 ? 'Too Many Requests' : 'Service Unavailable',
        message,
        retryAfterSeconds,
      },
      status,
    );
  }
}

/** Writes the Retry-After header the global filter would not; used by the controllers that may throttle. */
@Catch(RetryLaterException)
export class RetryAfterFilter implements ExceptionFilter {
  catch(error: RetryLaterException, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    res.setHeader('Retry-After', String(Math.max(1, Math.ceil(error.retryAfterSeconds))));
    res.status(error.getStatus()).json(error.getResponse());
  }
}
