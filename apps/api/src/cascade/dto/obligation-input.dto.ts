import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  DATE_LENGTH,
  DEADLINE_KINDS,
  MAX_CASCADE_DEADLINE_DAYS,
  MAX_ID_LENGTH,
  MAX_OBLIGATIONS_PER_REQUEST,
  MAX_REASON_LENGTH,
  MAX_REQUEST_ID_LENGTH,
  MIN_REQUEST_ID_LENGTH,
  REQUEST_ID_PATTERN,
} from '@app/domain';
import { OUTPUT_FORMATS, OutputFormat } from '../../supervision/dto/supervision-query.dto';

const REQUEST_ID = {
  description: `Client-chosen id, the same on retries (${MIN_REQUEST_ID_LENGTH}-${MAX_REQUEST_ID_LENGTH} characters)`,
  example: '0f6f3f3e-9a7b-4a53-8d0e-2f1c7b1f9f10',
};
const REQUEST_ID_MESSAGE = `requestId must be ${MIN_REQUEST_ID_LENGTH}-${MAX_REQUEST_ID_LENGTH} letters, digits, dots, dashes or underscores`;

/** One body obliged, and its deadline: a date (`deadlineDate`) or a number of days after signing (`deadlineDays`). */
export class ObligationInputDto {
  @ApiProperty({ description: 'the obliged body: a unit below the issuing committee', example: 'hg-vithanh' })
  @IsString()
  @Length(1, MAX_ID_LENGTH)
  unitId: string;

  @ApiProperty({ enum: DEADLINE_KINDS, description: 'DATE, or WORKING_DAYS / CALENDAR_DAYS after the signing' })
  @IsIn(DEADLINE_KINDS)
  deadlineKind: (typeof DEADLINE_KINDS)[number];

  @ApiPropertyOptional({ description: 'for WORKING_DAYS and CALENDAR_DAYS', minimum: 1, example: 30 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_CASCADE_DEADLINE_DAYS)
  deadlineDays?: number;

  @ApiPropertyOptional({ description: 'for DATE (YYYY-MM-DD)', example: '2026-03-31' })
  @IsOptional()
  @IsString()
  @Length(DATE_LENGTH, DATE_LENGTH, { message: 'deadlineDate must be a date YYYY-MM-DD' })
  deadlineDate?: string;
}

export class CreateObligationsDto {
  @ApiProperty(REQUEST_ID)
  @IsString()
  @Matches(REQUEST_ID_PATTERN, { message: REQUEST_ID_MESSAGE })
  requestId: string;

  @ApiProperty({ type: [ObligationInputDto], maxItems: MAX_OBLIGATIONS_PER_REQUEST })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_OBLIGATIONS_PER_REQUEST)
  @ValidateNested({ each: true })
  @Type(() => ObligationInputDto)
  obligations: ObligationInputDto[];
}

export class WithdrawObligationDto {
  @ApiProperty(REQUEST_ID)
  @IsString()
  @Matches(REQUEST_ID_PATTERN, { message: REQUEST_ID_MESSAGE })
  requestId: string;

  @ApiProperty({ example: 'Đơn vị đã sáp nhập' })
  @IsString()
  @Length(1, MAX_REASON_LENGTH)
  reason: string;
}

export class CascadeViewQuery {
  @ApiPropertyOptional({ enum: OUTPUT_FORMATS, default: 'json', description: 'csv: one row per obligation' })
  @IsOptional()
  @IsIn(OUTPUT_FORMATS)
  format: OutputFormat = 'json';
}
