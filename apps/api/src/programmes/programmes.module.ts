import { Module } from '@nestjs/common';
import { AccessModule } from '../access';
import { ProgrammesController } from './programmes.controller';
import { RestructuringModule } from '../organisation/restructuring/restructuring.module';
import { ProgrammeReadsService } from './programme-reads.service';
import { ProgrammesService } from './programmes.service';
import { ReadYourWritesService } from '../common/read-your-writes.service';

@Module({
  imports: [AccessModule, RestructuringModule],
  controllers: [ProgrammesController],
  providers: [ProgrammesService, ProgrammeReadsService, ReadYourWritesService],
})
export class ProgrammesModule {}
