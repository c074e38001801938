/** Every BullMQ queue the system uses; jobs bind to a name from here. */
export enum QueueName {
  /** Notification events from workflows; the dispatch job fans them out per recipient and channel. */
  NOTIFICATIONS = 'notifications',
  /** In-app inbox rows queued as jobs by earlier versions; the dispatch job now writes the rows itself. */
  NOTIFICATION_IN_APP = 'notification-in-app',
  /** One job per (event, person): an e-mail, or an item of that person's daily digest. */
  NOTIFICATION_EMAIL = 'notification-email',
  /** One job per (person, day, digest number): the digest e-mail of collected reminders. */
  NOTIFICATION_DIGEST = 'notification-digest',
  /** One job per (event, unit): a signed POST to the unit's webhook. */
  NOTIFICATION_WEBHOOK = 'notification-webhook',
}

/** The queues the notifier works on, in the order a notification moves through them. */
export const NOTIFIER_QUEUES: readonly QueueName[] = [
  QueueName.NOTIFICATIONS,
  QueueName.NOTIFICATION_IN_APP,
  QueueName.NOTIFICATION_EMAIL,
  QueueName.NOTIFICATION_DIGEST,
  QueueName.NOTIFICATION_WEBHOOK,
];
