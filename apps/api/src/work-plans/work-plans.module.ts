import { Module } from '@nestjs/common';
import { AccessModule } from '../access';
import { WorkPlansController } from './work-plans.controller';
import { WorkPlansService } from './work-plans.service';

/** Annual plans and quarterly work programmes (kế hoạch hằng năm, chương trình công tác quý). */
@Module({
  imports: [AccessModule],
  controllers: [WorkPlansController],
  providers: [WorkPlansService],
})
export class WorkPlansModule {}
