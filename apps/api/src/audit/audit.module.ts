import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AccessModule } from '../access';
import { AdminAuditController } from './admin-audit.controller';
import { AdminAuditService } from './admin-audit.service';
import { AuditResponseHook } from './audit-response.hook';
import { AuditInterceptor } from './audit.interceptor';
import { AuditRecorder } from './audit.recorder';

/**
 * The audit of acts that are not workflow actions: every route listed in AUDITED_ROUTES leaves one
 * append-only row, written by a global interceptor (successes, before the answer) and a response
 * hook (refusals and failures); admins and inspectors read it at /admin/audit.
 */
@Module({
  imports: [AccessModule],
  controllers: [AdminAuditController],
  providers: [
    AuditRecorder,
    AdminAuditService,
    AuditResponseHook,
    { provide: APP_INTERCEPTOR, useClass: AuditInterceptor },
  ],
})
export class AuditModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // Mounted at '/', Express runs it for every path, and it is app-wide middleware, not an address.
    consumer.apply(AuditResponseHook).forRoutes('/');
  }
}
