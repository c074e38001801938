import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { pagingQuery } from '../../common/pagination.query';

export const AUDIT_ORDERS = ['asc', 'desc'] as const;

/**
 * A page of a programme's audit trail. The defaults (the oldest 200 events) are the answer the
 * route always gave; `order=desc` reads a long programme's recent events first.
 */
export class ProgrammeAuditQuery extends pagingQuery([
  { name: 'limit', default: 200, min: 1, max: 200 },
  { name: 'offset', default: 0, min: 0, max: 100_000 },
]) {
  @ApiPropertyOptional({ enum: AUDIT_ORDERS, default: 'asc', description: 'desc: newest first' })
  @IsOptional()
  @IsIn(AUDIT_ORDERS)
  order: (typeof AUDIT_ORDERS)[number] = 'asc';
}
