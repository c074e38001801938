import { Injectable } from '@nestjs/common';
import { Job } from 'bullmq';
import { DigestDelivery, QueueName } from '@app/notifications';
import type { DeliveryJob } from '../delivery-job';
import { assertDigestDelivery } from '../delivery-payload';
import { DigestService } from './digest.service';

@Injectable()
export class EmailDigestJob implements DeliveryJob<DigestDelivery> {
  readonly queue = QueueName.NOTIFICATION_DIGEST;

  constructor(private readonly digests: DigestService) {}

  process(job: Job<DigestDelivery>) {
    assertDigestDelivery(job.data);
    return this.digests.send(job.data);
  }
}
