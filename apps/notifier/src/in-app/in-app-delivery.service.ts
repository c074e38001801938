import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import type { NotificationEvent } from '@app/notifications';
import { QueryBatcher } from '../batching/query-batcher';
import { renderNotification } from '../templates/notification-templates';

interface InboxItem {
  event: NotificationEvent;
  personId: string;
}

export type InboxOutcome = 'delivered' | 'duplicate' | 'unknown';

/**
 * Writes one inbox row per (event, person); the `<key>@<person>` key makes it exactly-once. The row is
 * rendered in both languages and Postgres picks the person's, so one statement (shared by concurrent
 * jobs) finds the person, inserts and reports what happened.
 */
@Injectable()
export class InAppDeliveryService {
  private readonly inserts: QueryBatcher<InboxItem, InboxOutcome>;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.inserts = new QueryBatcher(async (items) => {
      const vi = items.map((i) => renderNotification(i.event.kind, 'vi', i.event.params));
      const en = items.map((i) => renderNotification(i.event.kind, 'en', i.event.params));
      const rows: Array<{ n: string; known: boolean; inserted: boolean }> = await dataSource.query(
        `WITH k AS (
           SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::jsonb[], $11::timestamptz[])
             WITH ORDINALITY AS k(idempotency_key, person_id, kind, title_vi, body_vi, title_en, body_en, programme_id, task_id, payload, created_at, n)
         ), ins AS (
           INSERT INTO notification (idempotency_key, recipient_id, kind, title, body, programme_id, task_id, payload, created_at)
           SELECT k.idempotency_key, p.id, k.kind,
                  CASE WHEN p.locale = 'en' THEN k.title_en ELSE k.title_vi END,
                  CASE WHEN p.locale = 'en' THEN k.body_en ELSE k.body_vi END,
                  k.programme_id, k.task_id, k.payload, k.created_at
             FROM k JOIN person p ON p.id = k.person_id
           ON CONFLICT (idempotency_key) DO NOTHING
           RETURNING idempotency_key
         )
         SELECT k.n, (p.id IS NOT NULL) AS known, (ins.idempotency_key IS NOT NULL) AS inserted
           FROM k LEFT JOIN person p ON p.id = k.person_id LEFT JOIN ins ON ins.idempotency_key = k.idempotency_key`,
        [
          items.map((i) => `${i.event.key}@${i.personId}`),
          items.map((i) => i.personId),
          items.map((i) => i.event.kind),
          vi.map((r) => r.title),
          vi.map((r) => r.body),
          en.map((r) => r.title),
          en.map((r) => r.body),
          items.map((i) => i.event.programmeId ?? null),
          items.map((i) => i.event.taskId ?? null),
          items.map((i) => JSON.stringify(i.event.params)),
          items.map((i) => i.event.occurredAt),
        ],
      );
      const byPosition = new Map(rows.map((r) => [Number(r.n), r]));
      return items.map((_, i) => {
        const r = byPosition.get(i + 1);
        return !r?.known ? 'unknown' : r.inserted ? 'delivered' : 'duplicate';
      });
    });
  }

  /** Writes the inbox row unless it exists; 'unknown' when the person is not (or no longer) there. */
  write(event: NotificationEvent, personId: string): Promise<InboxOutcome> {
    return this.inserts.load({ event, personId });
  }

  async deliver(event: NotificationEvent, personId: string): Promise<{ delivered: boolean }> {
    const outcome = await this.write(event, personId);
    if (outcome === 'unknown') throw new UnrecoverableError(`unknown recipient ${personId}`);
    return { delivered: outcome === 'delivered' };
  }
}
