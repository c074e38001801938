import { BullModule, getQueueToken } from '@nestjs/bullmq';
import { DynamicModule, Logger, Module, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
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

const QUEUE_NAMES = Symbol('NOTIFICATION_QUEUE_NAMES');

/** The BullMQ root connection plus the notification queue and its producer (and the delivery queues when asked). */
@Module({})
export class NotificationsModule implements OnModuleInit {
  private readonly logger = new Logger('NotificationQueues');

  constructor(private readonly moduleRef: ModuleRef) {}

  static forRoot(opts: QueueConnectionOptions): DynamicModule {
    const names = opts.deliveryQueues ? NOTIFIER_QUEUES : [QueueName.NOTIFICATIONS];
    return {
      module: NotificationsModule,
      global: true,
      imports: [
        BullModule.forRoot({ connection: bullConnection(opts.redisUrl), prefix: opts.prefix }),
        BullModule.registerQueue(...names.map((name) => ({ name }))),
      ],
      providers: [NotificationProducer, { provide: QUEUE_NAMES, useValue: names }],
      exports: [NotificationProducer, BullModule],
    };
  }

  /** A Redis outage is logged, not thrown: unhandled 'error' events would end the process; ioredis reconnects. */
  onModuleInit(): void {
    for (const name of this.moduleRef.get<readonly QueueName[]>(QUEUE_NAMES, { strict: false }))
      this.moduleRef
        .get<Queue>(getQueueToken(name), { strict: false })
        .on('error', (err) => this.logger.warn(`queue ${name}: ${err.message}`));
  }
}
