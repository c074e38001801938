import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AdminAuditEntity } from '@app/persistence';
import type { AuditRow } from './audit-row';

/** Appends audit rows. A row that cannot be written is logged whole, so the act stays on record somewhere. */
@Injectable()
export class AuditRecorder {
  private readonly logger = new Logger('Audit');

  constructor(@InjectRepository(AdminAuditEntity) private readonly rows: Repository<AdminAuditEntity>) {}

  /** Rejects when the row was not written (after logging it). */
  async write(row: AuditRow): Promise<void> {
    try {
      // The jsonb columns are plain JSON values, which TypeORM's deep-partial type cannot express.
      await this.rows.insert(row as QueryDeepPartialEntity<AdminAuditEntity>);
    } catch (err) {
      this.logger.error(
        `AUDIT ROW NOT WRITTEN for ${row.act} (${(err as Error).message}): ${JSON.stringify(row)}`,
        (err as Error).stack,
      );
      throw err;
    }
  }
}
