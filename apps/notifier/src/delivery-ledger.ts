import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { QueryBatcher } from './batching/query-batcher';

export interface MailRecipient {
  id: string;
  locale: string;
  email: string | null;
  active: boolean;
  /** Whether the delivery asked about was already recorded as sent. */
  sent: boolean;
}

export interface SentMail {
  deliveryKey: string;
  eventKey: string;
  channel: 'EMAIL' | 'WEBHOOK';
  targetId: string;
  address: string;
  receipt: string | null;
}

/**
 * Postgres side of e-mail and webhook delivery: who a person is now (an address may have changed)
 * and whether a delivery already went out; recording one that did. Concurrent jobs share round trips.
 */
@Injectable()
export class DeliveryLedger {
  private readonly recipients: QueryBatcher<{ personId: string; deliveryKey: string }, MailRecipient | undefined>;
  private readonly records: QueryBatcher<SentMail, undefined>;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.recipients = new QueryBatcher(async (keys) => {
      const rows: Array<MailRecipient & { n: number }> = await dataSource.query(
        `SELECT k.n, p.id, p.locale, p.email, p.active, (d.delivery_key IS NOT NULL) AS sent
           FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS k(person_id, delivery_key, n)
           JOIN person p ON p.id = k.person_id
           LEFT JOIN notification_delivery d ON d.delivery_key = k.delivery_key`,
        [keys.map((k) => k.personId), keys.map((k) => k.deliveryKey)],
      );
      const byPosition = new Map(rows.map(({ n, ...r }) => [Number(n), r]));
      return keys.map((_, i) => byPosition.get(i + 1));
    });
    this.records = new QueryBatcher(async (rows) => {
      const col = <K extends keyof SentMail>(k: K) => rows.map((r) => r[k]);
      await dataSource.query(
        `INSERT INTO notification_delivery (delivery_key, event_key, channel, target_id, address, receipt)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
         ON CONFLICT (delivery_key) DO NOTHING`,
        [col('deliveryKey'), col('eventKey'), col('channel'), col('targetId'), col('address'), col('receipt')],
      );
      return rows.map(() => undefined);
    });
  }

  recipient(personId: string, deliveryKey: string): Promise<MailRecipient | undefined> {
    return this.recipients.load({ personId, deliveryKey });
  }

  async recordSent(mail: SentMail): Promise<void> {
    await this.records.load(mail);
  }
}
