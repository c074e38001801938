import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Role } from '@app/domain';

/** Turns "tell the head of these units" into people, at the moment the notification is enqueued. */
@Injectable()
export class RecipientsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The named people plus the active heads of the units; `fallbackIds` when a unit has no head. */
  async resolve(recipientIds: string[], headOfUnitIds: string[], fallbackIds: string[] = []): Promise<string[]> {
    if (headOfUnitIds.length === 0) return [...new Set(recipientIds)];
    // A unit restructured away hands its head's notices to its successor's head (merged, renamed, abolished).
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `WITH RECURSIVE chain AS (
         SELECT id, successor_id, status, 0 AS depth FROM org_unit WHERE id = ANY($1)
         UNION ALL
         SELECT u.id, u.successor_id, u.status, c.depth + 1 FROM org_unit u JOIN chain c ON u.id = c.successor_id
          WHERE c.status <> 'ACTIVE' AND c.depth < 10)
       SELECT id FROM person WHERE unit_id IN (SELECT id FROM chain WHERE status = 'ACTIVE' OR successor_id IS NULL)
         AND $2 = ANY(roles) AND active ORDER BY id`,
      [headOfUnitIds, Role.HEAD],
    );
    const heads = rows.map((r) => r.id);
    return [...new Set([...recipientIds, ...heads, ...(heads.length ? [] : fallbackIds)])];
  }
}
