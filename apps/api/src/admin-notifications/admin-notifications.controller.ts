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
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { AdminRoleGuard } from '../auth/admin-role.guard';
import { BOARD_COOKIE, BOARD_PATH } from './queue-board';
import { FailedDeliveriesQuery, RetryFailedDto } from './dto/failed-deliveries.dto';
import { AllowlistEntryDto, UnitWebhookDto } from './dto/webhook-settings.dto';
import { FailedDeliveriesService } from './failed-deliveries.service';
import { WebhookSettingsService } from './webhook-settings.service';

@ApiTags('admin: notifications')
@ApiBearerAuth()
@UseGuards(AdminRoleGuard)
@Controller('admin/notifications')
export class AdminNotificationsController {
  constructor(
    private readonly failed: FailedDeliveriesService,
    private readonly webhooks: WebhookSettingsService,
  ) {}

  @Get('failed')
  @ApiOperation({ summary: 'Failed notification jobs with their reasons, across the notifier queues' })
  listFailed(@Query() q: FailedDeliveriesQuery) {
    return this.failed.list(q.queue, q.limit, q.offset);
  }

  @Post('failed/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Retry one failed job, or every failed job of a queue (delivery stays idempotent)' })
  retry(@Body() dto: RetryFailedDto) {
    return this.failed.retry(dto.queue, dto.jobId);
  }

  @Get('webhook-allowlist')
  @ApiOperation({ summary: 'URL prefixes webhooks may be sent to' })
  listAllowlist() {
    return this.webhooks.listAllowlist();
  }

  @Post('webhook-allowlist')
  @ApiOperation({ summary: 'Allow webhooks to a URL prefix' })
  allow(@CurrentPrincipal() p: Principal, @Body() dto: AllowlistEntryDto) {
    return this.webhooks.allow(dto.urlPrefix, dto.note, p.personId);
  }

  @Delete('webhook-allowlist/:id')
  @HttpCode(204)
  async disallow(@Param('id', new ParseUUIDPipe()) id: string) {
    await this.webhooks.disallow(id);
  }

  @Get('unit-webhooks')
  @ApiOperation({ summary: "Units' webhooks (secrets are never returned)" })
  listWebhooks() {
    return this.webhooks.listWebhooks();
  }

  @Put('unit-webhooks/:unitId')
  @ApiOperation({ summary: "Set a unit's webhook; the URL must be on the allowlist" })
  setWebhook(@CurrentPrincipal() p: Principal, @Param('unitId') unitId: string, @Body() dto: UnitWebhookDto) {
    return this.webhooks.setWebhook(unitId, dto.url, dto.secret, dto.active ?? true, p.personId);
  }

  @Delete('unit-webhooks/:unitId')
  @HttpCode(204)
  async removeWebhook(@Param('unitId') unitId: string) {
    await this.webhooks.removeWebhook(unitId);
  }

  @Post('board-session')
  @HttpCode(204)
  @ApiOperation({
    summary: `Sets an HttpOnly cookie carrying your token so a browser can open Bull Board at ${BOARD_PATH}`,
  })
  boardSession(@Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const token = String(req.headers.authorization ?? '')
      .slice('Bearer '.length)
      .trim();
    res.cookie(BOARD_COOKIE, token, { httpOnly: true, sameSite: 'strict', path: BOARD_PATH, secure: req.secure });
  }
}
