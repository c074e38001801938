import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { JobsOptions, Queue, UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { vnDateOf } from '@app/domain';
import { DigestDelivery, digestJobId, NotificationEvent, QueueName } from '@app/notifications';
import { DELIVERY_JOB_OPTIONS } from '../delivery-job-options';
import { MAIL_TRANSPORT, MailTransport } from '../email/mail-transport';
import { DeliveryLedger } from '../delivery-ledger';
import { NOTIFIER_CONFIG, NotifierConfig } from '../notifier.config';
import { digestEmail, notificationEmail } from '../templates/email-templates';
import { languageOf } from '../templates/notification-templates';

const MAX_ITEMS_PER_DIGEST = 200;

/**
 * Daily e-mail digest of reminders. Items live in Postgres (`notification_digest_item`); a digest job
 * per (person, day, seq) is delayed by DIGEST_DELAY_MS, so reminders arriving meanwhile join it. `seq`
 * is the number of digests already sent that day, so a later reminder starts the next digest, and a
 * digest that finishes re-checks for items that arrived while it was sending.
 */
@Injectable()
export class DigestService {
  private readonly logger = new Logger(DigestService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QueueName.NOTIFICATION_DIGEST) private readonly queue: Queue<DigestDelivery>,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
    private readonly ledger: DeliveryLedger,
    @Inject(DELIVERY_JOB_OPTIONS) private readonly jobOptions: JobsOptions,
    @Inject(NOTIFIER_CONFIG) private readonly config: NotifierConfig,
  ) {}

  /** Stores the reminder for the person's digest and makes sure a digest job is pending. */
  async collect(event: NotificationEvent, personId: string, title: string, body: string): Promise<string> {
    const day = vnDateOf(new Date(event.occurredAt));
    await this.dataSource.query(
      `INSERT INTO notification_digest_item (item_key, person_id, day, kind, title, body, occurred_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7) ON CONFLICT (item_key) DO NOTHING`,
      [`${event.key}@${personId}`, personId, day, event.kind, title, body, event.occurredAt],
    );
    await this.schedule(personId, day);
    return day;
  }

  async send(d: DigestDelivery): Promise<{ items: number; to?: string }> {
    const items = await this.sendOnce(d);
    // Reminders stored while this digest was being sent wait for the next one.
    const [waiting] = await this.dataSource.query(
      'SELECT 1 FROM notification_digest_item WHERE person_id = $1 AND day = $2 AND digest_seq IS NULL LIMIT 1',
      [d.personId, d.day],
    );
    if (waiting) await this.schedule(d.personId, d.day);
    return items;
  }

  private async schedule(personId: string, day: string): Promise<void> {
    const [{ sent }] = await this.dataSource.query(
      'SELECT count(*)::int AS sent FROM notification_digest WHERE person_id = $1 AND day = $2',
      [personId, day],
    );
    const data = { personId, day, seq: sent as number };
    await this.queue.add('digest', data, {
      ...this.jobOptions,
      jobId: digestJobId(data),
      delay: this.config.DIGEST_DELAY_MS,
    });
  }

  private async sendOnce(d: DigestDelivery): Promise<{ items: number; to?: string }> {
    const [done] = await this.dataSource.query(
      'SELECT item_count FROM notification_digest WHERE person_id = $1 AND day = $2 AND seq = $3',
      [d.personId, d.day, d.seq],
    );
    if (done) return { items: 0 };
    const person = await this.ledger.recipient(d.personId, digestJobId(d));
    if (!person) throw new UnrecoverableError(`unknown recipient ${d.personId}`);
    const items: Array<{ id: string; title: string; body: string }> = await this.dataSource.query(
      `SELECT id, title, body FROM notification_digest_item WHERE person_id = $1 AND day = $2 AND digest_seq IS NULL
       ORDER BY occurred_at, item_key LIMIT ${MAX_ITEMS_PER_DIGEST}`,
      [d.personId, d.day],
    );
    let receipt: string | null = null;
    if (items.length && person.email) {
      const language = languageOf(person.locale);
      const content =
        items.length === 1
          ? notificationEmail(language, items[0].title, items[0].body)
          : digestEmail(language, d.day, items);
      ({ receipt } = await this.transport.send({ ...content, to: person.email, deliveryKey: digestJobId(d) }));
    } else if (items.length)
      this.logger.warn(
        `digest ${digestJobId(d)}: ${d.personId} has no e-mail address; ${items.length} reminder(s) not e-mailed`,
      );
    // The row consumes this seq even when empty, so the next reminder schedules seq + 1.
    await this.dataSource.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO notification_digest (person_id, day, seq, item_count, address, receipt) VALUES ($1,$2,$3,$4,$5,$6) ON CONFLICT DO NOTHING`,
        [d.personId, d.day, d.seq, items.length, person.email ?? '', receipt],
      );
      await tx.query(
        'UPDATE notification_digest_item SET digest_seq = $1 WHERE id = ANY($2::uuid[]) AND digest_seq IS NULL',
        [d.seq, items.map((i) => i.id)],
      );
    });
    return { items: items.length, to: person.email ?? undefined };
  }
}
