import { Module } from '@nestjs/common';
import { AccessService } from './access.service';
import { ConsultationAccessService } from './consultation-access.service';
import { FieldGroupAccessService } from './field-group-access.service';
import { ProgrammeReadersService } from './programme-readers.service';
import { ResolutionAccessService } from './resolution-access.service';

/** Who may see or act on what: every feature module that reads or acts on shared data imports this. */
@Module({
  providers: [
    AccessService,
    ProgrammeReadersService,
    ResolutionAccessService,
    FieldGroupAccessService,
    ConsultationAccessService,
  ],
  exports: [
    AccessService,
    ProgrammeReadersService,
    ResolutionAccessService,
    FieldGroupAccessService,
    ConsultationAccessService,
  ],
})
export class AccessModule {}
