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
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM person WHERE unit_id = ANY($1) AND $2 = ANY(roles) AND active ORDER BY id`,
      [headOfUnitIds, Role.HEAD],
    );
    const heads = rows.map((r) => r.id);
    return [...new Set([...recipientIds, ...heads, ...(heads.length ? [] : fallbackIds)])];
  }
}
