import { DocumentMissingError, DocumentStorage, StoredObject } from './document-storage';
import { putThenRecord } from './put-then-record';
import { sha256Hex } from './sigv4';

/** A store in memory that can be told to refuse removals. */
class MemoryStorage implements DocumentStorage {
  readonly objects = new Map<string, Buffer>();
  refuseDelete = false;

  async put(key: string, bytes: Buffer): Promise<StoredObject> {
    this.objects.set(key, bytes);
    return { sizeBytes: bytes.length, sha256: sha256Hex(bytes) };
  }
  async get(key: string): Promise<Buffer> {
    const bytes = this.objects.get(key);
    if (!bytes) throw new DocumentMissingError(key);
    return bytes;
  }
  async delete(key: string): Promise<void> {
    if (this.refuseDelete) throw new Error('store unreachable');
    this.objects.delete(key);
  }
}

describe('putThenRecord', () => {
  const object = { key: 'reports/r1', bytes: Buffer.from('báo cáo'), contentType: 'application/pdf' };

  it('writes the row after the bytes, handing it their size and checksum', async () => {
    const storage = new MemoryStorage();
    const seen: string[] = [];
    const row = await putThenRecord(storage, object, async (stored) => {
      seen.push(`row written with ${[...storage.objects.keys()].join()} stored`);
      return { id: 'r1', ...stored };
    });
    expect(seen).toEqual(['row written with reports/r1 stored']);
    expect(row).toEqual({ id: 'r1', sizeBytes: object.bytes.length, sha256: sha256Hex(object.bytes) });
    expect(storage.objects.has('reports/r1')).toBe(true);
  });

  /** What TypeORM throws when Postgres answers an error: pg's error, with its SQLSTATE, as `driverError`. */
  const queryFailed = (code: string) => Object.assign(new Error('query failed'), { driverError: { code } });

  it('removes the bytes when Postgres refused the row, and passes the refusal on', async () => {
    for (const refusal of [queryFailed('23505'), queryFailed('40001'), queryFailed('22P02')]) {
      const storage = new MemoryStorage();
      await expect(putThenRecord(storage, object, () => Promise.reject(refusal))).rejects.toBe(refusal);
      expect(storage.objects.size).toBe(0);
    }
  });

  it('keeps the bytes when the row may have been written (connection lost, maybe during COMMIT)', async () => {
    for (const unsure of [
      new Error('Connection terminated unexpectedly'),
      queryFailed('57P01'),
      queryFailed('08006'),
    ]) {
      const storage = new MemoryStorage();
      await expect(putThenRecord(storage, object, () => Promise.reject(unsure))).rejects.toBe(unsure);
      expect(storage.objects.has('reports/r1')).toBe(true);
    }
  });

  it('removes the bytes when another writer’s row is there already (null)', async () => {
    const storage = new MemoryStorage();
    expect(await putThenRecord(storage, object, async () => null)).toBeNull();
    expect(storage.objects.size).toBe(0);
  });

  it('leaves at worst an orphaned object, still failing with the row’s own error', async () => {
    const storage = new MemoryStorage();
    storage.refuseDelete = true;
    const refusal = queryFailed('23505');
    await expect(putThenRecord(storage, object, () => Promise.reject(refusal))).rejects.toBe(refusal);
    expect(storage.objects.has('reports/r1')).toBe(true);
  });

  it('writes no row when the bytes could not be stored', async () => {
    const storage = new MemoryStorage();
    storage.put = () => Promise.reject(new Error('bucket full'));
    const record = jest.fn();
    await expect(putThenRecord(storage, object, record)).rejects.toThrow('bucket full');
    expect(record).not.toHaveBeenCalled();
  });
});
