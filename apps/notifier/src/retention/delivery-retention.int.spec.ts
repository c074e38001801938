import { DataSource } from 'typeorm';
import { dataSourceOptions, migrate } from '@app/persistence';
import { purgeDeliveryRows, retentionCutoff } from './delivery-retention';

const DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/action_programmes_test';

describe('clean-up of old delivery and digest rows', () => {
  let ds: DataSource;
  const run = `ret-${process.pid}`;

  beforeAll(async () => {
    await migrate(DATABASE_URL);
    ds = await new DataSource(dataSourceOptions(DATABASE_URL)).initialize();
  });
  afterAll(async () => {
    await ds.query(`DELETE FROM notification_delivery WHERE event_key LIKE $1`, [`${run}%`]);
    await ds.query(`DELETE FROM notification_digest_item WHERE person_id LIKE $1`, [`${run}%`]);
    await ds.query(`DELETE FROM notification_digest WHERE person_id LIKE $1`, [`${run}%`]);
    await ds.destroy();
  });

  it('deletes only rows older than the retention, and never a day with a reminder still waiting', async () => {
    const now = new Date('2026-06-01T03:00:00Z');
    // 6,001 old deliveries (more than one batch), 2 recent ones.
    await ds.query(
      `INSERT INTO notification_delivery (delivery_key, event_key, channel, target_id, address, delivered_at)
       SELECT $1 || '-old-' || g, $1 || '-old', 'EMAIL', 'p', 'a@example.invalid', timestamptz '2026-01-01' FROM generate_series(1, 6001) g
       UNION ALL SELECT $1 || '-new-' || g, $1 || '-new', 'EMAIL', 'p', 'a@example.invalid', timestamptz '2026-05-30' FROM generate_series(1, 2) g`,
      [run],
    );
    const item = (person: string, day: string, seq: number | null, n: number) =>
      ds.query(
        `INSERT INTO notification_digest_item (item_key, person_id, day, kind, title, body, occurred_at, digest_seq)
         VALUES ($1, $2, $3, 'TASK_DUE_REMINDER', 't', 'b', $3::date, $4)`,
        [`${run}-${person}-${day}-${n}`, `${run}-${person}`, day, seq],
      );
    const digest = (person: string, day: string) =>
      ds.query(
        `INSERT INTO notification_digest (person_id, day, seq, item_count, address) VALUES ($1, $2, 0, 1, 'a@example.invalid')`,
        [`${run}-${person}`, day],
      );
    await item('a', '2026-01-02', 0, 1); // sent long ago: goes
    await digest('a', '2026-01-02');
    await item('b', '2026-01-02', 0, 1); // sent, but another of that day still waits: the day stays whole
    await item('b', '2026-01-02', null, 2);
    await digest('b', '2026-01-02');
    await item('c', '2026-05-31', 0, 1); // recent: stays
    await digest('c', '2026-05-31');

    const result = await purgeDeliveryRows(ds, retentionCutoff(now, 90));

    // The purge is database-wide and other tests leave old rows too: at least this test's old rows went,
    // and exactly the ones that must stay are left (below).
    expect(result.deliveries).toBeGreaterThanOrEqual(6001);
    expect(result.digestItems).toBeGreaterThanOrEqual(2);
    expect(result.digests).toBeGreaterThanOrEqual(1);
    const left = async (sql: string) => (await ds.query(sql, [`${run}%`]))[0].n;
    expect(await left(`SELECT count(*)::int AS n FROM notification_delivery WHERE event_key LIKE $1`)).toBe(2);
    expect(
      await ds.query(
        `SELECT person_id, digest_seq FROM notification_digest_item WHERE person_id LIKE $1 ORDER BY person_id, digest_seq`,
        [`${run}%`],
      ),
    ).toEqual([
      { person_id: `${run}-b`, digest_seq: null },
      { person_id: `${run}-c`, digest_seq: 0 },
    ]);
    expect(
      (await ds.query(`SELECT person_id FROM notification_digest WHERE person_id LIKE $1 ORDER BY 1`, [`${run}%`])).map(
        (r: { person_id: string }) => r.person_id,
      ),
    ).toEqual([`${run}-b`, `${run}-c`]);
    // A second run finds nothing more.
    expect(await purgeDeliveryRows(ds, retentionCutoff(now, 90))).toEqual({
      deliveries: 0,
      digestItems: 0,
      digests: 0,
    });
  });
});
