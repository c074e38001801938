import { Module } from '@nestjs/common';
import { AccessModule } from '../access';
import { AvailableActionsController } from './available-actions.controller';
import { AvailableActionsService } from './available-actions.service';

@Module({
  imports: [AccessModule],
  controllers: [AvailableActionsController],
  providers: [AvailableActionsService],
  exports: [AvailableActionsService],
})
export class AvailableActionsModule {}
