import { createHash } from 'node:crypto';
import * as nodemailer from 'nodemailer';
import type { EmailContent } from '../templates/email-templates';

export const MAIL_TRANSPORT = Symbol('MAIL_TRANSPORT');

/** What the e-mail channel needs from a transport; nodemailer's SMTP one in production. */
export interface MailTransport {
  send(message: EmailContent & { to: string; deliveryKey: string }): Promise<{ receipt: string }>;
  close(): void;
}

/**
 * The Message-ID is derived from the delivery key, so if a notifier dies between the SMTP server's
 * "250 OK" and recording the delivery, the re-sent copy carries the same id and mail systems can drop it.
 */
export function messageIdFor(deliveryKey: string): string {
  return `<${createHash('sha256').update(deliveryKey).digest('hex').slice(0, 32)}@action-programmes>`;
}

/** A pooled connection is replaced after this many messages (nodemailer's default), so a long morning's sending moves to fresh connections. */
export const SMTP_MESSAGES_PER_CONNECTION = 100;

/**
 * nodemailer options for a pool of at most `maxConnections` SMTP connections kept open between
 * messages. The URL still decides TLS (`smtps://`, STARTTLS, `?tls.*`), host, port and credentials,
 * exactly as for a connection per message. A message whose pooled connection the server had closed
 * before a byte of it was sent goes out over another one; any other failure rejects the send, so the
 * job fails and BullMQ retries it.
 */
export function smtpPoolOptions(smtpUrl: string, maxConnections: number) {
  return { url: smtpUrl, pool: true as const, maxConnections, maxMessages: SMTP_MESSAGES_PER_CONNECTION };
}

export function smtpTransport(smtpUrl: string, from: string, maxConnections: number): MailTransport {
  const transporter = nodemailer.createTransport(smtpPoolOptions(smtpUrl, maxConnections), { from });
  return {
    async send(m) {
      const info = await transporter.sendMail({
        to: m.to,
        subject: m.subject,
        text: m.text,
        html: m.html,
        messageId: messageIdFor(m.deliveryKey),
        headers: { 'X-Notification-Key': m.deliveryKey },
      });
      return { receipt: `${info.messageId} ${String(info.response ?? '')}`.trim() };
    },
    // Idle connections end at once; one still delivering finishes its message first.
    close: () => transporter.close(),
  };
}
