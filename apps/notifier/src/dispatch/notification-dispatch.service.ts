import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { JobsOptions, Queue, UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import {
  deliveryKey,
  NotificationEvent,
  PersonChannel,
  PersonDelivery,
  QueueName,
  UnitDelivery,
} from '@app/notifications';
import { currentTraceparent } from '@app/observability/trace-context';
import { QueryBatcher } from '../batching/query-batcher';
import { DELIVERY_JOB_OPTIONS } from '../delivery-job-options';
import { InAppDeliveryService } from '../in-app/in-app-delivery.service';
import { restrictedParams } from '../templates/notification-templates';

interface Recipient {
  id: string;
  unit_id: string;
  active: boolean;
  notification_channels: string[];
  unit_webhook: boolean;
}

/** The people, their channels, and whether their unit has an active webhook; concurrent dispatches share a query. */
function recipientLookup(dataSource: DataSource): QueryBatcher<string, Recipient | undefined> {
  return new QueryBatcher(async (ids) => {
    const rows: Recipient[] = await dataSource.query(
      `SELECT p.id, p.unit_id, p.active, p.notification_channels, (w.unit_id IS NOT NULL) AS unit_webhook
         FROM person p LEFT JOIN unit_webhook w ON w.unit_id = p.unit_id AND w.active
        WHERE p.id = ANY($1::text[])`,
      [[...new Set(ids)]],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id));
  });
}

export interface DispatchResult {
  inApp: number;
  email: number;
  webhook: number;
  inactive: string[];
}

/**
 * Resolves an event's recipients and their channels, writes the in-app inbox rows itself (one
 * idempotent statement shared with concurrent dispatches, so in-app costs no second job), and
 * enqueues one e-mail job per person and one webhook job per unit, with deterministic ids:
 * dispatching the same event twice adds nothing. E-mail and webhooks keep their own jobs so a slow
 * or failing SMTP server or receiver retries on its own queue without holding up the inbox.
 */
@Injectable()
export class NotificationDispatchService {
  private readonly logger = new Logger(NotificationDispatchService.name);
  private readonly recipients: QueryBatcher<string, Recipient | undefined>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QueueName.NOTIFICATION_EMAIL) private readonly email: Queue<PersonDelivery>,
    @InjectQueue(QueueName.NOTIFICATION_WEBHOOK) private readonly webhook: Queue<UnitDelivery>,
    @Inject(DELIVERY_JOB_OPTIONS) private readonly jobOptions: JobsOptions,
    private readonly inbox: InAppDeliveryService,
  ) {
    this.recipients = recipientLookup(dataSource);
  }

  /**
   * The event as every channel is to carry it: for a restricted programme (or a task of one) only the
   * flag and a link, so no title, parameter or text of it reaches an inbox, a mailbox or a receiver.
   * Decided here, before any job is enqueued, so no queued job holds the content either.
   */
  private async redacted(event: NotificationEvent): Promise<NotificationEvent> {
    if (!event.programmeId && !event.taskId) return event;
    const [row]: Array<{ programme_id: string }> = await this.dataSource.query(
      `SELECT rp.programme_id FROM restricted_programme rp
        WHERE rp.programme_id = $1 OR rp.programme_id = (SELECT t.programme_id FROM task t WHERE t.id = $2)`,
      [event.programmeId ?? null, event.taskId ?? null],
    );
    return row ? { ...event, params: restrictedParams(row.programme_id) } : event;
  }

  async dispatch(incoming: NotificationEvent): Promise<DispatchResult> {
    const event = withCurrentTrace(await this.redacted(incoming));
    const recipientIds = [...new Set(event.recipientIds)];
    const people = (await Promise.all(recipientIds.map((id) => this.recipients.load(id)))).filter(
      (p): p is Recipient => p !== undefined,
    );
    const active = people.filter((p) => p.active);
    const inactive = people.filter((p) => !p.active).map((p) => p.id);
    if (inactive.length) this.logger.log(`event ${event.key}: skipped inactive recipient(s) ${inactive.join(', ')}`);

    const inAppPeople = active.filter((p) => p.notification_channels.includes(PersonChannel.IN_APP));
    const emailJobs = active
      .filter((p) => p.notification_channels.includes(PersonChannel.EMAIL))
      .map((p) => ({
        name: event.kind,
        data: { event, personId: p.id },
        opts: { ...this.jobOptions, jobId: deliveryKey(event.key, p.id, 'email') },
      }));
    const units = [...new Set(active.filter((p) => p.unit_webhook).map((p) => p.unit_id))].sort();
    const webhookJobs = units.map((unitId) => ({
      name: event.kind,
      data: { event, unitId },
      opts: { ...this.jobOptions, jobId: deliveryKey(event.key, `unit-${unitId}`, 'webhook') },
    }));
    // A retry after a partial failure repeats all three: inbox rows and job ids are idempotent.
    const [inbox] = await Promise.all([
      Promise.all(inAppPeople.map((p) => this.inbox.write(event, p.id))),
      enqueue(this.email, emailJobs),
      enqueue(this.webhook, webhookJobs),
    ]);

    // Known recipients are served first; the job then fails (visibly, retryable) for the unknown ones,
    // including anyone deleted between the look-up and the inbox write.
    const gone = inAppPeople.filter((_, i) => inbox[i] === 'unknown').map((p) => p.id);
    const unknown = [...recipientIds.filter((id) => !people.some((p) => p.id === id)), ...gone];
    if (unknown.length)
      throw new UnrecoverableError(
        `unknown recipient(s) ${unknown.join(', ')} in event ${event.key}; the others were dispatched`,
      );
    return { inApp: inAppPeople.length, email: emailJobs.length, webhook: webhookJobs.length, inactive };
  }
}

/** The event its delivery jobs carry: under the dispatch's own span when tracing is on. */
function withCurrentTrace(event: NotificationEvent): NotificationEvent {
  const traceparent = currentTraceparent();
  return traceparent ? { ...event, traceparent } : event;
}

/** One job is one command; addBulk wraps several in one MULTI (no round trip at all for none). */
async function enqueue<T>(queue: Queue<T>, jobs: Array<{ name: string; data: T; opts: JobsOptions }>): Promise<void> {
  if (jobs.length === 1) await queue.add(jobs[0].name as never, jobs[0].data as never, jobs[0].opts);
  else if (jobs.length > 1) await queue.addBulk(jobs as never);
}
