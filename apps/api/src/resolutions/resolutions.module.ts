import { Module } from '@nestjs/common';
import { AccessModule } from '../access';
import { RateLimitModule } from '../common/rate-limit';
import { SupervisionModule } from '../supervision/supervision.module';
import { ResolutionCountsController } from './resolution-counts.controller';
import { ResolutionCountsService } from './resolution-counts.service';
import { ResolutionLineageService } from './resolution-lineage.service';
import { ResolutionWriterService } from './resolution-writer.service';
import { ResolutionsController } from './resolutions.controller';
import { ResolutionsService } from './resolutions.service';

/** The resolution registry: entries, their lineage down to programmes, tasks and targets, and counting them. */
@Module({
  imports: [AccessModule, RateLimitModule, SupervisionModule],
  controllers: [ResolutionsController, ResolutionCountsController],
  providers: [ResolutionsService, ResolutionWriterService, ResolutionLineageService, ResolutionCountsService],
  exports: [ResolutionsService],
})
export class ResolutionsModule {}
