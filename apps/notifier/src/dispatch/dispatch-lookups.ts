import type { DataSource } from 'typeorm';
import { QueryBatcher } from '../batching/query-batcher';

export interface Recipient {
  id: string;
  unit_id: string;
  active: boolean;
  locale: string;
  email: string | null;
  notification_channels: string[];
  unit_webhook: boolean;
}

/** The people, their language, address and channels, and whether their unit has an active webhook. */
export function recipientLookup(dataSource: DataSource): QueryBatcher<string, Recipient | undefined> {
  return new QueryBatcher(async (ids) => {
    const rows: Recipient[] = await dataSource.query(
      `SELECT p.id, p.unit_id, p.active, p.locale, p.email, p.notification_channels,
              (w.unit_id IS NOT NULL) AS unit_webhook
         FROM person p LEFT JOIN unit_webhook w ON w.unit_id = p.unit_id AND w.active
        WHERE p.id = ANY($1::text[])`,
      [[...new Set(ids)]],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id));
  });
}

export interface EventSubject {
  programmeId: string | null;
  taskId: string | null;
}

/** The restricted programme an event is about (itself, or its task's), or null when it is not secret. */
export function restrictedLookup(dataSource: DataSource): QueryBatcher<EventSubject, string | null> {
  return new QueryBatcher(async (subjects) => {
    const rows: Array<{ n: string; programme_id: string }> = await dataSource.query(
      `SELECT k.n, r.programme_id
         FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS k(programme_id, task_id, n)
         JOIN LATERAL (
           SELECT rp.programme_id FROM restricted_programme rp
            WHERE rp.programme_id = k.programme_id
               OR rp.programme_id = (SELECT t.programme_id FROM task t WHERE t.id = k.task_id)
            LIMIT 1
         ) r ON true`,
      [subjects.map((s) => s.programmeId), subjects.map((s) => s.taskId)],
    );
    const byPosition = new Map(rows.map((r) => [Number(r.n), r.programme_id]));
    return subjects.map((_, at) => byPosition.get(at + 1) ?? null);
  });
}
