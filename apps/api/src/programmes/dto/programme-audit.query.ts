import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

export const AUDIT_ORDERS = ['asc', 'desc'] as const;

/**
 * A page of a programme's audit trail. The defaults (the oldest 200 events) are the answer the
 * route always gave; `order=desc` reads a long programme's recent events first.
 */
export class ProgrammeAuditQuery {
  @ApiPropertyOptional({ type: 'integer', default: 200, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit: number = 200;

  @ApiPropertyOptional({ type: 'integer', default: 0, minimum: 0, maximum: 100_000, description: 'events skipped' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(100_000)
  offset: number = 0;

  @ApiPropertyOptional({ enum: AUDIT_ORDERS, default: 'asc', description: 'desc: newest first' })
  @IsOptional()
  @IsIn(AUDIT_ORDERS)
  order: (typeof AUDIT_ORDERS)[number] = 'asc';
}
