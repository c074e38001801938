import { ConfigError } from '@app/config';
import { retentionCutoff } from './delivery-retention';
import { daysFrom } from './purge.main';

describe('notifications:purge', () => {
  it('takes --days over the configured retention, refusing what is not 1–3650 whole days', () => {
    expect(daysFrom([], 90)).toBe(90);
    expect(daysFrom(['--days', '30'], 90)).toBe(30);
    for (const bad of [['--days'], ['--days', '0'], ['--days', '1.5'], ['--days', 'x'], ['--days', '4000']])
      expect(() => daysFrom(bad, 90)).toThrow(ConfigError);
  });

  it('cuts off whole days before now', () => {
    expect(retentionCutoff(new Date('2026-06-01T00:00:00Z'), 90).toISOString()).toBe('2026-03-03T00:00:00.000Z');
  });
});
