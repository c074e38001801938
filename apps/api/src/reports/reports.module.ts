import { Module } from '@nestjs/common';
import { SupervisionModule } from '../supervision/supervision.module';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

/** Generated review reports (DOCX), stored with their programme. */
@Module({
  imports: [SupervisionModule],
  controllers: [ReportsController],
  providers: [ReportsService],
})
export class ReportsModule {}
