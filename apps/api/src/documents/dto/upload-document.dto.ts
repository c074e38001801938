import { BadRequestException } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length, validateSync } from 'class-validator';
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

/**
 * The text fields of a multipart upload, validated here rather than by the global pipe: multer fills
 * the body only once the route's own interceptor has run, after the check that a JSON body was sent.
 */
export function uploadFields(body: unknown): UploadDocumentDto {
  const dto = plainToInstance(UploadDocumentDto, body ?? {});
  const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: false });
  if (errors.length > 0)
    throw new BadRequestException({
      statusCode: 400,
      error: 'Bad Request',
      message: errors.flatMap((e) => Object.values(e.constraints ?? {})),
    });
  return dto;
}
