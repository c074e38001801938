import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { MAX_IMPORT_FILE_BYTES, MAX_TARGETS, MAX_TASKS } from '@app/domain';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { attachmentHeaders, sendFile, sendText, XLSX_CONTENT_TYPE } from '../common/download';
import { ApiErrors } from '../openapi/error.response';
import { IssuanceImportResponse, IssuanceTemplateQuery } from './dto/issuance-import.dto';
import { IssuanceImportService, IssuanceUpload } from './issuance-import.service';

const WHO = 'the caller opens the programme but neither drafts nor approves it';

@ApiTags('programmes: issuance and review forms')
@ApiBearerAuth()
@Controller('programmes/:id/issuance')
export class IssuanceImportController {
  constructor(private readonly imports: IssuanceImportService) {}

  @Get('template')
  @ApiOperation({
    summary:
      "The issuance template of the programme: an XLSX with the sheets Chỉ tiêu (targets) and Nhiệm vụ (tasks), a guide and lists (kinds of target, the committee's units, the province's field groups) offered as drop-downs; or one sheet as CSV",
  })
  @ApiOkResponse({
    description: 'the workbook, or the CSV of one sheet (UTF-8 with BOM): headers and a sample row that imports clean',
    content: {
      [XLSX_CONTENT_TYPE]: { schema: { type: 'string', format: 'binary' } },
      'text/csv': { schema: { type: 'string' } },
    },
    headers: attachmentHeaders('mau-ban-hanh.xlsx'),
  })
  @ApiErrors({
    400: 'format or sheet is none of the values listed',
    403: WHO,
    404: 'no such programme among those you may read',
  })
  async template(
    @Param('id') id: string,
    @Query() q: IssuanceTemplateQuery,
    @CurrentPrincipal() p: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile | string> {
    if (q.format === 'csv') {
      return sendText(res, `mau-ban-hanh-${q.sheet}.csv`, await this.imports.csvTemplate(p, id, q.sheet));
    }
    const content = await this.imports.xlsxTemplate(p, id);
    return sendFile(res, { fileName: 'mau-ban-hanh.xlsx', contentType: XLSX_CONTENT_TYPE, content });
  }

  @Post('import')
  @HttpCode(200)
  @UseInterceptors(
    FileInterceptor('file', { limits: { fileSize: MAX_IMPORT_FILE_BYTES, files: 1, fields: 2, parts: 3 } }),
  )
  @ApiOperation({
    summary:
      'Read a filled issuance template into the `issue` action payload (targets and tasks) and every problem of every row; writes nothing: submit the payload with POST /programmes/{id}/actions/issue',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      // Only these parts: another form field is refused (413 "Too many fields" from the upload limits).
      additionalProperties: false,
      properties: {
        file: {
          type: 'string',
          format: 'binary',
          description: `XLSX (sheets Chỉ tiêu, Nhiệm vụ) or one CSV (UTF-8), at most ${MAX_IMPORT_FILE_BYTES} bytes, ${MAX_TARGETS} targets and ${MAX_TASKS} tasks; the format is told by the content`,
        },
        documentNumber: { type: 'string', description: 'the issued document number, copied into the payload' },
        issuedOn: { type: 'string', description: 'the issue date (yyyy-mm-dd or dd/mm/yyyy), copied into the payload' },
      },
    },
  })
  @ApiOkResponse({ type: IssuanceImportResponse })
  @ApiErrors({
    400: 'no file, a file that is neither XLSX nor CSV UTF-8 or has no sheet of the template, or a bad documentNumber or issuedOn',
    403: WHO,
    404: 'no such programme among those you may read',
    413: `the file is larger than ${MAX_IMPORT_FILE_BYTES} bytes`,
  })
  importFile(
    @Param('id') id: string,
    @UploadedFile() file: IssuanceUpload | undefined,
    @Body('documentNumber') documentNumber: unknown,
    @Body('issuedOn') issuedOn: unknown,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.imports.dryRun(p, id, file, { documentNumber, issuedOn });
  }
}
