import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsOptional, IsString, Length } from 'class-validator';
import { Phase } from '@app/domain';
import { OffsetPageQuery } from '../../common/pagination.query';

export class ListProgrammesQuery extends OffsetPageQuery {
  @ApiPropertyOptional({ enum: Phase })
  @IsOptional()
  @IsEnum(Phase)
  phase?: Phase;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 100)
  issuingUnitId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 100)
  memberInChargeId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 100)
  fieldGroup?: string;

  @ApiPropertyOptional({ example: '2020-2025' })
  @IsOptional()
  @IsString()
  @Length(1, 20)
  term?: string;

  @ApiPropertyOptional({ description: 'only programmes past their phase deadline' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;
}
