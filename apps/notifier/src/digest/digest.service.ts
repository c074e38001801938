import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { JobsOptions, Queue, UnrecoverableError } from 'bullmq';
import { vnDateOf } from '@app/domain';
import { DigestDelivery, digestJobId, NotificationEvent, QueueName } from '@app/notifications';
import { DELIVERY_JOB_OPTIONS } from '../delivery-job-options';
import { MAIL_TRANSPORT, MailTransport } from '../email/mail-transport';
import { NOTIFIER_CONFIG, NotifierConfig } from '../notifier.config';
import { digestEmail, notificationEmail } from '../templates/email-templates';
import { languageOf } from '../templates/notification-templates';
import { DigestStore, SentDigest } from './digest-store';

/**
 * Daily e-mail digest of reminders. Items live in Postgres (`notification_digest_item`); a digest job
 * per (person, day, seq) is delayed by DIGEST_DELAY_MS, so reminders arriving meanwhile join it. `seq`
 * is the number of digests already sent that day, so a later reminder starts the next digest, and a
 * digest that finishes re-checks for items that arrived while it was sending.
 */
@Injectable()
export class DigestService {
  private readonly logger = new Logger(DigestService.name);
  /** Adds of one digest job under way: reminders of one person arriving together share one Redis call. */
  private readonly scheduling = new Map<string, Promise<void>>();

  constructor(
    private readonly store: DigestStore,
    @InjectQueue(QueueName.NOTIFICATION_DIGEST) private readonly queue: Queue<DigestDelivery>,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
    @Inject(DELIVERY_JOB_OPTIONS) private readonly jobOptions: JobsOptions,
    @Inject(NOTIFIER_CONFIG) private readonly config: NotifierConfig,
  ) {}

  /** Stores the reminder for the person's digest and makes sure a digest job is pending. */
  async collect(event: NotificationEvent, personId: string, title: string, body: string): Promise<string> {
    const day = vnDateOf(new Date(event.occurredAt));
    const sent = await this.store.storeItem({
      itemKey: `${event.key}@${personId}`,
      personId,
      day,
      kind: event.kind,
      title,
      body,
      occurredAt: event.occurredAt,
    });
    await this.schedule({ personId, day, seq: sent });
    return day;
  }

  async send(d: DigestDelivery): Promise<{ items: number; to?: string }> {
    const pending = await this.store.read(d);
    let result: { items: number; to?: string } = { items: 0 };
    let sent: SentDigest | undefined;
    if (!pending.done) {
      if (!pending.person) throw new UnrecoverableError(`unknown recipient ${d.personId}`);
      const { email, locale } = pending.person;
      const { items } = pending;
      let receipt: string | null = null;
      if (items.length && email) {
        const language = languageOf(locale);
        const content =
          items.length === 1
            ? notificationEmail(language, items[0].title, items[0].body)
            : digestEmail(language, d.day, items);
        ({ receipt } = await this.transport.send({ ...content, to: email, deliveryKey: digestJobId(d) }));
      } else if (items.length)
        this.logger.warn(
          `digest ${digestJobId(d)}: ${d.personId} has no e-mail address; ${items.length} reminder(s) not e-mailed`,
        );
      // The row consumes this seq even when empty, so the next reminder schedules seq + 1.
      sent = { itemIds: items.map((i) => i.id), address: email ?? '', receipt };
      result = { items: items.length, to: email ?? undefined };
    }
    // Reminders stored while this digest was being sent wait for the next one.
    const day = await this.store.finish(d, sent);
    if (day.waiting) await this.schedule({ personId: d.personId, day: d.day, seq: day.sent });
    return result;
  }

  /** Adds the digest job; its id makes a second add of the same digest a no-op in Redis. */
  private schedule(data: DigestDelivery): Promise<void> {
    const jobId = digestJobId(data);
    let adding = this.scheduling.get(jobId);
    if (!adding) {
      adding = this.queue
        .add('digest', data, { ...this.jobOptions, jobId, delay: this.config.DIGEST_DELAY_MS })
        .then(() => undefined)
        .finally(() => this.scheduling.delete(jobId));
      this.scheduling.set(jobId, adding);
    }
    return adding;
  }
}
