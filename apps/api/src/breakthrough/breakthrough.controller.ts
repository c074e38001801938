import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { BREAKTHROUGH_ACTIONS } from '@app/domain';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { ActionRequestDto } from '../common/action-request.dto';
import { BreakthroughService } from './breakthrough.service';
import { StartCycleDto } from './dto/start-cycle.dto';

@ApiTags('breakthrough')
@ApiBearerAuth()
@Controller('breakthrough/cycles')
export class BreakthroughController {
  constructor(private readonly breakthrough: BreakthroughService) {}

  @Post()
  @ApiOperation({ summary: "Open a committee's yearly breakthrough cycle (registration window, appraisal deadline)" })
  start(@Body() dto: StartCycleDto, @CurrentPrincipal() p: Principal) {
    return this.breakthrough.start(dto, p);
  }

  @Get(':unitId/:year')
  @ApiOperation({ summary: 'One cycle: read model plus live state (registrations, appraisals, outcomes)' })
  get(@Param('unitId') unitId: string, @Param('year', ParseIntPipe) year: number, @CurrentPrincipal() p: Principal) {
    return this.breakthrough.get(unitId, year, p);
  }

  @Post(':unitId/:year/actions/:action')
  @HttpCode(200)
  @ApiParam({ name: 'action', enum: BREAKTHROUGH_ACTIONS })
  @ApiOperation({ summary: 'register, revise, appraise, closeRegistration, closeAppraisal; refused with 403/409/400' })
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
