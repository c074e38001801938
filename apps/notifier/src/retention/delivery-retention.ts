import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { vnDateOf } from '@app/domain';
import { NOTIFIER_CONFIG, NotifierConfig } from '../notifier.config';

const DAY_MS = 86_400_000;
/** Rows deleted per statement: each batch is its own short transaction, so delivery never waits long. */
export const PURGE_BATCH = 5_000;
/** Only one notifier purges at a time (the others skip that round). */
const PURGE_LOCK = 0x4e4f5449; // "NOTI"
const FIRST_RUN_DELAY_MS = 60_000;

export interface PurgeResult {
  deliveries: number;
  digestItems: number;
  digests: number;
}

/** The moment before which rows are old when keeping `days` days. */
export function retentionCutoff(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY_MS);
}

async function inBatches(dataSource: DataSource, sql: string, params: unknown[]): Promise<number> {
  let total = 0;
  for (;;) {
    const [, affected] = (await dataSource.query(sql, params)) as [unknown, number];
    total += affected;
    if (affected < PURGE_BATCH) return total;
  }
}

/**
 * Deletes what only served as the idempotency record of deliveries long finished: delivery rows that
 * left before `cutoff`, digest items already sent in a digest of a day before it, and the digests of
 * such days (never one whose day still has an item waiting, since a digest's number counts the rows).
 * Inbox notifications are the people's own and are kept.
 */
export async function purgeDeliveryRows(dataSource: DataSource, cutoff: Date): Promise<PurgeResult> {
  const day = vnDateOf(cutoff);
  const deliveries = await inBatches(
    dataSource,
    `DELETE FROM notification_delivery WHERE id IN (
       SELECT id FROM notification_delivery WHERE delivered_at < $1 LIMIT ${PURGE_BATCH})`,
    [cutoff.toISOString()],
  );
  const digestItems = await inBatches(
    dataSource,
    `DELETE FROM notification_digest_item WHERE id IN (
       SELECT id FROM notification_digest_item WHERE day < $1 AND digest_seq IS NOT NULL LIMIT ${PURGE_BATCH})`,
    [day],
  );
  const digests = await inBatches(
    dataSource,
    `DELETE FROM notification_digest WHERE (person_id, day, seq) IN (
       SELECT d.person_id, d.day, d.seq FROM notification_digest d WHERE d.day < $1
         AND NOT EXISTS (SELECT 1 FROM notification_digest_item i WHERE i.person_id = d.person_id AND i.day = d.day AND i.digest_seq IS NULL)
       LIMIT ${PURGE_BATCH})`,
    [day],
  );
  return { deliveries, digestItems, digests };
}

/**
 * Runs the purge in the notifier once a day (first a minute after start), keeping
 * NOTIFICATION_RETENTION_DAYS days; 0 turns it off. With several notifiers one runs it per round.
 */
@Injectable()
export class DeliveryRetention implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeliveryRetention.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(NOTIFIER_CONFIG) private readonly config: NotifierConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.NOTIFICATION_RETENTION_DAYS === 0) return;
    const round = (delay: number) => {
      this.timer = setTimeout(() => {
        void this.runOnce()
          .catch((err) => this.logger.warn(`delivery clean-up failed, next try in a day: ${(err as Error).message}`))
          .finally(() => this.timer && round(DAY_MS));
      }, delay);
      this.timer.unref();
    };
    round(FIRST_RUN_DELAY_MS);
  }

  onApplicationShutdown(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** One purge under the lock; null when another notifier holds it. */
  async runOnce(now = new Date()): Promise<PurgeResult | null> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [PURGE_LOCK]);
      if (!locked) return null;
      try {
        const result = await purgeDeliveryRows(
          this.dataSource,
          retentionCutoff(now, this.config.NOTIFICATION_RETENTION_DAYS),
        );
        this.logger.log(
          `delivery clean-up (older than ${this.config.NOTIFICATION_RETENTION_DAYS} days): ${result.deliveries} delivery rows, ` +
            `${result.digestItems} digest items, ${result.digests} digests deleted`,
        );
        return result;
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [PURGE_LOCK]);
      }
    } finally {
      await runner.release();
    }
  }
}
