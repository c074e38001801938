import { AuditEventEntity } from './audit-event.entity';
import { BreakthroughCycleEntity } from './breakthrough-cycle.entity';
import { BreakthroughEventEntity } from './breakthrough-event.entity';
import { NotificationEntity } from './notification.entity';
import { OrgUnitEntity } from './org-unit.entity';
import { PersonEntity } from './person.entity';
import { PhaseHistoryEntity } from './phase-history.entity';
import { ProgrammeEntity } from './programme.entity';
import { ProgrammeReviewEntity } from './programme-review.entity';
import { ProgrammeTargetEntity } from './programme-target.entity';
import { TargetValueEntity } from './target-value.entity';
import { TaskEntity } from './task.entity';
import { TaskEventEntity } from './task-event.entity';

export const ENTITIES = [OrgUnitEntity, PersonEntity, ProgrammeEntity, PhaseHistoryEntity, AuditEventEntity, NotificationEntity,
  ProgrammeTargetEntity, TargetValueEntity, ProgrammeReviewEntity, TaskEntity, TaskEventEntity,
  BreakthroughCycleEntity, BreakthroughEventEntity,
];

export {
  AuditEventEntity, NotificationEntity, OrgUnitEntity, PersonEntity, PhaseHistoryEntity, ProgrammeEntity,
  ProgrammeReviewEntity, ProgrammeTargetEntity, TargetValueEntity, TaskEntity, TaskEventEntity,
  BreakthroughCycleEntity, BreakthroughEventEntity,
};
