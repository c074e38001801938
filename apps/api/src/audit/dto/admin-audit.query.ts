import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { PERIOD_BOUND } from '../audit-period';

export const AUDIT_OUTCOMES = ['succeeded', 'failed'] as const;
export type AuditOutcomeFilter = (typeof AUDIT_OUTCOMES)[number];

const PERIOD_HELP = 'a day (2026-03-01, Vietnam time) or a time (2026-03-01T08:30:00+07:00)';

/** The filters of the audit, shared by its pages and its CSV export. */
class AuditFilters {
  @ApiPropertyOptional({ description: 'one act, e.g. auth.login or calendar.update', example: 'auth.login' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9.-]{0,99}$/, { message: 'act must be an act name such as auth.login' })
  act?: string;

  @ApiPropertyOptional({ description: 'a person id or a username (also one attempted at a failed login)' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  person?: string;

  @ApiPropertyOptional({ description: `from this ${PERIOD_HELP}, inclusive` })
  @IsOptional()
  @Matches(PERIOD_BOUND, { message: `from must be ${PERIOD_HELP}` })
  from?: string;

  @ApiPropertyOptional({ description: `up to this ${PERIOD_HELP}; a day is included whole` })
  @IsOptional()
  @Matches(PERIOD_BOUND, { message: `to must be ${PERIOD_HELP}` })
  to?: string;

  @ApiPropertyOptional({
    enum: AUDIT_OUTCOMES,
    description: 'succeeded: answered below 400; failed: refused or failed',
  })
  @IsOptional()
  @IsIn(AUDIT_OUTCOMES)
  outcome?: AuditOutcomeFilter;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page: the rows before it (older)' })
  @IsOptional()
  @Matches(/^[1-9]\d{0,17}$/, { message: 'cursor must be the nextCursor of a previous page' })
  cursor?: string;
}

export const AUDIT_PAGE_MAX = 200;
export const AUDIT_CSV_MAX = 5000;

/** A page of the audit, newest first. */
export class AdminAuditQuery extends AuditFilters {
  @ApiPropertyOptional({ type: 'integer', default: 50, minimum: 1, maximum: AUDIT_PAGE_MAX })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(AUDIT_PAGE_MAX)
  limit: number = 50;
}

/** A CSV slice of the audit, newest first; the X-Next-Cursor header asks for the next. */
export class AdminAuditCsvQuery extends AuditFilters {
  @ApiPropertyOptional({ type: 'integer', default: AUDIT_CSV_MAX, minimum: 1, maximum: AUDIT_CSV_MAX })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(AUDIT_CSV_MAX)
  limit: number = AUDIT_CSV_MAX;
}
