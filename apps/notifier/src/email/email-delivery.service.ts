import { Inject, Injectable, Logger } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { deliveryKey, DIGESTED_KINDS, NotificationEvent } from '@app/notifications';
import { DigestService } from '../digest/digest.service';
import { notificationEmail } from '../templates/email-templates';
import { languageOf, renderNotification } from '../templates/notification-templates';
import { MAIL_TRANSPORT, MailTransport } from './mail-transport';
import { DeliveryLedger } from '../delivery-ledger';

export type EmailOutcome = { sent: string } | { skipped: string } | { digested: string };

/** Sends one notification e-mail per (event, person), or hands reminders to the daily digest. */
@Injectable()
export class EmailDeliveryService {
  private readonly logger = new Logger(EmailDeliveryService.name);

  constructor(
    private readonly ledger: DeliveryLedger,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
    private readonly digests: DigestService,
  ) {}

  async deliver(event: NotificationEvent, personId: string): Promise<EmailOutcome> {
    const key = deliveryKey(event.key, personId, 'email');
    const person = await this.ledger.recipient(personId, key);
    if (!person) throw new UnrecoverableError(`unknown recipient ${personId}`);
    if (!person.email) {
      this.logger.warn(`${key}: ${personId} has no e-mail address; not sent`);
      return { skipped: 'no e-mail address' };
    }
    const { title, body } = renderNotification(event.kind, person.locale, event.params);
    if (DIGESTED_KINDS.has(event.kind)) return { digested: await this.digests.collect(event, person.id, title, body) };

    if (person.sent) return { skipped: 'already sent' };
    const { receipt } = await this.transport.send({
      ...notificationEmail(languageOf(person.locale), title, body),
      to: person.email,
      deliveryKey: key,
    });
    await this.ledger.recordSent({
      deliveryKey: key,
      eventKey: event.key,
      channel: 'EMAIL',
      targetId: personId,
      address: person.email,
      receipt,
    });
    return { sent: person.email };
  }
}
