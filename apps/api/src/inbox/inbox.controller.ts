import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { OffsetPageQuery } from '../common/pagination.query';
import { ApiErrors } from '../openapi/error.response';
import {
  InboxPageResponse,
  MarkedReadResponse,
  NotificationPreferencesResponse,
  UnreadCountResponse,
} from './dto/inbox.response';
import { InboxService } from './inbox.service';
import { NotificationPreferencesDto } from './notification-preferences.dto';

class InboxQuery extends OffsetPageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;
}

@ApiTags('inbox')
@ApiBearerAuth()
@Controller('inbox')
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  @Get()
  @ApiOperation({ summary: 'My notifications, newest first' })
  @ApiOkResponse({ type: InboxPageResponse })
  list(@CurrentPrincipal() p: Principal, @Query() q: InboxQuery) {
    return this.inbox.list(p, q.limit, q.offset, q.unread === true);
  }

  @Get('unread-count')
  @ApiOperation({ summary: 'How many of my notifications are unread (for a badge)' })
  @ApiOkResponse({ type: UnreadCountResponse })
  unread(@CurrentPrincipal() p: Principal) {
    return this.inbox.unreadCount(p);
  }

  @Get('preferences')
  @ApiOperation({ summary: 'My notification language and channels' })
  @ApiOkResponse({ type: NotificationPreferencesResponse })
  preferences(@CurrentPrincipal() p: Principal) {
    return this.inbox.preferences(p.personId);
  }

  @Put('preferences')
  @ApiOperation({ summary: 'Set my notification language and channels' })
  @ApiOkResponse({ type: NotificationPreferencesResponse, description: 'the preferences as saved' })
  setPreferences(@CurrentPrincipal() p: Principal, @Body() dto: NotificationPreferencesDto) {
    return this.inbox.setPreferences(p.personId, dto.locale, dto.channels);
  }

  @Post(':id/read')
  @HttpCode(204)
  @ApiOperation({ summary: 'Mark one of my notifications read (again is harmless)' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiNoContentResponse({ description: 'marked read' })
  @ApiErrors({ 404: 'no such notification in your inbox' })
  async markRead(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string) {
    await this.inbox.markRead(p, id);
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark all my notifications read' })
  @ApiOkResponse({ type: MarkedReadResponse })
  markAll(@CurrentPrincipal() p: Principal) {
    return this.inbox.markAllRead(p);
  }
}
