import { Module } from '@nestjs/common';
import { AccessModule } from '../access';
import { ProgrammesController } from './programmes.controller';
import { RestructuringModule } from '../organisation/restructuring/restructuring.module';
import { ProgrammesService } from './programmes.service';

@Module({
  imports: [AccessModule, RestructuringModule],
  controllers: [ProgrammesController],
  providers: [ProgrammesService],
})
export class ProgrammesModule {}
