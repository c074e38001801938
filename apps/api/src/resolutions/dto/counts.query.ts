import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { COUNT_DIMENSIONS, CountDimension, MAX_ID_LENGTH } from '@app/domain';
import { OUTPUT_FORMATS, OutputFormat } from '../../supervision/dto/supervision-query.dto';
import { ResolutionFilters } from './list-resolutions.query';

const TERM = { message: 'term must look like 2020-2025' };

/** Counting over a term, by one dimension, for a committee (default: the one you supervise). */
export class CountsQuery {
  @ApiProperty({ example: '2020-2025', description: 'the years counted, first to last (at most 10 years)' })
  @Matches(/^\d{4}-\d{4}$/, TERM)
  term: string;

  @ApiPropertyOptional({ enum: COUNT_DIMENSIONS, default: 'year' })
  @IsOptional()
  @IsIn(COUNT_DIMENSIONS)
  by: CountDimension = 'year';

  @ApiPropertyOptional({ description: 'unit id of the committee; defaults to the one you supervise', example: 'hg-tu' })
  @IsOptional()
  @IsString()
  @Length(1, MAX_ID_LENGTH)
  committeeId?: string;

  @ApiPropertyOptional({ enum: OUTPUT_FORMATS, default: 'json', description: 'csv: UTF-8 with BOM, one row per value' })
  @IsOptional()
  @IsIn(OUTPUT_FORMATS)
  format: OutputFormat = 'json';
}

export const COUNTED_SUBJECTS = ['resolutions', 'programmes'] as const;

/** The list behind a number of `GET /supervision/counts`: the same term and committee, narrowed by the cell's values. */
export class CountItemsQuery extends ResolutionFilters {
  @ApiProperty({ example: '2020-2025' })
  @Matches(/^\d{4}-\d{4}$/, TERM)
  term: string;

  @ApiProperty({ enum: COUNTED_SUBJECTS })
  @IsIn(COUNTED_SUBJECTS)
  subject: (typeof COUNTED_SUBJECTS)[number];

  @ApiPropertyOptional({ description: 'unit id of the committee; defaults to the one you supervise', example: 'hg-tu' })
  @IsOptional()
  @IsString()
  @Length(1, MAX_ID_LENGTH)
  committeeId?: string;

  @ApiPropertyOptional({ description: 'true: only items without a member in charge (memberInChargeId then not given)' })
  @IsOptional()
  @IsIn(['true', 'false'])
  noMemberInCharge?: 'true' | 'false';

  @ApiPropertyOptional({
    enum: OUTPUT_FORMATS,
    default: 'json',
    description: 'csv: up to 5,000 rows a file; page picks which',
  })
  @IsOptional()
  @IsIn(OUTPUT_FORMATS)
  format: OutputFormat = 'json';
}
