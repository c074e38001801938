import { AuditEventEntity } from './audit-event.entity';
import { AuthRefreshTokenEntity } from './auth-refresh-token.entity';
import { AuthSessionEntity } from './auth-session.entity';
import { NotificationDeliveryEntity } from './notification-delivery.entity';
import { NotificationDigestItemEntity } from './notification-digest-item.entity';
import { NotificationDigestEntity } from './notification-digest.entity';
import { BreakthroughCycleEntity } from './breakthrough-cycle.entity';
import { BreakthroughEventEntity } from './breakthrough-event.entity';
import { NotificationEntity } from './notification.entity';
import { OrgUnitEntity } from './org-unit.entity';
import { PersonEntity } from './person.entity';
import { PersonIdentityEntity } from './person-identity.entity';
import { PositionEntity } from './position.entity';
import { PhaseHistoryEntity } from './phase-history.entity';
import { ProgrammeEntity } from './programme.entity';
import { ProgrammeReaderEntity } from './programme-reader.entity';
import { ProgrammeReportEntity } from './programme-report.entity';
import { ProgrammeReviewEntity } from './programme-review.entity';
import { ProgrammeTargetEntity } from './programme-target.entity';
import { ResolutionEntity } from './resolution.entity';
import { RestrictedProgrammeEntity } from './restricted-programme.entity';
import { TargetValueEntity } from './target-value.entity';
import { TaskEntity } from './task.entity';
import { TaskCountEntity } from './task-count.entity';
import { TaskTotalEntity } from './task-total.entity';
import { OrgUnitVersionEntity } from './org-unit-version.entity';
import { TaskEventEntity } from './task-event.entity';
import { UnitWebhookEntity } from './unit-webhook.entity';
import { WebhookAllowlistEntryEntity } from './webhook-allowlist-entry.entity';
import { WorkingCalendarYearEntity } from './working-calendar-year.entity';
import { ReconciliationRunEntity } from './reconciliation-run.entity';
import { AdminAuditEntity } from './admin-audit.entity';
import { DutyTransferEntity } from './duty-transfer.entity';
import {
  OrgChangeEntity,
  OrgChangeItemEntity,
  OrgChangeWorkflowEntity,
  OrgChangeUnitEntity,
} from './org-change.entity';
import { AppraisalEntity } from './appraisal.entity';
import { FieldGroupEntity } from './field-group.entity';
import { CascadeEventEntity, CascadeObligationEntity } from './cascade-obligation.entity';
import { DocumentBlobEntity, ProgrammeDocumentEntity } from './programme-document.entity';

export const ENTITIES = [
  OrgUnitEntity,
  PersonEntity,
  ProgrammeEntity,
  PhaseHistoryEntity,
  AuditEventEntity,
  AdminAuditEntity,
  NotificationEntity,
  ProgrammeTargetEntity,
  TargetValueEntity,
  ProgrammeReviewEntity,
  TaskEntity,
  TaskCountEntity,
  TaskTotalEntity,
  OrgUnitVersionEntity,
  TaskEventEntity,
  ProgrammeReportEntity,
  NotificationDeliveryEntity,
  NotificationDigestItemEntity,
  NotificationDigestEntity,
  WebhookAllowlistEntryEntity,
  UnitWebhookEntity,
  BreakthroughCycleEntity,
  BreakthroughEventEntity,
  WorkingCalendarYearEntity,
  ReconciliationRunEntity,
  AuthSessionEntity,
  AuthRefreshTokenEntity,
  PersonIdentityEntity,
  RestrictedProgrammeEntity,
  ProgrammeReaderEntity,
  DutyTransferEntity,
  PositionEntity,
  ResolutionEntity,
  OrgChangeEntity,
  OrgChangeUnitEntity,
  OrgChangeItemEntity,
  OrgChangeWorkflowEntity,
  AppraisalEntity,
  FieldGroupEntity,
  CascadeObligationEntity,
  CascadeEventEntity,
  ProgrammeDocumentEntity,
  DocumentBlobEntity,
];

export {
  AppraisalEntity,
  DocumentBlobEntity,
  ProgrammeDocumentEntity,
  CascadeObligationEntity,
  CascadeEventEntity,
  DutyTransferEntity,
  FieldGroupEntity,
  ResolutionEntity,
  RestrictedProgrammeEntity,
  ProgrammeReaderEntity,
  AuditEventEntity,
  AdminAuditEntity,
  NotificationEntity,
  OrgUnitEntity,
  PersonEntity,
  PhaseHistoryEntity,
  ProgrammeEntity,
  ProgrammeReviewEntity,
  ProgrammeTargetEntity,
  TargetValueEntity,
  TaskEntity,
  TaskCountEntity,
  TaskTotalEntity,
  OrgUnitVersionEntity,
  TaskEventEntity,
  ProgrammeReportEntity,
  NotificationDeliveryEntity,
  NotificationDigestItemEntity,
  NotificationDigestEntity,
  WebhookAllowlistEntryEntity,
  UnitWebhookEntity,
  BreakthroughCycleEntity,
  BreakthroughEventEntity,
  WorkingCalendarYearEntity,
  ReconciliationRunEntity,
  AuthSessionEntity,
  AuthRefreshTokenEntity,
  PersonIdentityEntity,
  PositionEntity,
  OrgChangeEntity,
  OrgChangeUnitEntity,
  OrgChangeItemEntity,
  OrgChangeWorkflowEntity,
};
export type { OrgChangeAppliedEffects, OrgChangeStatus } from './org-change.entity';
