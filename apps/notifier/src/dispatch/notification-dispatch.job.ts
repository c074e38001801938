import { Injectable } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { NotificationEvent, QueueName, validateNotificationEvent } from '@app/notifications';
import type { DeliveryJob } from '../delivery-job';
import { NotificationDispatchService } from './notification-dispatch.service';

/** Thin job: validates the event and fans it out to the per-channel delivery queues. */
@Injectable()
export class NotificationDispatchJob implements DeliveryJob<NotificationEvent> {
  readonly queue = QueueName.NOTIFICATIONS;
  readonly internal = true;

  constructor(private readonly dispatcher: NotificationDispatchService) {}

  async process(job: Job<NotificationEvent>) {
    const problems = validateNotificationEvent(job.data);
    // A malformed payload will never succeed: fail it at once with the reason, no retries.
    if (problems.length) throw new UnrecoverableError(`malformed notification event: ${problems.join('; ')}`);
    return this.dispatcher.dispatch(job.data);
  }
}
