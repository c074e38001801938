import { Module } from '@nestjs/common';
import { SystemAdminGuard } from '../auth/admin-role.guard';
import { ReadModelAdminController } from './read-model-admin.controller';
import { ReadModelAdminService } from './read-model-admin.service';

/** Operators' side of read-model reconciliation: run it now, read past runs. */
@Module({
  controllers: [ReadModelAdminController],
  providers: [ReadModelAdminService, SystemAdminGuard],
})
export class ReadModelAdminModule {}
