import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { MAX_DRAFT_NUMBER } from '../draft-number.pipe';

export class DraftDiffQuery {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_DRAFT_NUMBER,
    description: 'the version to compare with; by default the one before (the first version is compared with nothing)',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_DRAFT_NUMBER)
  against?: number;
}
