import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { NotificationsModule } from '@app/notifications';
import { PersistenceModule } from '@app/persistence';
import { ProgrammeProjectionService } from './programmes/programme-projection.service';
import { BreakthroughProjectionService } from './breakthrough/breakthrough-projection.service';
import { RecipientsService } from './common/recipients.service';
import { TaskProjectionService } from './tasks/task-projection.service';
import { WorkerConfig } from './worker.config';

@Module({})
export class WorkerModule {
  static forRoot(config: WorkerConfig) {
    return {
      module: WorkerModule,
      imports: [
        LoggerModule.forRoot({ pinoHttp: { level: config.LOG_LEVEL, name: 'worker' } }),
        PersistenceModule.forRoot(config.DATABASE_URL),
        NotificationsModule.forRoot({ redisUrl: config.REDIS_URL, prefix: config.QUEUE_PREFIX }),
      ],
      providers: [ProgrammeProjectionService, TaskProjectionService, BreakthroughProjectionService, RecipientsService],
      exports: [ProgrammeProjectionService, TaskProjectionService, BreakthroughProjectionService],
    };
  }
}
