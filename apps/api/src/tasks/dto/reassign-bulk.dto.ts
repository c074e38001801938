import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import {
  MAX_ID_LENGTH,
  MAX_REASON_LENGTH,
  MAX_REQUEST_ID_LENGTH,
  MIN_REQUEST_ID_LENGTH,
  REQUEST_ID_PATTERN,
} from '@app/domain';

/** "All open tasks of person X go to person Y" (cadres rotate, units merge). */
export class ReassignBulkDto {
  @ApiProperty({
    description: 'Client-chosen id, the same on retries: each task is reassigned once',
    example: 'rotation-2026-03-hg-skhdt',
  })
  @Matches(REQUEST_ID_PATTERN, {
    message: `requestId must be ${MIN_REQUEST_ID_LENGTH}-${MAX_REQUEST_ID_LENGTH} letters, digits, dots, dashes or underscores`,
  })
  requestId: string;

  @ApiProperty({ example: 'hg-skhdt-gd' })
  @IsString()
  @Length(1, MAX_ID_LENGTH)
  fromPersonId: string;

  @ApiProperty({ example: 'hg-stc-gd' })
  @IsString()
  @Length(1, MAX_ID_LENGTH)
  toPersonId: string;

  @ApiPropertyOptional({ description: "the new responsible unit; the new person's unit when absent" })
  @IsOptional()
  @IsString()
  @Length(1, MAX_ID_LENGTH)
  toUnitId?: string;

  @ApiProperty({ example: 'Luân chuyển cán bộ' })
  @IsString()
  @Length(1, MAX_REASON_LENGTH)
  reason: string;
}
