export { QueueName, NOTIFIER_QUEUES } from './queue-names';
export { NotificationKind, DIGESTED_KINDS, validateNotificationEvent, jobIdFor } from './notification-event';
export type { NotificationEvent } from './notification-event';
export { PersonChannel, PERSON_CHANNELS, deliveryKey, digestJobId } from './delivery';
export type { PersonDelivery, UnitDelivery, DigestDelivery } from './delivery';
export { NotificationProducer, NOTIFICATION_JOB_OPTIONS } from './notification.producer';
export { NotificationsModule, bullConnection } from './notifications.module';
export type { QueueConnectionOptions } from './notifications.module';
export {
  signWebhook,
  verifyWebhook,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  DELIVERY_ID_HEADER,
} from './webhook-signature';
export { isWebhookUrlAllowed, normaliseAllowlistEntry } from './webhook-allowlist';
export {
  checkAddress,
  parseAllowedNetworks,
  describeAllowedNetworks,
  refusedHostName,
  NO_ALLOWED_NETWORKS,
} from './webhook-address-policy';
export type { AllowedNetworks, AddressKind, AddressVerdict } from './webhook-address-policy';
export {
  resolveWebhookTarget,
  resolveWithSystem,
  webhookTargetPolicy,
  WebhookTargetRefusedError,
  WebhookTargetUnresolvedError,
} from './webhook-target';
export type { WebhookTarget, WebhookTargetPolicy, ResolveHost } from './webhook-target';
