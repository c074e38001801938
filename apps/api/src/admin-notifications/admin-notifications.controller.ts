import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { ApiError, ApiErrors } from '../openapi/error.response';
import {
  AllowlistEntryResponse,
  FailedDeliveriesResponse,
  RetriedResponse,
  UnitWebhookResponse,
} from './dto/admin-notifications.response';
import type { Request, Response } from 'express';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { SystemAdminGuard } from '../auth/admin-role.guard';
import { BOARD_COOKIE, BOARD_PATH } from './queue-board';
import { FailedDeliveriesQuery, RetryFailedDto } from './dto/failed-deliveries.dto';
import { AllowlistEntryDto, UnitWebhookDto } from './dto/webhook-settings.dto';
import { FailedDeliveriesService } from './failed-deliveries.service';
import { WebhookSettingsService } from './webhook-settings.service';

@ApiTags('admin: notifications')
@ApiBearerAuth()
@ApiError(403, 'the caller lacks the SYSTEM_ADMIN role')
@UseGuards(SystemAdminGuard)
@Controller('admin/notifications')
export class AdminNotificationsController {
  constructor(
    private readonly failed: FailedDeliveriesService,
    private readonly webhooks: WebhookSettingsService,
  ) {}

  @Get('failed')
  @ApiOperation({ summary: 'Failed notification jobs with their reasons, across the notifier queues' })
  @ApiOkResponse({ type: FailedDeliveriesResponse })
  listFailed(@Query() q: FailedDeliveriesQuery) {
    return this.failed.list(q.queue, q.limit, q.offset);
  }

  @Post('failed/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Retry one failed job, or every failed job of a queue (delivery stays idempotent)' })
  @ApiOkResponse({ type: RetriedResponse })
  @ApiErrors({ 404: 'no such failed job in the queue' })
  retry(@Body() dto: RetryFailedDto) {
    return this.failed.retry(dto.queue, dto.jobId);
  }

  @Get('webhook-allowlist')
  @ApiOperation({ summary: 'URL prefixes webhooks may be sent to' })
  @ApiOkResponse({ type: AllowlistEntryResponse, isArray: true })
  listAllowlist() {
    return this.webhooks.listAllowlist();
  }

  @Post('webhook-allowlist')
  @ApiOperation({ summary: 'Allow webhooks to a URL prefix' })
  @ApiCreatedResponse({ type: AllowlistEntryResponse })
  @ApiErrors({
    400: 'The request does not pass validation, or the prefix is not an http(s) URL prefix',
    409: 'the prefix is on the allowlist already',
  })
  allow(@CurrentPrincipal() p: Principal, @Body() dto: AllowlistEntryDto) {
    return this.webhooks.allow(dto.urlPrefix, dto.note, p.personId);
  }

  @Delete('webhook-allowlist/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Stop allowing a URL prefix' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiNoContentResponse({ description: 'removed' })
  @ApiErrors({ 404: 'no such allowlist entry' })
  async disallow(@Param('id', new ParseUUIDPipe()) id: string) {
    await this.webhooks.disallow(id);
  }

  @Get('unit-webhooks')
  @ApiOperation({ summary: "Units' webhooks (secrets are never returned)" })
  @ApiOkResponse({ type: UnitWebhookResponse, isArray: true })
  listWebhooks() {
    return this.webhooks.listWebhooks();
  }

  @Put('unit-webhooks/:unitId')
  @ApiOperation({ summary: "Set a unit's webhook; the URL must be on the allowlist" })
  @ApiOkResponse({ type: UnitWebhookResponse, description: 'the webhook as saved (without its secret)' })
  @ApiErrors({
    400: 'The request does not pass validation, or the URL is not on the webhook allowlist',
    404: 'no such unit',
  })
  setWebhook(@CurrentPrincipal() p: Principal, @Param('unitId') unitId: string, @Body() dto: UnitWebhookDto) {
    return this.webhooks.setWebhook(unitId, dto.url, dto.secret, dto.active ?? true, p.personId);
  }

  @Delete('unit-webhooks/:unitId')
  @HttpCode(204)
  @ApiOperation({ summary: "Remove a unit's webhook" })
  @ApiNoContentResponse({ description: 'removed' })
  @ApiErrors({ 404: 'the unit has no webhook' })
  async removeWebhook(@Param('unitId') unitId: string) {
    await this.webhooks.removeWebhook(unitId);
  }

  @Post('board-session')
  @HttpCode(204)
  @ApiOperation({
    summary: `Sets an HttpOnly cookie carrying your token so a browser can open Bull Board at ${BOARD_PATH}`,
  })
  @ApiNoContentResponse({
    description: 'the cookie is set',
    headers: {
      'Set-Cookie': {
        description: `${BOARD_COOKIE}=…; Path=${BOARD_PATH}; HttpOnly; SameSite=Strict`,
        schema: { type: 'string' },
      },
    },
  })
  boardSession(@Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const token = String(req.headers.authorization ?? '')
      .slice('Bearer '.length)
      .trim();
    res.cookie(BOARD_COOKIE, token, { httpOnly: true, sameSite: 'strict', path: BOARD_PATH, secure: req.secure });
  }
}
