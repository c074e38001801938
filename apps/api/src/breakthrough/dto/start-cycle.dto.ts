import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { MAX_CONTENT_GROUPS, MAX_ID_LENGTH, MAX_TITLE_LENGTH, MIN_TITLE_LENGTH, TEMPLATES } from '@app/domain';
import { ContentGroupDto } from './content-group.dto';

/** Opens a committee's yearly breakthrough cycle: the registration window and the appraisal deadline. */
export class StartCycleDto {
  @ApiProperty({ example: 'hg-tu' })
  @IsString()
  @Length(1, MAX_ID_LENGTH)
  unitId: string;

  @ApiProperty({ example: 2027 })
  @IsInt()
  @Min(2020)
  @Max(2999)
  year: number;

  @ApiProperty({ example: 'Việc đột phá năm 2027' })
  @IsString()
  @Length(MIN_TITLE_LENGTH, MAX_TITLE_LENGTH)
  title: string;

  @ApiProperty({ example: '2027-01-15T17:00:00+07:00' })
  @IsISO8601({ strict: true })
  registrationDeadline: string;

  @ApiProperty({ example: '2027-02-26T17:00:00+07:00' })
  @IsISO8601({ strict: true })
  appraisalDeadline: string;

  @ApiPropertyOptional({ example: 'hg-pbt' })
  @IsOptional()
  @IsString()
  @Length(1, MAX_ID_LENGTH)
  memberInChargeId?: string;

  @ApiPropertyOptional({ example: 'party-building' })
  @IsOptional()
  @IsString()
  @Length(1, MAX_ID_LENGTH)
  fieldGroup?: string;

  @ApiPropertyOptional({
    description: 'Template whose reminder offsets apply',
    enum: TEMPLATES.map((t) => t.id),
    default: 'action-programme',
  })
  @IsOptional()
  @IsIn(TEMPLATES.map((t) => t.id))
  templateId?: string;

  @ApiPropertyOptional({
    type: [ContentGroupDto],
    description: 'content groups (nhóm nội dung): each registration then names one of them',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_CONTENT_GROUPS)
  @ValidateNested({ each: true })
  @Type(() => ContentGroupDto)
  contentGroups?: ContentGroupDto[];
}
