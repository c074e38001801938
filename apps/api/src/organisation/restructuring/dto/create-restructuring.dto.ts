import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import {
  MAX_CODE_LENGTH,
  MAX_ID_LENGTH,
  MAX_REASON_LENGTH,
  MAX_TITLE_LENGTH,
  ORG_CHANGE_KINDS,
  OrgUnitKind,
  type OrgChangeKind,
} from '@app/domain';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class OrgChangeUnitDto {
  @ApiProperty({ example: 'hg-tu', description: 'the unit that ends (predecessor)' })
  @IsString()
  @Length(1, MAX_ID_LENGTH)
  unitId: string;

  @ApiProperty({
    example: 'ct-tu',
    description: 'the unit that takes over its work (for a split: what items do not map)',
  })
  @IsString()
  @Length(1, MAX_ID_LENGTH)
  successorId: string;
}

export class NewOrgUnitDto {
  @ApiProperty({ example: 'ct-tu-2025' })
  @IsString()
  @Length(1, MAX_ID_LENGTH)
  @Matches(/^[a-z0-9][a-z0-9-]*$/, { message: 'id must be lower-case letters, digits and dashes' })
  id: string;

  @ApiProperty({ example: 'CT-TU-2025' })
  @IsString()
  @Length(1, MAX_CODE_LENGTH)
  code: string;

  @ApiProperty({ example: 'Thành ủy Cần Thơ' })
  @IsString()
  @Length(1, MAX_TITLE_LENGTH)
  name: string;

  @ApiProperty({ enum: Object.values(OrgUnitKind) })
  @IsIn(Object.values(OrgUnitKind))
  kind: OrgUnitKind;

  @ApiProperty({ type: String, nullable: true, example: null })
  @IsOptional()
  @IsString()
  @Length(1, MAX_ID_LENGTH)
  parentId: string | null;
}

export class OrgChangeItemDto {
  @ApiProperty({ enum: ['PROGRAMME', 'TASK'] })
  @IsIn(['PROGRAMME', 'TASK'])
  kind: 'PROGRAMME' | 'TASK';

  @ApiProperty({ example: 'hg-05-ctr/2022/T1', description: 'the programme id or task id' })
  @IsString()
  @Length(1, 300)
  id: string;

  @ApiProperty({ example: 'ct-tu' })
  @IsString()
  @Length(1, MAX_ID_LENGTH)
  successorId: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'tasks: who carries it from now on' })
  @IsOptional()
  @IsString()
  @Length(1, MAX_ID_LENGTH)
  responsiblePersonId?: string | null;
}

/** A merger, split, renaming or abolished level, with its date and successor mapping. */
export class CreateRestructuringDto {
  @ApiProperty({
    description: 'client request id: the same id again answers with the same change, once',
    example: 'merge-hg-ct-2025',
  })
  @IsString()
  @Length(8, 100)
  requestId: string;

  @ApiProperty({ enum: ORG_CHANGE_KINDS })
  @IsIn(ORG_CHANGE_KINDS as unknown as string[])
  kind: OrgChangeKind;

  @ApiProperty({ example: '2025-07-01', description: 'first day under the new structure (Vietnam calendar)' })
  @Matches(DATE, { message: 'effectiveDate must be a date (YYYY-MM-DD)' })
  effectiveDate: string;

  @ApiProperty({ example: 'Nghị quyết 202/2025/QH15 về sắp xếp đơn vị hành chính cấp tỉnh' })
  @IsString()
  @Length(3, MAX_REASON_LENGTH)
  reason: string;

  @ApiProperty({ type: [OrgChangeUnitDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => OrgChangeUnitDto)
  units: OrgChangeUnitDto[];

  @ApiPropertyOptional({ type: [NewOrgUnitDto], description: 'units the change creates (valid from its date)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => NewOrgUnitDto)
  newUnits?: NewOrgUnitDto[];

  @ApiPropertyOptional({
    type: [OrgChangeItemDto],
    description: 'split or abolished level: open work sent elsewhere than the default',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => OrgChangeItemDto)
  items?: OrgChangeItemDto[];
}
