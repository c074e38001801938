import { Module } from '@nestjs/common';
import { AccessModule } from '../access';
import { RateLimitModule } from '../common/rate-limit';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

/** Generated review reports (DOCX), stored with their programme. */
@Module({
  imports: [AccessModule, RateLimitModule],
  controllers: [ReportsController],
  providers: [ReportsService],
})
export class ReportsModule {}
