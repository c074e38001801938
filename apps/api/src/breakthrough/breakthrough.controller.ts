import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Type } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { BreakthroughActionName } from '@app/domain';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { ActionRequestDto } from '../common/action-request.dto';
import { ApiActionPaths } from '../openapi/action-paths';
import { ApiErrors } from '../openapi/error.response';
import { AppraisePayload, NoCyclePayload, RegisterPayload, RevisePayload } from './dto/breakthrough-action.payloads';
import {
  BreakthroughActionResultResponse,
  CycleCreatedResponse,
  CycleDetailResponse,
} from './dto/breakthrough.response';
import { BreakthroughService } from './breakthrough.service';
import { StartCycleDto } from './dto/start-cycle.dto';

const CYCLE_ACTION_PAYLOADS: Record<BreakthroughActionName, Type<unknown>> = {
  register: RegisterPayload,
  revise: RevisePayload,
  appraise: AppraisePayload,
  closeRegistration: NoCyclePayload,
  closeAppraisal: NoCyclePayload,
};

// Cycles are opened for these years only (StartCycleDto), so no other year names one.
const YEAR_PARAM = { name: 'year', type: 'integer', example: 2027, minimum: 2020, maximum: 2999 } as const;

@ApiTags('breakthrough')
@ApiBearerAuth()
@Controller('breakthrough/cycles')
export class BreakthroughController {
  constructor(private readonly breakthrough: BreakthroughService) {}

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
