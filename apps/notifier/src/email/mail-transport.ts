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

export function smtpTransport(smtpUrl: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport(smtpUrl, { from });
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
    close: () => transporter.close(),
  };
}
