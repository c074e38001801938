import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { Response } from 'express';
import { RetryLaterException } from '../auth/retry-later';
import { isServiceUnavailable, UNAVAILABLE_RETRY_AFTER_SECONDS } from './service-unavailable';

const STATUS_BY_REFUSAL: Record<string, number> = {
  FORBIDDEN: HttpStatus.FORBIDDEN,
  WRONG_PHASE: HttpStatus.CONFLICT,
  INVALID: HttpStatus.BAD_REQUEST,
  NOT_FOUND: HttpStatus.NOT_FOUND,
};

/**
 * Turns a workflow's refusal (an update validator's ApplicationFailure) into the matching 4xx with
 * the reason a person can read; Nest's own HTTP errors pass through; anything else is a logged 500.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (error instanceof RetryLaterException)
      res.setHeader('Retry-After', String(Math.max(1, Math.ceil(error.retryAfterSeconds))));
    if (error instanceof HttpException) {
      const body = error.getResponse();
      res
        .status(error.getStatus())
        .json(typeof body === 'string' ? { statusCode: error.getStatus(), message: body } : body);
      return;
    }
    if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
      const status = STATUS_BY_REFUSAL[error.cause.type ?? ''] ?? HttpStatus.UNPROCESSABLE_ENTITY;
      res.status(status).json({ statusCode: status, error: error.cause.type, message: error.cause.message });
      return;
    }
    if (error instanceof WorkflowNotFoundError) {
      res.status(404).json({ statusCode: 404, message: 'no such programme is running' });
      return;
    }
    if (isServiceUnavailable(error)) {
      this.logger.warn(`a service is unavailable: ${error instanceof Error ? error.message : String(error)}`);
      res.setHeader('Retry-After', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
      res.status(503).json({
        statusCode: 503,
        error: 'Service Unavailable',
        message: 'a service the API needs is unavailable for a moment; try again shortly',
        retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS,
      });
      return;
    }
    this.logger.error(error instanceof Error ? error.stack : String(error));
    res.status(500).json({ statusCode: 500, message: 'internal error' });
  }
}
