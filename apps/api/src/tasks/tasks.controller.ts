import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { TASK_ACTIONS } from '@app/domain';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { ActionRequestDto } from '../common/action-request.dto';
import { ListTasksQuery } from './dto/list-tasks.query';
import { ReassignBulkDto } from './dto/reassign-bulk.dto';
import { SupervisionListQuery, TaskBucketsQuery } from './dto/supervision.query';
import { TaskReassignmentService } from './task-reassignment.service';
import { TaskSupervisionService } from './task-supervision.service';
import { TasksService } from './tasks.service';

const ID_PARAM = { name: 'id', description: 'Task id, URL-encoded (e.g. hg-ctr-123%2FT1)' };

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class TasksController {
  constructor(
    private readonly tasks: TasksService,
    private readonly supervision: TaskSupervisionService,
    private readonly reassignment: TaskReassignmentService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'My tasks (staff inbox), filtered, sorted and paginated' })
  listMine(@Query() q: ListTasksQuery, @CurrentPrincipal() p: Principal) {
    return this.tasks.listMine(q, p);
  }

  @Get('counts')
  @ApiOperation({ summary: 'My tasks in the four tracking buckets (badge)' })
  counts(@CurrentPrincipal() p: Principal) {
    return this.tasks.countsMine(p);
  }

  @Get('buckets')
  @ApiOperation({
    summary:
      "Supervisor view: the four buckets grouped by unit, member in charge, field group or programme, in the caller's units",
  })
  buckets(@Query() q: TaskBucketsQuery, @CurrentPrincipal() p: Principal) {
    return this.supervision.buckets(q, p);
  }

  @Get('supervision')
  @ApiOperation({ summary: "Supervisor drill-down: the tasks behind a bucket cell, in the caller's units" })
  supervise(@Query() q: SupervisionListQuery, @CurrentPrincipal() p: Principal) {
    return this.supervision.list(q, p);
  }

  @Post('reassign-bulk')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reassign all open tasks of one person to another (supervisors); per-task results' })
  reassignBulk(@Body() dto: ReassignBulkDto, @CurrentPrincipal() p: Principal) {
    return this.reassignment.reassignAll(dto, p);
  }

  @Get(':id')
  @ApiParam(ID_PARAM)
  @ApiOperation({ summary: 'One task: read model plus live workflow state' })
  get(@Param('id') id: string, @CurrentPrincipal() p: Principal) {
    return this.tasks.get(id, p);
  }

  @Get(':id/history')
  @ApiParam(ID_PARAM)
  @ApiOperation({ summary: "The task's history (assigned, accepted, progress, extensions, returns, escalations…)" })
  history(@Param('id') id: string, @CurrentPrincipal() p: Principal) {
    return this.tasks.history(id, p);
  }

  @Post(':id/actions/:action')
  @HttpCode(200)
  @ApiParam(ID_PARAM)
  @ApiParam({ name: 'action', enum: TASK_ACTIONS })
  @ApiOperation({
    summary: 'A staff action on the task; refused with 403 (not yours), 409 (wrong state) or 400 (bad data)',
  })
  act(
    @Param('id') id: string,
    @Param('action') action: string,
    @Body() dto: ActionRequestDto,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.tasks.act(id, action, dto, p);
  }
}
