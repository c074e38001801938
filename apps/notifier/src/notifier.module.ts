import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { NotificationsModule } from '@app/notifications';
import { TracingShutdown } from '@app/observability/tracing-shutdown';
import { PersistenceModule } from '@app/persistence';
import { DELIVERY_JOBS } from './delivery-job';
import { DELIVERY_JOB_OPTIONS, deliveryJobOptions } from './delivery-job-options';
import { DeliveryWorkers } from './delivery-workers.service';
import { DigestService } from './digest/digest.service';
import { DigestStore } from './digest/digest-store';
import { EmailDigestJob } from './digest/email-digest.job';
import { NotificationDispatchJob } from './dispatch/notification-dispatch.job';
import { NotificationDispatchService } from './dispatch/notification-dispatch.service';
import { DeliveryLedger } from './delivery-ledger';
import { EmailDeliveryJob } from './email/email-delivery.job';
import { EmailDeliveryService } from './email/email-delivery.service';
import { MAIL_TRANSPORT, MailTransport, smtpTransport } from './email/mail-transport';
import { InAppDeliveryJob } from './in-app/in-app-delivery.job';
import { InAppDeliveryService } from './in-app/in-app-delivery.service';
import { NOTIFIER_CONFIG, NotifierConfig } from './notifier.config';
import { NOTIFIER_METRICS, NotifierMetrics } from './notifier-metrics';
import { DeliveryRetention } from './retention/delivery-retention';
import { WebhookDeliveryJob } from './webhook/webhook-delivery.job';
import { WebhookDeliveryService } from './webhook/webhook-delivery.service';

const JOBS = [NotificationDispatchJob, InAppDeliveryJob, EmailDeliveryJob, EmailDigestJob, WebhookDeliveryJob];

@Module({})
export class NotifierModule {
  /** `mailTransport` replaces SMTP (the benchmark's recording channel); everything else is as deployed. */
  static forRoot(config: NotifierConfig, overrides: { mailTransport?: MailTransport } = {}): DynamicModule {
    return {
      module: NotifierModule,
      imports: [
        LoggerModule.forRoot({ pinoHttp: { level: config.LOG_LEVEL, name: 'notifier' } }),
        PersistenceModule.forRoot(config.DATABASE_URL),
        NotificationsModule.forRoot({ redisUrl: config.REDIS_URL, prefix: config.QUEUE_PREFIX, deliveryQueues: true }),
      ],
      providers: [
        { provide: NOTIFIER_CONFIG, useValue: config },
        { provide: NOTIFIER_METRICS, useFactory: () => new NotifierMetrics() },
        { provide: DELIVERY_JOB_OPTIONS, useValue: deliveryJobOptions(config) },
        {
          provide: MAIL_TRANSPORT,
          // E-mail and digest jobs (NOTIFIER_CONCURRENCY each) share one pool of as many SMTP connections;
          // DeliveryWorkers closes it once the jobs have drained.
          useFactory: () =>
            overrides.mailTransport ?? smtpTransport(config.SMTP_URL, config.MAIL_FROM, config.NOTIFIER_CONCURRENCY),
        },
        DeliveryLedger,
        NotificationDispatchService,
        InAppDeliveryService,
        EmailDeliveryService,
        DigestStore,
        DigestService,
        WebhookDeliveryService,
        ...JOBS,
        { provide: DELIVERY_JOBS, useFactory: (...jobs: unknown[]) => jobs, inject: JOBS },
        DeliveryWorkers,
        DeliveryRetention,
        TracingShutdown,
      ],
    };
  }
}
