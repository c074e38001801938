import { QueryBatcher } from './query-batcher';

describe('QueryBatcher', () => {
  it('runs the first call at once and groups the calls made while it is in flight', async () => {
    const batches: number[][] = [];
    const batcher = new QueryBatcher<number, number>(async (keys) => {
      batches.push(keys);
      await new Promise((r) => setTimeout(r, 10));
      return keys.map((k) => k * 2);
    }, 1);
    const results = await Promise.all([1, 2, 3, 4].map((k) => batcher.load(k)));
    expect(results).toEqual([2, 4, 6, 8]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it('fails every call of a failed batch, and carries on with the next', async () => {
    let calls = 0;
    const batcher = new QueryBatcher<number, number>(async (keys) => {
      if (calls++ === 0) throw new Error('db down');
      return keys;
    }, 1);
    await expect(batcher.load(1)).rejects.toThrow('db down');
    await expect(batcher.load(2)).resolves.toBe(2);
  });
});
