import { Body, Controller, Get, Param, ParseIntPipe, Put, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { ApiErrors, ErrorResponse } from '../openapi/error.response';
import { CalendarYearListResponse, CalendarYearResponse } from './dto/calendar.response';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { SystemAdminGuard } from '../auth/admin-role.guard';
import { AdminCalendarService } from './admin-calendar.service';
import { CALENDAR_YEAR_RANGE, CalendarYearRangePipe } from './calendar-year.pipe';
import { CalendarYearDto } from './dto/calendar-year.dto';

const YEAR_PARAM = { name: 'year', type: 'integer', example: 2027, ...CALENDAR_YEAR_RANGE } as const;

@ApiTags('admin: working-day calendar')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'the caller lacks the SYSTEM_ADMIN role', type: ErrorResponse })
@UseGuards(SystemAdminGuard)
@Controller('admin/calendar')
export class AdminCalendarController {
  constructor(private readonly calendar: AdminCalendarService) {}

  @Get()
  @ApiOperation({
    summary: 'Every year of the working-day table, with its holidays, substitute days off and make-up working days',
  })
  @ApiOkResponse({ type: CalendarYearListResponse })
  list() {
    return this.calendar.list();
  }

  @Get(':year')
  @ApiOperation({ summary: 'One year of the working-day table, with who changed it last' })
  @ApiParam(YEAR_PARAM)
  @ApiOkResponse({ type: CalendarYearResponse })
  @ApiErrors({ 404: 'the table has no such year (only weekends are days off in it)' })
  get(@Param('year', ParseIntPipe, CalendarYearRangePipe) year: number) {
    return this.calendar.get(year);
  }

  @Put(':year')
  @ApiOperation({
    summary:
      "Replace one year's days. Tasks started afterwards count working days with it; running tasks keep the calendar they started with",
  })
  @ApiParam(YEAR_PARAM)
  @ApiOkResponse({ type: CalendarYearResponse, description: 'the year as saved' })
  @ApiBadRequestResponse({
    description: 'every problem with the year, listed in `message`; nothing is written',
    type: ErrorResponse,
  })
  put(
    @CurrentPrincipal() p: Principal,
    @Param('year', ParseIntPipe, CalendarYearRangePipe) year: number,
    @Body() dto: CalendarYearDto,
  ) {
    return this.calendar.put(year, dto, p.personId);
  }
}
