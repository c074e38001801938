import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { JobsOptions, Queue, UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { deliveryKey, NotificationEvent, PersonChannel, PersonDelivery, QueueName, UnitDelivery } from '@app/notifications';
import { DELIVERY_JOB_OPTIONS } from '../delivery-job-options';

interface Recipient {
  id: string;
  unit_id: string;
  active: boolean;
  notification_channels: string[];
}

export interface DispatchResult {
  inApp: number;
  email: number;
  webhook: number;
  inactive: string[];
}

/**
 * Resolves an event's recipients and their channels and enqueues one delivery job per (person,
 * channel) and per unit webhook, with deterministic ids: dispatching the same event twice adds nothing.
 */
@Injectable()
export class NotificationDispatchService {
  private readonly logger = new Logger(NotificationDispatchService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QueueName.NOTIFICATION_IN_APP) private readonly inApp: Queue<PersonDelivery>,
    @InjectQueue(QueueName.NOTIFICATION_EMAIL) private readonly email: Queue<PersonDelivery>,
    @InjectQueue(QueueName.NOTIFICATION_WEBHOOK) private readonly webhook: Queue<UnitDelivery>,
    @Inject(DELIVERY_JOB_OPTIONS) private readonly jobOptions: JobsOptions,
  ) {}

  async dispatch(event: NotificationEvent): Promise<DispatchResult> {
    const recipientIds = [...new Set(event.recipientIds)];
    const people: Recipient[] = await this.dataSource.query(
      'SELECT id, unit_id, active, notification_channels FROM person WHERE id = ANY($1::text[])',
      [recipientIds],
    );
    const active = people.filter((p) => p.active);
    const inactive = people.filter((p) => !p.active).map((p) => p.id);
    if (inactive.length) this.logger.log(`event ${event.key}: skipped inactive recipient(s) ${inactive.join(', ')}`);

    const forChannel = (channel: PersonChannel) => active.filter((p) => p.notification_channels.includes(channel));
    const personJobs = (channel: PersonChannel, name: 'in-app' | 'email') =>
      forChannel(channel).map((p) => ({ name: event.kind, data: { event, personId: p.id }, opts: { ...this.jobOptions, jobId: deliveryKey(event.key, p.id, name) } }));
    const units: Array<{ unit_id: string }> = await this.dataSource.query(
      'SELECT unit_id FROM unit_webhook WHERE active AND unit_id = ANY($1::text[]) ORDER BY unit_id',
      [[...new Set(active.map((p) => p.unit_id))]],
    );
    const inAppJobs = personJobs(PersonChannel.IN_APP, 'in-app');
    const emailJobs = personJobs(PersonChannel.EMAIL, 'email');
    const webhookJobs = units.map((u) => ({ name: event.kind, data: { event, unitId: u.unit_id }, opts: { ...this.jobOptions, jobId: deliveryKey(event.key, `unit-${u.unit_id}`, 'webhook') } }));
    await Promise.all([this.inApp.addBulk(inAppJobs), this.email.addBulk(emailJobs), this.webhook.addBulk(webhookJobs)]);

    // Known recipients are served first; the job then fails (visibly, retryable) for the unknown ones.
    const unknown = recipientIds.filter((id) => !people.some((p) => p.id === id));
    if (unknown.length) throw new UnrecoverableError(`unknown recipient(s) ${unknown.join(', ')} in event ${event.key}; the others were dispatched`);
    return { inApp: inAppJobs.length, email: emailJobs.length, webhook: webhookJobs.length, inactive };
  }
}
