import { Module } from '@nestjs/common';
import { AccessService } from './access.service';
import { CycleAccessService } from './cycle-access.service';
import { ConsultationAccessService } from './consultation-access.service';
import { DocumentAccessService } from './document-access.service';
import { FieldGroupAccessService } from './field-group-access.service';
import { IssuanceAccessService } from './issuance-access.service';
import { ProgrammeReadersService } from './programme-readers.service';
import { ResolutionAccessService } from './resolution-access.service';
import { RotationAccessService } from './rotation-access.service';
import { ScopeCacheService } from './scope-cache.service';
import { TaskAccessService } from './task-access.service';

/** Who may see or act on what: every feature module that reads or acts on shared data imports this. */
const SERVICES = [
  AccessService,
  TaskAccessService,
  CycleAccessService,
  RotationAccessService,
  ProgrammeReadersService,
  ResolutionAccessService,
  FieldGroupAccessService,
  IssuanceAccessService,
  ConsultationAccessService,
  DocumentAccessService,
  ScopeCacheService,
];

@Module({ providers: SERVICES, exports: SERVICES })
export class AccessModule {}
