import { DataSource } from 'typeorm';
import { dataSourceOptions, migrate } from '@app/persistence';
import { DigestItem, DigestStore } from './digest-store';

const DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/action_programmes_test';

describe('DigestStore: the digest in Postgres, statements shared by concurrent jobs', () => {
  let ds: DataSource;
  let store: DigestStore;
  const run = `dstore-${process.pid}`;
  const day = '2026-03-24';
  const item = (person: string, n: number, at = `2026-03-24T0${n}:00:00Z`): DigestItem => ({
    itemKey: `${run}-r${n}@${person}`,
    personId: person,
    day,
    kind: 'TASK_DUE_REMINDER',
    title: `Nhắc việc ${n}`,
    body: `Nội dung ${n}`,
    occurredAt: at,
  });

  beforeAll(async () => {
    await migrate(DATABASE_URL);
    ds = await new DataSource(dataSourceOptions(DATABASE_URL)).initialize();
    store = new DigestStore(ds);
    await ds.query(`INSERT INTO org_unit (id, name, kind) VALUES ($1, 'Đơn vị thử', 'DEPARTMENT')`, [`${run}-unit`]);
    await ds.query(
      `INSERT INTO person (id, username, full_name, password_hash, unit_id, email, locale)
       SELECT $1 || '-' || i, $1 || '.' || i, 'Cán bộ ' || i, 'x', $1 || '-unit', $1 || i || '@example.invalid', 'en'
         FROM generate_series(1, 3) i`,
      [run],
    );
  });

  afterAll(async () => {
    await ds.query(`DELETE FROM notification_digest_item WHERE person_id LIKE $1`, [`${run}%`]);
    await ds.query(`DELETE FROM notification_digest WHERE person_id LIKE $1`, [`${run}%`]);
    await ds.query(`DELETE FROM person WHERE id LIKE $1`, [`${run}%`]);
    await ds.query(`DELETE FROM org_unit WHERE id = $1`, [`${run}-unit`]);
    await ds.destroy();
  });

  it('stores the items of concurrent reminders in shared statements, each told how many digests went out', async () => {
    const person = `${run}-1`;
    const query = jest.spyOn(ds, 'query');
    const sent = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => store.storeItem(item(person, n))));
    // The first two go at once (two batches may be in flight), the four made meanwhile share the
    // third: three batches of two statements each, for six reminders.
    expect(query).toHaveBeenCalledTimes(6);
    query.mockRestore();
    expect(sent).toEqual([0, 0, 0, 0, 0, 0]);
    // Storing a reminder again adds nothing.
    await store.storeItem({ ...item(person, 1), title: 'changed' });
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM notification_digest_item WHERE person_id = $1`, [
      person,
    ]);
    expect(n).toBe(6);
  });

  it('reads a digest with its person and waiting items in order; an unknown person reads as undefined', async () => {
    const person = `${run}-2`;
    await Promise.all([store.storeItem(item(person, 2)), store.storeItem(item(person, 1))]);
    const [pending, unknown] = await Promise.all([
      store.read({ personId: person, day, seq: 0 }),
      store.read({ personId: `${run}-nobody`, day, seq: 0 }),
    ]);
    expect(pending).toMatchObject({
      done: false,
      person: { id: person, locale: 'en', email: `${run}2@example.invalid` },
    });
    expect(pending.items.map((i) => i.title)).toEqual(['Nhắc việc 1', 'Nhắc việc 2']);
    expect(unknown).toEqual({ done: false, person: undefined, items: [] });
  });

  it('records a digest with its items at once, then reports reminders stored meanwhile for the next one', async () => {
    const person = `${run}-3`;
    const digest = { personId: person, day, seq: 0 };
    await store.storeItem(item(person, 1));
    const { items } = await store.read(digest);
    // A reminder arriving while the digest is being sent.
    expect(await store.storeItem(item(person, 2))).toBe(0);
    const after = await store.finish(digest, { itemIds: items.map((i) => i.id), address: 'a@x.invalid', receipt: 'r' });
    expect(after).toEqual({ sent: 1, waiting: true });
    expect(await store.read(digest)).toMatchObject({ done: true });
    expect((await store.read({ ...digest, seq: 1 })).items.map((i) => i.title)).toEqual(['Nhắc việc 2']);
    // A reminder stored from now on counts the recorded digest, so it schedules digest 1.
    expect(await store.storeItem(item(person, 3))).toBe(1);
    // A second run of the finished digest records nothing again and only reports.
    expect(await store.finish(digest)).toEqual({ sent: 1, waiting: true });
    const rows = await ds.query(`SELECT seq, item_count, receipt FROM notification_digest WHERE person_id = $1`, [
      person,
    ]);
    expect(rows).toEqual([{ seq: 0, item_count: 1, receipt: 'r' }]);
  });
});
