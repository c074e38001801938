import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  ValidateNested,
} from 'class-validator';
import { MAX_CASCADE_UNITS, MAX_CONTENT_GROUPS, MAX_ID_LENGTH, MAX_TITLE_LENGTH, MIN_TITLE_LENGTH } from '@app/domain';
import { ContentGroupDto } from './content-group.dto';

/**
 * Cascades a cycle one level down: each named subordinate committee gets a cycle of its own for the
 * same year, in which its units and heads register and its own Standing Committee appraises and assigns.
 */
export class CascadeCycleDto {
  @ApiProperty({ example: ['hd-tuky', 'hd-camgiang'], description: 'committees strictly below the cycle’s committee' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_CASCADE_UNITS)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(1, MAX_ID_LENGTH, { each: true })
  unitIds: string[];

  @ApiProperty({ example: '2027-01-22T17:00:00+07:00' })
  @IsISO8601({ strict: true })
  registrationDeadline: string;

  @ApiProperty({ example: '2027-03-05T17:00:00+07:00' })
  @IsISO8601({ strict: true })
  appraisalDeadline: string;

  @ApiPropertyOptional({ description: 'title of each cycle opened; by default the higher cycle’s' })
  @IsOptional()
  @IsString()
  @Length(MIN_TITLE_LENGTH, MAX_TITLE_LENGTH)
  title?: string;

  @ApiPropertyOptional({
    type: [ContentGroupDto],
    description: 'the content groups of the cycles opened; by default the higher cycle’s',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_CONTENT_GROUPS)
  @ValidateNested({ each: true })
  @Type(() => ContentGroupDto)
  contentGroups?: ContentGroupDto[];
}
