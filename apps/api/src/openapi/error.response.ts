import { applyDecorators, Type } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
  getSchemaPath,
} from '@nestjs/swagger';

/** The body of every refusal the API answers (validation, guards, services and workflow validators alike). */
export class ErrorResponse {
  @ApiProperty({ type: 'integer', example: 404 })
  statusCode: number;

  @ApiProperty({
    description: 'What is wrong: one reason, or one line per problem (validation lists every invalid field)',
    oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
  })
  message: string | string[];

  @ApiPropertyOptional({
    description:
      "The HTTP reason phrase, or the workflow's refusal kind for a refused action (FORBIDDEN, WRONG_PHASE, INVALID, NOT_FOUND)",
    example: 'Not Found',
  })
  error?: string;
}

/** A refusal that says when to try again, in the body and in the Retry-After header. */
export class RetryLaterResponse extends ErrorResponse {
  @ApiProperty({ type: 'integer', description: 'seconds to wait, as in the Retry-After header', example: 30 })
  retryAfterSeconds: number;
}

const RETRY_AFTER = {
  'Retry-After': { description: 'seconds to wait before trying again', required: true, schema: { type: 'integer' } },
};

/** 429 (throttled) and 503 (busy) with Retry-After: `ApiRetryLater({ 429: 'why', 503: 'why' })`. */
export function ApiRetryLater(
  reasons: Partial<Record<429 | 503, string>>,
  type: Type<unknown> = RetryLaterResponse,
): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...Object.entries(reasons).map(([status, description]) =>
      ApiResponse({ status: Number(status), description, type, headers: RETRY_AFTER }),
    ),
  );
}

/** One refusal a route can answer, with why; the body is always an `ErrorResponse`. */
export function ApiError(status: number, description: string): MethodDecorator & ClassDecorator {
  return ApiResponse({ status, description, type: ErrorResponse });
}

/** Several refusals at once: `ApiErrors({ 403: 'why', 404: 'why' })`. */
export function ApiErrors(reasons: Record<number, string>): MethodDecorator & ClassDecorator {
  return applyDecorators(...Object.entries(reasons).map(([status, why]) => ApiError(Number(status), why)));
}

/** A list answered as JSON, or as a CSV download with format=csv. */
export function ApiJsonOrCsv(type: Type<unknown>, description?: string): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(type),
    ApiOkResponse({
      description: description ?? 'JSON, or with format=csv a CSV file (UTF-8 with BOM, every row, no paging)',
      content: {
        'application/json': { schema: { $ref: getSchemaPath(type) } },
        'text/csv': { schema: { type: 'string' } },
      },
    }),
  );
}
