import { Module } from '@nestjs/common';
import { AccessModule } from '../access';
import { BreakthroughController } from './breakthrough.controller';
import { RestructuringModule } from '../organisation/restructuring/restructuring.module';
import { BreakthroughCascadeService } from './breakthrough-cascade.service';
import { BreakthroughService } from './breakthrough.service';

@Module({
  imports: [AccessModule, RestructuringModule],
  controllers: [BreakthroughController],
  providers: [BreakthroughService, BreakthroughCascadeService],
})
export class BreakthroughModule {}
