import { Body, Controller, Get, Param, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AccessService } from '../access';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { sendFile, XLSX_CONTENT_TYPE } from '../common/download';
import { RateLimited } from '../common/rate-limit';
import { ApiErrors } from '../openapi/error.response';
import { csvDownload, csvPageOf } from '../supervision/csv.util';
import { APPRAISAL_COLUMNS, appraisalXlsx } from './appraisal-export';
import { AppraisalService } from './appraisal.service';
import {
  AppraisalListResponse,
  AppraisalQuery,
  AppraisalRowResponse,
  AppraisalSubjectParams,
  AppraisalYearParams,
  AppraiseBody,
} from './dto/appraisal.dto';

@ApiTags('appraisal')
@ApiBearerAuth()
@Controller('appraisal')
export class AppraisalController {
  constructor(
    private readonly access: AccessService,
    private readonly appraisals: AppraisalService,
  ) {}

  @Get(':year')
  @RateLimited('exports', (req) => req.query.format === 'csv' || req.query.format === 'xlsx')
  @ApiExtraModels(AppraisalListResponse)
  @ApiOkResponse({
    description:
      'JSON; with format=csv a CSV file (UTF-8 with BOM), with format=xlsx a workbook: the annual cadre appraisal',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(AppraisalListResponse) } },
      'text/csv': { schema: { type: 'string' } },
      [XLSX_CONTENT_TYPE]: { schema: { type: 'string', format: 'binary' } },
    },
  })
  @ApiErrors({
    403: 'the committee lies outside what you supervise, or you supervise nothing',
    404: 'no such unit',
  })
  @ApiOperation({
    summary:
      'Yearly appraisal of the units (or persons) in scope: figures from their tasks and targets of the year, and the rating given',
  })
  async list(
    @CurrentPrincipal() p: Principal,
    @Param() { year }: AppraisalYearParams,
    @Query() q: AppraisalQuery,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const scope = await this.access.appraisalScope(p, q.committeeId);
    const items = await this.appraisals.list(scope, year, q.by === 'person' ? 'PERSON' : 'UNIT');
    if (q.format === 'csv')
      return csvDownload(req, res, `appraisal-${year}-${q.by}.csv`, csvPageOf(items, 1), APPRAISAL_COLUMNS);
    if (q.format === 'xlsx') {
      const content = await appraisalXlsx(year, items);
      return sendFile(res, { fileName: `appraisal-${year}-${q.by}.xlsx`, contentType: XLSX_CONTENT_TYPE, content });
    }
    return { year, items };
  }

  @Put(':year/:subjectKind/:subjectId')
  @ApiOkResponse({ type: AppraisalRowResponse, description: 'the unit or person with the rating as saved' })
  @ApiErrors({
    403: "only the committee's head or Standing Committee appraises, within the committee they lead",
    404: 'no such unit or person',
  })
  @ApiOperation({ summary: 'Rate a unit or person for the year, with a comment (replaces an earlier rating)' })
  async appraise(
    @CurrentPrincipal() p: Principal,
    @Param() { year, subjectKind, subjectId }: AppraisalSubjectParams,
    @Body() body: AppraiseBody,
  ) {
    const unitId = await this.appraisals.subjectUnit(subjectKind, subjectId);
    await this.access.mayAppraise(p, unitId);
    const scope = await this.access.appraisalScope(p);
    return this.appraisals.appraise(scope, year, subjectKind, subjectId, unitId, body.rating, body.comment, p.personId);
  }
}
