import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { NotificationsModule } from '@app/notifications';
import { PersistenceModule } from '@app/persistence';
import { TemporalModule } from '@app/temporal';
import { ProgrammeProjectionService } from './programmes/programme-projection.service';
import { ReviewReportOnCloseService } from './programmes/review-report-on-close.service';
import { BreakthroughProjectionService } from './breakthrough/breakthrough-projection.service';
import { RecipientsService } from './common/recipients.service';
import { TaskProjectionService } from './tasks/task-projection.service';
import { WorkingCalendarLoaderService } from './tasks/working-calendar-loader.service';
import { OrgChangeService } from './restructuring/org-change.service';
import { WorkerConfig } from './worker.config';
import { CascadeFulfilmentService } from './cascade/cascade-fulfilment.service';
import { CascadeProjectionService } from './cascade/cascade-projection.service';

@Module({})
export class WorkerModule {
  static forRoot(config: WorkerConfig) {
    return {
      module: WorkerModule,
      imports: [
        LoggerModule.forRoot({ pinoHttp: { level: config.LOG_LEVEL, name: 'worker' } }),
        PersistenceModule.forRoot(config.DATABASE_URL),
        NotificationsModule.forRoot({ redisUrl: config.REDIS_URL, prefix: config.QUEUE_PREFIX }),
        // The activities read a workflow's state through its query.
        TemporalModule.forRoot({
          address: config.TEMPORAL_ADDRESS,
          namespace: config.TEMPORAL_NAMESPACE,
          taskQueue: config.TEMPORAL_TASK_QUEUE,
          connectTimeoutMs: config.STARTUP_TIMEOUT_MS,
          security: config,
        }),
      ],
      providers: [
        ProgrammeProjectionService,
        ReviewReportOnCloseService,
        TaskProjectionService,
        BreakthroughProjectionService,
        RecipientsService,
        WorkingCalendarLoaderService,
        OrgChangeService,
        CascadeProjectionService,
        CascadeFulfilmentService,
      ],
      exports: [
        ProgrammeProjectionService,
        TaskProjectionService,
        BreakthroughProjectionService,
        WorkingCalendarLoaderService,
        OrgChangeService,
        CascadeProjectionService,
      ],
    };
  }
}
