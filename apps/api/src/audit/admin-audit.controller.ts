import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { sendText } from '../common/download';
import { ApiErrors } from '../openapi/error.response';
import { toCsv } from '../supervision/csv.util';
import { AUDIT_CSV_COLUMNS } from './audit-csv';
import { AUDIT_READERS_ONLY } from './audit-readers';
import { AdminAuditService } from './admin-audit.service';
import { AdminAuditCsvQuery, AdminAuditQuery, AUDIT_CSV_MAX } from './dto/admin-audit.query';
import { AdminAuditPageResponse } from './dto/admin-audit.response';

export const NEXT_CURSOR_HEADER = 'X-Next-Cursor';

@ApiTags('admin: audit')
@ApiBearerAuth()
@ApiErrors({ 403: AUDIT_READERS_ONLY })
@Controller('admin')
export class AdminAuditController {
  constructor(private readonly audit: AdminAuditService) {}

  @Get('audit')
  @ApiOperation({
    summary:
      'The audit of acts that are not workflow actions (logins, programme creation, admin changes, reports, exports), newest first',
  })
  @ApiOkResponse({ type: AdminAuditPageResponse })
  page(@Query() q: AdminAuditQuery, @CurrentPrincipal() p: Principal) {
    return this.audit.page(p, q, q.limit);
  }

  @Get('audit.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'UTF-8 CSV with a byte-order mark; cells a spreadsheet would run as formulas start with an apostrophe',
    content: { 'text/csv': { schema: { type: 'string' } } },
    headers: {
      [NEXT_CURSOR_HEADER]: {
        description: 'cursor of the next (older) rows; absent at the end',
        schema: { type: 'string' },
      },
    },
  })
  @ApiOperation({
    summary: `The same as CSV, at most ${AUDIT_CSV_MAX} rows a request; the ${NEXT_CURSOR_HEADER} header is the cursor of the rest`,
  })
  async csv(
    @Query() q: AdminAuditCsvQuery,
    @CurrentPrincipal() p: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const { items, nextCursor } = await this.audit.page(p, q, q.limit);
    if (nextCursor) res.setHeader(NEXT_CURSOR_HEADER, nextCursor);
    return sendText(res, 'audit.csv', toCsv(items, AUDIT_CSV_COLUMNS));
  }
}
