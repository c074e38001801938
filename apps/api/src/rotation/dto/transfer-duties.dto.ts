import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
} from 'class-validator';
import {
  DUTY_KINDS,
  DutyKind,
  MAX_ID_LENGTH,
  MAX_REASON_LENGTH,
  MAX_REQUEST_ID_LENGTH,
  MIN_REQUEST_ID_LENGTH,
  REQUEST_ID_PATTERN,
} from '@app/domain';

/** A rotation: every open duty of the person (or the kinds named) moves to the successor. */
export class TransferDutiesDto {
  @ApiProperty({
    description: 'Client-chosen id, the same on retries: each duty moves once, and a repeat answers the same result',
    example: 'rotation-2026-03-hg-skhdt',
  })
  @Matches(REQUEST_ID_PATTERN, {
    message: `requestId must be ${MIN_REQUEST_ID_LENGTH}-${MAX_REQUEST_ID_LENGTH} letters, digits, dots, dashes or underscores`,
  })
  requestId: string;

  @ApiProperty({ example: 'hg-stc-gd' })
  @IsString()
  @Length(1, MAX_ID_LENGTH)
  successorPersonId: string;

  @ApiPropertyOptional({
    description: "the unit the successor carries the moved tasks in; each task's own when absent",
  })
  @IsOptional()
  @IsString()
  @Length(1, MAX_ID_LENGTH)
  successorUnitId?: string;

  @ApiProperty({ example: 'Luân chuyển cán bộ theo Quyết định 123-QĐ/TU' })
  @IsString()
  @Length(1, MAX_REASON_LENGTH)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason: string;

  @ApiPropertyOptional({ enum: DUTY_KINDS, isArray: true, description: 'only these kinds; every kind when absent' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(DUTY_KINDS.length)
  @ArrayUnique()
  @IsIn(DUTY_KINDS, { each: true, message: `kinds must each be one of ${DUTY_KINDS.join(', ')}` })
  kinds?: DutyKind[];
}
