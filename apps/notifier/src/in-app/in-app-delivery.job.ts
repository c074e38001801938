import { Injectable } from '@nestjs/common';
import { Job } from 'bullmq';
import { PersonDelivery, QueueName } from '@app/notifications';
import type { DeliveryJob } from '../delivery-job';
import { assertPersonDelivery } from '../delivery-payload';
import { InAppDeliveryService } from './in-app-delivery.service';

@Injectable()
export class InAppDeliveryJob implements DeliveryJob<PersonDelivery> {
  readonly queue = QueueName.NOTIFICATION_IN_APP;
  readonly internal = true;

  constructor(private readonly inApp: InAppDeliveryService) {}

  process(job: Job<PersonDelivery>) {
    assertPersonDelivery(job.data);
    return this.inApp.deliver(job.data.event, job.data.personId);
  }
}
