import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import {
  DELIVERY_ID_HEADER,
  deliveryKey,
  isWebhookUrlAllowed,
  NotificationEvent,
  SIGNATURE_HEADER,
  signWebhook,
  TIMESTAMP_HEADER,
} from '@app/notifications';
import { DeliveryLedger } from '../delivery-ledger';
import { NOTIFIER_CONFIG, NotifierConfig } from '../notifier.config';
import { renderNotification } from '../templates/notification-templates';

export type WebhookOutcome = { sent: string; status: number } | { skipped: string };

/**
 * POSTs an event to a unit's webhook, signed with HMAC-SHA256 over `<timestamp>.<body>`. Only URLs on
 * the admin allowlist are called, redirects are not followed, and a 4xx answer (other than 408/429)
 * is final: retrying would not change it.
 */
@Injectable()
export class WebhookDeliveryService {
  private readonly logger = new Logger(WebhookDeliveryService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: DeliveryLedger,
    @Inject(NOTIFIER_CONFIG) private readonly config: NotifierConfig,
  ) {}

  async deliver(event: NotificationEvent, unitId: string): Promise<WebhookOutcome> {
    const key = deliveryKey(event.key, `unit-${unitId}`, 'webhook');
    const [hook]: Array<{ url: string; secret: string; active: boolean }> = await this.dataSource.query(
      'SELECT url, secret, active FROM unit_webhook WHERE unit_id = $1',
      [unitId],
    );
    if (!hook?.active) {
      this.logger.log(`${key}: unit ${unitId} has no active webhook any more; not sent`);
      return { skipped: 'no active webhook' };
    }
    const allowlist: Array<{ url_prefix: string }> = await this.dataSource.query(
      'SELECT url_prefix FROM webhook_allowlist_entry',
    );
    if (
      !isWebhookUrlAllowed(
        hook.url,
        allowlist.map((a) => a.url_prefix),
      )
    )
      throw new UnrecoverableError(
        `webhook URL ${hook.url} of unit ${unitId} is not on the admin allowlist; refused to send`,
      );
    const [done] = await this.dataSource.query('SELECT 1 FROM notification_delivery WHERE delivery_key = $1', [key]);
    if (done) return { skipped: 'already sent' };

    const { title, body: text } = renderNotification(event.kind, 'vi', event.params);
    const body = JSON.stringify({
      id: key,
      eventKey: event.key,
      kind: event.kind,
      unitId,
      programmeId: event.programmeId ?? null,
      taskId: event.taskId ?? null,
      occurredAt: event.occurredAt,
      title,
      text,
      params: event.params,
    });
    const timestamp = Math.floor(Date.now() / 1000);
    let res: Response;
    try {
      res = await fetch(hook.url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(this.config.WEBHOOK_TIMEOUT_MS),
        headers: {
          'content-type': 'application/json',
          [TIMESTAMP_HEADER]: String(timestamp),
          [SIGNATURE_HEADER]: signWebhook(hook.secret, timestamp, body),
          [DELIVERY_ID_HEADER]: key,
        },
        body,
      });
      await res.arrayBuffer().catch(() => undefined);
    } catch (err) {
      throw new Error(`webhook ${hook.url} of unit ${unitId} unreachable: ${(err as Error).message}`, { cause: err });
    }
    if (res.status >= 300 && res.status < 500 && res.status !== 408 && res.status !== 429)
      throw new UnrecoverableError(`webhook ${hook.url} of unit ${unitId} answered ${res.status}; not retried`);
    if (res.status >= 300) throw new Error(`webhook ${hook.url} of unit ${unitId} answered ${res.status}; will retry`);
    await this.ledger.recordSent({
      deliveryKey: key,
      eventKey: event.key,
      channel: 'WEBHOOK',
      targetId: unitId,
      address: hook.url,
      receipt: `HTTP ${res.status}`,
    });
    return { sent: hook.url, status: res.status };
  }
}
