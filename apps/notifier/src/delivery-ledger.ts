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

type LedgerOp = { read: { personId: string; deliveryKey: string } } | { record: SentMail };

/**
 * Postgres side of e-mail and webhook delivery: who a person is now (an address may have changed)
 * and whether a delivery already went out; recording one that did. Concurrent jobs share round trips:
 * the look-ups and the records waiting at the same moment go to Postgres as one statement.
 */
@Injectable()
export class DeliveryLedger {
  private readonly ops: QueryBatcher<LedgerOp, MailRecipient | undefined>;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.ops = new QueryBatcher(async (ops) => {
      const reads: Array<{ personId: string; deliveryKey: string; at: number }> = [];
      const records: SentMail[] = [];
      ops.forEach((op, at) => ('read' in op ? reads.push({ ...op.read, at }) : records.push(op.record)));
      const col = <K extends keyof SentMail>(k: K) => records.map((r) => r[k]);
      // A look-up never asks about a record of the same batch (one job reads before it sends and
      // records after), so the look-up not seeing this statement's own inserts changes nothing.
      const rows: Array<MailRecipient & { n: number }> = await dataSource.query(
        `WITH recorded AS (
           INSERT INTO notification_delivery (delivery_key, event_key, channel, target_id, address, receipt)
           SELECT * FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
           ON CONFLICT (delivery_key) DO NOTHING
         )
         SELECT k.n, p.id, p.locale, p.email, p.active, (d.delivery_key IS NOT NULL) AS sent
           FROM unnest($1::text[], $2::text[], $9::int[]) AS k(person_id, delivery_key, n)
           JOIN person p ON p.id = k.person_id
           LEFT JOIN notification_delivery d ON d.delivery_key = k.delivery_key`,
        [
          reads.map((r) => r.personId),
          reads.map((r) => r.deliveryKey),
          col('deliveryKey'),
          col('eventKey'),
          col('channel'),
          col('targetId'),
          col('address'),
          col('receipt'),
          reads.map((r) => r.at),
        ],
      );
      const byPosition = new Map(rows.map(({ n, ...r }) => [Number(n), r]));
      return ops.map((_, at) => byPosition.get(at));
    });
  }

  recipient(personId: string, deliveryKey: string): Promise<MailRecipient | undefined> {
    return this.ops.load({ read: { personId, deliveryKey } });
  }

  async recordSent(mail: SentMail): Promise<void> {
    await this.ops.load({ record: mail });
  }
}
