import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { ActionRequestDto } from '../common/action-request.dto';
import { ApiActionPaths } from '../openapi/action-paths';
import { ApiErrors } from '../openapi/error.response';
import { CYCLE_ACTION_PAYLOADS } from './dto/breakthrough-action.payloads';
import {
  BreakthroughActionResultResponse,
  CascadeOpenedResponse,
  CascadeRollupResponse,
  CycleCreatedResponse,
  CycleDetailResponse,
} from './dto/breakthrough.response';
import { BreakthroughCascadeService } from './breakthrough-cascade.service';
import { BreakthroughService } from './breakthrough.service';
import { CascadeCycleDto } from './dto/cascade-cycle.dto';
import { StartCycleDto } from './dto/start-cycle.dto';

// Cycles are opened for these years only (StartCycleDto), so no other year names one.
const YEAR_PARAM = { name: 'year', type: 'integer', example: 2027, minimum: 2020, maximum: 2999 } as const;

@ApiTags('breakthrough')
@ApiBearerAuth()
@Controller('breakthrough/cycles')
export class BreakthroughController {
  constructor(
    private readonly breakthrough: BreakthroughService,
    private readonly cascades: BreakthroughCascadeService,
  ) {}

  @Post()
  @ApiOperation({ summary: "Open a committee's yearly breakthrough cycle (registration window, appraisal deadline)" })
  @ApiCreatedResponse({ type: CycleCreatedResponse })
  @ApiErrors({
    400: 'The request does not pass validation, names an unknown unit, or its dates are out of order or past, or the committee has no appraiser',
    403: 'only the head or the Standing Committee of the committee (or an admin) opens its cycle',
    409: "the committee's cycle of that year exists already",
  })
  start(@Body() dto: StartCycleDto, @CurrentPrincipal() p: Principal) {
    return this.breakthrough.start(dto, p);
  }

  @Get(':unitId/:year')
  @ApiOperation({ summary: 'One cycle: read model plus live state (registrations, appraisals, outcomes)' })
  @ApiParam(YEAR_PARAM)
  @ApiOkResponse({ type: CycleDetailResponse })
  @ApiErrors({ 404: 'no such cycle' })
  get(@Param('unitId') unitId: string, @Param('year', ParseIntPipe) year: number, @CurrentPrincipal() p: Principal) {
    return this.breakthrough.get(unitId, year, p);
  }

  @Post(':unitId/:year/cascade')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Cascade the cycle one level down: a cycle of its own for each named committee below (its units and heads register, its Standing Committee appraises and assigns)',
  })
  @ApiParam(YEAR_PARAM)
  @ApiOkResponse({ type: CascadeOpenedResponse })
  @ApiErrors({
    400: 'The request does not pass validation, names a unit that is not a committee below this one, or a committee without an appraiser, or dates out of order or past',
    403: 'only the head or the Standing Committee of the committee (or an admin) cascades its cycle',
    404: 'no such cycle',
    409: 'the cycle is closed, or a named committee has a cycle of that year not opened under this one',
  })
  cascade(
    @Param('unitId') unitId: string,
    @Param('year', ParseIntPipe) year: number,
    @Body() dto: CascadeCycleDto,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.cascades.cascade(unitId, year, dto, p);
  }

  @Get(':unitId/:year/cascade')
  @ApiOperation({
    summary:
      'The cycle and the cycles under it, level by level: organisations and individuals counted apart, by content group, and summed',
  })
  @ApiParam(YEAR_PARAM)
  @ApiOkResponse({ type: CascadeRollupResponse })
  @ApiErrors({ 404: 'no such cycle' })
  rollup(@Param('unitId') unitId: string, @Param('year', ParseIntPipe) year: number, @CurrentPrincipal() p: Principal) {
    return this.cascades.rollup(unitId, year, p);
  }

  @Post(':unitId/:year/actions/:action')
  @HttpCode(200)
  @ApiActionPaths('action', CYCLE_ACTION_PAYLOADS, { closed: false })
  @ApiOperation({ summary: 'register, revise, appraise, closeRegistration, closeAppraisal; refused with 403/409/400' })
  @ApiParam(YEAR_PARAM)
  @ApiOkResponse({ type: BreakthroughActionResultResponse })
  @ApiErrors({
    400: "The request does not pass validation, or the cycle's workflow finds the payload invalid",
    403: 'the action is not yours to take',
    404: 'no such cycle, or no such registration number',
    409: 'the cycle or the registration is in another phase',
  })
  act(
    @Param('unitId') unitId: string,
    @Param('year', ParseIntPipe) year: number,
    @Param('action') action: string,
    @Body() dto: ActionRequestDto,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.breakthrough.act(unitId, year, action, dto, p);
  }
}
