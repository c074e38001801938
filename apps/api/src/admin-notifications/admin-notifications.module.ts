import { DynamicModule, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { NotificationsModule } from '@app/notifications';
import type { ApiConfig } from '../api.config';
import { AuthModule } from '../auth/auth.module';
import { AuthService } from '../auth/auth.service';
import { AdminNotificationsController } from './admin-notifications.controller';
import { SystemAdminGuard } from '../auth/admin-role.guard';
import { FailedDeliveriesService } from './failed-deliveries.service';
import { BOARD_PATH, queueBoardHandlers } from './queue-board';
import { WebhookSettingsService } from './webhook-settings.service';

/** Admin side of notifications: failed deliveries and retries, webhook allowlist and unit webhooks, Bull Board. */
@Module({})
export class AdminNotificationsModule implements OnModuleInit {
  constructor(
    private readonly http: HttpAdapterHost,
    private readonly failed: FailedDeliveriesService,
    private readonly auth: AuthService,
  ) {}

  static forRoot(config: Pick<ApiConfig, 'REDIS_URL' | 'QUEUE_PREFIX'>): DynamicModule {
    return {
      module: AdminNotificationsModule,
      imports: [
        AuthModule,
        NotificationsModule.forRoot({ redisUrl: config.REDIS_URL, prefix: config.QUEUE_PREFIX, deliveryQueues: true }),
      ],
      controllers: [AdminNotificationsController],
      providers: [FailedDeliveriesService, WebhookSettingsService, SystemAdminGuard],
    };
  }

  /** Runs after Nest registered its routes and before its 404 handler, so the board is reachable. */
  onModuleInit(): void {
    this.http.httpAdapter.getInstance().use(BOARD_PATH, ...queueBoardHandlers(this.failed.all(), this.auth));
  }
}
