import { AuditEventEntity } from './audit-event.entity';
import { NotificationEntity } from './notification.entity';
import { OrgUnitEntity } from './org-unit.entity';
import { PersonEntity } from './person.entity';
import { PhaseHistoryEntity } from './phase-history.entity';
import { ProgrammeEntity } from './programme.entity';

export const ENTITIES = [OrgUnitEntity, PersonEntity, ProgrammeEntity, PhaseHistoryEntity, AuditEventEntity, NotificationEntity];

export { AuditEventEntity, NotificationEntity, OrgUnitEntity, PersonEntity, PhaseHistoryEntity, ProgrammeEntity };
