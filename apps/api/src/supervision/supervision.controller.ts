import { BadRequestException, Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiJsonOrCsv } from '../openapi/error.response';
import type { Request, Response } from 'express';
import { TASK_BUCKETS } from '@app/domain';
import { AccessService, ScopeCacheService } from '../access';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { RateLimited } from '../common/rate-limit';
import { CSV_PAGE_ROWS, CsvColumn, csvDownload, csvPageOf } from './csv.util';
import {
  LineageQuery,
  OverviewQuery,
  PagedQuery,
  ProgrammesQuery,
  ResponsivenessQuery,
} from './dto/supervision-query.dto';
import {
  LineageResponse,
  OverviewResponse,
  ResponsivenessPageResponse,
  SupervisedProgrammePageResponse,
  TimelineResponse,
  UnitInScopeResponse,
} from './dto/supervision.response';
import { LineageService } from './lineage.service';
import { AchievementRow, BucketRow, OverviewService, ProgrammeListRow } from './overview.service';
import { ResponsivenessRow, ResponsivenessService } from './responsiveness.service';
import { TimelineEntry, TimelineService } from './timeline.service';

/** What every supervision list answers; with format=csv the CSV is paged in larger pages. */
const JSON_OR_CSV =
  'JSON, or with format=csv a CSV file (UTF-8 with BOM, up to 5,000 rows; X-Total-Count and Link rel="next" when more remain)';

/** A CSV export of a list that also answers JSON: counted against the person's export allowance. */
const CsvExport = () => RateLimited('exports', (req) => req.query.format === 'csv');

/**
 * The lineage pages by programme, each with all its tasks and targets: 100 programmes a CSV file
 * keeps it near the rows other exports hold at most.
 */
const LINEAGE_CSV_PROGRAMMES = 100;

const bucketColumns = (keyHeader: string): CsvColumn<BucketRow>[] => [
  { header: keyHeader, value: (r) => r.key },
  { header: 'name', value: (r) => r.label },
  ...TASK_BUCKETS.map((b) => ({ header: b, value: (r: BucketRow) => r[b] })),
  { header: 'total', value: (r) => r.total },
];

const achievementColumns: CsvColumn<AchievementRow>[] = [
  { header: 'programmeId', value: (r) => r.programmeId },
  { header: 'title', value: (r) => r.title },
  { header: 'documentNumber', value: (r) => r.documentNumber },
  { header: 'reviewSeq', value: (r) => r.reviewSeq },
  { header: 'reviewKind', value: (r) => r.reviewKind },
  { header: 'period', value: (r) => r.periodLabel },
  { header: 'achievedOrExceeded', value: (r) => r.achievedOrExceeded },
  { header: 'targetsTotal', value: (r) => r.targetsTotal },
  { header: 'lowTargets', value: (r) => r.low.map((l) => `${l.code} ${l.name ?? ''}`.trim()) },
  {
    header: 'shareOfAnnualEstimate',
    value: (r) => r.estimateShares.map((e) => `${e.code} ${e.sharePercent ?? '-'}% (${e.value}/${e.estimate})`),
  },
];

const programmeColumns: CsvColumn<ProgrammeListRow>[] = [
  { header: 'id', value: (r) => r.id },
  { header: 'title', value: (r) => r.title },
  { header: 'documentNumber', value: (r) => r.documentNumber },
  { header: 'phase', value: (r) => r.phase },
  { header: 'phaseDeadline', value: (r) => r.phaseDeadline },
  { header: 'term', value: (r) => r.term },
  { header: 'implementsResolution', value: (r) => r.implementsResolution },
  { header: 'latestReviewHeadline', value: (r) => r.latestReviewHeadline },
];

const responsivenessColumns: CsvColumn<ResponsivenessRow>[] = [
  { header: 'id', value: (r) => r.key },
  { header: 'name', value: (r) => r.label },
  { header: 'consultationInvited', value: (r) => r.consultation.invited },
  { header: 'consultationOnTime', value: (r) => r.consultation.onTime },
  { header: 'consultationLate', value: (r) => r.consultation.late },
  { header: 'consultationSilent', value: (r) => r.consultation.silent },
  { header: 'disseminationAudience', value: (r) => r.dissemination.audience },
  { header: 'disseminationAcknowledged', value: (r) => r.dissemination.acknowledged },
  { header: 'reportsExpected', value: (r) => r.progressReports.expected },
  { header: 'reportsOnTime', value: (r) => r.progressReports.onTime },
  { header: 'reportsLate', value: (r) => r.progressReports.late },
  { header: 'reportsMissing', value: (r) => r.progressReports.missing },
  { header: 'tasksDue', value: (r) => r.tasks.due },
  { header: 'tasksOnTime', value: (r) => r.tasks.onTime },
  { header: 'tasksLate', value: (r) => r.tasks.late },
  { header: 'tasksOverdue', value: (r) => r.tasks.overdue },
  { header: 'tasksOpen', value: (r) => r.tasks.open },
  { header: 'tasksReopened', value: (r) => r.tasks.reopened },
  { header: 'tasksReopenedOpen', value: (r) => r.tasks.reopenedOpen },
  { header: 'tasksReopenings', value: (r) => r.tasks.reopenings },
];

/** A committee outside the caller's scope, or an unknown one. */
const COMMITTEE_REFUSALS = {
  403: 'the committee lies outside what you supervise, or you supervise nothing (you see only your own tasks)',
  404: 'no such unit',
};

const timelineColumns: CsvColumn<TimelineEntry>[] = [
  { header: 'at', value: (r) => r.at },
  { header: 'kind', value: (r) => r.kind },
  { header: 'title', value: (r) => r.title },
  { header: 'detail', value: (r) => JSON.stringify(r.detail) },
];

@ApiTags('supervision')
@ApiBearerAuth()
@Controller('supervision')
export class SupervisionController {
  constructor(
    private readonly access: AccessService,
    private readonly scopes: ScopeCacheService,
    private readonly overviews: OverviewService,
    private readonly lineages: LineageService,
    private readonly timelines: TimelineService,
    private readonly responsiveness: ResponsivenessService,
  ) {}

  @Get('overview')
  @CsvExport()
  @ApiJsonOrCsv(
    OverviewResponse,
    'the overview as JSON, or with format=csv one of its lists (list=…) as a CSV file, paged as the other exports',
  )
  @ApiErrors({
    ...COMMITTEE_REFUSALS,
    400: 'The request does not pass validation, or format=csv comes without list',
  })
  @ApiOperation({
    summary:
      'Overview of a committee and term: programmes by phase, tasks in the four buckets by unit / member in charge / field group, overdue trend, target achievement per programme and period',
  })
  async overview(
    @CurrentPrincipal() p: Principal,
    @Query() q: OverviewQuery,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const scope = await this.scopes.scope(p, q.committeeId);
    if (q.format !== 'csv') return this.overviews.overview(scope, q.term, q.page, q.pageSize);
    if (!q.list)
      throw new BadRequestException(
        'format=csv needs list=phases|byUnit|byMemberInCharge|byFieldGroup|overdueTrend|achievement',
      );
    const file = `overview-${q.list}.csv`;
    switch (q.list) {
      case 'phases':
        return csvDownload(req, res, file, csvPageOf(await this.overviews.programmesByPhase(scope, q.term), q.page), [
          { header: 'phase', value: (r) => r.phase },
          { header: 'count', value: (r) => r.count },
        ]);
      case 'achievement':
        return csvDownload(
          req,
          res,
          file,
          await this.overviews.achievement(scope, q.term, q.page, CSV_PAGE_ROWS),
          achievementColumns,
        );
      case 'overdueTrend': {
        const { overdueTrend } = await this.overviews.taskBuckets(scope, q.term, new Date());
        return csvDownload(req, res, file, csvPageOf(overdueTrend, q.page), [
          { header: 'month', value: (r) => r.month },
          { header: 'due', value: (r) => r.due },
          { header: 'late', value: (r) => r.late },
        ]);
      }
      default: {
        const tasks = await this.overviews.taskBuckets(scope, q.term, new Date());
        const header = { byUnit: 'unitId', byMemberInCharge: 'memberInChargeId', byFieldGroup: 'fieldGroup' }[q.list];
        return csvDownload(req, res, file, csvPageOf(tasks[q.list], q.page), bucketColumns(header));
      }
    }
  }

  @Get('units')
  @ApiOperation({
    summary: 'The units you may ask an overview of: your committee (or unit) and everything below it; none for staff',
  })
  @ApiOkResponse({ type: UnitInScopeResponse, isArray: true })
  units(@CurrentPrincipal() p: Principal) {
    return this.access.unitsInScope(p);
  }

  @Get('programmes')
  @CsvExport()
  @ApiJsonOrCsv(SupervisedProgrammePageResponse, JSON_OR_CSV)
  @ApiErrors(COMMITTEE_REFUSALS)
  @ApiOperation({
    summary: 'Programmes in scope (committee, term, phase), nearest phase deadline first: the drill-down list',
  })
  async programmes(
    @CurrentPrincipal() p: Principal,
    @Query() q: ProgrammesQuery,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const scope = await this.scopes.scope(p, q.committeeId);
    const pageSize = q.format === 'csv' ? CSV_PAGE_ROWS : q.pageSize;
    const result = await this.overviews.programmes(scope, q.term, q.phase, q.page, pageSize, q.view);
    return q.format === 'csv' ? csvDownload(req, res, 'programmes.csv', result, programmeColumns) : result;
  }

  @Get('lineage')
  @CsvExport()
  @ApiJsonOrCsv(LineageResponse, JSON_OR_CSV)
  @ApiErrors({
    400: 'The request does not pass validation, or does not name exactly one starting point (resolution, programmeId with an optional targetCode, or taskId)',
    404: 'no such programme, task or target among those you may see',
  })
  @ApiOperation({
    summary:
      'Resolution → programmes → annual plans → tasks → targets, from the top (resolution) or up from a programme, a task or a target',
  })
  async lineage(
    @CurrentPrincipal() p: Principal,
    @Query() q: LineageQuery,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const scope = await this.scopes.scope(p);
    const pageSize = q.format === 'csv' ? LINEAGE_CSV_PROGRAMMES : q.pageSize;
    const result = await this.lineages.lineage(scope, q, q.page, pageSize);
    if (q.format !== 'csv') return result;
    const rows = result.programmes.flatMap((prog) => [
      ...prog.tasks.map((t) => ({
        resolution: result.resolution,
        programme: prog.id,
        annualPlan: t.annualPlanYear,
        kind: 'TASK',
        code: t.code,
        title: t.title,
        state: t.bucket,
      })),
      ...prog.targets.map((t) => ({
        resolution: result.resolution,
        programme: prog.id,
        annualPlan: null,
        kind: 'TARGET',
        code: t.code,
        title: t.name,
        state: t.values.at(-1)?.achievement ?? null,
      })),
    ]);
    // The page and its total count programmes, as the JSON answer's do.
    const page = { items: rows, total: result.total, page: result.page, pageSize: result.pageSize };
    return csvDownload(req, res, 'lineage.csv', page, [
      { header: 'resolution', value: (r) => r.resolution },
      { header: 'programmeId', value: (r) => r.programme },
      { header: 'annualPlanYear', value: (r) => r.annualPlan },
      { header: 'kind', value: (r) => r.kind },
      { header: 'code', value: (r) => r.code },
      { header: 'title', value: (r) => r.title },
      { header: 'state', value: (r) => r.state },
    ]);
  }

  @Get('programmes/:id/timeline')
  @CsvExport()
  @ApiJsonOrCsv(TimelineResponse, JSON_OR_CSV)
  @ApiErrors({ 404: 'no such programme among those you may see' })
  @ApiOperation({
    summary: 'One programme in time order: phases with dates, reviews, inspections, reminders sent, escalations',
  })
  async timeline(
    @CurrentPrincipal() p: Principal,
    @Param('id') id: string,
    @Query() q: PagedQuery,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const scope = await this.scopes.scope(p);
    const pageSize = q.format === 'csv' ? CSV_PAGE_ROWS : q.pageSize;
    const result = await this.timelines.timeline(scope, id, q.page, pageSize, p);
    return q.format === 'csv' ? csvDownload(req, res, `timeline-${id}.csv`, result, timelineColumns) : result;
  }

  @Get('responsiveness')
  @CsvExport()
  @ApiJsonOrCsv(ResponsivenessPageResponse, JSON_OR_CSV)
  @ApiErrors(COMMITTEE_REFUSALS)
  @ApiOperation({
    summary:
      'Per unit or person: consultation answers on time, dissemination acknowledged, progress reports on time, tasks on time and reopened (feeds the annual appraisal)',
  })
  async responsivenessList(
    @CurrentPrincipal() p: Principal,
    @Query() q: ResponsivenessQuery,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const scope = await this.scopes.scope(p, q.committeeId);
    const rows = await this.responsiveness.responsiveness(scope, q.term, q.by);
    if (q.format === 'csv')
      return csvDownload(req, res, `responsiveness-by-${q.by}.csv`, csvPageOf(rows, q.page), responsivenessColumns);
    const start = (q.page - 1) * q.pageSize;
    return { items: rows.slice(start, start + q.pageSize), total: rows.length, page: q.page, pageSize: q.pageSize };
  }
}
