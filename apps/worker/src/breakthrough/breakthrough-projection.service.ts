import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotificationKind, NotificationProducer } from '@app/notifications';
import type { BreakthroughCycleRecord, PublishBreakthroughChangesInput } from '@app/workflows/breakthrough/definitions';
import { CHAIN_COLUMNS_SET, chainValues, newestChainWins } from '../common/projection-chain';
import { RecipientsService } from '../common/recipients.service';

/**
 * Writes a breakthrough cycle's headline row and its history (keyed) in one transaction, then asks
 * for notifications (de-duplicated by key). Safe to run twice.
 */
@Injectable()
export class BreakthroughProjectionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationProducer,
    private readonly recipients: RecipientsService,
  ) {}

  async publish(input: Omit<PublishBreakthroughChangesInput, 'version'>, c: BreakthroughCycleRecord): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO breakthrough_cycle (id, workflow_id, unit_id, year, title, phase, counts, summary, projection_seq, snapshot,
           parent_cycle_id, chain_run_id, chain_started_at)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,COALESCE($10::jsonb, '{}'),$11,$12,$13)
         ON CONFLICT (id) DO UPDATE SET workflow_id = EXCLUDED.workflow_id, title = EXCLUDED.title,
           unit_id = EXCLUDED.unit_id, phase = EXCLUDED.phase, counts = EXCLUDED.counts, summary = EXCLUDED.summary,
           projection_seq = EXCLUDED.projection_seq, ${CHAIN_COLUMNS_SET}, updated_at = now(),
           snapshot = CASE WHEN $10::jsonb IS NULL THEN breakthrough_cycle.snapshot ELSE EXCLUDED.snapshot END
         WHERE ${newestChainWins('breakthrough_cycle', '$13')}`,
        [
          c.cycleId,
          input.workflowId,
          c.unitId,
          c.year,
          c.title,
          c.phase,
          JSON.stringify(c.counts),
          c.summary && JSON.stringify(c.summary),
          c.version,
          c.state ? JSON.stringify(c.state) : null,
          c.state?.setup.parentCycleId ?? null,
          ...chainValues(input.chain),
        ],
      );
      for (const e of input.events) {
        await tx.query(
          `INSERT INTO breakthrough_event (event_key, cycle_id, actor_id, action, occurred_at, after) VALUES ($1,$2,$3,$4,$5,$6) ON CONFLICT (event_key) DO NOTHING`,
          [e.key, e.cycleId, e.actorId, e.action, e.occurredAt, JSON.stringify(e.after)],
        );
      }
    });
    for (const n of input.notifications) {
      const recipientIds = await this.recipients.resolve(n.recipientIds, n.headOfUnitIds);
      if (recipientIds.length === 0) continue;
      await this.notifications.enqueue({
        key: n.key,
        kind: n.kind as NotificationKind,
        recipientIds,
        params: n.params,
        occurredAt: n.occurredAt,
      });
    }
  }
}
