import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import {
  MAX_ID_LENGTH,
  MAX_PROGRAMME_ID_LENGTH,
  MAX_TITLE_LENGTH,
  MIN_PROGRAMME_ID_LENGTH,
  MIN_TITLE_LENGTH,
  PROGRAMME_ID_PATTERN,
  TEMPLATES,
} from '@app/domain';

/** Enough for a committee's need-to-know list; a bound keeps one request's work small. */
export const MAX_READERS = 200;

export class CreateProgrammeDto {
  @ApiPropertyOptional({
    description: 'Stable id (slug); generated from the title when absent',
    example: 'hg-ctr-123-2021',
  })
  @IsOptional()
  @Matches(PROGRAMME_ID_PATTERN, {
    message: `id must be ${MIN_PROGRAMME_ID_LENGTH}-${MAX_PROGRAMME_ID_LENGTH} lowercase letters, digits or dashes`,
  })
  id?: string;

  @ApiProperty({ enum: TEMPLATES.map((t) => t.id) })
  @IsIn(TEMPLATES.map((t) => t.id))
  templateId: string;

  @ApiProperty({ example: 'Chương trình hành động thực hiện Nghị quyết 13-NQ/TW' })
  @IsString()
  @Length(MIN_TITLE_LENGTH, MAX_TITLE_LENGTH)
  title: string;

  @ApiProperty({ example: 'hg-tu' })
  @IsString()
  @Length(1, MAX_ID_LENGTH)
  issuingUnitId: string;

  @ApiPropertyOptional({
    example: 'hg-pbt',
    description: "the member in charge; default: the supervising member of the programme's field group",
  })
  @IsOptional()
  @IsString()
  @Length(1, MAX_ID_LENGTH)
  memberInChargeId?: string;

  @ApiProperty({
    example: 'economy',
    description: "the code of a field group in force of the issuing unit's province (`GET /field-groups`)",
  })
  @IsString()
  @Length(1, MAX_ID_LENGTH)
  fieldGroup: string;

  @ApiProperty({ example: '2020-2025' })
  @Matches(/^\d{4}-\d{4}$/, { message: 'term must look like 2020-2025' })
  term: string;

  @ApiPropertyOptional({
    example: '13-NQ/TW',
    description: 'the number of the resolution implemented, as text; with resolutionId it is taken from the registry',
  })
  @IsOptional()
  @IsString()
  @Length(1, MAX_ID_LENGTH)
  implementsResolution?: string;

  @ApiPropertyOptional({
    description:
      'the registry entry it implements (`GET /resolutions`): central, or issued by its committee or one above',
    example: 'tw-13-nq-tw',
  })
  @IsOptional()
  @IsString()
  @Length(1, MAX_ID_LENGTH)
  resolutionId?: string;

  @ApiPropertyOptional({
    default: false,
    description:
      'Secret tier ("Mật"): only the named readers and the issuing committee\'s leaders see its content; others see an untitled row',
  })
  @IsOptional()
  @IsBoolean()
  restricted?: boolean;

  @ApiPropertyOptional({
    type: [String],
    description: "People who read a restricted programme besides its leaders; each within the issuing committee's tree",
    example: ['hg-cvp'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_READERS)
  @IsString({ each: true })
  @Length(1, MAX_ID_LENGTH, { each: true })
  readerIds?: string[];
}

/** The named readers of a restricted programme, as a whole (`PUT /programmes/{id}/readers`). */
export class ProgrammeReadersDto {
  @ApiProperty({ type: [String], description: "each within the issuing committee's tree", example: ['hg-cvp'] })
  @IsArray()
  @ArrayMaxSize(MAX_READERS)
  @IsString({ each: true })
  @Length(1, MAX_ID_LENGTH, { each: true })
  readerIds: string[];
}
