import { Module } from '@nestjs/common';
import { AccessModule } from '../access';
import { RateLimitModule } from '../common/rate-limit';
import { AppraisalController } from './appraisal.controller';
import { AppraisalService } from './appraisal.service';

/** The yearly appraisal of units and persons, and its export for the annual cadre appraisal. */
@Module({
  imports: [AccessModule, RateLimitModule],
  controllers: [AppraisalController],
  providers: [AppraisalService],
})
export class AppraisalModule {}
