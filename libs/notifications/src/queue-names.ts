/** Every BullMQ queue the system uses; jobs bind to a name from here. */
export enum QueueName {
  /** Notification events from workflows; fanned out per recipient and channel by the notifier. */
  NOTIFICATIONS = 'notifications',
}
