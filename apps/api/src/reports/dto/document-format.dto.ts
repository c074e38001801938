import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export const DOCUMENT_FORMATS = ['docx', 'pdf'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/** `?format=docx|pdf` on every document download: one design for reports and the issued programme. */
export class DocumentFormatQuery {
  @ApiPropertyOptional({
    enum: DOCUMENT_FORMATS,
    default: 'docx',
    description: 'docx: the document as generated; pdf: converted by LibreOffice (503 when it is unavailable)',
  })
  @IsOptional()
  @IsIn(DOCUMENT_FORMATS, { message: 'format must be docx or pdf' })
  format?: DocumentFormat;
}
