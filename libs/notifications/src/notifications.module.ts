import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { NotificationProducer } from './notification.producer';
import { NOTIFIER_QUEUES, QueueName } from './queue-names';

export interface QueueConnectionOptions {
  redisUrl: string;
  prefix: string;
  /** Also register the per-channel delivery queues (the notifier and the admin API need them). */
  deliveryQueues?: boolean;
}

export function bullConnection(redisUrl: string) {
  const u = new URL(redisUrl);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    username: u.username || undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
    tls: u.protocol === 'rediss:' ? {} : undefined,
    // BullMQ workers need blocking commands without a retry limit.
    maxRetriesPerRequest: null,
  };
}

/** The BullMQ root connection plus the notification queue and its producer (and the delivery queues when asked). */
@Module({})
export class NotificationsModule {
  static forRoot(opts: QueueConnectionOptions): DynamicModule {
    return {
      module: NotificationsModule,
      global: true,
      imports: [
        BullModule.forRoot({ connection: bullConnection(opts.redisUrl), prefix: opts.prefix }),
        BullModule.registerQueue(...(opts.deliveryQueues ? NOTIFIER_QUEUES : [QueueName.NOTIFICATIONS]).map((name) => ({ name }))),
      ],
      providers: [NotificationProducer],
      exports: [NotificationProducer, BullModule],
    };
  }
}
