import { Module } from '@nestjs/common';
import { AccessModule } from '../access';
import { RateLimitModule } from '../common/rate-limit';
import { TaskReassignmentService } from './task-reassignment.service';
import { TaskSupervisionService } from './task-supervision.service';
import { TasksController } from './tasks.controller';
import { RestructuringModule } from '../organisation/restructuring/restructuring.module';
import { TasksService } from './tasks.service';

@Module({
  imports: [AccessModule, RestructuringModule, RateLimitModule],
  controllers: [TasksController],
  providers: [TasksService, TaskSupervisionService, TaskReassignmentService],
})
export class TasksModule {}
