import { Module } from '@nestjs/common';
import { AccessModule } from '../access';
import { RateLimitModule } from '../common/rate-limit';
import { IssuedDocumentController } from './issued-document.controller';
import { PdfRenderer } from './pdf-renderer.service';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

/** Review reports (stored DOCX) and the issued programme's document, downloadable as DOCX or PDF. */
@Module({
  imports: [AccessModule, RateLimitModule],
  controllers: [ReportsController, IssuedDocumentController],
  providers: [ReportsService, PdfRenderer],
})
export class ReportsModule {}
