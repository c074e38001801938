import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { DigestDelivery } from '@app/notifications';
import { QueryBatcher } from '../batching/query-batcher';

const MAX_ITEMS_PER_DIGEST = 200;

/** A reminder rendered in its reader's language, to wait in that person's digest of `day`. */
export interface DigestItem {
  itemKey: string;
  personId: string;
  day: string;
  kind: string;
  title: string;
  body: string;
  occurredAt: string;
}

/** What a digest job needs: whether it already went out, who gets it, and the reminders waiting. */
export interface PendingDigest {
  done: boolean;
  person: { id: string; locale: string; email: string | null } | undefined;
  items: Array<{ id: string; title: string; body: string }>;
}

/** A digest that went out (or consumed its number empty), and the items it carried. */
export interface SentDigest {
  itemIds: string[];
  address: string;
  receipt: string | null;
}

/** After a digest: how many of the day's digests exist, and whether reminders still wait for the next. */
export interface DayAfterDigest {
  sent: number;
  waiting: boolean;
}

/** A digest as read; the person's columns are null when the person is not (or no longer) there. */
interface PendingRow {
  n: string;
  done: boolean;
  items: PendingDigest['items'];
  id: string | null;
  locale: string | null;
  email: string | null;
}
type Finish = { digest: DigestDelivery; sent: SentDigest | undefined };

const dayKeys = (rows: Array<{ personId: string; day: string }>) => [
  rows.map((r) => r.personId),
  rows.map((r) => r.day),
];

/**
 * Postgres side of the daily digest. Concurrent jobs share round trips (QueryBatcher): the items of
 * many reminders are stored by one statement, the digests of many people are read by one and
 * recorded by one, instead of a handful of statements (and a transaction) per reminder and digest.
 *
 * Where a batch has two statements, the second runs after the first has committed, on purpose: a
 * digest's number (`seq`) is the count of digests already sent that day, and the rule that keeps a
 * reminder from being stranded is "store the item, then count" against "record the digest, then look
 * for waiting items". Whichever commits second sees the other's row, so either the reminder joins a
 * digest still to run or the finished digest schedules the next one. Counting in the statement that
 * inserts would read a snapshot older than the insert and could miss a digest recorded meanwhile.
 */
@Injectable()
export class DigestStore {
  private readonly stored: QueryBatcher<DigestItem, number>;
  private readonly pending: QueryBatcher<DigestDelivery, PendingDigest>;
  private readonly finished: QueryBatcher<Finish, DayAfterDigest>;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.stored = new QueryBatcher(async (items) => {
      await dataSource.query(
        `INSERT INTO notification_digest_item (item_key, person_id, day, kind, title, body, occurred_at)
         SELECT * FROM unnest($1::text[], $2::text[], $3::date[], $4::text[], $5::text[], $6::text[], $7::timestamptz[])
         ON CONFLICT (item_key) DO NOTHING`,
        [
          items.map((i) => i.itemKey),
          ...dayKeys(items),
          items.map((i) => i.kind),
          items.map((i) => i.title),
          items.map((i) => i.body),
          items.map((i) => i.occurredAt),
        ],
      );
      return sentPerItem(dataSource, items);
    });

    this.pending = new QueryBatcher(async (digests) => {
      const rows: PendingRow[] = await dataSource.query(
        `SELECT k.n, p.id, p.locale, p.email,
                  EXISTS (SELECT 1 FROM notification_digest g
                           WHERE g.person_id = k.person_id AND g.day = k.day AND g.seq = k.seq) AS done,
                  coalesce(w.items, '[]') AS items
             FROM unnest($1::text[], $2::date[], $3::int[]) WITH ORDINALITY AS k(person_id, day, seq, n)
             LEFT JOIN person p ON p.id = k.person_id
             LEFT JOIN LATERAL (
               SELECT json_agg(json_build_object('id', i.id, 'title', i.title, 'body', i.body)
                               ORDER BY i.occurred_at, i.item_key) AS items
                 FROM (SELECT id, title, body, occurred_at, item_key FROM notification_digest_item
                        WHERE person_id = k.person_id AND day = k.day AND digest_seq IS NULL
                        ORDER BY occurred_at, item_key LIMIT ${MAX_ITEMS_PER_DIGEST}) i
             ) w ON true`,
        [...dayKeys(digests), digests.map((d) => d.seq)],
      );
      const byPosition = new Map(rows.map((r) => [Number(r.n), r]));
      return digests.map((_, at) => {
        const r = byPosition.get(at + 1)!;
        return {
          done: r.done,
          person: r.id !== null ? { id: r.id, locale: r.locale ?? 'vi', email: r.email } : undefined,
          items: r.items,
        };
      });
    });

    this.finished = new QueryBatcher(async (finishes) => {
      const sent = finishes.filter((f) => f.sent);
      const carried = sent.flatMap((f) => f.sent!.itemIds.map((id) => ({ id, seq: f.digest.seq })));
      // One statement, so the digest row and the marks on its items commit together.
      if (sent.length)
        await dataSource.query(
          `WITH digest AS (
             INSERT INTO notification_digest (person_id, day, seq, item_count, address, receipt)
             SELECT * FROM unnest($1::text[], $2::date[], $3::int[], $4::int[], $5::text[], $6::text[])
             ON CONFLICT DO NOTHING
           )
           UPDATE notification_digest_item i SET digest_seq = c.seq
             FROM unnest($7::uuid[], $8::int[]) AS c(id, seq)
            WHERE i.id = c.id AND i.digest_seq IS NULL`,
          [
            ...dayKeys(sent.map((f) => f.digest)),
            sent.map((f) => f.digest.seq),
            sent.map((f) => f.sent!.itemIds.length),
            sent.map((f) => f.sent!.address),
            sent.map((f) => f.sent!.receipt),
            carried.map((c) => c.id),
            carried.map((c) => c.seq),
          ],
        );
      const days = finishes.map((f) => f.digest);
      const rows: Array<{ n: string; sent: number; waiting: boolean }> = await dataSource.query(
        `SELECT k.n,
                (SELECT count(*) FROM notification_digest g WHERE g.person_id = k.person_id AND g.day = k.day)::int AS sent,
                EXISTS (SELECT 1 FROM notification_digest_item i
                         WHERE i.person_id = k.person_id AND i.day = k.day AND i.digest_seq IS NULL) AS waiting
           FROM unnest($1::text[], $2::date[]) WITH ORDINALITY AS k(person_id, day, n)`,
        dayKeys(days),
      );
      const byPosition = new Map(rows.map((r) => [Number(r.n), r]));
      return finishes.map((_, at) => {
        const r = byPosition.get(at + 1)!;
        return { sent: r.sent, waiting: r.waiting };
      });
    });
  }

  /** Stores the item unless it exists; resolves with the number of that day's digests already sent. */
  storeItem(item: DigestItem): Promise<number> {
    return this.stored.load(item);
  }

  read(digest: DigestDelivery): Promise<PendingDigest> {
    return this.pending.load(digest);
  }

  /**
   * Records a digest that went out (its number used even when empty) together with its items, then
   * reports the person's day as it stands after that commit. Without `sent` it only reports.
   */
  finish(digest: DigestDelivery, sent?: SentDigest): Promise<DayAfterDigest> {
    return this.finished.load({ digest, sent });
  }
}

/** The count of digests sent per (person, day) of the items, read after the items were committed. */
async function sentPerItem(dataSource: DataSource, items: DigestItem[]): Promise<number[]> {
  const rows: Array<{ person_id: string; day: string; sent: number }> = await dataSource.query(
    `SELECT k.person_id, k.day::text AS day, count(g.seq)::int AS sent
       FROM (SELECT DISTINCT * FROM unnest($1::text[], $2::date[]) AS u(person_id, day)) k
       LEFT JOIN notification_digest g ON g.person_id = k.person_id AND g.day = k.day
      GROUP BY k.person_id, k.day`,
    dayKeys(items),
  );
  const sent = new Map(rows.map((r) => [`${r.person_id}|${r.day}`, r.sent]));
  return items.map((i) => sent.get(`${i.personId}|${i.day}`) ?? 0);
}
