import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import {
  EXTERNAL_BODIES,
  ExternalBody,
  FIELD_GROUP_PATTERN,
  MAX_ID_LENGTH,
  RESOLUTION_KINDS,
  RESOLUTION_LEVELS,
  RESOLUTION_STATUSES,
  ResolutionKind,
  ResolutionLevel,
  ResolutionStatus,
} from '@app/domain';
import { PageQuery } from '../../common/pagination.query';

/** The filters a registry list and a count's drill-down share. */
export class ResolutionFilters extends PageQuery {
  @ApiPropertyOptional({ type: 'integer', description: 'year signed', example: 2022, minimum: 1930, maximum: 2100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1930)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ enum: RESOLUTION_KINDS })
  @IsOptional()
  @IsIn(RESOLUTION_KINDS)
  kind?: ResolutionKind;

  @ApiPropertyOptional({ enum: RESOLUTION_LEVELS })
  @IsOptional()
  @IsIn(RESOLUTION_LEVELS)
  level?: ResolutionLevel;

  @ApiPropertyOptional({ example: 'economy' })
  @IsOptional()
  @Matches(FIELD_GROUP_PATTERN, { message: 'fieldGroup must be 1-50 lowercase letters, digits or dashes' })
  fieldGroup?: string;

  @ApiPropertyOptional({ example: 'hg-pbt' })
  @IsOptional()
  @IsString()
  @Length(1, MAX_ID_LENGTH)
  memberInChargeId?: string;
}

export class ListResolutionsQuery extends ResolutionFilters {
  @ApiPropertyOptional({ enum: RESOLUTION_STATUSES })
  @IsOptional()
  @IsIn(RESOLUTION_STATUSES)
  status?: ResolutionStatus;

  @ApiPropertyOptional({ description: 'issued by this unit', example: 'hg-tu' })
  @IsOptional()
  @IsString()
  @Length(1, MAX_ID_LENGTH)
  issuingUnitId?: string;

  @ApiPropertyOptional({ enum: EXTERNAL_BODIES, description: 'issued by this central body' })
  @IsOptional()
  @IsIn(EXTERNAL_BODIES)
  externalBody?: ExternalBody;
}
