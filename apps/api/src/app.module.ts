import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { PersistenceModule } from '@app/persistence';
import { TemporalModule } from '@app/temporal';
import { TracingShutdown } from '@app/observability/tracing-shutdown';
import { DocumentStorageModule } from '@app/storage';
import { AccessModule } from './access';
import { AdminCalendarModule } from './admin-calendar/admin-calendar.module';
import { ReadModelAdminModule } from './admin-read-model/read-model-admin.module';
import { AdminNotificationsModule } from './admin-notifications/admin-notifications.module';
import { AuditModule } from './audit/audit.module';
import { FaultPoints } from '@app/observability/fault-points';
import { API_CONFIG, ApiConfig } from './api.config';
import { AuthModule } from './auth/auth.module';
import { AvailableActionsModule } from './available-actions/available-actions.module';
import { ApiExceptionFilter } from './common/temporal-error.filter';
import { HealthModule } from './health/health.module';
import { InboxModule } from './inbox/inbox.module';
import { OrganisationModule } from './organisation/organisation.module';
import { OrganisationImportModule } from './organisation/import/organisation-import.module';
import { MetricsModule } from './metrics/metrics.module';
import { ProgrammesModule } from './programmes/programmes.module';
import { ProgrammeFormsModule } from './programme-forms/programme-forms.module';
import { ReportsModule } from './reports/reports.module';
import { FieldGroupsModule } from './field-groups/field-groups.module';
import { ResolutionsModule } from './resolutions/resolutions.module';
import { AppraisalModule } from './appraisal/appraisal.module';
import { CascadeModule } from './cascade/cascade.module';
import { SupervisionModule } from './supervision/supervision.module';
import { TasksModule } from './tasks/tasks.module';
import { BreakthroughModule } from './breakthrough/breakthrough.module';
import { RotationModule } from './rotation/rotation.module';
import { RestructuringModule } from './organisation/restructuring/restructuring.module';
import { WorkPlansModule } from './work-plans/work-plans.module';
import { ConsultationModule } from './consultation/consultation.module';
import { DocumentsModule } from './documents/documents.module';

@Module({})
class ApiConfigModule {
  static forRoot(config: ApiConfig): DynamicModule {
    return {
      module: ApiConfigModule,
      global: true,
      providers: [
        { provide: API_CONFIG, useValue: config },
        // Off unless a fault test sets FAULT_POINTS_DIR (tests only).
        { provide: FaultPoints, useValue: new FaultPoints(config.FAULT_POINTS_DIR) },
      ],
      exports: [API_CONFIG, FaultPoints],
    };
  }
}

@Module({})
export class AppModule {
  static forRoot(config: ApiConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ApiConfigModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.LOG_LEVEL,
            name: 'api',
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            autoLogging: { ignore: (req) => req.url?.startsWith('/health') === true && req.url !== '/health/details' },
          },
        }),
        PersistenceModule.forRoot(config.DATABASE_URL),
        DocumentStorageModule.forRoot(config),
        TemporalModule.forRoot({
          address: config.TEMPORAL_ADDRESS,
          namespace: config.TEMPORAL_NAMESPACE,
          taskQueue: config.TEMPORAL_TASK_QUEUE,
          connectTimeoutMs: config.STARTUP_TIMEOUT_MS,
          security: config,
        }),
        AuthModule,
        AccessModule,
        HealthModule,
        MetricsModule,
        ProgrammesModule,
        ProgrammeFormsModule,
        InboxModule,
        OrganisationModule,
        OrganisationImportModule,
        AdminNotificationsModule.forRoot(config),
        AdminCalendarModule,
        ReadModelAdminModule,
        TasksModule,
        SupervisionModule,
        ReportsModule,
        DocumentsModule,
        BreakthroughModule,
        RotationModule,
        WorkPlansModule,
        AvailableActionsModule,
        ConsultationModule,
        ResolutionsModule,
        RestructuringModule,
        AppraisalModule,
        FieldGroupsModule,
        CascadeModule,
        AuditModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: ApiExceptionFilter }, TracingShutdown],
    };
  }
}
