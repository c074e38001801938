import { DEFAULT_BACKOFF, nextRestartDelay } from './restart-backoff';

describe('nextRestartDelay', () => {
  it('starts at 1 s and doubles while the app keeps crashing, up to 30 s', () => {
    const delays: number[] = [];
    let delay = 0;
    for (let i = 0; i < 8; i++) delays.push((delay = nextRestartDelay(delay, 500)));
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });

  it('starts again from 1 s once the app stayed up a minute', () => {
    expect(nextRestartDelay(30_000, 59_999)).toBe(30_000);
    expect(nextRestartDelay(30_000, 60_000)).toBe(1000);
  });

  it('follows the given options', () => {
    const opts = { ...DEFAULT_BACKOFF, initialMs: 100, maxMs: 250, stableMs: 1000 };
    expect([nextRestartDelay(0, 0, opts), nextRestartDelay(100, 0, opts), nextRestartDelay(200, 0, opts)]).toEqual([
      100, 200, 250,
    ]);
  });
});
