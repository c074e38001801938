import { Body, Controller, Get, HttpCode, Post, Query, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SystemAdminGuard } from '../auth/admin-role.guard';
import { ApiError, ApiErrors } from '../openapi/error.response';
import { ReconcileNowDto, ReconciliationsQuery } from './dto/read-model.dto';
import { ReconcileTriggeredResponse, ReconciliationRunsResponse } from './dto/read-model.response';
import { ReadModelAdminService } from './read-model-admin.service';

@ApiTags('admin: read model')
@ApiBearerAuth()
@ApiError(403, 'the caller lacks the SYSTEM_ADMIN role')
@UseGuards(SystemAdminGuard)
@Controller('admin/read-model')
export class ReadModelAdminController {
  constructor(private readonly readModel: ReadModelAdminService) {}

  @Post('reconcile')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Run the read-model reconciliation now (compare workflows with the read model, repair drift, mark orphaned rows); the run goes on in the background',
  })
  @ApiAcceptedResponse({ type: ReconcileTriggeredResponse })
  @ApiErrors({ 400: 'The request does not pass validation' })
  // The body only carries the operator's reason, which the audit keeps.
  reconcile(@Body() _dto: ReconcileNowDto) {
    return this.readModel.reconcileNow();
  }

  @Get('reconciliations')
  @ApiOperation({ summary: 'Past reconciliations, newest first: when, and what each found' })
  @ApiOkResponse({ type: ReconciliationRunsResponse })
  reconciliations(@Query() q: ReconciliationsQuery) {
    return this.readModel.runs(q.limit, q.offset);
  }
}
