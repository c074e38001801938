import { Controller, Get, Param, Query, Res, StreamableFile, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { RetryAfterFilter } from '../auth/retry-later';
import { ApiErrors, ApiRetryLater } from '../openapi/error.response';
import { DocumentFormatQuery } from './dto/document-format.dto';
import { attachmentHeaders, sendFile } from '../common/download';
import { DOCUMENT_FILE_CONTENT, PDF_UNAVAILABLE } from './reports.controller';
import { ReportsService } from './reports.service';

@ApiTags('reports')
@ApiBearerAuth()
@UseFilters(RetryAfterFilter)
@Controller('programmes/:id/issued-document')
export class IssuedDocumentController {
  constructor(private readonly reports: ReportsService) {}

  @Get()
  @ApiOperation({
    summary:
      'The issued action programme as a document (number, issuing body, date, targets, tasks), generated from its state; DOCX or PDF',
  })
  @ApiOkResponse({
    description: 'the DOCX or PDF file, as an attachment named in Content-Disposition',
    content: DOCUMENT_FILE_CONTENT,
    headers: attachmentHeaders('Chương trình hành động số 45-CTr-TU.docx'),
  })
  @ApiErrors({
    400: 'format is neither docx nor pdf',
    404: 'no such programme among those you may see',
    409: 'the programme is not issued yet',
  })
  @ApiRetryLater({ 503: PDF_UNAVAILABLE })
  async download(
    @Param('id') id: string,
    @Query() q: DocumentFormatQuery,
    @CurrentPrincipal() p: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return sendFile(res, await this.reports.issuedDocument(id, p, q.format ?? 'docx'));
  }
}
