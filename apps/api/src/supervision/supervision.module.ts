import { Module } from '@nestjs/common';
import { LineageService } from './lineage.service';
import { OverviewService } from './overview.service';
import { ResponsivenessService } from './responsiveness.service';
import { SupervisionController } from './supervision.controller';
import { SupervisionScopeService } from './supervision-scope.service';
import { TimelineService } from './timeline.service';

/** Read-only questions supervisors ask across programmes, scoped to the units they supervise. */
@Module({
  controllers: [SupervisionController],
  providers: [SupervisionScopeService, OverviewService, LineageService, TimelineService, ResponsivenessService],
  exports: [SupervisionScopeService, OverviewService, TimelineService],
})
export class SupervisionModule {}
