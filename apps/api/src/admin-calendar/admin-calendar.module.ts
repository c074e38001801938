import { Module } from '@nestjs/common';
import { SystemAdminGuard } from '../auth/admin-role.guard';
import { AdminCalendarController } from './admin-calendar.controller';
import { AdminCalendarService } from './admin-calendar.service';

/** Admin side of the working-day table (holidays, substitute days off, make-up working days per year). */
@Module({
  controllers: [AdminCalendarController],
  providers: [AdminCalendarService, SystemAdminGuard],
})
export class AdminCalendarModule {}
