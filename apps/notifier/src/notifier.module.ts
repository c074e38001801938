import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { NotificationsModule } from '@app/notifications';
import { PersistenceModule } from '@app/persistence';
import { InAppDeliveryService } from './in-app/in-app-delivery.service';
import { NotificationDeliveryJob } from './in-app/notification-delivery.job';
import { NotifierConfig } from './notifier.config';

@Module({})
export class NotifierModule {
  static forRoot(config: NotifierConfig) {
    return {
      module: NotifierModule,
      imports: [
        LoggerModule.forRoot({ pinoHttp: { level: config.LOG_LEVEL, name: 'notifier' } }),
        PersistenceModule.forRoot(config.DATABASE_URL),
        NotificationsModule.forRoot({ redisUrl: config.REDIS_URL, prefix: config.QUEUE_PREFIX }),
      ],
      providers: [InAppDeliveryService, NotificationDeliveryJob],
    };
  }
}
