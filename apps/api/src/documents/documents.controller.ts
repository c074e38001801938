import {
  Body,
  Controller,
  Get,
  Param,
  ParseUUIDPipe,
  Post,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { DOCUMENT_KINDS, MAX_REASON_LENGTH } from '@app/domain';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { ApiErrors } from '../openapi/error.response';
import { attachmentHeaders, sendFile } from '../common/download';
import { ACCEPTED_TYPES, DOCX, ODT, PDF } from './document-sniffing';
import { DocumentsService, UploadedDocument } from './documents.service';
import { ProgrammeDocumentListResponse, ProgrammeDocumentResponse } from './dto/document.response';
import { uploadFields } from './dto/upload-document.dto';

const BINARY = { schema: { type: 'string', format: 'binary' } };

@ApiTags('documents')
@ApiBearerAuth()
@Controller()
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Post('programmes/:id/documents')
  // The size limit and the charset of file names come from the module's multer options (DOCUMENT_MAX_BYTES).
  @UseInterceptors(FileInterceptor('file'))
  @ApiOperation({
    summary: `Add a file to the programme: ${ACCEPTED_TYPES}, the type read from the content; actions then name it by documentId`,
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'kind'],
      additionalProperties: false,
      properties: {
        file: { type: 'string', format: 'binary', description: `${ACCEPTED_TYPES}, at most DOCUMENT_MAX_BYTES` },
        kind: { type: 'string', enum: [...DOCUMENT_KINDS] },
        note: { type: 'string', minLength: 1, maxLength: MAX_REASON_LENGTH },
      },
    },
  })
  @ApiCreatedResponse({ type: ProgrammeDocumentResponse })
  @ApiErrors({
    400: `no file or kind, or a file that is not a ${ACCEPTED_TYPES} document (whatever its name); nothing is stored`,
    403: 'this kind of document is not yours to add (a draft: the drafting team; the issued text: drafters and approvers; a report: a unit asked to report to a review not yet closed; an inspection record: who may inspect)',
    404: 'no such programme among those you may act on',
    409: 'the programme has finished, or has no running workflow',
    413: 'the file is larger than DOCUMENT_MAX_BYTES; nothing is stored',
  })
  upload(
    @Param('id') id: string,
    // Untyped on purpose: validated by uploadFields once multer has read the form.
    @Body() fields: Record<string, unknown>,
    @UploadedFile() file: UploadedDocument | undefined,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.documents.upload(id, uploadFields(fields), file, p);
  }

  @Get('programmes/:id/documents')
  @ApiOperation({ summary: "The programme's documents, oldest first" })
  @ApiOkResponse({ type: ProgrammeDocumentListResponse })
  @ApiErrors({ 404: 'no such programme among those you may read' })
  list(@Param('id') id: string, @CurrentPrincipal() p: Principal) {
    return this.documents.list(id, p);
  }

  @Get('documents/:id/content')
  @ApiOperation({ summary: 'Download a document (each download is recorded in the audit)' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({
    description: 'the file as an attachment, named in Content-Disposition (filename and RFC 5987 filename*)',
    content: { [PDF.contentType]: BINARY, [DOCX.contentType]: BINARY, [ODT.contentType]: BINARY },
    headers: attachmentHeaders('Dự thảo lần 2.docx'),
  })
  @ApiErrors({
    403: "a draft or inspection record of a programme you read, which is not yours to read (the programme's table of parts)",
    404: 'no such document, or one of a programme you may not read',
  })
  async content(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentPrincipal() p: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { doc, bytes } = await this.documents.download(id, p);
    return sendFile(res, { fileName: doc.fileName, contentType: doc.contentType, content: bytes });
  }
}
