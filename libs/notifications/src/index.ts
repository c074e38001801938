export { QueueName } from './queue-names';
export { NotificationKind, validateNotificationEvent, jobIdFor } from './notification-event';
export type { NotificationEvent } from './notification-event';
export { NotificationProducer, NOTIFICATION_JOB_OPTIONS } from './notification.producer';
export { NotificationsModule, bullConnection } from './notifications.module';
export type { QueueConnectionOptions } from './notifications.module';
