import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { currentTraceparent } from '@app/observability/trace-context';
import { jobIdFor, NotificationEvent, validateNotificationEvent } from './notification-event';
import { QueueName } from './queue-names';

export const NOTIFICATION_JOB_OPTIONS = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  // Completed jobs are kept a week so a retried producer with the same key is still de-duplicated;
  // failed ones stay until an admin retries or removes them.
  removeOnComplete: { age: 7 * 24 * 3600 },
  removeOnFail: false,
} as const;

/**
 * The one call activities use to ask for a notification. Idempotent by the event's key. With tracing
 * on, the job carries the caller's `traceparent` (the activity's span), and the notifier continues it.
 */
@Injectable()
export class NotificationProducer {
  constructor(@InjectQueue(QueueName.NOTIFICATIONS) private readonly queue: Queue) {}

  async enqueue(event: NotificationEvent): Promise<{ jobId: string }> {
    const problems = validateNotificationEvent(event);
    if (problems.length) throw new Error(`invalid notification event: ${problems.join('; ')}`);
    const jobId = jobIdFor(event);
    const traceparent = currentTraceparent();
    await this.queue.add(event.kind, traceparent ? { ...event, traceparent } : event, {
      ...NOTIFICATION_JOB_OPTIONS,
      jobId,
    });
    return { jobId };
  }
}
