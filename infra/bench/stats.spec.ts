import { percentile, summarise } from './stats';

describe('benchmark statistics', () => {
  it('takes the nearest-rank percentile', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted
    expect(percentile(samples, 50)).toBe(50);
    expect(percentile(samples, 99)).toBe(99);
    expect(percentile(samples, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
  });

  it('summarises and refuses an empty sample', () => {
    expect(summarise([1, 2, 3, 4])).toEqual({ n: 4, p50: 2, p99: 4, mean: 2.5 });
    expect(() => percentile([], 50)).toThrow('no samples');
  });
});
