import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { NotificationsModule } from '@app/notifications';
import { PersistenceModule } from '@app/persistence';
import { FaultPoints } from '@app/observability/fault-points';
import { TracingShutdown } from '@app/observability/tracing-shutdown';
import { TemporalModule } from '@app/temporal';
import { DocumentStorageModule } from '@app/storage';
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
import { ReadModelProjector } from './reconcile/read-model-projector';
import { ReconcileMetrics } from './reconcile/reconcile-metrics';
import { ReconcileService } from './reconcile/reconcile.service';
import { RebuildService } from './reconcile/rebuild.service';
import { WORKER_METRICS, workerMetricsProvider } from './worker-metrics';

@Module({})
export class WorkerModule {
  static forRoot(config: WorkerConfig) {
    return {
      module: WorkerModule,
      imports: [
        LoggerModule.forRoot({ pinoHttp: { level: config.LOG_LEVEL, name: 'worker' } }),
        PersistenceModule.forRoot(config.DATABASE_URL),
        DocumentStorageModule.forRoot(config),
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
        // Off unless a fault test sets FAULT_POINTS_DIR (tests only).
        { provide: FaultPoints, useValue: new FaultPoints(config.FAULT_POINTS_DIR) },
        workerMetricsProvider,
        ReadModelProjector,
        ReconcileMetrics,
        ReconcileService,
        RebuildService,
        TracingShutdown,
      ],
      exports: [
        ProgrammeProjectionService,
        TaskProjectionService,
        BreakthroughProjectionService,
        WorkingCalendarLoaderService,
        OrgChangeService,
        CascadeProjectionService,
        WORKER_METRICS,
        ReadModelProjector,
        ReconcileService,
        RebuildService,
      ],
    };
  }
}
