export { AccessModule } from './access.module';
export { AccessService } from './access.service';
export type { RowScope, Scope, SupervisorScope } from './scope';
export { programmeInScope, responsivenessInScope, taskInScope } from './scope-sql';
