import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import {
  DATE_LENGTH,
  EXTERNAL_BODIES,
  ExternalBody,
  FIELD_GROUP_PATTERN,
  MAX_DOCUMENT_NUMBER_LENGTH,
  MAX_ID_LENGTH,
  MAX_PROGRAMME_ID_LENGTH,
  MAX_TITLE_LENGTH,
  MIN_PROGRAMME_ID_LENGTH,
  MIN_TITLE_LENGTH,
  PROGRAMME_ID_PATTERN,
  RESOLUTION_KINDS,
  RESOLUTION_STATUSES,
  ResolutionKind,
  ResolutionStatus,
} from '@app/domain';

/** A new registry entry. Exactly one issuing body: a unit of the product, or a central body. */
export class CreateResolutionDto {
  @ApiPropertyOptional({
    description: 'Stable id (slug); made from the issuer and number when absent',
    example: 'hg-nq-05-2022',
  })
  @IsOptional()
  @Matches(PROGRAMME_ID_PATTERN, {
    message: `id must be ${MIN_PROGRAMME_ID_LENGTH}-${MAX_PROGRAMME_ID_LENGTH} lowercase letters, digits or dashes`,
  })
  id?: string;

  @ApiProperty({ enum: RESOLUTION_KINDS })
  @IsIn(RESOLUTION_KINDS)
  kind: ResolutionKind;

  @ApiProperty({ description: 'the number as written', example: '05-NQ/TU' })
  @IsString()
  @Length(1, MAX_DOCUMENT_NUMBER_LENGTH)
  number: string;

  @ApiPropertyOptional({
    description: 'the issuing unit (one of the product); exactly one of this and externalBody',
    example: 'hg-tu',
  })
  @IsOptional()
  @IsString()
  @Length(1, MAX_ID_LENGTH)
  issuingUnitId?: string;

  @ApiPropertyOptional({
    enum: EXTERNAL_BODIES,
    description: 'the issuing central body; exactly one of this and issuingUnitId',
  })
  @IsOptional()
  @IsIn(EXTERNAL_BODIES)
  externalBody?: ExternalBody;

  @ApiProperty({ description: 'date signed (YYYY-MM-DD)', example: '2022-06-01' })
  @IsString()
  @Length(DATE_LENGTH, DATE_LENGTH, { message: 'signedOn must be a date YYYY-MM-DD' })
  signedOn: string;

  @ApiProperty({ example: 'Về phát triển nguồn nhân lực tỉnh Hậu Giang giai đoạn 2021-2025, tầm nhìn đến năm 2030' })
  @IsString()
  @Length(MIN_TITLE_LENGTH, MAX_TITLE_LENGTH)
  title: string;

  @ApiProperty({ description: 'field group key (lowercase letters, digits, dashes)', example: 'party-building' })
  @Matches(FIELD_GROUP_PATTERN, { message: 'fieldGroup must be 1-50 lowercase letters, digits or dashes' })
  fieldGroup: string;

  @ApiPropertyOptional({
    description: 'person id of the member in charge',
    example: 'hg-tv1',
    nullable: true,
    type: String,
  })
  @IsOptional()
  @IsString()
  @Length(1, MAX_ID_LENGTH)
  memberInChargeId?: string | null;

  @ApiPropertyOptional({
    description: 'the higher entry this one implements',
    example: 'tw-nq-13-2022',
    nullable: true,
    type: String,
  })
  @IsOptional()
  @IsString()
  @Length(1, MAX_ID_LENGTH)
  implementsId?: string | null;
}

/** What changes on an entry; its issuing body and status do not (status: `POST /resolutions/{id}/status`). */
export class UpdateResolutionDto extends PartialType(
  PickType(CreateResolutionDto, [
    'kind',
    'number',
    'signedOn',
    'title',
    'fieldGroup',
    'memberInChargeId',
    'implementsId',
  ] as const),
) {}

export class ChangeResolutionStatusDto {
  @ApiProperty({ enum: RESOLUTION_STATUSES.filter((s) => s !== ResolutionStatus.IN_FORCE) })
  @IsIn([ResolutionStatus.REPLACED, ResolutionStatus.EXPIRED])
  status: ResolutionStatus.REPLACED | ResolutionStatus.EXPIRED;

  @ApiPropertyOptional({ description: 'with REPLACED: the entry that replaces it' })
  @IsOptional()
  @IsString()
  @Length(1, MAX_ID_LENGTH)
  replacedById?: string;
}
