import { Controller, Get, Param, ParseIntPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { MAX_ANNUAL_PLAN_YEAR, MIN_ANNUAL_PLAN_YEAR } from '@app/domain';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { ApiErrors } from '../openapi/error.response';
import { ProgrammeWorkPlansResponse, QuarterlyWorkProgrammeResponse } from './dto/work-plans.response';
import { YearQuarterPipe } from './year-quarter.pipe';
import { WorkPlansService } from './work-plans.service';

const YEAR_PARAM = {
  name: 'year',
  type: 'integer',
  example: 2026,
  minimum: MIN_ANNUAL_PLAN_YEAR,
  maximum: MAX_ANNUAL_PLAN_YEAR,
} as const;
const QUARTER_PARAM = { name: 'quarter', type: 'integer', example: 1, minimum: 1, maximum: 4 } as const;

/**
 * Annual plans and quarterly work programmes with numbered items. They change through the programme's
 * actions (addWorkPlan, addPlanItem, changePlanItem, closePlanItem, setNextYearKeyTasks).
 */
@ApiTags('programmes')
@ApiBearerAuth()
@Controller()
export class WorkPlansController {
  constructor(private readonly plans: WorkPlansService) {}

  @Get('programmes/:id/plans')
  @ApiOperation({ summary: "A programme's annual plans and quarterly work programmes, items with their status" })
  @ApiOkResponse({ type: ProgrammeWorkPlansResponse })
  @ApiErrors({ 404: 'no such programme among those you may read' })
  ofProgramme(@Param('id') id: string, @CurrentPrincipal() p: Principal) {
    return this.plans.ofProgramme(id, p);
  }

  @Get('work-programmes/:unitId/:year/:quarter')
  @ApiOperation({ summary: "A committee's quarterly work programme: the quarter's plan of each programme it issued" })
  @ApiParam(YEAR_PARAM)
  @ApiParam(QUARTER_PARAM)
  @ApiOkResponse({ type: QuarterlyWorkProgrammeResponse })
  @ApiErrors({
    400: 'the year or the quarter is not a whole number in range',
    404: 'no such committee among those whose programmes you may read',
  })
  quarterly(
    @Param('unitId') unitId: string,
    @Param('year', ParseIntPipe, new YearQuarterPipe('year', MIN_ANNUAL_PLAN_YEAR, MAX_ANNUAL_PLAN_YEAR)) year: number,
    @Param('quarter', ParseIntPipe, new YearQuarterPipe('quarter', 1, 4)) quarter: number,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.plans.quarterly(unitId, year, quarter, p);
  }
}
