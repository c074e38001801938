import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { TEMPLATES } from '@app/domain';

export class CreateProgrammeDto {
  @ApiPropertyOptional({
    description: 'Stable id (slug); generated from the title when absent',
    example: 'hg-ctr-123-2021',
  })
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9-]{2,80}$/, { message: 'id must be 3-81 lowercase letters, digits or dashes' })
  id?: string;

  @ApiProperty({ enum: TEMPLATES.map((t) => t.id) })
  @IsIn(TEMPLATES.map((t) => t.id))
  templateId: string;

  @ApiProperty({ example: 'Chương trình hành động thực hiện Nghị quyết 13-NQ/TW' })
  @IsString()
  @Length(3, 500)
  title: string;

  @ApiProperty({ example: 'hg-tu' })
  @IsString()
  @Length(1, 100)
  issuingUnitId: string;

  @ApiProperty({ example: 'hg-pbt' })
  @IsString()
  @Length(1, 100)
  memberInChargeId: string;

  @ApiProperty({ example: 'economy' })
  @IsString()
  @Length(1, 100)
  fieldGroup: string;

  @ApiProperty({ example: '2020-2025' })
  @Matches(/^\d{4}-\d{4}$/, { message: 'term must look like 2020-2025' })
  term: string;

  @ApiPropertyOptional({ example: '13-NQ/TW' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  implementsResolution?: string;
}
