import { Module } from '@nestjs/common';
import { AccessModule } from '../access';
import { RateLimitModule } from '../common/rate-limit';
import { LineageService } from './lineage.service';
import { OverviewService } from './overview.service';
import { ResponsivenessService } from './responsiveness.service';
import { SupervisionController } from './supervision.controller';
import { TimelineService } from './timeline.service';

/** Read-only questions supervisors ask across programmes, scoped to the units they supervise. */
@Module({
  imports: [AccessModule, RateLimitModule],
  controllers: [SupervisionController],
  providers: [OverviewService, LineageService, TimelineService, ResponsivenessService],
  exports: [LineageService],
})
export class SupervisionModule {}
