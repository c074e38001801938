import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { JobsOptions, Queue, UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import {
  deliveryKey,
  DIGESTED_KINDS,
  NotificationEvent,
  PersonChannel,
  PersonDelivery,
  QueueName,
  UnitDelivery,
} from '@app/notifications';
import { currentTraceparent } from '@app/observability/trace-context';
import { QueryBatcher } from '../batching/query-batcher';
import { DELIVERY_JOB_OPTIONS } from '../delivery-job-options';
import { DigestService } from '../digest/digest.service';
import { InAppDeliveryService } from '../in-app/in-app-delivery.service';
import { renderNotification, restrictedParams } from '../templates/notification-templates';
import { EventSubject, Recipient, recipientLookup, restrictedLookup } from './dispatch-lookups';

export interface DispatchResult {
  inApp: number;
  /** People told by e-mail: an e-mail job each, or for a reminder an item of their digest. */
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
 * A reminder's e-mail is no e-mail yet but an item of the person's digest, which is Postgres and one
 * idempotent job add like the inbox row, so the dispatch stores it too; the digest job sends it.
 */
@Injectable()
export class NotificationDispatchService {
  private readonly logger = new Logger(NotificationDispatchService.name);
  private readonly recipients: QueryBatcher<string, Recipient | undefined>;
  private readonly restricted: QueryBatcher<EventSubject, string | null>;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    @InjectQueue(QueueName.NOTIFICATION_EMAIL) private readonly email: Queue<PersonDelivery>,
    @InjectQueue(QueueName.NOTIFICATION_WEBHOOK) private readonly webhook: Queue<UnitDelivery>,
    @Inject(DELIVERY_JOB_OPTIONS) private readonly jobOptions: JobsOptions,
    private readonly inbox: InAppDeliveryService,
    private readonly digests: DigestService,
  ) {
    this.recipients = recipientLookup(dataSource);
    this.restricted = restrictedLookup(dataSource);
  }

  /**
   * The event as every channel is to carry it: for a restricted programme (or a task of one) only the
   * flag and a link, so no title, parameter or text of it reaches an inbox, a mailbox or a receiver.
   * Decided here, before any job is enqueued, so no queued job holds the content either.
   */
  private async redacted(event: NotificationEvent): Promise<NotificationEvent> {
    if (!event.programmeId && !event.taskId) return event;
    const programmeId = await this.restricted.load({
      programmeId: event.programmeId ?? null,
      taskId: event.taskId ?? null,
    });
    return programmeId ? { ...event, params: restrictedParams(programmeId) } : event;
  }

  async dispatch(incoming: NotificationEvent): Promise<DispatchResult> {
    const recipientIds = [...new Set(incoming.recipientIds)];
    // Two independent look-ups (each shared with concurrent dispatches), so side by side.
    const [redacted, found] = await Promise.all([
      this.redacted(incoming),
      Promise.all(recipientIds.map((id) => this.recipients.load(id))),
    ]);
    const event = withCurrentTrace(redacted);
    const people = found.filter((p): p is Recipient => p !== undefined);
    const active = people.filter((p) => p.active);
    const inactive = people.filter((p) => !p.active).map((p) => p.id);
    if (inactive.length) this.logger.log(`event ${event.key}: skipped inactive recipient(s) ${inactive.join(', ')}`);

    const inAppPeople = active.filter((p) => p.notification_channels.includes(PersonChannel.IN_APP));
    const emailPeople = active.filter((p) => p.notification_channels.includes(PersonChannel.EMAIL));
    const digested = DIGESTED_KINDS.has(event.kind);
    const emailJobs = (digested ? [] : emailPeople).map((p) => ({
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
    // A retry after a partial failure repeats them all: inbox rows, digest items and job ids are idempotent.
    const [inbox] = await Promise.all([
      Promise.all(inAppPeople.map((p) => this.inbox.write(event, p.id))),
      enqueue(this.email, emailJobs),
      enqueue(this.webhook, webhookJobs),
      digested ? Promise.all(emailPeople.map((p) => this.collect(event, p))) : undefined,
    ]);

    // Known recipients are served first; the job then fails (visibly, retryable) for the unknown ones,
    // including anyone deleted between the look-up and the inbox write.
    const gone = inAppPeople.filter((_, i) => inbox[i] === 'unknown').map((p) => p.id);
    const unknown = [...recipientIds.filter((id) => !people.some((p) => p.id === id)), ...gone];
    if (unknown.length)
      throw new UnrecoverableError(
        `unknown recipient(s) ${unknown.join(', ')} in event ${event.key}; the others were dispatched`,
      );
    return { inApp: inAppPeople.length, email: emailPeople.length, webhook: webhookJobs.length, inactive };
  }

  /** A reminder into the person's digest, in their language (what the e-mail job did with one). */
  private async collect(event: NotificationEvent, person: Recipient): Promise<void> {
    if (!person.email) {
      this.logger.warn(`${deliveryKey(event.key, person.id, 'email')}: ${person.id} has no e-mail address; not sent`);
      return;
    }
    const { title, body } = renderNotification(event.kind, person.locale, event.params);
    await this.digests.collect(event, person.id, title, body);
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
