import { Module } from '@nestjs/common';
import { AccessModule } from '../access';
import { AvailableActionsModule } from '../available-actions/available-actions.module';
import { RateLimitModule } from '../common/rate-limit';
import { TaskReassignmentService } from './task-reassignment.service';
import { TaskSupervisionService } from './task-supervision.service';
import { TasksController } from './tasks.controller';
import { RestructuringModule } from '../organisation/restructuring/restructuring.module';
import { TasksService } from './tasks.service';

@Module({
  imports: [AccessModule, RestructuringModule, RateLimitModule, AvailableActionsModule],
  controllers: [TasksController],
  providers: [TasksService, TaskSupervisionService, TaskReassignmentService],
})
export class TasksModule {}
