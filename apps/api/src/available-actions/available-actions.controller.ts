import { Controller, Get, Param, ParseIntPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { ApiErrors } from '../openapi/error.response';
import { AvailableActionsService } from './available-actions.service';
import { AvailableActionsResponse } from './dto/available-actions.response';

const OFFERS =
  'The actions the caller may take now, each with its payload schema, the values its form starts with and, per field, the values to choose from';

const YEAR_PARAM = { name: 'year', type: 'integer', example: 2027, minimum: 2020, maximum: 2999 } as const;

/** "What can I do now" on a programme, a task or a breakthrough cycle: beside each one's own GET route. */
@ApiBearerAuth()
@Controller()
export class AvailableActionsController {
  constructor(private readonly available: AvailableActionsService) {}

  @Get('programmes/:id/available-actions')
  @ApiTags('programmes')
  @ApiOperation({ summary: `${OFFERS} (none once the programme has ended)` })
  @ApiOkResponse({ type: AvailableActionsResponse })
  @ApiErrors({ 404: 'no such programme among those you may read' })
  programme(@Param('id') id: string, @CurrentPrincipal() p: Principal) {
    return this.available.programme(id, p);
  }

  @Get('tasks/:id/available-actions')
  @ApiTags('tasks')
  @ApiParam({ name: 'id', description: 'Task id, URL-encoded (e.g. hg-ctr-123%2FT1)' })
  @ApiOperation({ summary: `${OFFERS} (none once the task is done or cancelled)` })
  @ApiOkResponse({ type: AvailableActionsResponse })
  @ApiErrors({ 404: 'no such task among those you work on or supervise' })
  task(@Param('id') id: string, @CurrentPrincipal() p: Principal) {
    return this.available.task(id, p);
  }

  @Get('breakthrough/cycles/:unitId/:year/available-actions')
  @ApiTags('breakthrough')
  @ApiParam(YEAR_PARAM)
  @ApiOperation({ summary: `${OFFERS} (none once the cycle has closed)` })
  @ApiOkResponse({ type: AvailableActionsResponse })
  @ApiErrors({ 404: 'no such cycle' })
  cycle(@Param('unitId') unitId: string, @Param('year', ParseIntPipe) year: number, @CurrentPrincipal() p: Principal) {
    return this.available.cycle(unitId, year, p);
  }
}
