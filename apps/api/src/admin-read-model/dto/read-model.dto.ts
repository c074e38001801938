import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { OffsetPageQuery } from '../../common/pagination.query';

export class ReconcileNowDto {
  @ApiPropertyOptional({ description: 'why the operator asks for a run now (kept in the audit trail)', maxLength: 500 })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  reason?: string;
}

export class ReconciliationsQuery extends OffsetPageQuery {}
