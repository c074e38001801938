import { Module } from '@nestjs/common';
import { AccessModule } from '../access';
import { BreakthroughController } from './breakthrough.controller';
import { RestructuringModule } from '../organisation/restructuring/restructuring.module';
import { BreakthroughCascadeService } from './breakthrough-cascade.service';
import { BreakthroughService } from './breakthrough.service';
import { ReadYourWritesService } from '../common/read-your-writes.service';

@Module({
  imports: [AccessModule, RestructuringModule],
  controllers: [BreakthroughController],
  providers: [BreakthroughService, BreakthroughCascadeService, ReadYourWritesService],
})
export class BreakthroughModule {}
