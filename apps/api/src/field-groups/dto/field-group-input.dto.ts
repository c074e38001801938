import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { FIELD_GROUP_CODE_PATTERN, MAX_FIELD_GROUP_NAME_LENGTH, MAX_ID_LENGTH } from '@app/domain';

export class CreateFieldGroupDto {
  @ApiPropertyOptional({
    description: "the province (root unit) whose list it joins; default: the caller's province",
    example: 'hg-tu',
  })
  @IsOptional()
  @IsString()
  @Length(1, MAX_ID_LENGTH)
  provinceId?: string;

  @ApiProperty({
    description: 'the key programmes and registry entries store: unique in the province, never changed',
    example: 'defence-security',
  })
  @Matches(FIELD_GROUP_CODE_PATTERN, { message: 'code must be 1-50 lowercase letters, digits or dashes' })
  code: string;

  @ApiProperty({ description: 'in Vietnamese', example: 'Quốc phòng – An ninh' })
  @IsString()
  @Length(1, MAX_FIELD_GROUP_NAME_LENGTH)
  name: string;

  @ApiProperty({ description: 'person id of the supervising Standing Committee member', example: 'hg-pbt' })
  @IsString()
  @Length(1, MAX_ID_LENGTH)
  supervisorId: string;
}

/** What changes on a group: its name and its supervising member (its code and province never do). */
export class UpdateFieldGroupDto extends PartialType(
  PickType(CreateFieldGroupDto, ['name', 'supervisorId'] as const),
) {}

export class ListFieldGroupsQuery {
  @ApiPropertyOptional({ description: "the province; default: the caller's (another: system admins only)" })
  @IsOptional()
  @IsString()
  @Length(1, MAX_ID_LENGTH)
  provinceId?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'list retired groups too', default: 'false' })
  @IsOptional()
  @IsIn(['true', 'false'])
  includeRetired?: 'true' | 'false';
}
