import { Module } from '@nestjs/common';
import { AccessModule } from '../access';
import { RateLimitModule } from '../common/rate-limit';
import { DutiesController } from './duties.controller';
import { DutiesService } from './duties.service';
import { DutyTransferService } from './duty-transfer.service';

/** Rotation of cadres (luân chuyển): listing a person's open duties and moving them to a successor. */
@Module({
  imports: [AccessModule, RateLimitModule],
  controllers: [DutiesController],
  providers: [DutiesService, DutyTransferService],
})
export class RotationModule {}
