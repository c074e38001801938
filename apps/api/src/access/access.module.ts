import { Module } from '@nestjs/common';
import { AccessService } from './access.service';
import { ProgrammeReadersService } from './programme-readers.service';
import { ResolutionAccessService } from './resolution-access.service';

/** Who may see or act on what: every feature module that reads or acts on shared data imports this. */
@Module({
  providers: [AccessService, ProgrammeReadersService, ResolutionAccessService],
  exports: [AccessService, ProgrammeReadersService, ResolutionAccessService],
})
export class AccessModule {}
