import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import {
  DELIVERY_ID_HEADER,
  deliveryKey,
  isWebhookUrlAllowed,
  NotificationEvent,
  resolveWebhookTarget,
  SIGNATURE_HEADER,
  signWebhook,
  TIMESTAMP_HEADER,
  WebhookTarget,
  webhookTargetPolicy,
  WebhookTargetPolicy,
  WebhookTargetRefusedError,
} from '@app/notifications';
import { DeliveryLedger } from '../delivery-ledger';
import { NOTIFIER_CONFIG, NotifierConfig } from '../notifier.config';
import { renderNotification } from '../templates/notification-templates';
import { PinnedPostResult, postPinned } from './pinned-post';

export type WebhookOutcome =
  { sent: string; status: number; address: string; responseCut: boolean } | { skipped: string };

/**
 * POSTs an event to a unit's webhook, signed with HMAC-SHA256 over `<timestamp>.<body>`. Only URLs on
 * the admin allowlist are called, and only if every address their host resolves to now passes the
 * address policy (checked again here: DNS may have changed since the admin set the URL); the request
 * goes to the address checked. Redirects are not followed, and a 4xx answer (other than 408/429) is
 * final: retrying would not change it.
 */
@Injectable()
export class WebhookDeliveryService {
  private readonly logger = new Logger(WebhookDeliveryService.name);

  private readonly policy: WebhookTargetPolicy;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: DeliveryLedger,
    @Inject(NOTIFIER_CONFIG) private readonly config: NotifierConfig,
  ) {
    this.policy = webhookTargetPolicy(config);
  }

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
    let target: WebhookTarget;
    try {
      target = await resolveWebhookTarget(hook.url, this.policy);
    } catch (err) {
      const which = `webhook URL ${hook.url} of unit ${unitId}`;
      if (err instanceof WebhookTargetRefusedError)
        throw new UnrecoverableError(`${which} refused: ${err.message}; not sent`);
      // A name that does not resolve now may resolve later: retried like an unreachable receiver.
      throw new Error(`${which} unreachable: ${(err as Error).message}`, { cause: err });
    }

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
    let res: PinnedPostResult;
    try {
      res = await postPinned(
        target,
        {
          'content-type': 'application/json',
          [TIMESTAMP_HEADER]: String(timestamp),
          [SIGNATURE_HEADER]: signWebhook(hook.secret, timestamp, body),
          [DELIVERY_ID_HEADER]: key,
        },
        body,
        { timeoutMs: this.config.WEBHOOK_TIMEOUT_MS },
      );
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
    return { sent: hook.url, status: res.status, address: target.address, responseCut: res.cut };
  }
}
