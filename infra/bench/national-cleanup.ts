/**
 * Clean-up of old delivery and digest rows: a year of deliveries (three quarters older than the
 * retention) in a database of its own, then the notifier's own purge, timed, with the table sizes
 * before, after it, and after a plain VACUUM (which makes the space reusable, not smaller on disk).
 */
import { DataSource } from 'typeorm';
import { purgeDeliveryRows, retentionCutoff } from '../../apps/notifier/src/retention/delivery-retention';
import { dataSourceOptions, migrate, recreateDatabase } from '../../libs/persistence/src';
import { heading, NATIONAL_DATABASE_URL, SIZE } from './national-common';
import { formatBytes } from './national-plan';

const DATABASE_URL = NATIONAL_DATABASE_URL.replace(/_test$/, '_cleanup_test');
const RETENTION_DAYS = 90;
const TABLES = ['notification_delivery', 'notification_digest_item', 'notification_digest'] as const;

async function sizes(ds: DataSource): Promise<Record<string, { rows: number; bytes: number }>> {
  const out: Record<string, { rows: number; bytes: number }> = {};
  for (const t of TABLES) {
    const [r] = await ds.query(
      `SELECT count(*)::int AS rows, pg_total_relation_size('${t}')::bigint AS bytes FROM ${t}`,
    );
    out[t] = { rows: r.rows, bytes: Number(r.bytes) };
  }
  return out;
}

export async function cleanUp(): Promise<void> {
  heading('clean-up of old delivery and digest rows');
  await recreateDatabase(DATABASE_URL);
  await migrate(DATABASE_URL);
  const ds = await new DataSource(dataSourceOptions(DATABASE_URL)).initialize();
  try {
    const n = SIZE.deliveryRows;
    const t0 = Date.now();
    // A year of e-mail deliveries, one a reminder digest item for half of them, a digest per ten.
    await ds.query(`INSERT INTO notification_delivery (delivery_key, event_key, channel, target_id, address, receipt, delivered_at)
      SELECT 'programme/np' || (g % 20000) || '#' || g || '@n-u' || (g % 60000) || '~email', 'programme/np' || (g % 20000) || '#' || g,
        'EMAIL', 'n-u' || (g % 60000), 'n-u' || (g % 60000) || '@example.invalid', '<' || md5(g::text) || '@mail>',
        now() - (g % 365) * interval '1 day' - (g % 86400) * interval '1 second'
      FROM generate_series(1, ${n}) g`);
    await ds.query(`INSERT INTO notification_digest_item (item_key, person_id, day, kind, title, body, occurred_at, digest_seq)
      SELECT 'task/np' || g || '#r@n-u' || (g % 60000), 'n-u' || (g % 60000), (now() - (g % 365) * interval '1 day')::date,
        'TASK_DUE_REMINDER', 'Nhiệm vụ sắp đến hạn', 'Nhiệm vụ ' || g || ' đến hạn trong 3 ngày', now() - (g % 365) * interval '1 day',
        CASE WHEN g % 365 = 0 THEN NULL ELSE 0 END
      FROM generate_series(1, ${Math.round(n / 2)}) g`);
    await ds.query(`INSERT INTO notification_digest (person_id, day, seq, item_count, address, receipt, sent_at)
      SELECT DISTINCT ON (i.person_id, i.day) i.person_id, i.day, 0, 5, i.person_id || '@example.invalid', 'r', i.day::timestamptz
      FROM notification_digest_item i WHERE i.digest_seq IS NOT NULL AND (hashtext(i.item_key) % 5) = 0`);
    await ds.query('VACUUM ANALYZE notification_delivery, notification_digest_item, notification_digest');
    console.log(`generated in ${((Date.now() - t0) / 1000).toFixed(1)} s; keeping ${RETENTION_DAYS} days`);
    const before = await sizes(ds);
    const started = Date.now();
    const result = await purgeDeliveryRows(ds, retentionCutoff(new Date(), RETENTION_DAYS));
    const took = (Date.now() - started) / 1000;
    const after = await sizes(ds);
    await ds.query('VACUUM notification_delivery, notification_digest_item, notification_digest');
    const vacuumed = await sizes(ds);
    console.log(
      `purge deleted ${result.deliveries} delivery rows, ${result.digestItems} digest items, ${result.digests} digests in ${took.toFixed(1)} s ` +
        `(${Math.round((result.deliveries + result.digestItems + result.digests) / took)} rows/s)`,
    );
    console.log(
      `${'table'.padEnd(26)} ${'before'.padStart(22)} ${'after purge'.padStart(22)} ${'after VACUUM'.padStart(22)}`,
    );
    for (const t of TABLES) {
      const cell = (s: { rows: number; bytes: number }) => `${s.rows} rows ${formatBytes(s.bytes)}`.padStart(22);
      console.log(`${t.padEnd(26)} ${cell(before[t])} ${cell(after[t])} ${cell(vacuumed[t])}`);
    }
    console.log(
      '(a plain VACUUM frees the space for new rows without shrinking the files; VACUUM FULL would lock the tables)',
    );
  } finally {
    await ds.destroy();
  }
}
