export { AccessModule } from './access.module';
export { AccessService } from './access.service';
export type { TaskUnits } from './access.service';
export type { RowScope, Scope, SupervisorScope } from './scope';
export { programmeInScope, responsivenessInScope, taskInScope } from './scope-sql';
export { seesInspectionFindings, visibleAuditEvent, visibleProgrammeState } from './programme-visibility';
export type { ProgrammePart, ProgrammeViewer } from './programme-visibility';
