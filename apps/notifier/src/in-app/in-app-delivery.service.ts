import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import type { NotificationEvent } from '@app/notifications';
import { renderNotification } from '../templates/notification-templates';

/** Writes one inbox row per (event, person); the `<key>@<person>` key makes it exactly-once. */
@Injectable()
export class InAppDeliveryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async deliver(event: NotificationEvent, personId: string): Promise<{ delivered: boolean }> {
    const [person]: Array<{ id: string; locale: string }> = await this.dataSource.query('SELECT id, locale FROM person WHERE id = $1', [personId]);
    if (!person) throw new UnrecoverableError(`unknown recipient ${personId}`);
    const { title, body } = renderNotification(event.kind, person.locale, event.params);
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO notification (idempotency_key, recipient_id, kind, title, body, programme_id, task_id, payload, created_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
      [`${event.key}@${person.id}`, person.id, event.kind, title, body, event.programmeId ?? null, event.taskId ?? null, JSON.stringify(event.params), event.occurredAt],
    );
    return { delivered: rows.length > 0 };
  }
}
