import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { ActionRequestDto } from '../common/action-request.dto';
import { RateLimited } from '../common/rate-limit';
import { ApiActionPaths } from '../openapi/action-paths';
import { ApiErrors } from '../openapi/error.response';
import { TASK_ACTION_PAYLOADS } from './dto/task-action.payloads';
import {
  BucketCountsResponse,
  BulkReassignResponse,
  TaskBucketPageResponse,
  TaskDetailResponse,
  TaskHistoryResponse,
  TaskPageResponse,
  TaskViewResponse,
} from './dto/task.response';
import { ListTasksQuery } from './dto/list-tasks.query';
import { MyTaskPageResponse } from '../available-actions/dto/available-actions.response';
import { ReassignBulkDto } from './dto/reassign-bulk.dto';
import { SupervisionListQuery, TaskBucketsQuery } from './dto/supervision.query';
import { TaskReassignmentService } from './task-reassignment.service';
import { TaskSupervisionService } from './task-supervision.service';
import { TasksService } from './tasks.service';

const ID_PARAM = { name: 'id', description: 'Task id, URL-encoded (e.g. hg-ctr-123%2FT1)' };

const NOT_VISIBLE = {
  403: 'the task is neither yours nor in the units you supervise',
  404: 'no such task',
};

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
  @ApiOperation({
    summary: 'My tasks (staff inbox), filtered, sorted and paginated, each with the actions I may take on it now',
  })
  @ApiOkResponse({ type: MyTaskPageResponse })
  listMine(@Query() q: ListTasksQuery, @CurrentPrincipal() p: Principal) {
    return this.tasks.listMine(q, p);
  }

  @Get('counts')
  @ApiOperation({ summary: 'My tasks in the four tracking buckets (badge)' })
  @ApiOkResponse({ type: BucketCountsResponse })
  counts(@CurrentPrincipal() p: Principal) {
    return this.tasks.countsMine(p);
  }

  @Get('buckets')
  @ApiOperation({
    summary:
      "Supervisor view: the four buckets grouped by unit, member in charge, field group or programme, in the caller's units",
  })
  @ApiOkResponse({ type: TaskBucketPageResponse })
  buckets(@Query() q: TaskBucketsQuery, @CurrentPrincipal() p: Principal) {
    return this.supervision.buckets(q, p);
  }

  @Get('supervision')
  @ApiOperation({ summary: "Supervisor drill-down: the tasks behind a bucket cell, in the caller's units" })
  @ApiOkResponse({ type: TaskPageResponse })
  supervise(@Query() q: SupervisionListQuery, @CurrentPrincipal() p: Principal) {
    return this.supervision.list(q, p);
  }

  @Post('reassign-bulk')
  @RateLimited('bulk')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reassign all open tasks of one person to another (supervisors); per-task results' })
  @ApiOkResponse({ type: BulkReassignResponse })
  @ApiErrors({
    400: 'The request does not pass validation, names the same person twice, an unknown or inactive person or an unknown unit, or matches more than 2000 tasks',
    403: 'only a unit head, the Standing Committee or an admin reassigns tasks in bulk',
  })
  reassignBulk(@Body() dto: ReassignBulkDto, @CurrentPrincipal() p: Principal) {
    return this.reassignment.reassignAll(dto, p);
  }

  @Get(':id')
  @ApiParam(ID_PARAM)
  @ApiOperation({ summary: 'One task: read model plus live workflow state' })
  @ApiOkResponse({ type: TaskDetailResponse })
  @ApiErrors(NOT_VISIBLE)
  get(@Param('id') id: string, @CurrentPrincipal() p: Principal) {
    return this.tasks.get(id, p);
  }

  @Get(':id/history')
  @ApiParam(ID_PARAM)
  @ApiOperation({ summary: "The task's history (assigned, accepted, progress, extensions, returns, escalations…)" })
  @ApiOkResponse({ type: TaskHistoryResponse })
  @ApiErrors(NOT_VISIBLE)
  history(@Param('id') id: string, @CurrentPrincipal() p: Principal) {
    return this.tasks.history(id, p);
  }

  @Post(':id/actions/:action')
  @HttpCode(200)
  @ApiParam(ID_PARAM)
  @ApiActionPaths('action', TASK_ACTION_PAYLOADS, { closed: false })
  @ApiOperation({
    summary: 'A staff action on the task; refused with 403 (not yours), 409 (wrong state) or 400 (bad data)',
  })
  @ApiOkResponse({ type: TaskViewResponse, description: 'the task after the action' })
  @ApiErrors({
    400: "The request does not pass validation, or the task's workflow finds the payload invalid",
    403: 'the action is not yours to take',
    404: 'no such task',
    409: 'the task is in another state, or finished',
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
