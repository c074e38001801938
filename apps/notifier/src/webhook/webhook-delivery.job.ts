import { Injectable } from '@nestjs/common';
import { Job } from 'bullmq';
import { QueueName, UnitDelivery } from '@app/notifications';
import type { DeliveryJob } from '../delivery-job';
import { assertUnitDelivery } from '../delivery-payload';
import { WebhookDeliveryService } from './webhook-delivery.service';

@Injectable()
export class WebhookDeliveryJob implements DeliveryJob<UnitDelivery> {
  readonly queue = QueueName.NOTIFICATION_WEBHOOK;

  constructor(private readonly webhooks: WebhookDeliveryService) {}

  process(job: Job<UnitDelivery>) {
    assertUnitDelivery(job.data);
    return this.webhooks.deliver(job.data.event, job.data.unitId);
  }
}
