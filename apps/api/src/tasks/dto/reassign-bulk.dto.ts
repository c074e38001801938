import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';

/** "All open tasks of person X go to person Y" (cadres rotate, units merge). */
export class ReassignBulkDto {
  @ApiProperty({
    description: 'Client-chosen id, the same on retries: each task is reassigned once',
    example: 'rotation-2026-03-hg-skhdt',
  })
  @Matches(/^[A-Za-z0-9._-]{8,100}$/, {
    message: 'requestId must be 8-100 letters, digits, dots, dashes or underscores',
  })
  requestId: string;

  @ApiProperty({ example: 'hg-skhdt-gd' })
  @IsString()
  @Length(1, 100)
  fromPersonId: string;

  @ApiProperty({ example: 'hg-stc-gd' })
  @IsString()
  @Length(1, 100)
  toPersonId: string;

  @ApiPropertyOptional({ description: "the new responsible unit; the new person's unit when absent" })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  toUnitId?: string;

  @ApiProperty({ example: 'Luân chuyển cán bộ' })
  @IsString()
  @Length(1, 2000)
  reason: string;
}
