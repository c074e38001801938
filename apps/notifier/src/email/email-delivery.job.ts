import { Injectable } from '@nestjs/common';
import { Job } from 'bullmq';
import { PersonDelivery, QueueName } from '@app/notifications';
import type { DeliveryJob } from '../delivery-job';
import { assertPersonDelivery } from '../delivery-payload';
import { EmailDeliveryService } from './email-delivery.service';

@Injectable()
export class EmailDeliveryJob implements DeliveryJob<PersonDelivery> {
  readonly queue = QueueName.NOTIFICATION_EMAIL;

  constructor(private readonly email: EmailDeliveryService) {}

  process(job: Job<PersonDelivery>) {
    assertPersonDelivery(job.data);
    return this.email.deliver(job.data.event, job.data.personId);
  }
}
