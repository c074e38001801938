import { AuditEventEntity } from './audit-event.entity';
import { NotificationDeliveryEntity } from './notification-delivery.entity';
import { NotificationDigestItemEntity } from './notification-digest-item.entity';
import { NotificationDigestEntity } from './notification-digest.entity';
import { NotificationEntity } from './notification.entity';
import { OrgUnitEntity } from './org-unit.entity';
import { PersonEntity } from './person.entity';
import { PhaseHistoryEntity } from './phase-history.entity';
import { ProgrammeEntity } from './programme.entity';
import { UnitWebhookEntity } from './unit-webhook.entity';
import { WebhookAllowlistEntryEntity } from './webhook-allowlist-entry.entity';

export const ENTITIES = [OrgUnitEntity, PersonEntity, ProgrammeEntity, PhaseHistoryEntity, AuditEventEntity, NotificationEntity,
  NotificationDeliveryEntity, NotificationDigestItemEntity, NotificationDigestEntity, WebhookAllowlistEntryEntity, UnitWebhookEntity];

export { NotificationDeliveryEntity, NotificationDigestItemEntity, NotificationDigestEntity, WebhookAllowlistEntryEntity, UnitWebhookEntity };
export { AuditEventEntity, NotificationEntity, OrgUnitEntity, PersonEntity, PhaseHistoryEntity, ProgrammeEntity };
