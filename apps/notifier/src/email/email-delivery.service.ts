import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { deliveryKey, DIGESTED_KINDS, NotificationEvent } from '@app/notifications';
import { DigestService } from '../digest/digest.service';
import { notificationEmail } from '../templates/email-templates';
import { languageOf, renderNotification } from '../templates/notification-templates';
import { MAIL_TRANSPORT, MailTransport } from './mail-transport';
import { findMailRecipient } from './recipient-address';

export type EmailOutcome = { sent: string } | { skipped: string } | { digested: string };

/** Sends one notification e-mail per (event, person), or hands reminders to the daily digest. */
@Injectable()
export class EmailDeliveryService {
  private readonly logger = new Logger(EmailDeliveryService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
    private readonly digests: DigestService,
  ) {}

  async deliver(event: NotificationEvent, personId: string): Promise<EmailOutcome> {
    const person = await findMailRecipient(this.dataSource, personId);
    if (!person) throw new UnrecoverableError(`unknown recipient ${personId}`);
    const key = deliveryKey(event.key, personId, 'email');
    if (!person.email) {
      this.logger.warn(`${key}: ${personId} has no e-mail address; not sent`);
      return { skipped: 'no e-mail address' };
    }
    const { title, body } = renderNotification(event.kind, person.locale, event.params);
    if (DIGESTED_KINDS.has(event.kind)) return { digested: await this.digests.collect(event, person.id, title, body) };

    const [done] = await this.dataSource.query('SELECT receipt FROM notification_delivery WHERE delivery_key = $1', [key]);
    if (done) return { skipped: 'already sent' };
    const { receipt } = await this.transport.send({ ...notificationEmail(languageOf(person.locale), title, body), to: person.email, deliveryKey: key });
    await this.dataSource.query(
      `INSERT INTO notification_delivery (delivery_key, event_key, channel, target_id, address, receipt)
       VALUES ($1,$2,'EMAIL',$3,$4,$5) ON CONFLICT (delivery_key) DO NOTHING`,
      [key, event.key, personId, person.email, receipt],
    );
    return { sent: person.email };
  }
}
