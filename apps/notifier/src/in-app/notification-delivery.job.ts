import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { NotificationEvent, QueueName, validateNotificationEvent } from '@app/notifications';
import { InAppDeliveryService } from './in-app-delivery.service';

/** Thin job: validates the payload and hands it to the delivery service. */
@Processor(QueueName.NOTIFICATIONS)
export class NotificationDeliveryJob extends WorkerHost {
  private readonly logger = new Logger(NotificationDeliveryJob.name);

  constructor(private readonly inApp: InAppDeliveryService) {
    super();
  }

  async process(job: Job<NotificationEvent>): Promise<{ delivered: number; duplicates: number }> {
    const problems = validateNotificationEvent(job.data);
    if (problems.length) {
      // A malformed payload will never succeed: fail it at once with the reason, no retries.
      throw new UnrecoverableError(`malformed notification event: ${problems.join('; ')}`);
    }
    const result = await this.inApp.deliver(job.data);
    if (result.duplicates) this.logger.log(`job ${job.id}: ${result.duplicates} already delivered, skipped`);
    return result;
  }
}
