import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '../../auth/principal';
import { ApiErrors } from '../../openapi/error.response';
import { OpenWorkParams } from './dto/open-work.dto';
import { OpenWorkResponse } from './dto/open-work.response';
import { OPEN_WORK_LISTED, OpenWorkService } from './open-work.service';

@ApiTags('organisation: restructuring')
@ApiBearerAuth()
@Controller('organisation/units')
export class OpenWorkController {
  constructor(private readonly openWork: OpenWorkService) {}

  @Get(':id/open-work')
  @ApiOperation({
    summary: 'The open work a split of the unit hands on: the programmes it issued and the tasks it issued or carries',
    description: `Not paged: at most ${OPEN_WORK_LISTED} programmes and ${OPEN_WORK_LISTED} tasks are listed, and programmesTotal and tasksTotal say how many there are. The conditions are those a restructuring checks its items against.`,
  })
  @ApiOkResponse({ type: OpenWorkResponse })
  @ApiErrors({
    400: 'the unit id is malformed',
    403: 'only an admin who may restructure the unit reads its open work (a provincial admin: a unit of the province below the province itself)',
    404: 'no such unit',
  })
  get(@Param() { id }: OpenWorkParams, @CurrentPrincipal() p: Principal) {
    return this.openWork.of(id, p);
  }
}
