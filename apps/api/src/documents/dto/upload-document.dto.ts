import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { DOCUMENT_KINDS, MAX_REASON_LENGTH, type DocumentKind } from '@app/domain';

/** The text fields of an upload (multipart/form-data); the file itself is the part named `file`. */
export class UploadDocumentDto {
  @ApiProperty({ enum: DOCUMENT_KINDS, description: 'what the file is: it decides who may add it' })
  @IsIn(DOCUMENT_KINDS)
  kind: DocumentKind;

  @ApiPropertyOptional({ maxLength: MAX_REASON_LENGTH })
  @IsOptional()
  @IsString()
  @Length(1, MAX_REASON_LENGTH)
  note?: string;
}
