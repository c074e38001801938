import {
  BadRequestException,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Res,
  StreamableFile,
  UploadedFile,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { MAX_IMPORT_FILE_BYTES, MAX_IMPORT_ROWS } from '@app/domain';
import { AdminRoleGuard } from '../../auth/admin-role.guard';
import { CurrentPrincipal, Principal } from '../../auth/principal';
import { ApiErrors, ErrorResponse } from '../../openapi/error.response';
import { ImportAppliedResponse, ImportRefusedResponse, ImportReportResponse } from './dto/import.response';
import { ImportKind, IMPORT_KINDS } from './import-sheets';
import { attachmentHeaders, sendFile, sendText, XLSX_CONTENT_TYPE } from '../../common/download';
import { csvTemplate, xlsxTemplate } from './import-template';
import { OrganisationImportService, Upload } from './organisation-import.service';

const UPLOAD = FileInterceptor('file', {
  limits: { fileSize: MAX_IMPORT_FILE_BYTES, files: 1, fields: 4, parts: 5 },
});
const UPLOAD_BODY = ApiBody({
  schema: {
    type: 'object',
    required: ['file'],
    properties: {
      file: {
        type: 'string',
        format: 'binary',
        description: `XLSX (sheets Đơn vị, Cán bộ, Chức vụ) or one CSV (UTF-8), at most ${MAX_IMPORT_FILE_BYTES} bytes and ${MAX_IMPORT_ROWS} rows`,
      },
    },
  },
});
const UPLOAD_ERRORS = ApiErrors({
  403: 'the caller is not an administrator',
  413: `the file is larger than ${MAX_IMPORT_FILE_BYTES} bytes`,
});

/** A file part, or 400 naming what to send. */
function uploaded(file: Upload | undefined): Upload {
  if (!file) throw new BadRequestException('send the spreadsheet as multipart/form-data in the field "file"');
  return file;
}

@ApiTags('admin: organisation import')
@ApiBearerAuth()
@UseGuards(AdminRoleGuard)
@Controller('admin/organisation/import')
export class OrganisationImportController {
  constructor(private readonly imports: OrganisationImportService) {}

  @Get('template.xlsx')
  @ApiOperation({
    summary: 'The XLSX template: a sheet per kind (units, people, positions), a guide and the lists of codes',
  })
  @ApiOkResponse({
    description: 'the workbook',
    content: { [XLSX_CONTENT_TYPE]: { schema: { type: 'string', format: 'binary' } } },
    headers: attachmentHeaders('mau-nhap-to-chuc.xlsx'),
  })
  @ApiErrors({ 403: 'the caller is not an administrator' })
  async xlsxTemplate(@Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const content = await xlsxTemplate();
    return sendFile(res, { fileName: 'mau-nhap-to-chuc.xlsx', contentType: XLSX_CONTENT_TYPE, content });
  }

  @Get('template-:kind.csv')
  @ApiOperation({ summary: 'The CSV template of one kind (UTF-8 with BOM): its headers and a sample row' })
  @ApiParam({ name: 'kind', enum: IMPORT_KINDS })
  @ApiOkResponse({
    description: 'the CSV file',
    content: { 'text/csv': { schema: { type: 'string' } } },
    headers: attachmentHeaders('template-units.csv'),
  })
  @ApiErrors({ 400: 'kind is none of units, people, positions', 403: 'the caller is not an administrator' })
  csvTemplate(@Param('kind') kind: string, @Res({ passthrough: true }) res: Response): string {
    if (!(IMPORT_KINDS as readonly string[]).includes(kind))
      throw new BadRequestException(`kind must be one of ${IMPORT_KINDS.join(', ')}`);
    return sendText(res, `template-${kind}.csv`, csvTemplate(kind as ImportKind));
  }

  @Post('dry-run')
  @HttpCode(200)
  @UseInterceptors(UPLOAD)
  @ApiOperation({
    summary:
      'Check a spreadsheet without writing anything: every problem of every row, and what applying it would create, update or leave unchanged',
  })
  @ApiConsumes('multipart/form-data')
  @UPLOAD_BODY
  @ApiOkResponse({ type: ImportReportResponse })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'no file, or a file that is neither XLSX nor CSV' })
  @UPLOAD_ERRORS
  dryRun(@CurrentPrincipal() p: Principal, @UploadedFile() file: Upload | undefined) {
    return this.imports.dryRun(p, uploaded(file));
  }

  @Post('apply')
  @HttpCode(200)
  @UseInterceptors(UPLOAD)
  @ApiOperation({
    summary:
      'Apply a spreadsheet in one transaction: all rows or none. Applying the same file again changes nothing (rows are found by their natural keys)',
  })
  @ApiConsumes('multipart/form-data')
  @UPLOAD_BODY
  @ApiOkResponse({ type: ImportAppliedResponse, description: 'what was created, updated and left unchanged' })
  @ApiBadRequestResponse({
    type: ImportRefusedResponse,
    description: 'no file, an unreadable file, or rows with problems (`report` lists them all); nothing is written',
  })
  @UPLOAD_ERRORS
  apply(@CurrentPrincipal() p: Principal, @UploadedFile() file: Upload | undefined) {
    return this.imports.apply(p, uploaded(file));
  }
}
