import { Module } from '@nestjs/common';
import { SupervisionModule } from '../supervision/supervision.module';
import { TaskReassignmentService } from './task-reassignment.service';
import { TaskScopeService } from './task-scope.service';
import { TaskSupervisionService } from './task-supervision.service';
import { TasksController } from './tasks.controller';
import { TasksService } from './tasks.service';

@Module({
  imports: [SupervisionModule],
  controllers: [TasksController],
  providers: [TasksService, TaskScopeService, TaskSupervisionService, TaskReassignmentService],
})
export class TasksModule {}
