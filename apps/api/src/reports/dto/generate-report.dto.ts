import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';

export class GenerateReportDto {
  @ApiProperty({ description: 'sequence number of a closed review of the programme', example: 3 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  reviewSeq: number;

  @ApiPropertyOptional({
    description: 'number of the report; defaults to <reviewSeq>-BC/<suffix of the programme number>',
    example: '45-BC/TU',
  })
  @IsOptional()
  @Matches(/^[0-9]{1,5}-[A-Za-zĐđ]{1,10}(\/[A-Za-zĐđ]{1,10})?$/, { message: 'documentNumber must look like 45-BC/TU' })
  documentNumber?: string;

  @ApiPropertyOptional({ type: [String], description: 'causes of the low areas, as the report should state them' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @Length(1, 2000, { each: true })
  causes?: string[];

  @ApiPropertyOptional({
    type: [String],
    description: 'lessons learned; for a final review the recorded lessons are used when omitted',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @Length(1, 2000, { each: true })
  lessons?: string[];
}
