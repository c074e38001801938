export { AccessModule } from './access.module';
export { AccessService } from './access.service';
export { ScopeCacheService } from './scope-cache.service';
export { TaskAccessService } from './task-access.service';
export type { TaskUnits } from './task-access.service';
export { CycleAccessService } from './cycle-access.service';
export { RotationAccessService } from './rotation-access.service';
export type { RowScope, Scope, SupervisorScope } from './scope';
export {
  appraisedUnitInScope,
  countedTaskInScope,
  programmeInScope,
  responsivenessInScope,
  taskInScope,
} from './scope-sql';
export { seesInspectionFindings, visibleAuditEvent, visibleProgrammeState } from './programme-visibility';
export type { ProgrammePart, ProgrammeViewer } from './programme-visibility';
export { ProgrammeReadersService } from './programme-readers.service';
export type { ContentReader } from './secrecy';
export { RESTRICTED_TASK_TITLE } from './secrecy';
export { restrictedFrom } from './scope-sql';
export { AdminScope, ADMINS_ONLY } from './admin-scope';
export type { AdminReach } from './scope';
export { ResolutionAccessService } from './resolution-access.service';
export { FieldGroupAccessService } from './field-group-access.service';
export type { ProvinceRef } from './field-group-access.service';
export { IssuanceAccessService } from './issuance-access.service';
export type { IssuanceProgramme } from './issuance-access.service';
export { ConsultationAccessService } from './consultation-access.service';
export type { ConsultationView } from './consultation-access.service';
export { DocumentAccessService, readsDocument } from './document-access.service';
