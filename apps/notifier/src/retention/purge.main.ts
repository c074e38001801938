/**
 * One clean-up of old delivery and digest rows, now, from the command line (the notifier also runs it
 * daily): `npm run notifications:purge` keeps NOTIFICATION_RETENTION_DAYS days; `-- --days N` overrides.
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ConfigError } from '@app/config';
import { dataSourceOptions } from '@app/persistence';
import { loadNotifierConfig } from '../notifier.config';
import { purgeDeliveryRows, retentionCutoff } from './delivery-retention';

export function daysFrom(argv: readonly string[], configured: number): number {
  const at = argv.indexOf('--days');
  if (at < 0) return configured;
  const days = Number(argv[at + 1]);
  if (!Number.isInteger(days) || days < 1 || days > 3650)
    throw new ConfigError([`--days must be a whole number of days from 1 to 3650, got "${argv[at + 1] ?? ''}"`]);
  return days;
}

async function main(): Promise<void> {
  const config = loadNotifierConfig();
  const days = daysFrom(process.argv.slice(2), config.NOTIFICATION_RETENTION_DAYS);
  if (days === 0)
    throw new ConfigError(['NOTIFICATION_RETENTION_DAYS is 0 (clean-up off); pass --days N to purge once']);
  const dataSource = await new DataSource(dataSourceOptions(config.DATABASE_URL)).initialize();
  try {
    const cutoff = retentionCutoff(new Date(), days);
    const result = await purgeDeliveryRows(dataSource, cutoff);
    console.log(
      `deleted rows older than ${days} days (before ${cutoff.toISOString()}): ${result.deliveries} delivery rows, ${result.digestItems} digest items, ${result.digests} digests`,
    );
  } finally {
    await dataSource.destroy();
  }
}

if (require.main === module)
  main().catch((err) => {
    console.error(err instanceof ConfigError ? err.message : err);
    process.exit(1);
  });
