import {
  formatBytes,
  NATIONAL,
  openLoopSchedule,
  parseScale,
  perItem,
  scheduleLag,
  sizesAt,
  unevenSplit,
} from './national-plan';

describe('national benchmark plan', () => {
  it('reads the scale, refusing what is not in (0, 1]', () => {
    expect(parseScale(undefined)).toBe(1);
    expect(parseScale('0.01')).toBe(0.01);
    for (const bad of ['0', '-1', '2', 'abc']) expect(() => parseScale(bad)).toThrow(/BENCH_NATIONAL_SCALE/);
  });

  it('keeps 34 provinces and the full figures at scale 1', () => {
    expect(sizesAt(1)).toMatchObject({ provinces: 34, communes: 3321, tasks: 1_000_000, reminders: 100_000 });
    expect(sizesAt(1).actionSeconds).toBe(NATIONAL.actionSeconds);
  });

  it('scales down but keeps every province at least one commune and programme', () => {
    const s = sizesAt(0.001);
    expect(s.provinces).toBe(34);
    expect(s.communes).toBe(34);
    expect(s.programmes).toBe(34);
    expect(s.tasks).toBe(1000);
    expect(s.actionsPerSecond).toBe(100);
    expect(s.actionSeconds).toBe(5);
    expect(sizesAt(0.05).actionSeconds).toBe(30);
  });

  it('splits communes over provinces unevenly, largest first, summing exactly', () => {
    const sizes = unevenSplit(3321, 34);
    expect(sizes).toHaveLength(34);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(3321);
    for (let i = 1; i < sizes.length; i++) expect(sizes[i]).toBeLessThanOrEqual(sizes[i - 1] + 1);
    expect(sizes[0] / sizes[33]).toBeGreaterThan(3);
    expect(sizes[0] / sizes[33]).toBeLessThan(4.5);
    expect(unevenSplit(34, 34)).toEqual(Array(34).fill(1));
    expect(unevenSplit(5, 1)).toEqual([5]);
    expect(() => unevenSplit(3, 4)).toThrow(/cannot split/);
  });

  it('schedules an open loop evenly and measures how late it sent', () => {
    const plan = openLoopSchedule(100, 2);
    expect(plan).toHaveLength(200);
    expect(plan[1] - plan[0]).toBe(10);
    expect(plan[199]).toBe(1990);
    expect(() => openLoopSchedule(0, 1)).toThrow();
    const lag = scheduleLag([0, 10, 20, 30], [1, 10, 45, 29]);
    expect(lag).toEqual({ max: 25, p99: 25 });
    expect(() => scheduleLag([0], [])).toThrow();
  });

  it('gives bytes per item and prints sizes', () => {
    expect(perItem(1000, 3000, 4)).toBe(500);
    expect(() => perItem(0, 1, 0)).toThrow();
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MiB');
  });
});
