import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { ALL_SEATS, ALL_UNIT_KINDS, POSITION_ROLES } from '@app/domain';
import { IsCalendarDate } from '../../common/calendar-date.validator';
import { IsOmittable } from '../../common/omittable.validator';
import { OffsetPageQuery, queryBoolean } from '../../common/pagination.query';

/** Ids and codes: letters, digits and . _ - (they appear in URLs and spreadsheets). */
export const KEY = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
export const KEY_MESSAGE = (field: string) =>
  `${field} may hold only letters, digits and . _ - (starting with a letter or digit)`;

export class CreateUnitDto {
  @ApiPropertyOptional({ description: 'the unit id; generated when absent', example: 'ct-xa-vi-thanh' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  @Matches(KEY, { message: KEY_MESSAGE('id') })
  id?: string;

  @ApiProperty({ description: 'the unit code (unique: a second create with it is 409)', example: 'HG-XA-VITHANH' })
  @IsString()
  @Length(1, 64)
  @Matches(KEY, { message: KEY_MESSAGE('code') })
  code: string;

  @ApiProperty({ example: 'Đảng ủy phường Vị Thanh' })
  @IsString()
  @Length(1, 300)
  name: string;

  @ApiProperty({ enum: ALL_UNIT_KINDS })
  @IsIn(ALL_UNIT_KINDS)
  kind: string;

  @ApiProperty({ type: String, nullable: true, description: 'null: a province (system administrators only)' })
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @Length(1, 64)
  parentId: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'date', example: '2025-07-01' })
  @IsOptional()
  @IsCalendarDate('validFrom')
  validFrom?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'date', description: 'last day (inclusive)' })
  @IsOptional()
  @IsCalendarDate('validTo')
  validTo?: string | null;
}

export class UpdateUnitDto {
  @ApiPropertyOptional()
  @IsOmittable()
  @IsString()
  @Length(1, 64)
  @Matches(KEY, { message: KEY_MESSAGE('code') })
  code?: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsString()
  @Length(1, 300)
  name?: string;

  @ApiPropertyOptional({ enum: ALL_UNIT_KINDS })
  @IsOmittable()
  @IsIn(ALL_UNIT_KINDS)
  kind?: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  parentId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'date' })
  @IsOptional()
  @IsCalendarDate('validFrom')
  validFrom?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'date' })
  @IsOptional()
  @IsCalendarDate('validTo')
  validTo?: string | null;
}

export class ListUnitsQuery extends OffsetPageQuery {
  @ApiPropertyOptional({ description: 'only the units of this province (a root unit id)' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  province?: string;

  @ApiPropertyOptional({ enum: ALL_UNIT_KINDS })
  @IsOptional()
  @IsIn(ALL_UNIT_KINDS)
  kind?: string;

  @ApiPropertyOptional({ type: Boolean, default: false, description: 'also units whose validity has ended' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  includeEnded?: boolean;
}

export class CreatePersonDto {
  @ApiPropertyOptional({ description: 'the person id; generated when absent (a second create with it is 409)' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  @Matches(KEY, { message: KEY_MESSAGE('id') })
  id?: string;

  @ApiProperty({ example: 'Nguyễn Thị Thu' })
  @IsString()
  @Length(1, 200)
  fullName: string;

  @ApiProperty({ description: 'the unit the person belongs to until a position says otherwise' })
  @IsString()
  @Length(1, 64)
  unitId: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  title?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'email' })
  @IsOptional()
  @IsEmail()
  @MaxLength(200)
  email?: string | null;

  @ApiPropertyOptional({ enum: ['vi', 'en'], default: 'vi' })
  @IsOptional()
  @IsIn(['vi', 'en'])
  locale?: 'vi' | 'en';
}

export class UpdatePersonDto {
  @ApiPropertyOptional()
  @IsOmittable()
  @IsString()
  @Length(1, 200)
  fullName?: string;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'email' })
  @IsOptional()
  @IsEmail()
  @MaxLength(200)
  email?: string | null;

  @ApiPropertyOptional({ enum: ['vi', 'en'] })
  @IsOmittable()
  @IsIn(['vi', 'en'])
  locale?: 'vi' | 'en';
}

export class ListPeopleQuery extends OffsetPageQuery {
  @ApiPropertyOptional({ description: 'part of the name, username or id' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;

  @ApiPropertyOptional({ description: 'only people of this unit and the units below it' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  unitId?: string;
}

export class CreatePositionDto {
  @ApiProperty()
  @IsString()
  @Length(1, 64)
  personId: string;

  @ApiProperty()
  @IsString()
  @Length(1, 64)
  unitId: string;

  @ApiProperty({ example: 'Phó Bí thư Thường trực' })
  @IsString()
  @Length(1, 200)
  title: string;

  @ApiPropertyOptional({ enum: POSITION_ROLES, isArray: true, default: [] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsIn(POSITION_ROLES, { each: true, message: `each role must be one of: ${POSITION_ROLES.join(', ')}` })
  roles?: string[];

  @ApiPropertyOptional({ enum: ALL_SEATS, nullable: true, description: 'a single-holder seat of the unit' })
  @IsOptional()
  @IsIn(ALL_SEATS)
  seat?: string | null;

  @ApiPropertyOptional({ type: [String], description: 'fields of responsibility (committee members)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  fields?: string[];

  @ApiProperty({ format: 'date', example: '2025-07-01' })
  @IsCalendarDate('startsOn')
  startsOn: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'date',
    description: 'last day (inclusive); null: open',
  })
  @IsOptional()
  @IsCalendarDate('endsOn')
  endsOn?: string | null;
}

export class EndPositionDto {
  @ApiProperty({ format: 'date', description: 'last day held (inclusive)' })
  @IsCalendarDate('endsOn')
  endsOn: string;

  @ApiProperty({ example: 'Điều động, luân chuyển' })
  @IsString()
  @Length(1, 300)
  reason: string;
}

export class ListPositionsQuery {
  @ApiPropertyOptional({ description: 'the positions of this person (this or unitId is required)' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  personId?: string;

  @ApiPropertyOptional({ description: 'the positions in this unit' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  unitId?: string;
}

export class CreateAccountDto {
  @ApiProperty({ example: 'pbt.vithanh2', description: 'unique sign-in name (a taken one is 409 naming its holder)' })
  @IsString()
  @Length(3, 64)
  @Matches(/^[a-z0-9][a-z0-9._-]*$/, { message: 'username may hold only lower-case letters, digits and . _ -' })
  username: string;

  @ApiPropertyOptional({ description: 'must pass the password policy; generated when absent' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  temporaryPassword?: string;
}
