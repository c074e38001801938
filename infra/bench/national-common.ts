/** What the parts of the national benchmark share: the scale, the load average, a recording data source. */
import { loadavg } from 'node:os';
import type { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { parseScale, sizesAt, type NationalSize } from './national-plan';

export const SCALE = parseScale(process.env.BENCH_NATIONAL_SCALE);
export const SIZE: NationalSize = sizesAt(SCALE);
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
/** The national read model's own database (ends in _test: only such databases may be dropped and made again). */
export const NATIONAL_DATABASE_URL =
  process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/action_programmes_bench_national_test';

export function load(): string {
  return loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
}

export function heading(title: string): void {
  console.log(`\n=== ${title} (scale ${SCALE}, load average ${load()}) ===`);
}

export function goal(met: boolean): string {
  return met ? 'met' : 'NOT met';
}

/**
 * A stand-in DataSource that records every statement a service runs (and runs it on `db`, one after
 * another), so the bare SQL can be replayed beside the endpoint: the same statements, the same values.
 */
export function recordingDataSource(db: Client): {
  dataSource: DataSource;
  statements: Array<{ sql: string; params: unknown[] }>;
} {
  const statements: Array<{ sql: string; params: unknown[] }> = [];
  let queue: Promise<unknown> = Promise.resolve();
  const run = (sql: string, params: unknown[] = []) =>
    (queue = queue.then(() => db.query(sql, params))) as Promise<{ rows: unknown[] }>;
  const dataSource = {
    query: async (sql: string, params: unknown[] = []) => (
      statements.push({ sql, params }),
      (await run(sql, params)).rows
    ),
  } as unknown as DataSource;
  return { dataSource, statements };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, Math.max(0, ms)));
}
