import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { RateLimited } from '../common/rate-limit';
import { ApiErrors, ApiJsonOrCsv } from '../openapi/error.response';
import { CsvColumn, csvDownload, csvPageOf } from '../supervision/csv.util';
import { CascadeService } from './cascade.service';
import { CascadeResponse, ObligationResponse, ObligationsCreatedResponse } from './dto/cascade.response';
import { CascadeViewQuery, CreateObligationsDto, WithdrawObligationDto } from './dto/obligation-input.dto';

const WRITERS =
  'only the head, the Standing Committee or advisory staff of the issuing committee, or an admin of its province, oblige bodies by its entries';

type Row = Awaited<ReturnType<CascadeService['view']>>['obligations'][number];
const columns: CsvColumn<Row>[] = [
  { header: 'unitId', value: (r) => r.unitId },
  { header: 'unitName', value: (r) => r.unitName },
  { header: 'dueOn', value: (r) => r.dueOn },
  { header: 'standing', value: (r) => r.standing },
  { header: 'standingVi', value: (r) => r.standingVi },
  { header: 'daysLate', value: (r) => r.daysLate },
  { header: 'issuedOn', value: (r) => r.issuedOn },
  { header: 'programmeId', value: (r) => r.programmeId },
  { header: 'tasks', value: (r) => r.figures.tasks },
  { header: 'tasksDone', value: (r) => r.figures.tasksDone },
  { header: 'tasksOverdue', value: (r) => r.figures.tasksOverdue },
  { header: 'targets', value: (r) => r.figures.targets },
  { header: 'targetsAchieved', value: (r) => r.figures.targetsAchieved },
  { header: 'progressPercent', value: (r) => r.figures.progressPercent },
  { header: 'remindersSent', value: (r) => r.remindersSent },
  { header: 'escalationsSent', value: (r) => r.escalationsSent },
];

@ApiTags('resolutions')
@ApiBearerAuth()
@Controller('resolutions/:id/obligations')
export class CascadeController {
  constructor(private readonly cascade: CascadeService) {}

  @Get()
  @RateLimited('exports', (req) => req.query.format === 'csv')
  @ApiJsonOrCsv(CascadeResponse, 'JSON, or with format=csv one row per obligation')
  @ApiErrors({ 400: 'The request does not pass validation', 404: 'no such entry among those you may read' })
  @ApiOperation({
    summary:
      "The entry's cascade: who has issued (when, how late), who is late, who is pending, with counts and the roll-up of their programmes",
  })
  async view(
    @Param('id') id: string,
    @Query() q: CascadeViewQuery,
    @CurrentPrincipal() p: Principal,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const view = await this.cascade.view(id, p);
    if (q.format !== 'csv') return view;
    return csvDownload(req, res, `cascade-${id}.csv`, csvPageOf(view.obligations, 1), columns);
  }

  @Post()
  @ApiOperation({
    summary: 'Oblige subordinate bodies to issue their own programme or plan implementing the entry by a deadline',
  })
  @ApiCreatedResponse({ type: ObligationsCreatedResponse })
  @ApiErrors({
    400: 'The request does not pass validation; or a unit outside your province or not below the issuing committee, a unit named twice or obliged already, a deadline before signing or too far, a central entry or one no longer in force',
    403: WRITERS,
    404: 'no such entry among those you may read',
  })
  async create(@Param('id') id: string, @Body() dto: CreateObligationsDto, @CurrentPrincipal() p: Principal) {
    const { obligations } = await this.cascade.create(id, dto, p);
    return { obligations };
  }

  @Post(':obligationId/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw an open obligation: no more reminders or escalations' })
  @ApiOkResponse({ type: ObligationResponse })
  @ApiErrors({
    400: 'The request does not pass validation',
    403: WRITERS,
    404: 'no such entry among those you may read, or no such obligation of it',
    409: 'the obligation is fulfilled already',
  })
  withdraw(
    @Param('id') id: string,
    @Param('obligationId') obligationId: string,
    @Body() dto: WithdrawObligationDto,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.cascade.withdraw(id, obligationId, dto, p);
  }
}
