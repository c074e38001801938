import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { RESOLUTION_KINDS } from '@app/domain';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { RateLimited } from '../common/rate-limit';
import { ApiErrors, ApiJsonOrCsv } from '../openapi/error.response';
import { CSV_PAGE_ROWS, CsvColumn, csvDownload, csvPageOf } from '../supervision/csv.util';
import { CountItemsQuery, CountsQuery } from './dto/counts.query';
import { CountedItemPageResponse, CountsResponse } from './dto/resolution.response';
import { CountedRow, ResolutionCountsService } from './resolution-counts.service';

const CsvExport = () => RateLimited('exports', (req) => req.query.format === 'csv');

const COUNT_REFUSALS = {
  400: 'The request does not pass validation, or the term is not one (in order, at most 10 years), or the year lies outside it',
  403: 'the committee lies outside what you supervise, or you supervise nothing',
  404: 'no such unit',
};

type CountCsvRow = { key: string | null; label: string | null; resolutions: number; programmes: number } & {
  resolutionsByKind: Record<string, number>;
};

const countColumns: CsvColumn<CountCsvRow>[] = [
  { header: 'key', value: (r) => r.key ?? 'total' },
  { header: 'label', value: (r) => r.label },
  { header: 'resolutions', value: (r) => r.resolutions },
  ...RESOLUTION_KINDS.map((k) => ({ header: k, value: (r: CountCsvRow) => r.resolutionsByKind[k] })),
  { header: 'programmes', value: (r) => r.programmes },
];

const itemColumns: CsvColumn<CountedRow>[] = [
  { header: 'subject', value: (r) => r.subject },
  { header: 'id', value: (r) => r.id },
  { header: 'number', value: (r) => r.number },
  { header: 'title', value: (r) => r.title },
  { header: 'kind', value: (r) => r.kind },
  { header: 'level', value: (r) => r.level },
  { header: 'year', value: (r) => r.year },
  { header: 'fieldGroup', value: (r) => r.fieldGroup },
  { header: 'memberInChargeId', value: (r) => r.memberInChargeId },
];

@ApiTags('supervision')
@ApiBearerAuth()
@Controller('supervision/counts')
export class ResolutionCountsController {
  constructor(private readonly counts: ResolutionCountsService) {}

  @Get()
  @CsvExport()
  @ApiJsonOrCsv(CountsResponse, 'JSON, or with format=csv one row per value and a last "total" row')
  @ApiErrors(COUNT_REFUSALS)
  @ApiOperation({
    summary:
      'How many resolutions (by kind) and programmes a committee issued over a term, by year, kind, level, field group or member in charge',
  })
  async count(
    @CurrentPrincipal() p: Principal,
    @Query() q: CountsQuery,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const result = await this.counts.counts(p, q);
    if (q.format !== 'csv') return result;
    return csvDownload(req, res, `counts-by-${q.by}.csv`, csvPageOf([...result.rows, result.total], 1), countColumns);
  }

  @Get('items')
  @CsvExport()
  @ApiJsonOrCsv(
    CountedItemPageResponse,
    'JSON, or with format=csv up to 5,000 rows a file (X-Total-Count, Link rel="next")',
  )
  @ApiErrors(COUNT_REFUSALS)
  @ApiOperation({
    summary:
      'The entries or programmes behind a number of the counts: the same term and committee, narrowed by year, kind, level, field group or member in charge',
  })
  async items(
    @CurrentPrincipal() p: Principal,
    @Query() q: CountItemsQuery,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const page = await this.counts.countedItems(p, q, q.format === 'csv' ? CSV_PAGE_ROWS : q.pageSize);
    return q.format === 'csv' ? csvDownload(req, res, `counted-${q.subject}.csv`, page, itemColumns) : page;
  }
}
