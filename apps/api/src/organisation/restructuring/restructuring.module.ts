import { Module } from '@nestjs/common';
import { AccessModule } from '../../access/access.module';
import { ActiveUnitsService } from './active-units.service';
import { OpenWorkController } from './open-work.controller';
import { OpenWorkService } from './open-work.service';
import { RestructuringController } from './restructuring.controller';
import { RestructuringService } from './restructuring.service';

/** Restructurings of units (merger, split, renaming, abolished level) and the refusal of new work for ended units. */
@Module({
  imports: [AccessModule],
  controllers: [RestructuringController, OpenWorkController],
  providers: [RestructuringService, ActiveUnitsService, OpenWorkService],
  exports: [ActiveUnitsService],
})
export class RestructuringModule {}
