import { Module } from '@nestjs/common';
import { AccessModule } from '../access';
import { RateLimitModule } from '../common/rate-limit';
import { ResolutionsModule } from '../resolutions/resolutions.module';
import { SupervisionModule } from '../supervision/supervision.module';
import { CascadeController } from './cascade.controller';
import { CascadeService } from './cascade.service';

/** The cascade: registry entries obliging subordinate bodies to issue their own programmes, and who has. */
@Module({
  imports: [AccessModule, RateLimitModule, SupervisionModule, ResolutionsModule],
  controllers: [CascadeController],
  providers: [CascadeService],
})
export class CascadeModule {}
